-- One row per master key that has sealed anything: a start with a different key is refused
-- instead of failing later, secret by secret.
create table sealing_key (
	key_id                  varchar(32)   primary key,
	created_date_time       timestamp with time zone not null
);
