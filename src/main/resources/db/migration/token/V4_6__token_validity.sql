-- When a token's codes may be accepted: from a vendor's start date to its expiry date.
-- Either end may be open. Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode.
alter table hardware_oath_token add column valid_from timestamp with time zone;
alter table hardware_oath_token add column valid_until timestamp with time zone;
-- the housekeeping list of tokens that expire soon
create index ix_hardware_oath_token_valid_until on hardware_oath_token (valid_until, serial_key);
