-- A lost, stolen, broken or retired token is blocked (status BLOCKED): held by nobody and
-- usable by nobody until a policy administrator unblocks it. Portable SQL: runs on PostgreSQL
-- and on H2 in PostgreSQL mode.
alter table hardware_oath_token add column block_reason varchar(16);
-- who blocked it: a user (an admin, or the holder reporting it lost) and/or the application
alter table hardware_oath_token add column blocked_by_user_id uuid;
alter table hardware_oath_token add column blocked_by_app_id varchar(256);
alter table hardware_oath_token add column blocked_date_time timestamp with time zone;
