-- Core schema: people, organisations, districts, opportunities.
-- Constraints live here, not only in zod: the database is the last line of defence.

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null check (email = lower(email) and position('@' in email) > 1),
  password_hash text not null,
  display_name text not null check (length(display_name) between 1 and 100),
  locale text not null default 'en' check (locale in ('it', 'zh', 'en')),
  time_zone text not null default 'Europe/Rome',
  roles text[] not null default '{}' check (roles <@ array['admin', 'organiser']::text[]),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_email_key on users (email);

create table sessions (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user_idx on sessions (user_id);

-- One-time tokens: password reset, first-administrator setup.
create table one_time_tokens (
  token_hash text primary key,
  purpose text not null check (purpose in ('password_reset', 'admin_setup')),
  user_id uuid references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  check (purpose = 'admin_setup' or user_id is not null)
);

create table organisations (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  kind text not null check (kind in ('company', 'designer', 'academy', 'district', 'science_park',
    'association', 'consultancy', 'public_body', 'ecommerce_provider')),
  legal_name text not null check (length(legal_name) between 2 and 200),
  names jsonb not null default '{}' check (jsonb_typeof(names) = 'object'),
  country text not null check (country ~ '^[A-Z]{2}$'),
  region text,
  city text,
  website text check (website ~ '^https?://'),
  size_band text check (size_band in ('micro', 'small', 'medium', 'large')),
  founded_year int check (founded_year between 1000 and 2100),
  sectors text[] not null default '{}',
  -- Every ancestor of every sector code (C, 14, 14.1, 14.13): a filter on 14 finds 14.13.
  sector_index text[] not null default '{}',
  products text[] not null default '{}',
  product_index text[] not null default '{}',
  languages text[] not null default '{}',
  certifications text[] not null default '{}',
  description jsonb not null default '{}' check (jsonb_typeof(description) = 'object'),
  logo_url text,
  data_region text not null default 'eu' check (data_region in ('eu', 'cn', 'other')),
  listed boolean not null default true,
  hidden_fields text[] not null default '{}',
  contact_email text,
  contact_phone text,
  sources jsonb not null default '[]' check (jsonb_typeof(sources) = 'array'),
  is_demo boolean not null default false,
  is_synthetic boolean not null default false,
  sort_key text not null,
  search tsvector not null default ''::tsvector,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (not (is_demo and is_synthetic))
);
create index organisations_sort_idx on organisations (sort_key, id);
create index organisations_search_idx on organisations using gin (search);
create index organisations_sector_idx on organisations using gin (sector_index);
create index organisations_product_idx on organisations using gin (product_index);
create index organisations_country_idx on organisations (country, sort_key, id);
create index organisations_kind_idx on organisations (kind, sort_key, id);

create table organisation_members (
  organisation_id uuid not null references organisations (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in ('owner', 'member')),
  created_at timestamptz not null default now(),
  primary key (organisation_id, user_id)
);
create index organisation_members_user_idx on organisation_members (user_id);

create table invitations (
  token_hash text primary key,
  organisation_id uuid not null references organisations (id) on delete cascade,
  email text not null check (email = lower(email)),
  role text not null check (role in ('owner', 'member')),
  invited_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz
);

-- A district, cluster or park groups member organisations; an organisation may belong to several.
create table district_members (
  district_id uuid not null references organisations (id) on delete cascade,
  member_id uuid not null references organisations (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (district_id, member_id),
  check (district_id <> member_id)
);
create index district_members_member_idx on district_members (member_id);

create table key_facts (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  label jsonb not null check (jsonb_typeof(label) = 'object'),
  value double precision not null,
  unit text not null,
  year int check (year between 1900 and 2100),
  source_title text not null,
  source_url text,
  position int not null default 0
);
create index key_facts_org_idx on key_facts (organisation_id, position);

create table opportunities (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  direction text not null check (direction in ('offer', 'request')),
  type text not null check (type in ('commercial_partnership', 'sourcing_manufacturing',
    'joint_venture', 'investment', 'technology_cooperation', 'design_licensing',
    'training_programme', 'internship', 'talent_scouting', 'cross_border_ecommerce')),
  title jsonb not null check (jsonb_typeof(title) = 'object' and title <> '{}'::jsonb),
  description jsonb not null check (jsonb_typeof(description) = 'object' and description <> '{}'::jsonb),
  sectors text[] not null default '{}',
  sector_index text[] not null default '{}',
  products text[] not null default '{}',
  product_index text[] not null default '{}',
  target_countries text[] not null default '{}',
  target_regions text[] not null default '{}',
  min_order_quantity bigint check (min_order_quantity > 0),
  min_order_unit text,
  budget_min numeric(16, 2) check (budget_min >= 0),
  budget_max numeric(16, 2) check (budget_max >= 0),
  budget_currency text check (budget_currency ~ '^[A-Z]{3}$'),
  required_certifications text[] not null default '{}',
  starts_on date,
  ends_on date,
  status text not null default 'draft' check (status in ('draft', 'open', 'closed', 'expired')),
  expires_on date,
  is_example boolean not null default false,
  is_synthetic boolean not null default false,
  -- Stable key from an import file or the demo data, so reloading updates instead of duplicating.
  external_ref text unique,
  search tsvector not null default ''::tsvector,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (budget_min is null or budget_max is null or budget_min <= budget_max),
  check ((budget_min is null and budget_max is null) or budget_currency is not null),
  check (starts_on is null or ends_on is null or starts_on <= ends_on)
);
create index opportunities_org_idx on opportunities (organisation_id);
create index opportunities_list_idx on opportunities (created_at desc, id desc);
create index opportunities_search_idx on opportunities using gin (search);
create index opportunities_sector_idx on opportunities using gin (sector_index);
create index opportunities_product_idx on opportunities using gin (product_index);

-- Audit of imports so an operator can see what came in from where.
create table import_runs (
  id uuid primary key default gen_random_uuid(),
  entity text not null check (entity in ('organisations', 'opportunities')),
  file_name text not null,
  rows_imported int not null check (rows_imported >= 0),
  created_at timestamptz not null default now()
);
