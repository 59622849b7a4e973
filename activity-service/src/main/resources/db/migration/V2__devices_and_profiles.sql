-- A person's devices. The token itself is shown once and never stored: only its SHA-256.
create table device (
    id         uuid primary key,
    user_id    text not null,
    name       text not null,
    token_hash bytea not null unique,
    created_at timestamptz not null,
    revoked_at timestamptz
);
create index device_owner on device (user_id);

-- What Upright needs to know about a person: the time zone their weeks are counted in, and the
-- birth year for heart-rate zones (maximum heart rate = 220 - age).
create table profile (
    user_id    text primary key,
    time_zone  text not null,
    birth_year integer,
    updated_at timestamptz not null
);
