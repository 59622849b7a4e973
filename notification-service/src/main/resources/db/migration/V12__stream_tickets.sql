-- Tickets that open a person's live stream without an Authorization header (a browser's EventSource
-- cannot send one). Only a SHA-256 of a ticket is kept; expired ones are deleted as new ones are made.
create table stream_ticket (
    ticket_hash bytea primary key,
    user_id     text not null,
    expires_at  timestamptz not null
);
create index stream_ticket_expiry on stream_ticket (expires_at);
