import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Event, Participant } from '../../../contracts/events';
import { Badge, EmptyState, Loading, ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { countryName, languageName } from '../../lib/format';
import { useFetch } from '../../lib/use-fetch';
import { eventApi, type EventRecommendation } from './event-api';
import { listOf, organisationName } from './event-names';
import { RequestDialog } from './request-dialog';

interface Candidate {
  participantId: string;
  organisation: Participant['organisation'];
  languages: string[];
  reasons: string[];
  requested: boolean;
}

/**
 * Whom to meet: the matching engine's picks among the approved participants, with their
 * reasons, then everyone else taking part. A server without the recommendations endpoint
 * (404) leaves only the second list.
 */
export function MeetPanel({ event, me, participants }: { event: Event; me: Participant; participants: Participant[] }) {
  const { t } = useT();
  const [sent, setSent] = useState<Set<string>>(new Set());
  const state = useFetch(async () => {
    const [recommendations, requests] = await Promise.all([
      eventApi.recommendations(event.id, me.id).catch((error: unknown) => {
        if (error instanceof ApiError && (error.status === 404 || error.status === 405)) return null;
        throw error;
      }),
      eventApi.requests(event.id, me.id),
    ]);
    return { recommendations, requests: requests.items };
  }, `meet|${event.id}|${me.id}`);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ProblemMessage error={state.error} />;
  const asked = new Set(state.data.requests.filter((r) => r.fromParticipantId === me.id && r.status !== 'declined').map((r) => r.toParticipantId));
  const languagesOf = new Map(participants.map((p) => [p.id, p.languages]));
  const suggested: Candidate[] = (state.data.recommendations?.items ?? []).map((r: EventRecommendation) => ({
    participantId: r.participantId, organisation: r.organisation, languages: languagesOf.get(r.participantId) ?? [], reasons: r.reasons,
    requested: r.requested || asked.has(r.participantId),
  }));
  const suggestedIds = new Set(suggested.map((c) => c.participantId));
  // Everyone else stays reachable: a participant may want a meeting the engine did not suggest.
  const others: Candidate[] = participants
    .filter((p) => p.id !== me.id && p.status === 'approved' && !suggestedIds.has(p.id))
    .map((p) => ({ participantId: p.id, organisation: p.organisation, languages: p.languages, reasons: [], requested: asked.has(p.id) }));
  const list = (items: Candidate[]) => (
    <ul className="plain-list card-list">
      {items.map((c) => (
        <li key={c.participantId}>
          <CandidateCard eventId={event.id} me={me} candidate={c} requested={c.requested || sent.has(c.participantId)}
            onSent={() => setSent((s) => new Set(s).add(c.participantId))} />
        </li>
      ))}
    </ul>
  );

  return (
    <>
      <section className="events-section" aria-labelledby="meet-title">
        <h2 id="meet-title">{t('events.meet.title')}</h2>
        <p className="muted">{t('events.meet.intro')}</p>
        {suggested.length === 0 ? (
          <EmptyState title={t('events.meet.emptyTitle')}>
            <p>{others.length ? t('events.meet.emptyWithOthers') : t('events.meet.empty')}</p>
          </EmptyState>
        ) : (
          list(suggested)
        )}
      </section>
      {others.length > 0 && (
        <section className="events-section" aria-labelledby="others-title">
          <h2 id="others-title">{t('events.meet.othersTitle')}</h2>
          <p className="muted">{t('events.meet.othersIntro')}</p>
          {list(others)}
        </section>
      )}
    </>
  );
}

function CandidateCard({ eventId, me, candidate: c, requested, onSent }: {
  eventId: string;
  me: Participant;
  candidate: Candidate;
  requested: boolean;
  onSent: () => void;
}) {
  const { t, locale } = useT();
  const name = organisationName(c.organisation, locale);
  return (
    <article className="card" aria-label={name}>
      <p className="card__title">
        <Link to={`/organisations/${c.organisation.slug}`}>{name}</Link>
      </p>
      <p className="card__meta">
        {[c.organisation.city, countryName(c.organisation.country, locale)].filter(Boolean).join(', ')}
        {c.languages.length > 0 && ` · ${t('events.meet.speaks', { languages: listOf(c.languages.map((l) => languageName(l, locale)), locale) })}`}
      </p>
      {c.reasons.length > 0 && (
        <ul className="match__reasons" aria-label={t('events.meet.why')}>
          {c.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      {requested ? (
        <p>
          <Badge tone="accent">{t('events.meet.requested')}</Badge>
        </p>
      ) : (
        <RequestDialog eventId={eventId} fromParticipantId={me.id} toParticipantId={c.participantId} toName={name} onSent={onSent} />
      )}
    </article>
  );
}
