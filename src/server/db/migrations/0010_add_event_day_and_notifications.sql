-- The day of an event and what people are told about it (issue 4 items 11–13): schedule
-- publication, check-in, meeting feedback, and in-app notifications rendered at read time.

-- When the organiser last published the schedule; moves and cancellations after it are notified.
alter table events add column schedule_published_at timestamptz;

alter table event_participants add column checked_in_at timestamptz;
-- Only an approved participant checks in.
alter table event_participants add constraint event_participants_check_in_approved
  check (checked_in_at is null or status = 'approved');

-- One feedback per meeting and side, written by a member of that side's organisation (upsert).
create table event_meeting_feedback (
  meeting_id uuid not null references event_meetings (id) on delete cascade,
  participant_id uuid not null references event_participants (id) on delete cascade,
  event_id uuid not null references events (id) on delete cascade,
  rating int not null check (rating between 1 and 5),
  continue_cooperation boolean not null,
  expect_agreement boolean not null,
  comment text check (length(comment) between 1 and 2000),
  submitted_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (meeting_id, participant_id)
);
create index event_meeting_feedback_event_idx on event_meeting_feedback (event_id);

-- In-app notifications store a kind and its parameters (names in every language, instants with
-- their zone), never rendered text: the reader's current language renders them at read time.
create table notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  kind text not null check (kind in ('meeting_request_received', 'meeting_request_accepted', 'meeting_request_declined',
    'schedule_published', 'meeting_moved', 'meeting_cancelled', 'meeting_reminder')),
  params jsonb not null default '{}' check (jsonb_typeof(params) = 'object'),
  -- A path inside the web app, never an outside address.
  link text check (link ~ '^/[^/]'),
  -- Makes a notification idempotent (the day-before reminder: one per meeting and person).
  dedupe_key text check (length(dedupe_key) between 1 and 200),
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notifications_user_idx on notifications (user_id, created_at desc, id desc);
create index notifications_unread_idx on notifications (user_id) where read_at is null;
-- Key first: the reminder job also looks up "has this meeting been reminded" by key alone.
create unique index notifications_dedupe_key on notifications (dedupe_key, user_id) where dedupe_key is not null;
