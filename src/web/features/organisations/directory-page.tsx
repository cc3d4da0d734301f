import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ORGANISATION_KINDS } from '../../../contracts/organisation';
import { CodePicker } from '../../components/code-picker';
import { SelectField, TextField } from '../../components/fields';
import { EmptyState, Loading, ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { COMMON_COUNTRIES, countryName } from '../../lib/format';
import { usePaged } from '../../lib/use-paged';
import { useTitle } from '../layout/layout';
import { organisationApi, type DirectoryFilters } from './organisation-api';
import { OrganisationCard } from './organisation-card';

function filtersFrom(params: URLSearchParams): DirectoryFilters {
  return {
    q: params.get('q') ?? undefined,
    kind: params.get('kind') ?? undefined,
    country: params.get('country') ?? undefined,
    region: params.get('region') ?? undefined,
    sector: params.get('sector')?.split(',').filter(Boolean),
  };
}

export function DirectoryPage() {
  const { t, locale } = useT();
  useTitle(t('directory.title'));
  const [params, setParams] = useSearchParams();
  const applied = filtersFrom(params);
  const [draft, setDraft] = useState(applied);
  // Back/forward and header links change the URL under a mounted page: follow them.
  const [seenQuery, setSeenQuery] = useState(params.toString());
  if (seenQuery !== params.toString()) {
    setSeenQuery(params.toString());
    setDraft(applied);
  }
  const list = usePaged((cursor) => organisationApi.list(applied, cursor), `${params.toString()}|${locale}`);

  const apply = (next: DirectoryFilters) => {
    const out = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) {
      const value = Array.isArray(v) ? v.join(',') : v;
      if (value) out.set(k, value);
    }
    setParams(out);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    apply(draft);
  };
  const hasFilters = Object.values(applied).some((v) => (Array.isArray(v) ? v.length : v));

  return (
    <div className="with-sidebar">
      <div className="page-head">
        <h1>{t('directory.title')}</h1>
        <p className="lead">{t('directory.intro')}</p>
      </div>
      <form className="filters" role="search" aria-label={t('directory.filters')} onSubmit={onSubmit}>
        <TextField label={t('directory.search')} type="search" value={draft.q ?? ''} placeholder={t('directory.searchPlaceholder')}
          onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        <SelectField
          label={t('directory.kind')}
          value={draft.kind ?? ''}
          options={[{ value: '', label: t('directory.anyKind') }, ...ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))]}
          onChange={(e) => {
            const next = { ...draft, kind: e.target.value || undefined };
            setDraft(next);
            apply(next);
          }}
        />
        <SelectField
          label={t('directory.country')}
          value={draft.country ?? ''}
          options={[{ value: '', label: t('directory.anyCountry') }, ...COMMON_COUNTRIES.map((c) => ({ value: c, label: countryName(c, locale) }))]}
          onChange={(e) => {
            const next = { ...draft, country: e.target.value || undefined };
            setDraft(next);
            apply(next);
          }}
        />
        <TextField label={t('directory.region')} value={draft.region ?? ''} placeholder={t('directory.regionPlaceholder')}
          onChange={(e) => setDraft({ ...draft, region: e.target.value })} />
        <CodePicker kind="sectors" legend={t('directory.sector')} value={draft.sector ?? []} max={10}
          onChange={(sector) => setDraft({ ...draft, sector })} />
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
        {list.status !== 'loading' && list.items.length === 0 && list.status !== 'error' && (
          <EmptyState title={t('directory.emptyTitle')}>
            <p>{hasFilters ? t('directory.emptyFiltered') : t('directory.emptyAll')}</p>
          </EmptyState>
        )}
        <ul className="card-list">
          {list.items.map((org) => (
            <li key={org.id}>
              <OrganisationCard org={org} />
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
