-- Every $filter property of the inventory list is served by an index that also yields the
-- serial-number order, so a filtered page is an index range scan, however deep the page.
-- Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode.
drop index ix_hardware_oath_token_assigned_to;
create index ix_hardware_oath_token_assigned_to on hardware_oath_token (assigned_to, serial_key);
create index ix_hardware_oath_token_hash_function on hardware_oath_token (hash_function, serial_key);
create index ix_hardware_oath_token_time_interval on hardware_oath_token (time_interval_seconds, serial_key);
