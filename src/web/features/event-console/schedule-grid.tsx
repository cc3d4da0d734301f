import type { DragEvent, KeyboardEvent } from 'react';
import type { EventSlot, EventTable, Meeting } from '../../../contracts/events';
import { Badge } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { useConsole } from './console-context';
import { dayLabel } from './console-format';
import { cellKey, meetingMatches, needsInterpreter, type DayGroup, type GridFilter } from './console-model';
import type { Subject, Verdict } from './use-placement-checks';

export interface GridProps {
  days: DayGroup[];
  byCell: Map<string, Meeting>;
  filter: GridFilter;
  selection: Subject | null;
  dragging: Subject | null;
  busy: boolean;
  onSelect: (subject: Subject | null) => void;
  onDragging: (subject: Subject | null) => void;
  onPlace: (subject: Subject, slotId: string, tableId: string, occupant: Meeting | undefined) => void;
  check: (subject: Subject, slotId: string, tableId: string, occupant: Meeting | undefined) => void;
  verdict: (subject: Subject | null, slotId: string, tableId: string) => Verdict | undefined;
}

/**
 * The slot × table grid. A meeting moves by drag and drop, or from the keyboard: select it
 * (Enter), then "Move here" / "Swap" on a target cell. Target cells show the live check.
 */
export function ScheduleGrid(props: GridProps) {
  const { t, locale } = useT();
  const view = useConsole();
  const tables = [...view.data.event.tables].sort((a, b) => a.position - b.position);
  const columns = tables.length + 1;
  return (
    <div className="console-grid-wrap">
      <table className="console-grid">
        <caption className="visually-hidden">{t('console.grid.caption', { zone: view.timeZone })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('console.grid.time')}</th>
            {tables.map((table) => (
              <th scope="col" key={table.id}>
                {table.name}
              </th>
            ))}
          </tr>
        </thead>
        {props.days.map((day) => (
          <tbody key={day.day}>
            <tr className="console-grid__day">
              <th scope="colgroup" colSpan={columns}>
                {dayLabel(day.day, locale)}
              </th>
            </tr>
            {day.sessions.map((session) => [
              <tr key={`${day.day}-${session.session}`} className="console-grid__session">
                <th scope="colgroup" colSpan={columns}>
                  {t(`console.session.${session.session}`)}
                </th>
              </tr>,
              ...session.slots.map((slot) => (
                <tr key={slot.id}>
                  <th scope="row" className="console-grid__time">
                    {view.time(slot)}
                  </th>
                  {tables.map((table) => (
                    <GridCell key={table.id} slot={slot} table={table} occupant={props.byCell.get(cellKey(slot.id, table.id))} {...props} />
                  ))}
                </tr>
              )),
            ])}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function GridCell({ slot, table, occupant, ...p }: GridProps & { slot: EventSlot; table: EventTable; occupant: Meeting | undefined }) {
  const { t } = useT();
  const view = useConsole();
  const subject = p.dragging ?? p.selection;
  const self = subject?.kind === 'meeting' && occupant?.id === subject.meeting.id;
  // Only scheduled meetings move (held and no-show ones stay as a record of the day).
  const movable = subject?.kind === 'request' || subject?.meeting.status === 'scheduled';
  const targetable = movable && !self && !p.busy && (!occupant || (subject?.kind === 'meeting' && occupant.status === 'scheduled'));
  const verdict = targetable ? p.verdict(subject, slot.id, table.id) : undefined;
  const where = t('console.grid.where', { table: table.name, slot: view.slotLabel(slot.id) });

  const classes = ['console-cell'];
  if (occupant) classes.push('console-cell--taken');
  if (verdict?.state === 'ok') classes.push('console-cell--ok');
  if (verdict?.state === 'bad') classes.push('console-cell--bad');

  const allowDrop = (e: DragEvent) => {
    if (!p.dragging || !targetable) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
  };

  return (
    <td
      className={classes.join(' ')}
      onDragEnter={(e) => {
        allowDrop(e);
        if (p.dragging && targetable) p.check(p.dragging, slot.id, table.id, occupant);
      }}
      onDragOver={allowDrop}
      onDrop={(e) => {
        if (!p.dragging || !targetable) return;
        e.preventDefault();
        p.onPlace(p.dragging, slot.id, table.id, occupant);
      }}
    >
      {occupant && <MeetingChip meeting={occupant} {...p} />}
      {p.selection && !p.dragging && targetable && (
        <button
          type="button"
          className="console-cell__target"
          aria-label={t(occupant ? 'console.grid.swapWith' : p.selection.kind === 'request' ? 'console.grid.placeAt' : 'console.grid.moveTo', { where })}
          onFocus={() => p.check(p.selection!, slot.id, table.id, occupant)}
          onMouseEnter={() => p.check(p.selection!, slot.id, table.id, occupant)}
          onClick={() => p.onPlace(p.selection!, slot.id, table.id, occupant)}
        >
          {t(occupant ? 'console.grid.swap' : p.selection.kind === 'request' ? 'console.grid.placeHere' : 'console.grid.moveHere')}
        </button>
      )}
      {verdict?.state === 'bad' && (
        <ul className="console-cell__reasons" aria-label={t('console.grid.cannotPlace')}>
          {verdict.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      {verdict?.state === 'pending' && <span className="console-cell__checking">{t('console.grid.checking')}</span>}
    </td>
  );
}

function MeetingChip({ meeting, ...p }: GridProps & { meeting: Meeting }) {
  const { t } = useT();
  const view = useConsole();
  const [a, b] = meeting.participantIds;
  const interpreter = view.interpreter(meeting.interpreterId);
  const missingInterpreter = !interpreter && needsInterpreter(view.participant(a), view.participant(b));
  const selected = p.selection?.kind === 'meeting' && p.selection.meeting.id === meeting.id;
  const dimmed = !meetingMatches(meeting, p.filter, view.participant);
  const movable = meeting.status === 'scheduled' && !p.busy;
  const toggle = () => p.onSelect(selected ? null : { kind: 'meeting', meeting });
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      toggle();
    }
  };
  const classes = ['console-chip', `console-chip--${meeting.status}`];
  if (selected) classes.push('console-chip--selected');
  if (dimmed) classes.push('console-chip--dimmed');

  return (
    <div
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      className={classes.join(' ')}
      draggable={movable}
      onClick={toggle}
      onKeyDown={onKeyDown}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', meeting.id);
        e.dataTransfer.effectAllowed = 'move';
        p.onDragging({ kind: 'meeting', meeting });
      }}
      onDragEnd={() => p.onDragging(null)}
    >
      <span className="console-chip__names">{view.pairOf(meeting)}</span>
      {interpreter && <span className="console-chip__meta">{t('console.grid.interpreter', { name: interpreter.name })}</span>}
      {missingInterpreter && <span className="console-chip__warn">{t('console.grid.interpreterMissing')}</span>}
      <span className="console-chip__badges">
        {meeting.pinned && (
          <span className="console-chip__pin" title={t('console.grid.pinned')}>
            <span aria-hidden="true">📌</span>
            <span className="visually-hidden">{t('console.grid.pinned')}</span>
          </span>
        )}
        {meeting.status !== 'scheduled' && <Badge tone={meeting.status === 'held' ? 'accent' : 'warn'}>{t(`console.status.${meeting.status}`)}</Badge>}
      </span>
    </div>
  );
}
