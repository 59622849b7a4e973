-- Each person's one-click unsubscribe token (RFC 8058), made with their first e-mail nudge: it only
-- turns e-mail off, so it is kept as it is sent, and it stays the same, so every mail's link works.
create table email_unsubscribe (
    user_id    text primary key,
    token      text not null unique,
    created_at timestamptz not null
);
