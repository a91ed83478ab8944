-- RADIUS clients (NAS) and the State of challenge-mode sign-ins. Portable SQL: runs on
-- PostgreSQL and on H2 in PostgreSQL mode.
create table radius_client (
	id                              uuid          primary key,
	display_name                    varchar(256)  not null,
	-- an IP address or a CIDR range, as the administrator wrote it (normalised)
	address                         varchar(64)   not null,
	mode                            varchar(20)   not null,
	require_message_authenticator   boolean       not null,
	strip_realm                     boolean       not null,
	append_realm                    varchar(253),
	-- the shared secret, sealed with AES-256-GCM under the master key named by secret_key_id
	secret_key_id                   varchar(32)   not null,
	secret_nonce                    bytea         not null,
	secret_ciphertext               bytea         not null,
	created_date_time               timestamp with time zone not null
);

-- The State of an Access-Challenge: single use (the second request deletes it) and valid
-- for two minutes, so that any node can take the second request.
create table radius_challenge (
	state           varchar(64)   primary key,
	client_id       uuid          not null,
	user_id         uuid          not null,
	expires_at      timestamp with time zone not null
);

create index ix_radius_challenge_expires_at on radius_challenge (expires_at);
