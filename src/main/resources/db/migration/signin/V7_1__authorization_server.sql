-- The authorization server's clients, authorizations and consents: Spring Security's schema made
-- portable. Its blob columns are varchar without a length here (text-like on PostgreSQL and H2
-- alike), so both report the same JDBC type, and its timestamps keep their time zone.
create table oauth2_registered_client (
	id                              varchar(100)  not null primary key,
	client_id                       varchar(100)  not null,
	client_id_issued_at             timestamp with time zone default current_timestamp not null,
	client_secret                   varchar(200),
	client_secret_expires_at        timestamp with time zone,
	client_name                     varchar(200)  not null,
	client_authentication_methods   varchar(1000) not null,
	authorization_grant_types       varchar(1000) not null,
	redirect_uris                   varchar(1000),
	post_logout_redirect_uris       varchar(1000),
	scopes                          varchar(1000) not null,
	client_settings                 varchar(2000) not null,
	token_settings                  varchar(2000) not null,
	constraint uk_oauth2_registered_client_client_id unique (client_id)
);

create table oauth2_authorization (
	id                              varchar(100)  not null primary key,
	registered_client_id            varchar(100)  not null,
	principal_name                  varchar(200)  not null,
	authorization_grant_type        varchar(100)  not null,
	authorized_scopes               varchar(1000),
	attributes                      varchar,
	state                           varchar(500),
	authorization_code_value        varchar,
	authorization_code_issued_at    timestamp with time zone,
	authorization_code_expires_at   timestamp with time zone,
	authorization_code_metadata     varchar,
	access_token_value              varchar,
	access_token_issued_at          timestamp with time zone,
	access_token_expires_at         timestamp with time zone,
	access_token_metadata           varchar,
	access_token_type               varchar(100),
	access_token_scopes             varchar(1000),
	oidc_id_token_value             varchar,
	oidc_id_token_issued_at         timestamp with time zone,
	oidc_id_token_expires_at        timestamp with time zone,
	oidc_id_token_metadata          varchar,
	refresh_token_value             varchar,
	refresh_token_issued_at         timestamp with time zone,
	refresh_token_expires_at        timestamp with time zone,
	refresh_token_metadata          varchar,
	user_code_value                 varchar,
	user_code_issued_at             timestamp with time zone,
	user_code_expires_at            timestamp with time zone,
	user_code_metadata              varchar,
	device_code_value               varchar,
	device_code_issued_at           timestamp with time zone,
	device_code_expires_at          timestamp with time zone,
	device_code_metadata            varchar
);

create index ix_oauth2_authorization_client on oauth2_authorization (registered_client_id);
create index ix_oauth2_authorization_state on oauth2_authorization (state);

create table oauth2_authorization_consent (
	registered_client_id            varchar(100)  not null,
	principal_name                  varchar(200)  not null,
	authorities                     varchar(1000) not null,
	primary key (registered_client_id, principal_name)
);

-- RSA keys that sign access and ID tokens. The private key is sealed under the master key with
-- the key id as context; the newest key signs, all of them verify.
create table signing_key (
	kid                             varchar(64)   primary key,
	algorithm                       varchar(16)   not null,
	public_key                      bytea         not null,
	private_key_key_id              varchar(32)   not null,
	private_key_nonce               bytea         not null,
	private_key_ciphertext          bytea         not null,
	created_date_time               timestamp with time zone not null
);

-- One row once the first start has created the admin and the bootstrap client: its presence is
-- what makes a start "not the first".
create table bootstrap_state (
	id                              integer       primary key,
	completed_date_time             timestamp with time zone not null,
	admin_user_id                   uuid,
	client_id                       varchar(100)
);
