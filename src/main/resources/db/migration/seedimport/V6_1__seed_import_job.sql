-- Seed file import jobs and their reports, in the database so that any node can answer for any
-- job. Never a secret, key or password here. Portable SQL: runs on PostgreSQL and on H2 in
-- PostgreSQL mode.
create table seed_import_job (
	id                      uuid          primary key,
	status                  varchar(16)   not null,
	file_name               varchar(256),
	format                  varchar(32)   not null,
	dry_run                 boolean       not null,
	all_or_nothing          boolean       not null,
	replace_existing        boolean       not null,
	requested_by            varchar(256)  not null,
	total_rows              integer       not null,
	validated_rows          integer       not null default 0,
	rows_to_store           integer       not null default 0,
	stored_rows             integer       not null default 0,
	created_count           integer       not null default 0,
	replaced_count          integer       not null default 0,
	unchanged_count         integer       not null default 0,
	assigned_count          integer       not null default 0,
	rejected_count          integer       not null default 0,
	warning_count           integer       not null default 0,
	message                 varchar(1024),
	created_date_time       timestamp with time zone not null,
	started_date_time       timestamp with time zone,
	finished_date_time      timestamp with time zone,
	-- the node running a queued or running job renews this; a stale one means the node stopped
	heartbeat_date_time     timestamp with time zone not null
);

create index ix_seed_import_job_created on seed_import_job (created_date_time);

-- The report: rejected rows and warnings, in file order.
create table seed_import_problem (
	job_id                  uuid          not null references seed_import_job (id) on delete cascade,
	row_index               integer       not null,
	kind                    varchar(16)   not null,
	location_kind           varchar(16)   not null,
	location_number         integer       not null,
	serial_number           varchar(256),
	reason                  varchar(2048) not null,
	primary key (job_id, row_index)
);
