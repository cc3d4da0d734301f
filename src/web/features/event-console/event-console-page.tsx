import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { pickText } from '../../../contracts/common';
import type { MeetingRequest } from '../../../contracts/events';
import { EmptyState, Loading, ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { useTitle } from '../layout/layout';
import { CheckInPanel } from './check-in-panel';
import { ConsoleProvider, useConsole } from './console-context';
import { filterDays, groupSlots, meetingsByCell, NO_FILTER, suggestInterpreter, unplacedRequests, type GridFilter } from './console-model';
import { GridFilters, MeetingPanel, NoticeBar, UnplacedRequests } from './grid-tools';
import { InterpreterSchedules, TableCards } from './printables';
import { ScheduleGrid } from './schedule-grid';
import { PublishPanel, SchedulerPanel } from './scheduler-panel';
import { useConsoleActions } from './use-console-actions';
import { useConsoleData, type ConsoleData } from './use-console-data';
import { gridSignature, usePlacementChecks, type Subject } from './use-placement-checks';
import './event-console.css';

const VIEWS = ['grid', 'interpreters', 'cards', 'checkin'] as const;
type View = (typeof VIEWS)[number];

/** /events/:id/console — the organiser's desk for one event (issue 4 items 11 and 12). */
export function EventConsolePage() {
  const { t, locale } = useT();
  const { id = '' } = useParams();
  const { state, refresh, update } = useConsoleData(id);
  const title = state.status === 'ready' || state.status === 'not-organiser'
    ? pickText((state.status === 'ready' ? state.data.event : state.event).title, locale)
    : null;
  useTitle(title ? t('console.titleFor', { event: title }) : t('console.title'));

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ProblemMessage error={state.error} />;
  if (state.status === 'not-organiser') {
    return (
      <div className="narrow">
        <h1>{t('console.title')}</h1>
        <EmptyState title={t('console.organisersOnly')}>
          <p>{t('console.organisersOnlyDetail')}</p>
          <p>
            <Link to={`/events/${id}`}>{t('console.backToEvent')}</Link>
          </p>
        </EmptyState>
      </div>
    );
  }
  return (
    <ConsoleProvider data={state.data}>
      <ConsoleScreen title={title ?? ''} refresh={refresh} update={update} />
    </ConsoleProvider>
  );
}

interface ScreenProps {
  title: string;
  refresh: () => Promise<void>;
  update: (change: (data: ConsoleData) => ConsoleData) => void;
}

function ConsoleScreen({ title, refresh, update }: ScreenProps) {
  const { t } = useT();
  const view = useConsole();
  const { event } = view.data;
  const [params, setParams] = useSearchParams();
  const current: View = VIEWS.find((v) => v === params.get('view')) ?? 'grid';
  const tabs = useRef<Record<string, HTMLButtonElement | null>>({});

  const show = (next: View) => setParams(next === 'grid' ? {} : { view: next }, { replace: true });
  const onTabKey = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = VIEWS[(VIEWS.indexOf(current) + step + VIEWS.length) % VIEWS.length]!;
    show(next);
    tabs.current[next]?.focus();
  };

  return (
    <div className="event-console">
      <header className="console-head console-no-print">
        <p className="eyebrow">
          <Link to={`/events/${event.id}`}>{title}</Link>
        </p>
        <h1>{t('console.title')}</h1>
        <p className="muted">{t('console.zoneNote', { zone: view.timeZone })}</p>
        <PublishPanel publishedAt={event.schedulePublishedAt}
          onPublished={(at) => update((d) => ({ ...d, event: { ...d.event, schedulePublishedAt: at } }))} />
      </header>
      <div role="tablist" aria-label={t('console.views')} className="tabs console-no-print" onKeyDown={onTabKey}>
        {VIEWS.map((v) => (
          <button key={v} ref={(el) => { tabs.current[v] = el; }} type="button" role="tab" id={`console-tab-${v}`}
            aria-selected={v === current} aria-controls="console-panel" tabIndex={v === current ? 0 : -1}
            className="tabs__tab" onClick={() => show(v)}>
            {t(`console.tab.${v}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="console-panel" aria-labelledby={`console-tab-${current}`}>
        {current === 'grid' && <GridView refresh={refresh} update={update} />}
        {current === 'interpreters' && <InterpreterSchedules />}
        {current === 'cards' && <TableCards />}
        {current === 'checkin' && <CheckInPanel update={update} onMeetingsChanged={() => void refresh()} />}
      </div>
    </div>
  );
}

function GridView({ refresh, update }: Omit<ScreenProps, 'title'>) {
  const { t } = useT();
  const view = useConsole();
  const { event, meetings, requests, interpreters } = view.data;
  const [filter, setFilter] = useState<GridFilter>(NO_FILTER);
  const [selection, setSelection] = useState<Subject | null>(null);
  const [dragging, setDragging] = useState<Subject | null>(null);

  const days = useMemo(() => groupSlots(event.slots), [event.slots]);
  const byCell = useMemo(() => meetingsByCell(meetings), [meetings]);
  const unplaced = useMemo(() => unplacedRequests(requests, meetings), [requests, meetings]);
  const interpreterFor = useCallback(
    (r: MeetingRequest, slotId: string) => suggestInterpreter(view.participant(r.fromParticipantId), view.participant(r.toParticipantId), slotId, interpreters, meetings),
    [view, interpreters, meetings],
  );
  const signature = useMemo(() => gridSignature(meetings), [meetings]);
  const { check, verdict } = usePlacementChecks(event.id, signature, interpreterFor);
  const actions = useConsoleActions({ view, update, refresh, verdict, interpreterFor, onPlaced: () => setSelection(null) });

  // The selection follows the server's copy of the meeting, and ends when it leaves the grid.
  const selectedMeeting = selection?.kind === 'meeting' ? meetings.find((m) => m.id === selection.meeting.id && m.status !== 'cancelled') : undefined;
  const liveSelection: Subject | null =
    selection?.kind === 'meeting' ? (selectedMeeting ? { kind: 'meeting', meeting: selectedMeeting } : null)
      : selection?.kind === 'request' ? (unplaced.some((r) => r.id === selection.request.id) ? selection : null) : null;

  // A selection that left the grid is dropped for good (set during render, React's pattern for
  // state derived from props), so a cancelled meeting that an undo brings back (same id) does not
  // come back selected.
  if (selection !== null && liveSelection === null) setSelection(null);

  const selecting = liveSelection !== null;
  useEffect(() => {
    if (!selecting) return;
    const onKey = (e: globalThis.KeyboardEvent) => e.key === 'Escape' && setSelection(null);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selecting]);

  const published = Boolean(event.schedulePublishedAt);
  return (
    <div className="console-grid-view">
      <div className="console-toolbar console-no-print">
        <SchedulerPanel onScheduled={() => void refresh()} />
        <UnplacedRequests requests={unplaced} selection={liveSelection} busy={actions.busy} onSelect={setSelection} onDragging={setDragging} />
      </div>
      <div className="console-no-print">
        <GridFilters days={days} filter={filter} onChange={setFilter} />
      </div>
      <div className="console-live console-no-print" aria-live="polite">
        <NoticeBar notice={actions.notice} onDismiss={() => actions.setNotice(null)} />
      </div>
      {selectedMeeting && (
        <MeetingPanel meeting={selectedMeeting} published={published} busy={actions.busy} onClose={() => setSelection(null)}
          onPin={(pinned) => void actions.pin(selectedMeeting, pinned)}
          onOutcome={(status) => void actions.outcome(selectedMeeting, status)}
          onInterpreter={(id) => void actions.assignInterpreter(selectedMeeting, id)}
          onCancel={() => void actions.cancel(selectedMeeting, !published)} />
      )}
      {liveSelection?.kind === 'request' && (
        <p className="notice console-panel__hint console-no-print">{t('console.unplaced.hint')}</p>
      )}
      {event.slots.length === 0 || event.tables.length === 0 ? (
        <EmptyState title={t('console.grid.empty')} />
      ) : (
        <ScheduleGrid days={filterDays(days, filter.period)} byCell={byCell} filter={filter} selection={liveSelection} dragging={dragging}
          busy={actions.busy} onSelect={setSelection} onDragging={setDragging} onPlace={(s, slot, table, occ) => {
            setDragging(null);
            void actions.place(s, slot, table, occ);
          }}
          check={check} verdict={verdict} />
      )}
    </div>
  );
}
