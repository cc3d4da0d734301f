import { useEffect, useId, useState } from 'react';
import type { Meeting, MeetingRequest } from '../../../contracts/events';
import { CheckboxField, SelectField } from '../../components/fields';
import { Badge, ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { useConsole } from './console-context';
import { dayLabel } from './console-format';
import type { DayGroup, GridFilter } from './console-model';
import { UNDO_MS, type Notice } from './use-console-actions';
import type { Subject } from './use-placement-checks';

export function GridFilters({ days, filter, onChange }: { days: DayGroup[]; filter: GridFilter; onChange: (f: GridFilter) => void }) {
  const { t, locale } = useT();
  const view = useConsole();
  const approved = view.data.participants
    .filter((p) => p.status === 'approved')
    .map((p) => ({ value: p.id, label: view.nameOf(p.id) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const periods = days.flatMap((d) => [
    { value: d.day, label: dayLabel(d.day, locale) },
    ...d.sessions.map((s) => ({ value: `${d.day}|${s.session}`, label: t('console.filters.daySession', { day: dayLabel(d.day, locale), session: t(`console.session.${s.session}`) }) })),
  ]);
  return (
    <div className="console-filters filters" role="group" aria-label={t('console.filters.title')}>
      <SelectField label={t('console.filters.participant')} value={filter.participantId ?? ''}
        onChange={(e) => onChange({ ...filter, participantId: e.target.value || null })}
        options={[{ value: '', label: t('console.filters.everyone') }, ...approved]} />
      <SelectField label={t('console.filters.period')} value={filter.period ?? ''}
        onChange={(e) => onChange({ ...filter, period: e.target.value || null })}
        options={[{ value: '', label: t('console.filters.allDays') }, ...periods]} />
      <CheckboxField label={t('console.filters.interpreterOnly')} checked={filter.interpreterOnly}
        onChange={(e) => onChange({ ...filter, interpreterOnly: e.target.checked })} />
    </div>
  );
}

/** Accepted requests that have no meeting yet: drag one onto an empty cell, or select it and "Place here". */
export function UnplacedRequests({ requests, selection, busy, onSelect, onDragging }: {
  requests: MeetingRequest[];
  selection: Subject | null;
  busy: boolean;
  onSelect: (s: Subject | null) => void;
  onDragging: (s: Subject | null) => void;
}) {
  const { t } = useT();
  const view = useConsole();
  const headingId = useId();
  return (
    <section className="console-unplaced" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('console.unplaced.title', { count: requests.length })}</h2>
      {requests.length === 0 ? (
        <p className="muted">{t('console.unplaced.none')}</p>
      ) : (
        <ul className="plain-list console-unplaced__list">
          {requests.map((r) => {
            const selected = selection?.kind === 'request' && selection.request.id === r.id;
            return (
              <li key={r.id} draggable={!busy} className={selected ? 'console-unplaced__item console-unplaced__item--selected' : 'console-unplaced__item'}
                onDragStart={(e) => {
                  e.dataTransfer.setData('text/plain', r.id);
                  e.dataTransfer.effectAllowed = 'move';
                  onDragging({ kind: 'request', request: r });
                }}
                onDragEnd={() => onDragging(null)}>
                <span>{t('console.pair', { a: view.nameOf(r.fromParticipantId), b: view.nameOf(r.toParticipantId) })}</span>{' '}
                {r.mandatory && <Badge tone="warn">{t('console.unplaced.mandatory')}</Badge>}{' '}
                {r.mustMeet && <Badge tone="accent">{t('console.unplaced.mustMeet')}</Badge>}{' '}
                {r.mutual && <Badge>{t('console.unplaced.mutual')}</Badge>}{' '}
                <button type="button" className="button button--quiet button--small" aria-pressed={selected} disabled={busy}
                  onClick={() => onSelect(selected ? null : { kind: 'request', request: r })}>
                  {selected ? t('console.unplaced.choosing') : t('console.unplaced.place')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

interface PanelProps {
  meeting: Meeting;
  published: boolean;
  busy: boolean;
  onClose: () => void;
  onPin: (pinned: boolean) => void;
  onOutcome: (status: 'scheduled' | 'held' | 'no_show') => void;
  onInterpreter: (id: string | null) => void;
  onCancel: () => void;
}

/** The selected meeting: where it is, and what the organiser can do with it. */
export function MeetingPanel({ meeting, published, busy, onClose, onPin, onOutcome, onInterpreter, onCancel }: PanelProps) {
  const { t } = useT();
  const view = useConsole();
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const scheduled = meeting.status === 'scheduled';
  const interpreters = [{ value: '', label: t('console.panel.noInterpreter') }, ...view.data.interpreters.map((i) => ({ value: i.id, label: `${i.name} (${i.languages.join('–')})` }))];
  return (
    <section className="console-panel card console-no-print" aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId}>{view.pairOf(meeting)}</h2>
        <button type="button" className="link-button" onClick={onClose}>
          {t('console.panel.close')}
        </button>
      </div>
      <p className="muted">
        {t('console.grid.where', { table: view.table(meeting.tableId)?.name ?? '—', slot: view.slotLabel(meeting.slotId) })} ·{' '}
        {t(`console.status.${meeting.status}`)}
        {meeting.pinned && <> · {t('console.grid.pinned')}</>}
      </p>
      {scheduled && <p className="console-panel__hint">{t('console.panel.moveHint')}</p>}
      {scheduled && published && <p className="console-panel__hint">{t('console.panel.notifiedHint')}</p>}
      <div className="actions">
        {scheduled && (
          <SelectField label={t('console.panel.interpreter')} value={meeting.interpreterId ?? ''} disabled={busy}
            onChange={(e) => onInterpreter(e.target.value || null)} options={interpreters} />
        )}
      </div>
      <div className="actions">
        {scheduled && (
          <button type="button" className="button button--quiet button--small" disabled={busy} onClick={() => onPin(!meeting.pinned)}>
            {meeting.pinned ? t('console.panel.unpin') : t('console.panel.pin')}
          </button>
        )}
        {meeting.status !== 'held' && (
          <button type="button" className="button button--quiet button--small" disabled={busy} onClick={() => onOutcome('held')}>
            {t('console.panel.markHeld')}
          </button>
        )}
        {meeting.status !== 'no_show' && (
          <button type="button" className="button button--quiet button--small" disabled={busy} onClick={() => onOutcome('no_show')}>
            {t('console.panel.markNoShow')}
          </button>
        )}
        {!scheduled && (
          <button type="button" className="button button--quiet button--small" disabled={busy} onClick={() => onOutcome('scheduled')}>
            {t('console.panel.markScheduled')}
          </button>
        )}
        {scheduled && !confirming && (
          <button type="button" className="button button--danger button--small" disabled={busy} onClick={() => (published ? setConfirming(true) : onCancel())}>
            {t('console.panel.cancel')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="confirm" role="group" aria-labelledby={`${headingId}-confirm`}>
          <p id={`${headingId}-confirm`}>{t('console.panel.cancelQuestion')}</p>
          <div className="actions">
            <button type="button" className="button button--danger" disabled={busy} onClick={() => { setConfirming(false); onCancel(); }}>
              {t('console.panel.cancelConfirm')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
              {t('console.panel.cancelKeep')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** The answer to the last change: done (with "Undo" for a while), refused with reasons, or a problem. */
export function NoticeBar({ notice, onDismiss }: { notice: Notice | null; onDismiss: () => void }) {
  const { t } = useT();
  const [undoOpen, setUndoOpen] = useState<Notice | null>(null);
  useEffect(() => {
    if (notice?.kind !== 'done' || !notice.undo) return;
    const timer = setTimeout(() => setUndoOpen(notice), UNDO_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  const undoExpired = undoOpen === notice;

  if (!notice) return <div role="status" className="visually-hidden" />;
  if (notice.kind === 'error') return <ProblemMessage error={notice.error} action={<DismissButton onDismiss={onDismiss} />} />;
  if (notice.kind === 'refused') {
    return (
      <div className="notice notice--error" role="alert">
        <p className="notice__title">{notice.text}</p>
        <ul>
          {notice.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        <DismissButton onDismiss={onDismiss} />
      </div>
    );
  }
  return (
    <div className="notice console-notice" role="status">
      <p className="notice__title">{notice.text}</p>
      {notice.undo && !undoExpired && (
        <button type="button" className="button button--quiet button--small" onClick={notice.undo}>
          {t('console.notice.undo')}
        </button>
      )}
    </div>
  );
}

function DismissButton({ onDismiss }: { onDismiss: () => void }) {
  const { t } = useT();
  return (
    <button type="button" className="link-button" onClick={onDismiss}>
      {t('console.notice.dismiss')}
    </button>
  );
}
