-- The node that runs a job (keyfob.node-name), so a node that restarts after a crash can fail its own
-- jobs at once instead of waiting for their heartbeat to go stale.
alter table seed_import_job add column node_name varchar(256);
