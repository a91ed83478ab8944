-- The token inventory (Graph: hardwareOathDevices). Portable SQL: runs on PostgreSQL and on H2 in
-- PostgreSQL mode.
create table hardware_oath_token (
	id                      uuid          primary key,
	serial_number           varchar(256)  not null,
	-- trimmed and lower-cased: serial numbers are unique regardless of case and stray spaces
	serial_key              varchar(256)  not null,
	display_name            varchar(256),
	manufacturer            varchar(256)  not null,
	model                   varchar(256)  not null,
	otp_type                varchar(8)    not null,
	hash_function           varchar(16)   not null,
	digits                  smallint      not null,
	time_interval_seconds   integer,
	status                  varchar(20)   not null,
	assigned_to             uuid,
	-- the seed, sealed with AES-256-GCM under the master key named by seed_key_id
	seed_key_id             varchar(32)   not null,
	seed_nonce              bytea         not null,
	seed_ciphertext         bytea         not null,
	-- HOTP: the next counter value the token is expected to show
	hotp_counter            bigint,
	-- TOTP: the last accepted time step; a code at or below it is a replay
	last_used_step          bigint,
	drift_steps             integer       not null default 0,
	created_date_time       timestamp with time zone not null,
	last_used_date_time     timestamp with time zone,
	version                 integer       not null default 0,
	constraint uk_hardware_oath_token_serial unique (serial_key)
);

create index ix_hardware_oath_token_status on hardware_oath_token (status, serial_key);
create index ix_hardware_oath_token_assigned_to on hardware_oath_token (assigned_to);
create index ix_hardware_oath_token_manufacturer on hardware_oath_token (manufacturer, serial_key);
create index ix_hardware_oath_token_model on hardware_oath_token (model, serial_key);
