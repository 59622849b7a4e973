-- Each send sums up its delivery's messages (attempts, failed, all delivered); without this index
-- every send scanned the whole webhook_message table, which grew slower with every message.
create index webhook_message_by_delivery on webhook_message (delivery_id);
