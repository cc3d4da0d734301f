-- Calendar apps subscribe to a feed URL and send no cookie, so each participant can get a secret
-- feed link. Only the SHA-256 of the token is stored; rotating the link replaces it.
alter table event_participants
  add column calendar_token_hash text unique check (calendar_token_hash ~ '^[0-9a-f]{64}$');
