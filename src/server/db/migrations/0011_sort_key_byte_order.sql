-- The directory's order (sort_key, id) is also kept by the in-memory directory index (decision 011).
-- Byte order — collation "C" — is the one order that JavaScript code and every PostgreSQL install
-- (whatever locale initdb used) agree on; the indexes on sort_key are rebuilt by the type change.
alter table organisations alter column sort_key type text collate "C";
