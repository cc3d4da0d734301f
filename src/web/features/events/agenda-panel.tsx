import { Link } from 'react-router-dom';
import type { Agenda, AgendaItem, Event, Participant } from '../../../contracts/events';
import { Badge, EmptyState, Loading, ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { languageName } from '../../lib/format';
import { useFetch } from '../../lib/use-fetch';
import { CalendarTools } from './calendar-tools';
import { eventApi } from './event-api';
import { listOf, organisationName } from './event-names';
import { formatClockRange, formatEventDay, localClock, zoneName } from './event-time';
import { FeedbackForm } from './feedback-form';

/**
 * My agenda: meetings in my language and time zone (a remote participant's own, else the
 * event's), with the event's clock beside it when they differ; counterpart, table or room,
 * interpreter and why we match; after a meeting has started, a short feedback form.
 */
export function AgendaPanel({ event, me }: { event: Event; me: Participant }) {
  const { t } = useT();
  // The clock is read when the agenda arrives, so "has this meeting started" is fixed for a render.
  const agenda = useFetch(async () => ({ agenda: await eventApi.agenda(event.id, me.id), now: Date.now() }), `agenda|${event.id}|${me.id}`);

  return (
    <section className="events-section" aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t('events.agenda.title')}</h2>
      {agenda.status === 'loading' && <Loading />}
      {agenda.status === 'error' && <ProblemMessage error={agenda.error} />}
      {agenda.status === 'ready' && <AgendaBody event={event} me={me} agenda={agenda.data.agenda} now={agenda.data.now} />}
    </section>
  );
}

function AgendaBody({ event, me, agenda, now }: { event: Event; me: Participant; agenda: Agenda; now: number }) {
  const { t, locale } = useT();
  const sample = agenda.items[0]?.startsAt ?? event.slots[0]?.startsAt ?? new Date().toISOString();
  const differs = agenda.timeZone !== agenda.eventTimeZone;
  const days = new Map<string, AgendaItem[]>();
  for (const item of agenda.items) {
    const day = localClock(item.startsAt, agenda.timeZone).date;
    days.set(day, [...(days.get(day) ?? []), item]);
  }
  const unpublished = event.schedulePublishedAt === null;

  return (
    <>
      <p className="muted">
        {differs
          ? t('events.agenda.zones', { zone: zoneName(agenda.timeZone, locale, sample), eventZone: zoneName(agenda.eventTimeZone, locale, sample) })
          : t('events.agenda.zone', { zone: zoneName(agenda.timeZone, locale, sample) })}
      </p>
      {agenda.items.length === 0 ? (
        <EmptyState title={t('events.agenda.emptyTitle')}>
          <p>{unpublished ? t('events.agenda.emptyUnpublished') : t('events.agenda.empty')}</p>
          <p>{t('events.agenda.emptyTip')}</p>
        </EmptyState>
      ) : (
        [...days].map(([day, items]) => (
          <div key={day}>
            <h3>{formatEventDay(day, locale)}</h3>
            <ol className="plain-list card-list">
              {items.map((item) => (
                <li key={item.meetingId}>
                  <AgendaCard event={event} me={me} item={item} now={now} timeZone={agenda.timeZone} eventTimeZone={differs ? agenda.eventTimeZone : null} />
                </li>
              ))}
            </ol>
          </div>
        ))
      )}
      {agenda.items.length > 0 && <CalendarTools event={event} me={me} />}
    </>
  );
}

function AgendaCard({ event, me, item, now, timeZone, eventTimeZone }: {
  event: Event;
  me: Participant;
  item: AgendaItem;
  now: number;
  timeZone: string;
  eventTimeZone: string | null;
}) {
  const { t, locale } = useT();
  const name = organisationName(item.counterpart, locale);
  const time = formatClockRange(item.startsAt, item.endsAt, locale, timeZone);
  const started = now >= new Date(item.startsAt).getTime();
  return (
    <article className="card events-meeting" aria-label={t('events.agenda.meetingLabel', { time, name })}>
      <p className="events-meeting__time">
        <span>{time}</span>
        {eventTimeZone && <span className="muted">{t('events.agenda.eventTime', { time: formatClockRange(item.startsAt, item.endsAt, locale, eventTimeZone) })}</span>}
        {item.status !== 'scheduled' && <Badge tone={item.status === 'held' ? 'accent' : 'warn'}>{t(`events.agenda.status.${item.status}`)}</Badge>}
      </p>
      <p className="card__title">
        <Link to={`/organisations/${item.counterpart.slug}`}>{name}</Link>
      </p>
      <dl className="events-meeting__facts">
        <div>
          <dt>{event.online ? t('events.agenda.room') : t('events.agenda.table')}</dt>
          <dd>
            {item.table.name}
            {item.table.videoUrl && (
              <>
                {' · '}
                <a href={item.table.videoUrl} target="_blank" rel="noreferrer noopener">
                  {t('events.agenda.join')}
                </a>
              </>
            )}
          </dd>
        </div>
        {item.interpreter && (
          <div>
            <dt>{t('events.agenda.interpreter')}</dt>
            <dd>{item.interpreter.name}</dd>
          </div>
        )}
        {item.counterpart.languages.length > 0 && (
          <div>
            <dt>{t('events.agenda.languages')}</dt>
            <dd>{listOf(item.counterpart.languages.map((l) => languageName(l, locale)), locale)}</dd>
          </div>
        )}
      </dl>
      {item.why.length > 0 && (
        <details>
          <summary>{t('events.agenda.why')}</summary>
          <ul className="match__reasons">
            {item.why.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </details>
      )}
      {started && item.status !== 'cancelled' && item.status !== 'no_show' && (
        <FeedbackForm eventId={event.id} participantId={me.id} meetingId={item.meetingId} counterpart={name} initial={item.feedback} />
      )}
    </article>
  );
}
