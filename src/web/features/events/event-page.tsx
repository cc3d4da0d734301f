import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { pickText } from '../../../contracts/common';
import type { Event, Participant } from '../../../contracts/events';
import { Localised } from '../../components/localised';
import { Badge, Loading, ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { browserTimeZone } from '../../lib/format';
import { useFetch } from '../../lib/use-fetch';
import { useTitle } from '../layout/layout';
import { useSession } from '../session/session';
import { eventApi } from './event-api';
import { listOf, organisationName } from './event-names';
import { formatClockRange, formatDayRange, formatEventDay, formatInstant, slotsByDay, zoneName } from './event-time';
import { PendingRegistrations } from './pending-registrations';
import { RegistrationForm } from './registration-form';
import { ParticipantStatusBadge } from './participant-status';
import './events.css';

export function EventPage() {
  const { id = '' } = useParams();
  const { t, locale } = useT();
  const { user } = useSession();
  const event = useFetch(() => eventApi.get(id), `event|${id}|${user?.id ?? ''}`);
  const title = event.data ? pickText(event.data.title, locale) : null;
  useTitle(title ?? t('events.list.title'));

  if (event.status === 'loading') return <Loading />;
  if (event.status === 'error') return <ProblemMessage error={event.error} action={<p><Link to="/events">{t('events.backToList')}</Link></p>} />;
  const e = event.data;
  return (
    <div className="narrow narrow--wide">
      <p>
        <Link to="/events">{t('events.backToList')}</Link>
      </p>
      <header className="page-head">
        <p className="eyebrow">
          {t('events.list.organisedBy', { name: organisationName(e.organiser, locale) })}
        </p>
        <h1>
          <Localised text={e.title} />
        </h1>
        <p>
          <Badge tone={e.status === 'open' ? 'accent' : e.status === 'draft' ? 'warn' : 'neutral'}>{t(`events.status.${e.status}`)}</Badge>
        </p>
      </header>
      {Object.keys(e.description).length > 0 && <Localised text={e.description} block />}
      <EventFacts event={e} />
      {e.viewerRole === 'organiser' && (
        <section aria-labelledby="organiser-title" className="events-section">
          <div className="section-head">
            <h2 id="organiser-title">{t('events.organiser.title')}</h2>
            <Link className="button button--small" to={`/events/${e.id}/console`}>
              {t('events.organiser.console')}
            </Link>
          </div>
          <PendingRegistrations eventId={e.id} />
        </section>
      )}
      <ParticipationSection event={e} />
      <SlotList event={e} />
    </div>
  );
}

/** Where, when (in the event's zone and the reader's own when it differs), registration. */
function EventFacts({ event: e }: { event: Event }) {
  const { t, locale } = useT();
  const { user } = useSession();
  const readerZone = user?.timeZone ?? browserTimeZone();
  const days = [...new Set(e.slots.map((s) => s.day))];
  const firstDay = slotsByDay(e.slots)[0];
  const sessions = firstDay ? sessionSpans(firstDay.slots) : [];
  const sameZone = sameOffsets(e, readerZone);
  return (
    <dl className="events-facts">
      <div>
        <dt>{t('events.facts.when')}</dt>
        <dd>{days.length ? formatDayRange(days, locale) : t('events.facts.noSlots')}</dd>
      </div>
      {sessions.length > 0 && (
        <div>
          <dt>{t('events.facts.hours')}</dt>
          <dd>
            {t('events.facts.hoursInZone', {
              hours: listOf(sessions.map((s) => formatClockRange(s.startsAt, s.endsAt, locale, e.timeZone)), locale),
              zone: zoneName(e.timeZone, locale, sessions[0]!.startsAt),
            })}
            {!sameZone && (
              <>
                <br />
                <span className="muted">
                  {t('events.facts.hoursForYou', {
                    hours: listOf(sessions.map((s) => formatClockRange(s.startsAt, s.endsAt, locale, readerZone)), locale),
                    zone: zoneName(readerZone, locale, sessions[0]!.startsAt),
                  })}
                </span>
              </>
            )}
          </dd>
        </div>
      )}
      <div>
        <dt>{t('events.facts.where')}</dt>
        <dd>{e.online ? t('events.facts.online') : e.venue}</dd>
      </div>
      <div>
        <dt>{e.online ? t('events.facts.rooms') : t('events.facts.tables')}</dt>
        <dd>{e.tables.length ? listOf(e.tables.map((x) => x.name), locale) : t('events.facts.noTables')}</dd>
      </div>
      <div>
        <dt>{t('events.facts.registration')}</dt>
        <dd>
          {e.registrationOpensAt && e.registrationClosesAt
            ? t('events.facts.window', { from: formatInstant(e.registrationOpensAt, locale, readerZone), to: formatInstant(e.registrationClosesAt, locale, readerZone) })
            : e.registrationClosesAt
              ? t('events.facts.until', { to: formatInstant(e.registrationClosesAt, locale, readerZone) })
              : e.registrationOpensAt
                ? t('events.facts.from', { from: formatInstant(e.registrationOpensAt, locale, readerZone) })
                : t('events.facts.always')}
          {' · '}
          {e.approvalRequired ? t('events.facts.approval') : t('events.facts.noApproval')}
        </dd>
      </div>
    </dl>
  );
}

/** True when the reader's zone shows the event's slots at the same clock times (same offset on its days). */
function sameOffsets(e: Event, zone: string): boolean {
  if (zone === e.timeZone) return true;
  const probe = e.slots[0]?.startsAt ?? new Date().toISOString();
  const f = (tz: string) => new Intl.DateTimeFormat('en', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', day: '2-digit' }).format(new Date(probe));
  return f(zone) === f(e.timeZone);
}

/** One day's sessions as first-slot start → last-slot end. */
function sessionSpans(slots: Event['slots']) {
  const spans: Array<{ startsAt: string; endsAt: string }> = [];
  for (const session of ['morning', 'afternoon'] as const) {
    const own = slots.filter((s) => s.session === session);
    if (own.length) spans.push({ startsAt: own[0]!.startsAt, endsAt: own[own.length - 1]!.endsAt });
  }
  return spans;
}

/** Every slot, day by day, in the event's time (and the reader's when it differs). */
function SlotList({ event: e }: { event: Event }) {
  const { t, locale } = useT();
  const { user } = useSession();
  const readerZone = user?.timeZone ?? browserTimeZone();
  const sameZone = sameOffsets(e, readerZone);
  if (e.slots.length === 0) return null;
  return (
    <details className="events-section">
      <summary>{t('events.slots.title', { count: e.slots.length })}</summary>
      {slotsByDay(e.slots).map(({ day, slots }) => (
        <div key={day}>
          <h3>{formatEventDay(day, locale)}</h3>
          <ul className="events-slot-list">
            {slots.map((s) => (
              <li key={s.id}>
                {formatClockRange(s.startsAt, s.endsAt, locale, e.timeZone)}
                {!sameZone && <span className="muted"> · {t('events.slots.yours', { time: formatClockRange(s.startsAt, s.endsAt, locale, readerZone) })}</span>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </details>
  );
}

/** Your organisations in this event: their registration state, the way to the participant area, and registration. */
function ParticipationSection({ event: e }: { event: Event }) {
  const { t, locale } = useT();
  const { user } = useSession();
  const location = useLocation();
  const [version, setVersion] = useState(0);
  const participants = useFetch(
    () => (user ? eventApi.participants(e.id) : Promise.resolve({ items: [] as Participant[] })),
    `participants|${e.id}|${user?.id ?? ''}|${version}`,
  );

  if (!user) {
    return (
      <section className="events-section notice" aria-labelledby="take-part-title">
        <h2 id="take-part-title">{t('events.register.title')}</h2>
        <p>{t('events.register.signInFirst')}</p>
        <p>
          <Link className="button" to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>
            {t('events.register.signIn')}
          </Link>
        </p>
      </section>
    );
  }
  if (participants.status === 'loading') return <Loading />;
  if (participants.status === 'error') return <ProblemMessage error={participants.error} />;

  const myOrgIds = new Set(user.memberships.map((m) => m.organisationId));
  const mine = participants.data.items.filter((p) => myOrgIds.has(p.organisation.id));
  const unregistered = user.memberships.filter((m) => !mine.some((p) => p.organisation.id === m.organisationId));
  return (
    <section className="events-section" aria-labelledby="take-part-title">
      <h2 id="take-part-title">{t('events.register.title')}</h2>
      {mine.length > 0 && (
        <ul className="plain-list card-list">
          {mine.map((p) => (
            <li key={p.id} className="card events-participation">
              <p className="card__title">
                {organisationName(p.organisation, locale)} <ParticipantStatusBadge status={p.status} />
              </p>
              <p className="muted">{t(`events.register.statusHelp.${p.status}`)}</p>
              {p.status === 'approved' && (
                <p>
                  <Link className="button button--small" to={`/events/${e.id}/me?participant=${p.id}`}>
                    {t('events.register.openArea')}
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {user.memberships.length === 0 ? (
        <>
          <p>{t('events.register.needOrganisation')}</p>
          <p>
            <Link className="button" to="/organisations/new">
              {t('myOrganisations.create')}
            </Link>
          </p>
        </>
      ) : unregistered.length === 0 ? null : e.status !== 'open' ? (
        <p className="muted">{t('events.register.closed')}</p>
      ) : (
        <RegistrationForm event={e} organisations={unregistered} onRegistered={() => setVersion((v) => v + 1)} />
      )}
    </section>
  );
}
