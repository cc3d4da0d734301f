import { useEffect, useId, useRef, useState } from 'react';
import type { MatchItem, MatchList } from '../../../contracts/matching';
import { EmptyState, Loading, ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { formatNumber } from '../../lib/format';
import { withMembers } from '../../lib/sets';
import { useSession } from '../session/session';
import { matchingApi } from './matching-api';
import { MatchItemView } from './match-item';

/** How often to ask again while the index is still being built. */
const BUILDING_POLL_MS = 2000;

/**
 * Loads a match list and, while the index is still being built, asks again every few seconds,
 * keeping the progress on screen in between (no flash of "loading").
 */
function useMatches(load: () => Promise<MatchList>, key: string) {
  const { locale } = useT();
  const fullKey = `${key}|${locale}`;
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const [result, setResult] = useState<{ key: string; data: MatchList | null; error: unknown } | null>(null);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () =>
      loadRef.current().then(
        (data) => {
          if (!live) return;
          setResult({ key: fullKey, data, error: null });
          if (data.index.state === 'building') timer = setTimeout(run, BUILDING_POLL_MS);
        },
        (error: unknown) => live && setResult({ key: fullKey, data: null, error }),
      );
    void run();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [fullKey]);

  return result?.key === fullKey ? result : null;
}

function MatchesSection({
  title,
  intro,
  emptyHint,
  load,
  loadKey,
}: {
  title: string;
  intro: string;
  emptyHint: string;
  load: () => Promise<MatchList>;
  loadKey: string;
}) {
  const { t, locale } = useT();
  const headingId = useId();
  const result = useMatches(load, loadKey);
  const data = result?.data ?? null;
  const building = data?.index.state === 'building';
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const { user } = useSession();
  const [saved, setSaved] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!user) return;
    let live = true;
    matchingApi.savedKeys().then(
      (r) => live && setSaved(new Set(r.keys)),
      () => undefined, // Not fatal: the cards simply show "Save".
    );
    return () => {
      live = false;
    };
  }, [user]);
  const candidateKey = (item: MatchItem) => (item.opportunity ? `opp:${item.opportunity.id}` : `org:${item.organisation.id}`);
  const event = (item: MatchItem, kind: 'impression' | 'dismiss') => ({
    subjectKey: loadKey,
    candidateKey: candidateKey(item),
    event: kind,
    components: item.components,
  });

  // Each list shown is recorded once, with the components it was shown with: the examples the
  // weight learning (`ponte learn weights`) fits on.
  const recorded = useRef<MatchList | null>(null);
  useEffect(() => {
    if (!data || building || data.items.length === 0 || recorded.current === data) return;
    recorded.current = data;
    void matchingApi.record(data.items.map((item) => event(item, 'impression')));
  });

  return (
    <section aria-labelledby={headingId} className="matches">
      <h2 id={headingId}>{title}</h2>
      <p className="muted">{intro}</p>
      {!result && <Loading />}
      {result?.error !== undefined && result.error !== null && <ProblemMessage error={result.error} />}
      {data && building && (
        <div className="empty" role="status">
          <p className="empty__title">{t('matches.buildingTitle')}</p>
          <p>
            {t('matches.building', {
              indexed: formatNumber(data.index.indexed, locale),
              total: formatNumber(data.index.total, locale),
            })}
          </p>
        </div>
      )}
      {data && !building && data.items.length === 0 && (
        <EmptyState title={t('matches.emptyTitle')}>
          <p>{emptyHint}</p>
        </EmptyState>
      )}
      {data && data.items.length > 0 && (
        <ul className="card-list card-list--compact">
          {data.items.map((item) => {
            const key = candidateKey(item);
            const toggle = (hide: boolean) => setHidden((h) => withMembers(h, [key], hide));
            return (
              <li key={key}>
                {hidden.has(key) ? (
                  <p className="card muted" role="status">
                    {t('matches.dismissed')}{' '}
                    <button type="button" className="button button--quiet" onClick={() => toggle(false)}>
                      {t('matches.undo')}
                    </button>
                  </p>
                ) : (
                  <MatchItemView
                    item={item}
                    saved={saved.has(key)}
                    onToggleSave={
                      user
                        ? () => {
                            const next = !saved.has(key);
                            setSaved((s) => withMembers(s, [key], next));
                            const done = next
                              ? matchingApi.save({ candidateKey: key, subjectKey: loadKey, components: item.components })
                              : matchingApi.unsave(key);
                            // On failure, show the truth again rather than a state the server does not hold.
                            done.catch(() => setSaved((s) => withMembers(s, [key], !next)));
                          }
                        : undefined
                    }
                    onDismiss={() => {
                      toggle(true);
                      void matchingApi.record([event(item, 'dismiss')]);
                    }}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Counterpart opportunities and organisations for an opportunity, on its page. */
export function CounterpartsSection({ opportunityId, canEdit }: { opportunityId: string; canEdit: boolean }) {
  const { t } = useT();
  return (
    <MatchesSection
      title={t('matches.counterpartsTitle')}
      intro={t('matches.counterpartsIntro')}
      emptyHint={canEdit ? t('matches.emptyOpportunityOwner') : t('matches.emptyOpportunity')}
      load={() => matchingApi.counterparts(opportunityId)}
      loadKey={`opp:${opportunityId}`}
    />
  );
}

/** Recommended partner organisations, on an organisation's page. */
export function RecommendedPartnersSection({ organisationId, canEdit }: { organisationId: string; canEdit: boolean }) {
  const { t } = useT();
  return (
    <MatchesSection
      title={t('matches.partnersTitle')}
      intro={t('matches.partnersIntro')}
      emptyHint={canEdit ? t('matches.emptyOrganisationOwner') : t('matches.emptyOrganisation')}
      load={() => matchingApi.partners(organisationId)}
      loadKey={`org:${organisationId}`}
    />
  );
}
