import { useEffect, useId, useRef, useState } from 'react';
import type { MatchList } from '../../../contracts/matching';
import { EmptyState, Loading, ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { formatNumber } from '../../lib/format';
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
          {data.items.map((item) => (
            <li key={`${item.kind}:${item.opportunity?.id ?? item.organisation.id}`}>
              <MatchItemView item={item} />
            </li>
          ))}
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
