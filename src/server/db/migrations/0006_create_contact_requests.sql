-- Contact flow (issue 3 item 8): an expression of interest from one organisation to another,
-- about an opportunity or the organisation itself. Contact details are revealed only once the
-- recipient accepts; the service enforces that, the table keeps the states honest.
create table contact_requests (
  id uuid primary key default gen_random_uuid(),
  from_organisation_id uuid not null references organisations (id) on delete cascade,
  to_organisation_id uuid not null references organisations (id) on delete cascade,
  opportunity_id uuid references opportunities (id) on delete set null,
  from_user_id uuid not null references users (id) on delete cascade,
  message text not null check (length(message) between 1 and 4000),
  status text not null default 'pending' check (status in ('pending', 'accepted', 'declined')),
  responded_by uuid references users (id) on delete set null,
  responded_at timestamptz,
  reminded_at timestamptz,
  created_at timestamptz not null default now(),
  check (from_organisation_id <> to_organisation_id),
  check ((status = 'pending') = (responded_at is null))
);
-- One open request per pair and subject: asking twice is a conflict, not a second request.
create unique index contact_requests_pending_key on contact_requests
  (from_organisation_id, to_organisation_id, coalesce(opportunity_id, '00000000-0000-0000-0000-000000000000'::uuid))
  where status = 'pending';
create index contact_requests_to_idx on contact_requests (to_organisation_id, created_at desc);
create index contact_requests_from_idx on contact_requests (from_organisation_id, created_at desc);

-- What people do with recommendations, for fitting the score weights later (issue 3 item 9).
create table match_events (
  id bigint generated always as identity primary key,
  user_id uuid references users (id) on delete set null,
  organisation_id uuid references organisations (id) on delete cascade,
  subject_key text not null check (length(subject_key) between 1 and 100),
  candidate_key text not null check (length(candidate_key) between 1 and 100),
  event text not null check (event in ('impression', 'save', 'dismiss', 'contact', 'accept', 'decline')),
  components jsonb,
  created_at timestamptz not null default now()
);
create index match_events_created_idx on match_events (created_at);

-- Score weights learned from match_events; the newest row is used, none means the hand-set ones.
create table match_models (
  id bigint generated always as identity primary key,
  weights jsonb not null,
  report jsonb not null,
  created_at timestamptz not null default now()
);
