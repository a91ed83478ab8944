-- PostgreSQL only: startswith(serialNumber,'...') becomes serial_key LIKE 'prefix%', which a
-- plain b-tree serves only under the C collation. An operator-class index serves it under any
-- collation. (H2 uses its ordinary index for a LIKE prefix, so it needs no counterpart.)
create index ix_hardware_oath_token_serial_prefix on hardware_oath_token (serial_key text_pattern_ops);
