-- A person registers an address once: twice would sign and send every nudge to it twice. Where an
-- address was registered more than once, the first registration stays; the same nudges reach the
-- address through it.
delete from webhook_endpoint e using webhook_endpoint first
 where first.user_id = e.user_id and first.url = e.url and (first.created_at, first.id) < (e.created_at, e.id);
create unique index webhook_endpoint_once_per_address on webhook_endpoint (user_id, url);
