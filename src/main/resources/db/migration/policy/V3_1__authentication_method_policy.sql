-- The authentication methods policy: one row per method configuration (only hardwareOath so far)
-- and its include and exclude targets. Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL
-- mode.
create table authentication_method_policy (
	id                  varchar(32)  primary key,
	state               varchar(16)  not null,
	updated_date_time   timestamp with time zone not null,
	version             integer      not null default 0
);

create table authentication_method_target (
	policy_id               varchar(32)  not null references authentication_method_policy (id),
	-- include or exclude
	kind                    varchar(8)   not null,
	-- keeps the order in which the admin listed the targets
	list_index              integer      not null,
	-- a group id, or all_users for an include target
	target_id               varchar(64)  not null,
	registration_required   boolean      not null default false,
	primary key (policy_id, kind, target_id)
);

-- A new install has the method disabled, targeting all users once enabled, as Entra does.
insert into authentication_method_policy (id, state, updated_date_time) values ('hardwareOath', 'DISABLED', current_timestamp);
insert into authentication_method_target (policy_id, kind, list_index, target_id, registration_required)
	values ('hardwareOath', 'include', 0, 'all_users', false);
