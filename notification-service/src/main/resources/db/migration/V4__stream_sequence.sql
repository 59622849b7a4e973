-- The live stream's event ids: a delivery's place in the order it was made available, so a client
-- that reconnects with Last-Event-ID gets exactly what it missed.
alter table delivery add column seq bigint generated always as identity;
alter table delivery add column delivered_at timestamptz;
create index delivery_stream on delivery (user_id, seq) where channel = 'stream' and status = 'delivered';
create index delivery_due on delivery (due_at) where status = 'pending';
