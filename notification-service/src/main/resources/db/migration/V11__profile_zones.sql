-- The zone each person gave their profile in activity-service, from the profiles topic: their
-- preferences fall back on it when they name no zone of their own. The newest profile wins.
create table profile_zone (
    user_id    text primary key,
    time_zone  text,
    updated_at timestamptz not null
);
