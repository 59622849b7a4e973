-- Endpoints people register for webhook nudges; the secret signs every message (Standard Webhooks).
create table webhook_endpoint (
    id          uuid primary key,
    user_id     text not null,
    url         text not null,
    secret      text not null,
    created_at  timestamptz not null
);
create index webhook_endpoint_by_user on webhook_endpoint (user_id);

-- One message per webhook delivery and endpoint; its id is the webhook-id, the same on every retry.
create table webhook_message (
    id              uuid primary key,
    delivery_id     uuid not null references delivery (id),
    endpoint_id     uuid not null references webhook_endpoint (id) on delete cascade,
    status          text not null,
    attempts        int not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    updated_at      timestamptz not null
);
create index webhook_message_due on webhook_message (next_attempt_at) where status = 'pending';
