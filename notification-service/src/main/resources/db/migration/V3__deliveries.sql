-- What the nudge policy decided for each advice on each channel the person has on, and why;
-- the delivery log. Channel senders move pending rows on to delivered or failed.
create table delivery (
    id          uuid primary key,
    advice_id   uuid not null,
    user_id     text not null,
    rule_id     text not null,
    channel     text not null,
    decision    text not null,
    reason      text not null,
    due_at      timestamptz not null,
    status      text not null,
    attempts    int not null default 0,
    decided_at  timestamptz not null,
    updated_at  timestamptz not null,
    constraint delivery_once_per_channel unique (advice_id, channel)
);
create index delivery_log on delivery (user_id, decided_at desc);
create index delivery_pushed on delivery (user_id, rule_id, decided_at) where decision = 'push';
