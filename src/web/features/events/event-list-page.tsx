import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { EventList } from '../../../contracts/events';
import { Localised } from '../../components/localised';
import { Badge, EmptyState, Loading, ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { useFetch } from '../../lib/use-fetch';
import { useTitle } from '../layout/layout';
import { useSession } from '../session/session';
import { eventApi } from './event-api';
import { EventForm } from './event-form';
import { organisationName } from './event-names';
import { formatInstant } from './event-time';
import './events.css';

type ListedEvent = EventList['items'][number];

/** Platform organisers and administrators create events (the API also lets members of an organiser organisation). */
export function useCanOrganise(): boolean {
  const { user } = useSession();
  return Boolean(user?.roles.some((r) => r === 'organiser' || r === 'admin'));
}

export function EventListPage() {
  const { t } = useT();
  useTitle(t('events.list.title'));
  const canOrganise = useCanOrganise();
  const [creating, setCreating] = useState(false);
  const list = useFetch(() => eventApi.list(), 'events');

  return (
    <div className="narrow narrow--wide">
      <div className="section-head">
        <h1>{t('events.list.title')}</h1>
        {canOrganise && !creating && (
          <button type="button" className="button" onClick={() => setCreating(true)}>
            {t('events.list.new')}
          </button>
        )}
      </div>
      <p className="lead">{t('events.list.intro')}</p>
      {creating && <EventForm onCancel={() => setCreating(false)} />}
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ProblemMessage error={list.error} />}
      {list.status === 'ready' &&
        (list.data.items.length === 0 ? (
          <EmptyState title={t('events.list.emptyTitle')}>
            <p>{t('events.list.empty')}</p>
            <ol className="events-steps">
              <li>{t('events.list.step1')}</li>
              <li>{t('events.list.step2')}</li>
              <li>{t('events.list.step3')}</li>
            </ol>
            {canOrganise ? (
              !creating && (
                <p>
                  <button type="button" className="button" onClick={() => setCreating(true)}>
                    {t('events.list.createFirst')}
                  </button>
                </p>
              )
            ) : (
              <p className="muted">{t('events.list.emptyOrganiserHint')}</p>
            )}
          </EmptyState>
        ) : (
          <ul className="plain-list card-list card-list--grid">
            {list.data.items.map((e) => (
              <li key={e.id}>
                <EventCard event={e} />
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}

function EventCard({ event }: { event: ListedEvent }) {
  const { t, locale } = useT();
  const closes = event.registrationClosesAt;
  return (
    <article className="card" aria-labelledby={`event-${event.id}`}>
      <h2 className="card__title" id={`event-${event.id}`}>
        <Link to={`/events/${event.id}`}>
          <Localised text={event.title} />
        </Link>
      </h2>
      <p className="card__meta">
        <Badge tone={event.status === 'open' ? 'accent' : event.status === 'draft' ? 'warn' : 'neutral'}>{t(`events.status.${event.status}`)}</Badge>{' '}
        {event.viewerRole === 'organiser' && <Badge>{t('events.list.youOrganise')}</Badge>}
      </p>
      <p className="card__meta">{event.online ? t('events.online') : event.venue}</p>
      <p className="card__meta">
        {t('events.list.organisedBy', { name: organisationName(event.organiser, locale) })}
      </p>
      {closes && event.status === 'open' && (
        <p className="card__meta">{t('events.list.registrationUntil', { when: formatInstant(closes, locale, event.timeZone) })}</p>
      )}
    </article>
  );
}
