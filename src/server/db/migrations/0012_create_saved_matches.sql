-- Recommendations a person saved to come back to (issue 3 item 9's "save"): one row per person and
-- candidate; saving again refreshes the time, unsaving deletes the row (the match_events log keeps
-- the history the weight learning reads).
create table saved_matches (
  user_id uuid not null references users (id) on delete cascade,
  candidate_key text not null check (candidate_key ~ '^(org|opp):[0-9a-f-]{36}$'),
  subject_key text check (subject_key ~ '^(org|opp):[0-9a-f-]{36}$'),
  created_at timestamptz not null default now(),
  primary key (user_id, candidate_key)
);
create index saved_matches_user_idx on saved_matches (user_id, created_at desc);
