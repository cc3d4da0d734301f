-- Issue 4 gaps on the event day: undoing a cancellation restores the same meeting (same id, so
-- the same iCal UID) with its pin, and notifications for meetings added or restored after
-- publication and for the one reminder per person and event day.

-- A cancelled meeting cannot stay pinned (0007's check); this remembers the pin so a restore
-- brings the meeting back exactly as it was.
alter table event_meetings add column pinned_before_cancel boolean not null default false;

alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check
  check (kind in ('meeting_request_received', 'meeting_request_accepted', 'meeting_request_declined',
    'schedule_published', 'meeting_moved', 'meeting_cancelled', 'meeting_reminder',
    'meeting_added', 'meeting_restored', 'day_reminder'));
