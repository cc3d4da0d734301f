import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { SavedMatch } from '../../../contracts/matching';
import { Localised } from '../../components/localised';
import { EmptyState, Loading, ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { browserTimeZone, countryName, formatDateTime } from '../../lib/format';
import { withMembers } from '../../lib/sets';
import { useFetch } from '../../lib/use-fetch';
import { useTitle } from '../layout/layout';
import { OpportunityBadges } from '../opportunities/opportunity-card';
import { matchingApi } from './matching-api';

/**
 * The reader's saved recommendations, newest first. Removing one keeps an "Undo" in its place
 * until the page is left, so a slip of the finger costs nothing.
 */
export function SavedPage() {
  const { t, locale } = useT();
  useTitle(t('saved.title'));
  const state = useFetch(() => matchingApi.saved(), 'saved');
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const [failed, setFailed] = useState<unknown>(null);

  const setOne = (key: string, gone: boolean) => setRemoved((r) => withMembers(r, [key], gone));
  const remove = (item: SavedMatch) => {
    setOne(item.candidateKey, true);
    matchingApi.unsave(item.candidateKey).catch((err: unknown) => {
      setOne(item.candidateKey, false);
      setFailed(err);
    });
  };
  const undo = (item: SavedMatch) => {
    setOne(item.candidateKey, false);
    matchingApi.save({ candidateKey: item.candidateKey }).catch((err: unknown) => {
      setOne(item.candidateKey, true);
      setFailed(err);
    });
  };

  return (
    <div className="narrow narrow--wide">
      <h1>{t('saved.title')}</h1>
      <p className="lead">{t('saved.intro')}</p>
      {failed !== null && <ProblemMessage error={failed} />}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ProblemMessage error={state.error} />}
      {state.data && state.data.items.length === 0 && (
        <EmptyState title={t('saved.emptyTitle')}>
          <p>{t('saved.empty')}</p>
          <p>
            <Link className="button" to="/opportunities">
              {t('saved.browse')}
            </Link>
          </p>
        </EmptyState>
      )}
      {state.data && state.data.items.length > 0 && (
        <ul className="card-list card-list--compact">
          {state.data.items.map((item) => {
            const org = item.organisation;
            const place = [org.region, countryName(org.country, locale)].filter(Boolean).join(', ');
            return (
              <li key={item.candidateKey}>
                {removed.has(item.candidateKey) ? (
                  <p className="card muted" role="status">
                    {t('saved.removed')}{' '}
                    <button type="button" className="button button--quiet" onClick={() => undo(item)}>
                      {t('matches.undo')}
                    </button>
                  </p>
                ) : (
                  <article className="card">
                    {item.opportunity && (
                      <p className="card__meta">
                        <OpportunityBadges opportunity={item.opportunity} />
                      </p>
                    )}
                    <h2 className="card__title">
                      {item.opportunity ? (
                        <Link to={`/opportunities/${item.opportunity.id}`}>
                          <Localised text={item.opportunity.title} />
                        </Link>
                      ) : (
                        <Link to={`/organisations/${org.slug}`}>
                          <Localised text={org.names} fallback={org.legalName} />
                        </Link>
                      )}
                    </h2>
                    <p className="card__meta muted">
                      {item.opportunity && (
                        <>
                          <Link to={`/organisations/${org.slug}`}>
                            <Localised text={org.names} fallback={org.legalName} />
                          </Link>{' '}
                          ·{' '}
                        </>
                      )}
                      {place} · {t('saved.savedAt', { when: formatDateTime(item.savedAt, locale, browserTimeZone()) })}
                    </p>
                    <p className="actions">
                      <button type="button" className="button button--quiet" onClick={() => remove(item)}>
                        {t('saved.remove')}
                      </button>
                    </p>
                  </article>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
