-- The event ids each person has had accepted: a retried post is answered as a duplicate.
-- advice-service dedupes too; this keeps retries off the topic.
create table accepted_event (
    user_id     text not null,
    event_id    uuid not null,
    accepted_at timestamptz not null,
    primary key (user_id, event_id)
);
create index accepted_event_age on accepted_event (accepted_at);
