import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Event, MeetingRequest, Participant } from '../../../contracts/events';
import { Badge, EmptyState, Loading, ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { browserTimeZone } from '../../lib/format';
import { useFetch } from '../../lib/use-fetch';
import { useSession } from '../session/session';
import { eventApi } from './event-api';
import { organisationName } from './event-names';
import { formatInstant } from './event-time';

/** Meeting requests received and sent by one participant; received ones are accepted or declined here. */
export function RequestsPanel({ event, me }: { event: Event; me: Participant }) {
  const { t } = useT();
  const list = useFetch(() => eventApi.requests(event.id, me.id), `requests|${event.id}|${me.id}`);
  const [answered, setAnswered] = useState<Record<string, MeetingRequest>>({});

  if (list.status === 'loading') return <Loading />;
  if (list.status === 'error') return <ProblemMessage error={list.error} />;
  const items = list.data.items.map((r) => answered[r.id] ?? r);
  const received = items.filter((r) => r.toParticipantId === me.id);
  const sent = items.filter((r) => r.fromParticipantId === me.id);
  const onAnswered = (r: MeetingRequest) => setAnswered((a) => ({ ...a, [r.id]: r }));

  return (
    <>
      <section className="events-section" aria-labelledby="received-title">
        <h2 id="received-title">{t('events.requests.received')}</h2>
        {received.length === 0 ? (
          <EmptyState title={t('events.requests.noneReceived')}>
            <p>{t('events.requests.noneReceivedHelp')}</p>
          </EmptyState>
        ) : (
          <RequestList items={received} side="received" eventId={event.id} onAnswered={onAnswered} />
        )}
      </section>
      <section className="events-section" aria-labelledby="sent-title">
        <h2 id="sent-title">{t('events.requests.sent')}</h2>
        {sent.length === 0 ? (
          <EmptyState title={t('events.requests.noneSent')}>
            <p>{t('events.requests.noneSentHelp')}</p>
          </EmptyState>
        ) : (
          <RequestList items={sent} side="sent" eventId={event.id} onAnswered={onAnswered} />
        )}
      </section>
    </>
  );
}

function RequestList({ items, side, eventId, onAnswered }: {
  items: MeetingRequest[];
  side: 'received' | 'sent';
  eventId: string;
  onAnswered: (r: MeetingRequest) => void;
}) {
  const { t, locale } = useT();
  const { user } = useSession();
  const zone = user?.timeZone ?? browserTimeZone();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ id: string; error: unknown } | null>(null);

  const answer = async (r: MeetingRequest, decision: 'accept' | 'decline') => {
    setBusy(r.id);
    setProblem(null);
    try {
      onAnswered(decision === 'accept' ? await eventApi.accept(eventId, r.id) : await eventApi.decline(eventId, r.id));
    } catch (error) {
      setProblem({ id: r.id, error });
    } finally {
      setBusy(null);
    }
  };

  return (
    <ul className="plain-list card-list">
      {items.map((r) => {
        const other = side === 'received' ? r.from : r.to;
        const name = organisationName(other, locale);
        return (
          <li key={r.id}>
            <article className="card" aria-label={name}>
              <p className="card__title">
                <Link to={`/organisations/${other.slug}`}>{name}</Link>{' '}
                <Badge tone={r.status === 'accepted' ? 'accent' : r.status === 'pending' ? 'warn' : 'neutral'}>{t(`events.requests.status.${r.status}`)}</Badge>{' '}
                {r.mutual && <Badge tone="accent">{t('events.requests.mutual')}</Badge>}
              </p>
              <p className="card__meta">
                {t(`events.priority.${String(r.priority) as '1' | '2' | '3'}`)}
                {r.mustMeet && ` · ${t('events.requests.mustMeet')}`}
                {' · '}
                {formatInstant(r.createdAt, locale, zone)}
              </p>
              {r.message && <p className="prose">{r.message}</p>}
              {r.mutual && <p className="muted">{t('events.requests.mutualHelp')}</p>}
              {problem?.id === r.id && <ProblemMessage error={problem.error} />}
              {side === 'received' && r.status === 'pending' && (
                <div className="actions">
                  <button type="button" className="button button--small" disabled={busy === r.id} onClick={() => void answer(r, 'accept')}
                    aria-label={t('events.requests.acceptLabel', { name })}>
                    {t('events.requests.accept')}
                  </button>
                  <button type="button" className="button button--small button--quiet" disabled={busy === r.id} onClick={() => void answer(r, 'decline')}
                    aria-label={t('events.requests.declineLabel', { name })}>
                    {t('events.requests.decline')}
                  </button>
                </div>
              )}
            </article>
          </li>
        );
      })}
    </ul>
  );
}
