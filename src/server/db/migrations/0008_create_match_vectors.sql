-- Optional dense layer: one embedding per subject and model, stored so a restart does not
-- re-embed everything. real[] works on PGlite and stock PostgreSQL alike (no pgvector needed);
-- the text hash tells a changed text from an unchanged one.
create table match_vectors (
  subject_key text not null check (subject_key ~ '^(org|opp):'),
  model text not null check (length(model) between 1 and 200),
  text_sha256 text not null check (length(text_sha256) = 64),
  vector real[] not null check (cardinality(vector) between 1 and 8192),
  updated_at timestamptz not null default now(),
  primary key (subject_key, model)
);
