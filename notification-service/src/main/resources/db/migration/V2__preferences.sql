-- Each person's nudge preferences, as the JSON document they PUT; absent means the defaults.
create table preferences (
    user_id    text primary key,
    document   text not null,
    updated_at timestamptz not null
);
