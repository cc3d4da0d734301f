import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { EventInput, TablesInput } from '../../../contracts/events';
import { CheckboxField, FieldGroup, SelectField, TextField } from '../../components/fields';
import { emptyLocalised, LocalisedInputs, localisedValue, optionalNumber, optionalText } from '../../components/localised-inputs';
import { EmptyState, ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { browserTimeZone, formatNumber, timeZones } from '../../lib/format';
import { useFormSubmit } from '../../lib/use-form-submit';
import { errorAt } from '../../lib/validation';
import { useSession } from '../session/session';
import { eventApi } from './event-api';
import { daysBetween, slotsPerDay, wallTimeToIso } from './event-time';
import { validateEvent } from './event-validation';

type Session = { on: boolean; start: string; end: string };
type Draft = ReturnType<typeof emptyDraft>;

function emptyDraft(organisationId: string, timeZone: string, defaultTable: (n: number) => string) {
  return {
    organiserOrganisationId: organisationId,
    title: emptyLocalised(),
    description: emptyLocalised(),
    online: false,
    venue: '',
    timeZone,
    opensAt: '',
    closesAt: '',
    approvalRequired: true,
    status: 'open' as 'open' | 'draft',
    firstDay: '',
    lastDay: '',
    morning: { on: true, start: '09:00', end: '12:30' } as Session,
    afternoon: { on: true, start: '14:00', end: '18:00' } as Session,
    slotMinutes: '30',
    gapMinutes: '0',
    breaks: [{ start: '10:30', end: '10:45' }],
    tables: [1, 2, 3, 4, 5].map((n) => ({ name: defaultTable(n), videoUrl: '' })),
  };
}

function gridOf(d: Draft) {
  return {
    days: daysBetween(d.firstDay, d.lastDay, 40),
    sessions: (['morning', 'afternoon'] as const).filter((s) => d[s].on).map((s) => ({ session: s, start: d[s].start, end: d[s].end })),
    slotMinutes: optionalNumber(d.slotMinutes),
    gapMinutes: optionalNumber(d.gapMinutes) ?? 0,
    breaks: d.breaks.filter((b) => b.start || b.end),
  };
}

function toInput(d: Draft) {
  return {
    organiserOrganisationId: d.organiserOrganisationId,
    title: localisedValue(d.title),
    ...(Object.keys(localisedValue(d.description)).length ? { description: localisedValue(d.description) } : {}),
    online: d.online,
    venue: optionalText(d.venue),
    timeZone: d.timeZone,
    registrationOpensAt: wallTimeToIso(d.opensAt, d.timeZone),
    registrationClosesAt: wallTimeToIso(d.closesAt, d.timeZone),
    approvalRequired: d.approvalRequired,
    status: d.status,
    // Without a first day the event is saved without slots; the organiser adds them later.
    grid: d.firstDay ? gridOf(d) : undefined,
    tables: d.tables.filter((t) => t.name.trim() || t.videoUrl.trim()).map((t) => ({ name: t.name.trim(), videoUrl: optionalText(t.videoUrl) })),
  };
}

/** "New event": organiser organisation, titles in three languages, place and zone, registration, the slot grid and the tables. */
export function EventForm({ onCancel }: { onCancel: () => void }) {
  const { t, locale } = useT();
  const navigate = useNavigate();
  const { user } = useSession();
  const memberships = user?.memberships ?? [];
  const [draft, setDraft] = useState(() => emptyDraft(memberships[0]?.organisationId ?? '', user?.timeZone ?? browserTimeZone(), (n) => t('events.form.defaultTable', { n })));
  const { errors, problem, busy, run } = useFormSubmit();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  if (memberships.length === 0) {
    return (
      <EmptyState title={t('events.form.needOrganisationTitle')}>
        <p>{t('events.form.needOrganisation')}</p>
        <p>
          <Link className="button" to="/organisations/new">
            {t('myOrganisations.create')}
          </Link>
        </p>
      </EmptyState>
    );
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input = toInput(draft);
    // EventInput does not check table names for duplicates (TablesInput does, and the database refuses them).
    const tables = validateEvent(TablesInput, { tables: input.tables }, locale, t);
    const event = validateEvent(EventInput, input, locale, t);
    const checked = tables.errors ? { data: null, errors: { ...tables.errors, ...event.errors } } : event;
    void run(checked, async (body) => {
      const created = await eventApi.create(body);
      navigate(`/events/${created.id}`);
    });
  };

  const grid = gridOf(draft);
  const perDay = slotsPerDay({ ...grid, slotMinutes: Number(grid.slotMinutes) || 0 });
  const zones = timeZones();
  const setSession = (s: 'morning' | 'afternoon', patch: Partial<Session>) => set(s, { ...draft[s], ...patch });

  return (
    <section className="card events-form-card" aria-labelledby="new-event-title">
      <h2 id="new-event-title">{t('events.form.title')}</h2>
      <p className="muted">{t('events.form.intro')}</p>
      <form className="form" noValidate onSubmit={onSubmit}>
        {problem !== null && <ProblemMessage error={problem} />}
        <SelectField label={t('events.form.organiser')} hint={t('events.form.organiserHint')} value={draft.organiserOrganisationId}
          error={errors.organiserOrganisationId} options={memberships.map((m) => ({ value: m.organisationId, label: m.legalName }))}
          onChange={(e) => set('organiserOrganisationId', e.target.value)} />
        <LocalisedInputs legend={t('events.form.titleLegend')} hint={t('events.form.languagesHint')} path="title" value={draft.title}
          errors={errors} onChange={(v) => set('title', v)} />
        <LocalisedInputs legend={t('events.form.description')} path="description" value={draft.description} errors={errors} multiline
          onChange={(v) => set('description', v)} />

        <FieldGroup legend={t('events.form.placeLegend')}>
          <CheckboxField label={t('events.form.online')} hint={t('events.form.onlineHint')} checked={draft.online}
            onChange={(e) => set('online', e.target.checked)} />
          {!draft.online && (
            <TextField label={t('events.form.venue')} placeholder={t('events.form.venuePlaceholder')} value={draft.venue} error={errors.venue}
              onChange={(e) => set('venue', e.target.value)} />
          )}
          <SelectField label={t('events.form.timeZone')} hint={t('events.form.timeZoneHint')} value={draft.timeZone} error={errors.timeZone}
            options={zones.map((z) => ({ value: z, label: z }))} onChange={(e) => set('timeZone', e.target.value)} />
        </FieldGroup>

        <FieldGroup legend={t('events.form.registrationLegend')} hint={t('events.form.registrationHint', { zone: draft.timeZone })}>
          <div className="form-row">
            <TextField label={t('events.form.opensAt')} type="datetime-local" value={draft.opensAt} error={errors.registrationOpensAt}
              onChange={(e) => set('opensAt', e.target.value)} />
            <TextField label={t('events.form.closesAt')} type="datetime-local" value={draft.closesAt} error={errors.registrationClosesAt}
              onChange={(e) => set('closesAt', e.target.value)} />
          </div>
          <CheckboxField label={t('events.form.approvalRequired')} hint={t('events.form.approvalHint')} checked={draft.approvalRequired}
            onChange={(e) => set('approvalRequired', e.target.checked)} />
          <SelectField label={t('events.form.status')} value={draft.status} error={errors.status}
            options={(['open', 'draft'] as const).map((s) => ({ value: s, label: t(`events.form.statusOption.${s}`) }))}
            onChange={(e) => set('status', e.target.value as Draft['status'])} />
        </FieldGroup>

        <FieldGroup legend={t('events.form.gridLegend')} hint={t('events.form.gridHint')} error={errorAt(errors, 'grid.days') ?? errorAt(errors, 'grid.sessions')}>
          <div className="form-row">
            <TextField label={t('events.form.firstDay')} type="date" value={draft.firstDay} onChange={(e) => set('firstDay', e.target.value)} />
            <TextField label={t('events.form.lastDay')} type="date" value={draft.lastDay} min={draft.firstDay || undefined}
              onChange={(e) => set('lastDay', e.target.value)} />
          </div>
          {(['morning', 'afternoon'] as const).map((s) => (
            <div key={s} className="events-session">
              <CheckboxField label={t(`events.session.${s}`)} checked={draft[s].on} onChange={(e) => setSession(s, { on: e.target.checked })} />
              {draft[s].on && (
                <div className="form-row">
                  <TextField label={t('events.form.sessionStart', { session: t(`events.session.${s}`) })} type="time" value={draft[s].start}
                    onChange={(e) => setSession(s, { start: e.target.value })} />
                  <TextField label={t('events.form.sessionEnd', { session: t(`events.session.${s}`) })} type="time" value={draft[s].end}
                    onChange={(e) => setSession(s, { end: e.target.value })} />
                </div>
              )}
            </div>
          ))}
          <div className="form-row">
            <TextField label={t('events.form.slotMinutes')} inputMode="numeric" value={draft.slotMinutes} error={errors['grid.slotMinutes']}
              onChange={(e) => set('slotMinutes', e.target.value)} />
            <TextField label={t('events.form.gapMinutes')} hint={t('events.form.gapHint')} inputMode="numeric" value={draft.gapMinutes}
              error={errors['grid.gapMinutes']} onChange={(e) => set('gapMinutes', e.target.value)} />
          </div>
          <fieldset className="field-group">
            <legend>{t('events.form.breaks')}</legend>
            {draft.breaks.map((b, i) => (
              <div key={i} className="form-row events-row">
                <TextField label={t('events.form.breakStart', { n: i + 1 })} type="time" value={b.start} error={errorAt(errors, `grid.breaks.${i}`)}
                  onChange={(e) => set('breaks', draft.breaks.map((x, j) => (j === i ? { ...x, start: e.target.value } : x)))} />
                <TextField label={t('events.form.breakEnd', { n: i + 1 })} type="time" value={b.end}
                  onChange={(e) => set('breaks', draft.breaks.map((x, j) => (j === i ? { ...x, end: e.target.value } : x)))} />
                <button type="button" className="button button--quiet button--small" onClick={() => set('breaks', draft.breaks.filter((_, j) => j !== i))}>
                  {t('events.form.removeBreak', { n: i + 1 })}
                </button>
              </div>
            ))}
            <button type="button" className="button button--quiet button--small" onClick={() => set('breaks', [...draft.breaks, { start: '', end: '' }])}>
              {t('events.form.addBreak')}
            </button>
          </fieldset>
          <p className="muted" role="status">
            {grid.days.length > 0
              ? t('events.form.preview', { count: perDay, perDay: formatNumber(perDay, locale), total: formatNumber(perDay * grid.days.length, locale), days: formatNumber(grid.days.length, locale) })
              : t('events.form.previewNoDays')}
          </p>
        </FieldGroup>

        <FieldGroup legend={draft.online ? t('events.form.roomsLegend') : t('events.form.tablesLegend')} hint={t('events.form.tablesHint')}
          error={errors.tables}>
          {draft.tables.map((row, i) => (
            <div key={i} className="form-row events-row">
              <TextField label={t('events.form.tableName', { n: i + 1 })} value={row.name} error={errorAt(errors, `tables.${i}.name`)}
                onChange={(e) => set('tables', draft.tables.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />
              {draft.online && (
                <TextField label={t('events.form.videoUrl', { n: i + 1 })} type="url" placeholder="https://" value={row.videoUrl}
                  error={errorAt(errors, `tables.${i}.videoUrl`)}
                  onChange={(e) => set('tables', draft.tables.map((x, j) => (j === i ? { ...x, videoUrl: e.target.value } : x)))} />
              )}
              <button type="button" className="button button--quiet button--small" onClick={() => set('tables', draft.tables.filter((_, j) => j !== i))}>
                {t('events.form.removeTable', { name: row.name || String(i + 1) })}
              </button>
            </div>
          ))}
          <button type="button" className="button button--quiet button--small"
            onClick={() => set('tables', [...draft.tables, { name: t('events.form.defaultTable', { n: draft.tables.length + 1 }), videoUrl: '' }])}>
            {draft.online ? t('events.form.addRoom') : t('events.form.addTable')}
          </button>
        </FieldGroup>

        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('events.form.create')}
          </button>
          <button type="button" className="button button--quiet" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
