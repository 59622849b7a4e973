-- How sending went, beside the policy's reason for the decision: skipped, retried, failed and why.
alter table delivery add column detail text;
