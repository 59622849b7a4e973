-- Settled deliveries are deleted once older than upright.delivery.keep-log, their webhook attempts with them.
alter table webhook_message drop constraint webhook_message_delivery_id_fkey,
    add constraint webhook_message_delivery_id_fkey foreign key (delivery_id) references delivery (id) on delete cascade;
create index delivery_settled on delivery (updated_at) where status <> 'pending';
