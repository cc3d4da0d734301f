import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Participant } from '../../../contracts/events';
import { EmptyState, Loading, ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { languageName } from '../../lib/format';
import { useFetch } from '../../lib/use-fetch';
import { eventApi } from './event-api';
import { listOf, organisationName } from './event-names';
import { ParticipantStatusBadge } from './participant-status';

/** The organiser's queue: registrations waiting for approval, each approved or rejected in place. */
export function PendingRegistrations({ eventId }: { eventId: string }) {
  const { t, locale } = useT();
  const list = useFetch(() => eventApi.participants(eventId), `organiser-participants|${eventId}`);
  const [decided, setDecided] = useState<Record<string, Participant>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);

  if (list.status === 'loading') return <Loading />;
  if (list.status === 'error') return <ProblemMessage error={list.error} />;
  const items = list.data.items.map((p) => decided[p.id] ?? p);
  const waiting = items.filter((p) => p.status === 'pending' || decided[p.id]);
  const approved = items.filter((p) => p.status === 'approved').length;

  const decide = async (p: Participant, decision: 'approve' | 'reject') => {
    setBusy(p.id);
    setProblem(null);
    try {
      const updated = decision === 'approve' ? await eventApi.approve(eventId, p.id) : await eventApi.reject(eventId, p.id);
      setDecided((d) => ({ ...d, [p.id]: updated }));
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div aria-labelledby="pending-title">
      <h3 id="pending-title">{t('events.organiser.pendingTitle')}</h3>
      <p className="muted">{t('events.organiser.counts', { count: items.length, approved })}</p>
      {problem !== null && <ProblemMessage error={problem} />}
      {waiting.length === 0 ? (
        <EmptyState title={t('events.organiser.noPending')}>
          <p>{t('events.organiser.noPendingHelp')}</p>
        </EmptyState>
      ) : (
        <ul className="plain-list card-list">
          {waiting.map((p) => (
            <li key={p.id}>
              <article className="card" aria-label={organisationName(p.organisation, locale)}>
                <p className="card__title">
                  <Link to={`/organisations/${p.organisation.slug}`}>{organisationName(p.organisation, locale)}</Link>{' '}
                  <ParticipantStatusBadge status={p.status} />
                </p>
                <p className="card__meta">
                  {t(`events.register.attendanceOption.${p.attendance}`)}
                  {p.timeZone ? ` · ${p.timeZone}` : ''}
                  {p.languages.length > 0 && ` · ${listOf(p.languages.map((l) => languageName(l, locale)), locale)}`}
                  {p.people.length > 0 && ` · ${listOf(p.people.map((x) => x.displayName), locale)}`}
                </p>
                {p.status === 'pending' && (
                  <div className="actions">
                    <button type="button" className="button button--small" disabled={busy === p.id} onClick={() => void decide(p, 'approve')}>
                      {t('events.organiser.approve')}
                    </button>
                    <button type="button" className="button button--small button--quiet" disabled={busy === p.id} onClick={() => void decide(p, 'reject')}>
                      {t('events.organiser.reject')}
                    </button>
                  </div>
                )}
                {decided[p.id] && <p role="status" className="muted">{t(`events.organiser.decided.${decided[p.id]!.status}`)}</p>}
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
