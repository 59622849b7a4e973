-- Every advice a person received, once: the advice id is the dedupe key.
create table notification (
    advice_id       uuid primary key,
    user_id         text not null,
    rule_id         text not null,
    severity        text not null,
    message         text not null,
    figure          double precision not null,
    target          double precision not null,
    unit            text not null,
    source_document text not null,
    source_section  text not null,
    source_point    text not null,
    period          text,
    issued_at       timestamptz not null,
    received_at     timestamptz not null,
    read_at         timestamptz
);
create index notification_inbox on notification (user_id, issued_at desc);
