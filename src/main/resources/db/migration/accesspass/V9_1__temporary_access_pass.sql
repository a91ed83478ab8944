-- Temporary Access Pass (Graph: temporaryAccessPassAuthenticationMethodConfiguration and
-- temporaryAccessPassMethods). Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode.
create table temporary_access_pass_policy (
	id                              varchar(32)   primary key,
	state                           varchar(16)   not null,
	-- comma-separated: all_users or group ids
	include_targets                 varchar(4000) not null,
	exclude_targets                 varchar(4000) not null,
	default_lifetime_in_minutes     integer       not null,
	minimum_lifetime_in_minutes     integer       not null,
	maximum_lifetime_in_minutes     integer       not null,
	default_length                  integer       not null,
	is_usable_once                  boolean       not null,
	-- Keyfob's own: whether the verify API and RADIUS accept a pass in place of a code
	usable_for_verify               boolean       not null default false,
	updated_date_time               timestamp with time zone not null
);

-- Entra's defaults: disabled, all users, one hour (from 1 hour to 8 hours), 8 characters.
insert into temporary_access_pass_policy (id, state, include_targets, exclude_targets, default_lifetime_in_minutes,
	minimum_lifetime_in_minutes, maximum_lifetime_in_minutes, default_length, is_usable_once, updated_date_time)
	values ('TemporaryAccessPass', 'DISABLED', 'all_users', '', 60, 60, 480, 8, false, current_timestamp);

-- At most one pass per user; only a slow hash of the pass is stored.
create table temporary_access_pass (
	id                      uuid          primary key,
	user_id                 uuid          not null,
	pass_hash               varchar(255)  not null,
	created_date_time       timestamp with time zone not null,
	start_date_time         timestamp with time zone not null,
	lifetime_in_minutes     integer       not null,
	is_usable_once          boolean       not null,
	-- a one-time pass is used up by one conditional update that sets this
	used_date_time          timestamp with time zone,
	constraint uk_temporary_access_pass_user unique (user_id)
);
