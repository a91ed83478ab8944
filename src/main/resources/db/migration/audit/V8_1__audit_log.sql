-- The audit and sign-in log. Append-only: rows are inserted by the action's own transaction
-- (seq, prev_hash and hash still null) and chained shortly after, in order, by whichever node
-- holds the lock on audit_chain_head. Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL
-- mode.
create table audit_entry (
	id                      uuid          primary key,
	-- position in the hash chain, from 1; null until chained
	seq                     bigint,
	-- 'directoryAudit' or 'signIn'
	kind                    varchar(16)   not null,
	activity_date_time      timestamp with time zone not null,
	category                varchar(64)   not null,
	activity                varchar(128)  not null,
	operation_type          varchar(32)   not null,
	-- 'success' or 'failure'
	result                  varchar(16)   not null,
	result_reason           varchar(512),
	-- sign-ins: Entra-style error code, 0 for success
	error_code              integer       not null,
	correlation_id          varchar(64),
	logged_by_service       varchar(64)   not null,
	-- who did it: 'user' or 'app'
	actor_type              varchar(8)    not null,
	actor_id                varchar(256),
	actor_name              varchar(256),
	-- the OAuth2 client the request came through, if any
	app_id                  varchar(256),
	ip_address              varchar(64),
	-- sign-ins: the user who signed in (or tried to), and how
	user_id                 uuid,
	user_principal_name     varchar(256),
	authentication_method   varchar(64),
	-- further key/value pairs, one per line, tab separated, escaped
	details                 varchar(4000),
	prev_hash               varchar(64),
	hash                    varchar(64),
	constraint uk_audit_entry_seq unique (seq)
);

create index ix_audit_entry_kind_time on audit_entry (kind, activity_date_time, id);
create index ix_audit_entry_actor on audit_entry (actor_id, activity_date_time);
create index ix_audit_entry_user on audit_entry (user_id, activity_date_time);

-- What an entry acted on, in order. Covered by the entry's hash.
create table audit_target (
	entry_id                uuid          not null,
	position                smallint      not null,
	target_id               varchar(256)  not null,
	target_type             varchar(32)   not null,
	display_name            varchar(256),
	constraint pk_audit_target primary key (entry_id, position)
);

create index ix_audit_target_id on audit_target (target_id);

-- The head of the chain: the last chained entry, and the anchor left by the last purge (the hash
-- of the last entry deleted by retention, from which verification starts). One row; its row lock
-- serialises chaining across nodes.
create table audit_chain_head (
	id                      integer       primary key,
	last_seq                bigint        not null,
	last_hash               varchar(64)   not null,
	anchor_seq              bigint        not null,
	anchor_hash             varchar(64)   not null,
	anchor_date_time        timestamp with time zone
);

insert into audit_chain_head (id, last_seq, last_hash, anchor_seq, anchor_hash, anchor_date_time)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0,
	'0000000000000000000000000000000000000000000000000000000000000000', null);
