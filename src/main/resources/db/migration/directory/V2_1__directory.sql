-- Users, groups and directory role assignments. Portable SQL: runs on PostgreSQL and on H2 in
-- PostgreSQL mode.
create table directory_user (
	id                      uuid          primary key,
	user_principal_name     varchar(256)  not null,
	-- lower-cased: user principal names are unique regardless of case
	upn_key                 varchar(256)  not null,
	display_name            varchar(256)  not null,
	account_enabled         boolean       not null,
	-- DelegatingPasswordEncoder format ({bcrypt}...); null when the user has no password
	password_hash           varchar(512),
	created_date_time       timestamp with time zone not null,
	constraint uk_directory_user_upn unique (upn_key)
);

create table directory_group (
	id                      uuid          primary key,
	display_name            varchar(256)  not null,
	display_name_key        varchar(256)  not null,
	description             varchar(1024),
	created_date_time       timestamp with time zone not null
);

create index ix_directory_group_name on directory_group (display_name_key);

create table directory_group_member (
	group_id                uuid          not null references directory_group (id) on delete cascade,
	user_id                 uuid          not null references directory_user (id) on delete cascade,
	primary key (group_id, user_id)
);

create index ix_directory_group_member_user on directory_group_member (user_id, group_id);

-- role_definition_id is the Graph role template id of one of the built-in roles
create table directory_role_assignment (
	id                      uuid          primary key,
	principal_id            uuid          not null references directory_user (id) on delete cascade,
	role_definition_id      uuid          not null,
	directory_scope_id      varchar(256)  not null,
	created_date_time       timestamp with time zone not null,
	constraint uk_directory_role_assignment unique (principal_id, role_definition_id, directory_scope_id)
);

-- Password guessing: consecutive failures per sign-in name, whether or not a user has that name,
-- so the throttle itself tells nobody which names exist.
create table password_throttle (
	name_key                varchar(256)  primary key,
	failures                integer       not null,
	blocked_until           timestamp with time zone
);
