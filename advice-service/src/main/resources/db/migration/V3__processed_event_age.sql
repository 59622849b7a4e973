-- Applied event ids are deleted once older than upright.dedupe.keep-processed.
create index processed_event_age on processed_event (processed_at);
