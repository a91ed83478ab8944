-- Per user and token: when the user registered the token as a method, and the state that
-- guards codes against guessing (consecutive failures, lock) and the half-finished
-- two-code activation. A row may exist for a token the user tried to claim and does not
-- hold. Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode.
create table hardware_oath_method_state (
	user_id                     uuid          not null,
	token_id                    uuid          not null,
	registered_date_time        timestamp with time zone,
	-- consecutive failed codes since the last success or admin unlock
	failures                    integer       not null default 0,
	last_failure_date_time      timestamp with time zone,
	locked_until                timestamp with time zone,
	-- the last wrong code, sealed under the master key, so the same typo counts once
	last_wrong_key_id           varchar(32),
	last_wrong_nonce            bytea,
	last_wrong_ciphertext       bytea,
	-- a first activation code found outside the narrow window: where it matched
	pending_drift_steps         integer,
	pending_position            bigint,
	pending_expires             timestamp with time zone,
	constraint pk_hardware_oath_method_state primary key (user_id, token_id)
);

create index ix_hardware_oath_method_state_token on hardware_oath_method_state (token_id);
