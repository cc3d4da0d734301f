import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { DIRECTIONS, OPPORTUNITY_TYPES } from '../../../contracts/opportunity';
import { CodePicker } from '../../components/code-picker';
import { SelectField, TextField } from '../../components/fields';
import { EmptyState, Loading, ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { COMMON_COUNTRIES, countryName } from '../../lib/format';
import { usePaged } from '../../lib/use-paged';
import { useTitle } from '../layout/layout';
import { useSession } from '../session/session';
import { opportunityApi, type OpportunityFilters } from './opportunity-api';
import { OpportunityCard } from './opportunity-card';

function filtersFrom(params: URLSearchParams): OpportunityFilters {
  return {
    q: params.get('q') ?? undefined,
    type: params.get('type') ?? undefined,
    direction: params.get('direction') ?? undefined,
    country: params.get('country') ?? undefined,
    sector: params.get('sector')?.split(',').filter(Boolean),
  };
}

export function OpportunityListPage() {
  const { t, locale } = useT();
  useTitle(t('opportunities.title'));
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const applied = filtersFrom(params);
  const [draft, setDraft] = useState(applied);
  // Back/forward and header links change the URL under a mounted page: follow them.
  const [seenQuery, setSeenQuery] = useState(params.toString());
  if (seenQuery !== params.toString()) {
    setSeenQuery(params.toString());
    setDraft(applied);
  }
  const list = usePaged((cursor) => opportunityApi.list(applied, cursor), `${params.toString()}|${locale}`);

  const apply = (next: OpportunityFilters) => {
    const out = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) {
      const value = Array.isArray(v) ? v.join(',') : v;
      if (value) out.set(k, value);
    }
    setParams(out);
  };
  const select = (key: keyof OpportunityFilters) => (e: { target: { value: string } }) => {
    const next = { ...draft, [key]: e.target.value || undefined };
    setDraft(next);
    apply(next);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    apply(draft);
  };
  const hasFilters = Object.values(applied).some((v) => (Array.isArray(v) ? v.length : v));

  return (
    <div className="with-sidebar">
      <div className="page-head">
        <h1>{t('opportunities.title')}</h1>
        <p className="lead">{t('opportunities.intro')}</p>
        {user && user.memberships.length > 0 && (
          <p>
            <Link className="button" to="/opportunities/new">
              {t('opportunities.publish')}
            </Link>
          </p>
        )}
      </div>
      <form className="filters" role="search" aria-label={t('opportunities.filters')} onSubmit={onSubmit}>
        <TextField label={t('directory.search')} type="search" value={draft.q ?? ''} placeholder={t('opportunities.searchPlaceholder')}
          onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        <SelectField label={t('opportunity.type')} value={draft.type ?? ''} onChange={select('type')}
          options={[{ value: '', label: t('opportunities.anyType') }, ...OPPORTUNITY_TYPES.map((v) => ({ value: v, label: t(`opportunityTypes.${v}`) }))]} />
        <SelectField label={t('opportunity.direction')} value={draft.direction ?? ''} onChange={select('direction')}
          options={[{ value: '', label: t('opportunities.anyDirection') }, ...DIRECTIONS.map((v) => ({ value: v, label: t(`directions.${v}`) }))]} />
        <SelectField label={t('directory.country')} value={draft.country ?? ''} onChange={select('country')}
          options={[{ value: '', label: t('directory.anyCountry') }, ...COMMON_COUNTRIES.map((c) => ({ value: c, label: countryName(c, locale) }))]} />
        <CodePicker kind="sectors" legend={t('directory.sector')} value={draft.sector ?? []} max={10} onChange={(sector) => setDraft({ ...draft, sector })} />
        <div className="filters__actions">
          <button type="submit" className="button">
            {t('directory.apply')}
          </button>
          {hasFilters && (
            <button type="button" className="button button--quiet" onClick={() => { setDraft({}); apply({}); }}>
              {t('directory.clear')}
            </button>
          )}
        </div>
      </form>
      <section className="results" aria-labelledby="results-heading" aria-busy={list.status === 'loading'}>
        <h2 id="results-heading" className="visually-hidden">
          {t('directory.results')}
        </h2>
        {list.status === 'loading' && <Loading />}
        {list.status === 'error' && <ProblemMessage error={list.error} />}
        {list.status !== 'loading' && list.status !== 'error' && list.items.length === 0 && (
          <EmptyState title={t('opportunities.emptyTitle')}>
            <p>{hasFilters ? t('directory.emptyFiltered') : t('opportunities.emptyAll')}</p>
          </EmptyState>
        )}
        <ul className="card-list">
          {list.items.map((o) => (
            <li key={o.id}>
              <OpportunityCard opportunity={o} />
            </li>
          ))}
        </ul>
        {list.hasMore && (
          <button type="button" className="button button--quiet" disabled={list.status === 'more'} onClick={list.loadMore}>
            {list.status === 'more' ? t('common.loading') : t('common.loadMore')}
          </button>
        )}
      </section>
    </div>
  );
}
