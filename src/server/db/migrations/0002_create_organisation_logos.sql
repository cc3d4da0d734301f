-- Uploaded logos live in the database so they follow backups and work the same on PGlite and
-- PostgreSQL; they are small (limit enforced by the route) and read through an ETag.
create table organisation_logos (
  organisation_id uuid primary key references organisations (id) on delete cascade,
  content_type text not null check (content_type in ('image/png', 'image/jpeg', 'image/webp')),
  bytes bytea not null check (octet_length(bytes) between 1 and 524288),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  updated_at timestamptz not null default now()
);

-- Copied here in the same transaction as the upload, so lists can build logo URLs without a join.
alter table organisations add column logo_sha256 text;
