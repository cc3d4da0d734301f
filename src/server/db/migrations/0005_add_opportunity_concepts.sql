-- The writer's corrections to "what we understood" (issue 3 item 4): taxonomy concept ids that
-- matching adds to, or drops from, what it read in the opportunity's text.
alter table opportunities add column concepts_added text[] not null default '{}';
alter table opportunities add column concepts_removed text[] not null default '{}';
