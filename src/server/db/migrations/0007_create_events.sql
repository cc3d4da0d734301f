-- Missions and brokerage events (issue 4 items 1–4, 10): slots, tables, participants,
-- interpreters, meeting requests and meetings. Composite foreign keys (event_id, id) keep every
-- row of a meeting inside one event; unique indexes make double-booking impossible even when two
-- organisers write at once (plain b-tree indexes: no extension, same on PGlite and PostgreSQL).

create table events (
  id uuid primary key default gen_random_uuid(),
  organiser_organisation_id uuid not null references organisations (id) on delete cascade,
  title jsonb not null check (jsonb_typeof(title) = 'object' and title <> '{}'::jsonb),
  description jsonb not null default '{}' check (jsonb_typeof(description) = 'object'),
  venue text check (length(venue) between 1 and 300),
  online boolean not null default false,
  time_zone text not null check (time_zone ~ '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$'),
  registration_opens_at timestamptz,
  registration_closes_at timestamptz,
  approval_required boolean not null default true,
  status text not null default 'draft' check (status in ('draft', 'open', 'closed')),
  -- The generator input the slots were built from, so the console can show and edit it.
  slot_grid jsonb check (slot_grid is null or jsonb_typeof(slot_grid) = 'object'),
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (online or venue is not null),
  check (registration_opens_at is null or registration_closes_at is null or registration_opens_at < registration_closes_at)
);
create index events_organiser_idx on events (organiser_organisation_id);

create table event_slots (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events (id) on delete cascade,
  position int not null check (position >= 0),
  -- The day in the event's time zone.
  day date not null,
  session text not null check (session in ('morning', 'afternoon')),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  check (starts_at < ends_at),
  unique (event_id, position),
  unique (event_id, starts_at),
  unique (event_id, id)
);

create table event_tables (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events (id) on delete cascade,
  position int not null check (position >= 1),
  name text not null check (length(name) between 1 and 100),
  video_url text check (video_url ~ '^https://'),
  unique (event_id, position),
  unique (event_id, name),
  unique (event_id, id)
);

create table event_participants (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  languages text[] not null default '{}',
  attendance text not null default 'on_site' check (attendance in ('on_site', 'remote')),
  -- Remote participants' own zone: their default availability is their working day there.
  time_zone text check (time_zone ~ '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$'),
  -- Slot ids of this event; null = every slot. Checked by the service (arrays carry no FK).
  available_slot_ids uuid[],
  max_meetings int check (max_meetings between 0 and 500),
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  registered_by uuid references users (id) on delete set null,
  decided_by uuid references users (id) on delete set null,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (attendance = 'remote' or time_zone is null),
  check ((status = 'pending') = (decided_at is null)),
  unique (event_id, organisation_id),
  unique (event_id, id)
);

-- The people of a participating organisation who attend (members of that organisation).
create table event_participant_people (
  participant_id uuid not null references event_participants (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  primary key (participant_id, user_id)
);

create table event_interpreters (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events (id) on delete cascade,
  name text not null check (length(name) between 1 and 200),
  languages text[] not null check (cardinality(languages) between 1 and 10),
  available_slot_ids uuid[],
  created_at timestamptz not null default now(),
  unique (event_id, id)
);

create table event_meeting_requests (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events (id) on delete cascade,
  from_participant_id uuid not null,
  to_participant_id uuid not null,
  -- 1 = most wanted, 3 = would be nice.
  priority int not null default 2 check (priority between 1 and 3),
  message text check (length(message) between 1 and 2000),
  must_meet boolean not null default false,
  -- Set by the organiser only: the scheduler holds the meeting or reports why it cannot.
  mandatory boolean not null default false,
  status text not null default 'pending' check (status in ('pending', 'accepted', 'declined')),
  created_by uuid references users (id) on delete set null,
  responded_by uuid references users (id) on delete set null,
  responded_at timestamptz,
  created_at timestamptz not null default now(),
  foreign key (event_id, from_participant_id) references event_participants (event_id, id) on delete cascade,
  foreign key (event_id, to_participant_id) references event_participants (event_id, id) on delete cascade,
  check (from_participant_id <> to_participant_id),
  check ((status = 'pending') = (responded_at is null)),
  unique (event_id, id)
);
-- One live request per direction; the reverse direction is what makes a request mutual.
create unique index event_meeting_requests_live_key on event_meeting_requests (event_id, from_participant_id, to_participant_id)
  where status <> 'declined';
create index event_meeting_requests_to_idx on event_meeting_requests (to_participant_id);

create table event_meetings (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events (id) on delete cascade,
  request_id uuid not null,
  slot_id uuid not null,
  table_id uuid not null,
  interpreter_id uuid,
  pinned boolean not null default false,
  status text not null default 'scheduled' check (status in ('scheduled', 'cancelled', 'held', 'no_show')),
  -- organiser: cancelled by hand, never scheduled again; rescheduled: the scheduler dropped it.
  cancel_reason text check (cancel_reason in ('organiser', 'rescheduled')),
  -- iCal SEQUENCE: bumped whenever slot, table, interpreter or status change (RFC 5545 3.8.7.4).
  sequence int not null default 0 check (sequence >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (event_id, request_id) references event_meeting_requests (event_id, id) on delete cascade,
  foreign key (event_id, slot_id) references event_slots (event_id, id),
  foreign key (event_id, table_id) references event_tables (event_id, id),
  foreign key (event_id, interpreter_id) references event_interpreters (event_id, id),
  check ((status = 'cancelled') = (cancel_reason is not null)),
  check (status <> 'cancelled' or not pinned),
  unique (id, slot_id)
);
-- One meeting per table and slot, one per request, one per interpreter and slot.
create unique index event_meetings_table_key on event_meetings (slot_id, table_id) where status <> 'cancelled';
create unique index event_meetings_request_key on event_meetings (request_id) where status <> 'cancelled';
create unique index event_meetings_interpreter_key on event_meetings (slot_id, interpreter_id)
  where status <> 'cancelled' and interpreter_id is not null;
create index event_meetings_event_idx on event_meetings (event_id, slot_id);

-- Who sits at a live meeting, one row per side. The slot follows the meeting (on update
-- cascade), so the unique key below makes a participant's double-booking impossible; rows are
-- deleted when the meeting is cancelled.
create table event_meeting_seats (
  meeting_id uuid not null,
  slot_id uuid not null,
  event_id uuid not null,
  participant_id uuid not null,
  primary key (meeting_id, participant_id),
  foreign key (meeting_id, slot_id) references event_meetings (id, slot_id) on update cascade on delete cascade,
  foreign key (event_id, participant_id) references event_participants (event_id, id) on delete cascade
);
create unique index event_meeting_seats_busy_key on event_meeting_seats (participant_id, slot_id);
