-- A delivery's place in the live stream is given when it is made available, not when it is planned:
-- a nudge held back by quiet hours then comes after what went out meanwhile, and a client that saw
-- those still gets it. Places already given keep their value, so the Last-Event-IDs clients hold
-- stay valid, and new ones come after all of them.
create sequence stream_position;
alter table delivery add column stream_position bigint;
update delivery set stream_position = seq where channel = 'stream' and status = 'delivered';
select setval('stream_position', greatest(coalesce((select max(seq) from delivery), 0), 1));
drop index delivery_stream;
alter table delivery drop column seq;
create index delivery_stream on delivery (user_id, stream_position) where stream_position is not null;
create index delivery_stream_position on delivery (stream_position) where stream_position is not null;
