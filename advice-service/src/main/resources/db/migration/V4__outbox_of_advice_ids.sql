-- The outbox holds which advice awaits publishing, in the order it was issued, and nothing else:
-- the advice row is the record, so advice is written once instead of once more as a payload, and
-- a published entry is deleted, not updated and kept.
create table outbox_advice (
    seq       bigint generated always as identity primary key,
    advice_id uuid not null
);
insert into outbox_advice (advice_id)
select id from outbox_message where published_at is null order by created_at;
drop table outbox_message;
