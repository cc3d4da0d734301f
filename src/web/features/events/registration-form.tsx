import { useState, type FormEvent } from 'react';
import type { Me } from '../../../contracts/auth';
import { RegistrationInput, type Event } from '../../../contracts/events';
import { FieldGroup, SelectField, TextField } from '../../components/fields';
import { optionalNumber } from '../../components/localised-inputs';
import { ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { browserTimeZone, languageName, timeZones } from '../../lib/format';
import { useFormSubmit } from '../../lib/use-form-submit';
import { errorAt } from '../../lib/validation';
import { useSession } from '../session/session';
import { eventApi } from './event-api';
import { zoneName } from './event-time';
import { validateEvent } from './event-validation';

/** Languages offered as checkboxes; the platform's three first. */
export const EVENT_LANGUAGES = ['it', 'zh', 'en', 'de', 'fr', 'es'];

type Settings = { languages: string[]; attendance: 'on_site' | 'remote'; timeZone: string; maxMeetings: string };

/** Languages, on site or remote (with the participant's own zone) and a maximum of meetings: shared by registration and the participant area. */
export function ParticipationFields({ event, value, onChange, errors }: {
  event: Pick<Event, 'online' | 'timeZone'>;
  value: Settings;
  onChange: (next: Settings) => void;
  errors: Record<string, string>;
}) {
  const { t, locale } = useT();
  const toggleLanguage = (code: string, on: boolean) =>
    onChange({ ...value, languages: on ? [...value.languages, code] : value.languages.filter((l) => l !== code) });
  return (
    <>
      <FieldGroup legend={t('events.register.languages')} hint={t('events.register.languagesHint')} error={errorAt(errors, 'languages')}>
        <div className="events-checks">
          {EVENT_LANGUAGES.map((code) => (
            <label key={code} className="events-check">
              <input type="checkbox" checked={value.languages.includes(code)} onChange={(e) => toggleLanguage(code, e.target.checked)} />{' '}
              {languageName(code, locale)}
            </label>
          ))}
        </div>
      </FieldGroup>
      <FieldGroup legend={t('events.register.attendance')} error={errors.attendance}>
        {(['on_site', 'remote'] as const).map((a) => (
          <label key={a} className="events-check">
            <input type="radio" name="attendance" value={a} checked={value.attendance === a} onChange={() => onChange({ ...value, attendance: a })} />{' '}
            {a === 'on_site' && event.online ? t('events.register.attendanceEventZone') : t(`events.register.attendanceOption.${a}`)}
          </label>
        ))}
        {value.attendance === 'remote' && (
          <SelectField label={t('events.register.timeZone')} hint={t('events.register.timeZoneHint', { zone: zoneName(event.timeZone, locale) })} value={value.timeZone}
            error={errors.timeZone} options={timeZones().map((z) => ({ value: z, label: z }))}
            onChange={(e) => onChange({ ...value, timeZone: e.target.value })} />
        )}
      </FieldGroup>
      <TextField label={t('events.register.maxMeetings')} hint={t('events.register.maxMeetingsHint')} inputMode="numeric" value={value.maxMeetings}
        error={errors.maxMeetings} onChange={(e) => onChange({ ...value, maxMeetings: e.target.value })} />
    </>
  );
}

export function settingsInput(s: Settings) {
  return {
    languages: s.languages,
    attendance: s.attendance,
    timeZone: s.attendance === 'remote' ? s.timeZone : null,
    maxMeetings: optionalNumber(s.maxMeetings) ?? null,
  };
}

/** "Register my organisation": which of my organisations, languages, on site or remote, maximum meetings. */
export function RegistrationForm({ event, organisations, onRegistered }: {
  event: Event;
  organisations: Me['memberships'];
  onRegistered: () => void;
}) {
  const { t, locale } = useT();
  const { user } = useSession();
  const [organisationId, setOrganisationId] = useState(organisations[0]!.organisationId);
  const [settings, setSettings] = useState<Settings>({
    languages: [locale],
    attendance: event.online ? 'remote' : 'on_site',
    timeZone: user?.timeZone ?? browserTimeZone(),
    maxMeetings: '',
  });
  const { errors, problem, busy, run } = useFormSubmit();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(validateEvent(RegistrationInput, { organisationId, ...settingsInput(settings) }, locale, t), async (body) => {
      await eventApi.register(event.id, body);
      onRegistered();
    });
  };

  return (
    <form className="form card" noValidate onSubmit={onSubmit} aria-labelledby="register-title">
      <h3 id="register-title">{t('events.register.formTitle')}</h3>
      <p className="muted">{event.approvalRequired ? t('events.register.introApproval') : t('events.register.intro')}</p>
      {problem !== null && <ProblemMessage error={problem} />}
      <SelectField label={t('events.register.organisation')} value={organisationId} error={errors.organisationId}
        options={organisations.map((m) => ({ value: m.organisationId, label: m.legalName }))} onChange={(e) => setOrganisationId(e.target.value)} />
      <ParticipationFields event={event} value={settings} onChange={setSettings} errors={errors} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t('events.register.submit')}
        </button>
      </div>
    </form>
  );
}
