-- The matching index follows writes by polling "updated since"; without these indexes every
-- poll would scan both tables (see features/matching/matching.service.ts).
create index organisations_updated_idx on organisations (updated_at);
create index opportunities_updated_idx on opportunities (updated_at);
