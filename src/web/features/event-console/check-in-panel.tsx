import { useId, useState } from 'react';
import { SelectField, TextField } from '../../components/fields';
import { ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { formatNumber } from '../../lib/format';
import { consoleApi, type ConsoleParticipant, type RescheduleResult } from './console-api';
import { useConsole } from './console-context';
import { moment } from './console-format';
import { isLive, participantMatches } from './console-model';
import type { ConsoleData } from './use-console-data';

interface Props {
  update: (change: (data: ConsoleData) => ConsoleData) => void;
  onMeetingsChanged: () => void;
}

/** On the day: who has arrived, and quick rescheduling for a participant who is late or absent. */
export function CheckInPanel({ update, onMeetingsChanged }: Props) {
  const { t, locale } = useT();
  const view = useConsole();
  const [query, setQuery] = useState('');
  const approved = view.data.participants
    .filter((p) => p.status === 'approved')
    .sort((a, b) => view.nameOf(a.id).localeCompare(view.nameOf(b.id), locale));
  const shown = approved.filter((p) => participantMatches(p, query));
  const arrived = approved.filter((p) => p.checkedInAt).length;

  return (
    <div className="console-checkin">
      <div className="actions">
        <TextField type="search" label={t('console.checkIn.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
        <p className="muted" role="status">
          {t('console.checkIn.count', { arrived: formatNumber(arrived, locale), total: formatNumber(approved.length, locale) })}
        </p>
      </div>
      {shown.length === 0 ? (
        <p className="muted">{t('console.checkIn.noMatch')}</p>
      ) : (
        <ul className="plain-list console-checkin__list">
          {shown.map((p) => (
            <ParticipantRow key={p.id} participant={p} update={update} onMeetingsChanged={onMeetingsChanged} />
          ))}
        </ul>
      )}
    </div>
  );
}

function ParticipantRow({ participant: p, update, onMeetingsChanged }: { participant: ConsoleParticipant } & Props) {
  const { t, locale } = useT();
  const view = useConsole();
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [rescheduling, setRescheduling] = useState(false);
  const [fromSlot, setFromSlot] = useState('');
  const [result, setResult] = useState<RescheduleResult | null>(null);
  const meetings = view.data.meetings.filter((m) => isLive(m) && m.participantIds.includes(p.id));
  const pending = meetings.filter((m) => m.status === 'scheduled').length;

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const toggleCheckIn = () =>
    act(async () => {
      const updated = await consoleApi.checkIn(view.data.event.id, p.id, !p.checkedInAt);
      update((d) => ({ ...d, participants: d.participants.map((x) => (x.id === p.id ? { ...x, ...updated } : x)) }));
    });

  const reschedule = () =>
    act(async () => {
      setResult(await consoleApi.reschedule(view.data.event.id, p.id, fromSlot || undefined));
      setRescheduling(false);
      onMeetingsChanged();
    });

  const slots = [...view.data.event.slots].sort((a, b) => a.position - b.position);
  const n = (v: number) => formatNumber(v, locale);
  return (
    <li className="card console-checkin__row" aria-labelledby={headingId}>
      <div className="console-checkin__who">
        <h3 id={headingId} className="card__title">{view.nameOf(p.id)}</h3>
        {p.people.length > 0 && <p className="card__meta">{p.people.map((x) => x.displayName).join(', ')}</p>}
        <p className="card__meta muted">
          {t(`console.checkIn.attendance.${p.attendance}`)} · {t('console.checkIn.meetings', { count: meetings.length, value: n(meetings.length), pending: n(pending) })}
        </p>
      </div>
      <div className="console-checkin__state">
        {p.checkedInAt ? (
          <p className="console-checkin__arrived">{t('console.checkIn.arrivedAt', { time: moment(p.checkedInAt, locale, view.timeZone) })}</p>
        ) : (
          <p className="muted">{t('console.checkIn.notYet')}</p>
        )}
        <div className="actions">
          <button type="button" className={p.checkedInAt ? 'button button--quiet button--small' : 'button button--small'} disabled={busy}
            aria-label={t(p.checkedInAt ? 'console.checkIn.undoFor' : 'console.checkIn.checkInFor', { name: view.nameOf(p.id) })}
            onClick={() => void toggleCheckIn()}>
            {p.checkedInAt ? t('console.checkIn.undo') : t('console.checkIn.checkIn')}
          </button>
          {pending > 0 && !rescheduling && (
            <button type="button" className="button button--quiet button--small" disabled={busy} onClick={() => setRescheduling(true)}>
              {t('console.checkIn.reschedule')}
            </button>
          )}
        </div>
      </div>
      {rescheduling && (
        <div className="confirm console-checkin__reschedule" role="group" aria-labelledby={`${headingId}-rs`}>
          <p id={`${headingId}-rs`}>{t('console.checkIn.rescheduleQuestion', { name: view.nameOf(p.id) })}</p>
          <SelectField label={t('console.checkIn.fromSlot')} value={fromSlot} onChange={(e) => setFromSlot(e.target.value)}
            options={[{ value: '', label: t('console.checkIn.fromNext') }, ...slots.map((s) => ({ value: s.id, label: view.slotLabel(s.id) }))]} />
          <div className="actions">
            <button type="button" className="button" disabled={busy} onClick={() => void reschedule()}>
              {t('console.checkIn.rescheduleConfirm')}
            </button>
            <button type="button" className="button button--quiet" disabled={busy} onClick={() => setRescheduling(false)}>
              {t('console.checkIn.rescheduleKeep')}
            </button>
          </div>
        </div>
      )}
      {result && (
        <p className="notice console-checkin__result" role="status">
          {t('console.checkIn.rescheduled', { moved: n(result.moved), cancelled: n(result.cancelled), kept: n(result.kept) })}
        </p>
      )}
      {error !== null && <ProblemMessage error={error} />}
    </li>
  );
}
