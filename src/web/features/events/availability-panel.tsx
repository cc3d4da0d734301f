import { useState, type FormEvent } from 'react';
import { ParticipantSettings, type Event, type Participant } from '../../../contracts/events';
import { EmptyState, ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { formatNumber } from '../../lib/format';
import { useFormSubmit } from '../../lib/use-form-submit';
import { eventApi } from './event-api';
import { formatClockRange, formatEventDay, slotsByDay, withinWorkingDay, zoneName } from './event-time';
import { validateEvent } from './event-validation';
import { ParticipationFields, settingsInput } from './registration-form';
import { withMembers } from '../../lib/sets';

/** What the server assumes when nothing was set: every slot, or a remote participant's working hours. */
function defaultAvailability(event: Event, me: Participant): Set<string> {
  if (me.availableSlotIds) return new Set(me.availableSlotIds);
  const zone = me.attendance === 'remote' ? me.timeZone : null;
  return new Set(event.slots.filter((s) => !zone || withinWorkingDay(s, zone)).map((s) => s.id));
}

export function AvailabilityPanel({ event, me, onSaved }: { event: Event; me: Participant; onSaved: (p: Participant) => void }) {
  return (
    <>
      <AvailabilityGrid event={event} me={me} onSaved={onSaved} />
      <SettingsForm event={event} me={me} onSaved={onSaved} />
    </>
  );
}

/**
 * Days × slots with one toggle per slot and "all"/"none" per day. Times are the event's; a
 * remote participant also sees their own clock, with their working hours highlighted.
 */
function AvailabilityGrid({ event, me, onSaved }: { event: Event; me: Participant; onSaved: (p: Participant) => void }) {
  const { t, locale } = useT();
  const [selected, setSelected] = useState(() => defaultAvailability(event, me));
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  const { problem, busy, run } = useFormSubmit();
  const days = slotsByDay(event.slots);
  const remoteZone = me.attendance === 'remote' && me.timeZone && me.timeZone !== event.timeZone ? me.timeZone : null;
  const rows = Math.max(0, ...days.map((d) => d.slots.length));

  if (event.slots.length === 0) {
    return (
      <EmptyState title={t('events.availability.noSlotsTitle')}>
        <p>{t('events.availability.noSlots')}</p>
      </EmptyState>
    );
  }

  const change = (ids: string[], on: boolean) => {
    setSelected((prev) => withMembers(prev, ids, on));
    setDirty(true);
    setSaved(false);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const ids = event.slots.filter((s) => selected.has(s.id)).map((s) => s.id);
    void run(validateEvent(ParticipantSettings, { availableSlotIds: ids }, locale, t), async (body) => {
      onSaved(await eventApi.updateParticipant(event.id, me.id, body));
      setDirty(false);
      setSaved(true);
    });
  };

  const sample = event.slots[0]!.startsAt;
  return (
    <form onSubmit={onSubmit} aria-labelledby="availability-title" className="events-section">
      <h2 id="availability-title">{t('events.availability.title')}</h2>
      <p className="muted">
        {t('events.availability.intro', { zone: zoneName(event.timeZone, locale, sample) })}{' '}
        {remoteZone && t('events.availability.remote', { zone: zoneName(remoteZone, locale, sample) })}
      </p>
      {remoteZone && (
        <p className="events-legend">
          <span className="events-legend__swatch events-slot--working" aria-hidden="true" /> {t('events.availability.workingHours')}
        </p>
      )}
      {problem !== null && <ProblemMessage error={problem} />}
      <div className="events-grid-scroll">
        <table className="events-grid">
          <caption className="visually-hidden">{t('events.availability.caption')}</caption>
          <thead>
            <tr>
              {days.map(({ day, slots }) => (
                <th key={day} scope="col">
                  <span className="events-grid__day">{formatEventDay(day, locale, 'short')}</span>
                  <span className="events-grid__day-actions">
                    <button type="button" className="link-button" aria-label={t('events.availability.allFor', { day: formatEventDay(day, locale) })}
                      onClick={() => change(slots.map((s) => s.id), true)}>
                      {t('events.availability.all')}
                    </button>
                    <button type="button" className="link-button" aria-label={t('events.availability.noneFor', { day: formatEventDay(day, locale) })}
                      onClick={() => change(slots.map((s) => s.id), false)}>
                      {t('events.availability.none')}
                    </button>
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, row) => (
              <tr key={row}>
                {days.map(({ day, slots }) => {
                  const s = slots[row];
                  if (!s) return <td key={day} />;
                  const on = selected.has(s.id);
                  const time = formatClockRange(s.startsAt, s.endsAt, locale, event.timeZone);
                  const own = remoteZone ? formatClockRange(s.startsAt, s.endsAt, locale, remoteZone) : null;
                  const working = remoteZone ? withinWorkingDay(s, remoteZone) : false;
                  return (
                    <td key={day}>
                      <button type="button" aria-pressed={on} className={`events-slot${on ? ' events-slot--on' : ''}${working ? ' events-slot--working' : ''}`}
                        aria-label={t('events.availability.slotLabel', { day: formatEventDay(day, locale), time, own: own ?? time })}
                        onClick={() => change([s.id], !on)}>
                        <span>{time}</span>
                        {own && <span className="events-slot__own">{t('events.availability.yourTime', { time: own })}</span>}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted" role="status">
        {saved
          ? t('events.availability.saved')
          : t('events.availability.count', { count: selected.size, chosen: formatNumber(selected.size, locale), total: formatNumber(event.slots.length, locale) })}
      </p>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy || !dirty}>
          {t('events.availability.save')}
        </button>
      </div>
    </form>
  );
}

function SettingsForm({ event, me, onSaved }: { event: Event; me: Participant; onSaved: (p: Participant) => void }) {
  const { t, locale } = useT();
  const [value, setValue] = useState({
    languages: me.languages,
    attendance: me.attendance,
    timeZone: me.timeZone ?? event.timeZone,
    maxMeetings: me.maxMeetings?.toString() ?? '',
  });
  const [saved, setSaved] = useState(false);
  const { errors, problem, busy, run } = useFormSubmit();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void run(validateEvent(ParticipantSettings, settingsInput(value), locale, t), async (body) => {
      onSaved(await eventApi.updateParticipant(event.id, me.id, body));
      setSaved(true);
    });
  };
  return (
    <form className="form events-section" noValidate onSubmit={onSubmit} aria-labelledby="settings-title">
      <h2 id="settings-title">{t('events.settings.title')}</h2>
      {problem !== null && <ProblemMessage error={problem} />}
      <ParticipationFields event={event} value={value} onChange={(v) => {
        setValue(v);
        setSaved(false);
      }} errors={errors} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t('common.save')}
        </button>
        {saved && <span role="status">{t('events.settings.saved')}</span>}
      </div>
    </form>
  );
}
