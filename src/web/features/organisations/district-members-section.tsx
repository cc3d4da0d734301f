import { useEffect, useId, useState } from 'react';
import type { OrganisationDetail, OrganisationSummary } from '../../../contracts/organisation';
import { EmptyState, ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { countryName } from '../../lib/format';
import { useFetch } from '../../lib/use-fetch';
import { organisationApi } from './organisation-api';
import { OrganisationCard, organisationName } from './organisation-card';

const SEARCH_DELAY_MS = 250;
const MAX_MATCHES = 8;

/**
 * The member organisations of a district, cluster or park. Owners add members found in the
 * directory and remove them; a member can belong to several districts.
 */
export function DistrictMembersSection({ org, canManage, onSaved }: { org: OrganisationDetail; canManage: boolean; onSaved: (org: OrganisationDetail) => void }) {
  const { t, locale } = useT();
  const [problem, setProblem] = useState<unknown>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const name = organisationName(org, locale);

  const remove = async (member: OrganisationSummary) => {
    setProblem(null);
    setRemoving(member.id);
    try {
      onSaved(await organisationApi.removeDistrictMember(org.id, member.id));
      setStatus(t('districtMembers.removed', { name: organisationName(member, locale) }));
    } catch (error) {
      setProblem(error);
    } finally {
      setRemoving(null);
    }
  };

  return (
    <section aria-labelledby="members">
      <h2 id="members">{t('organisation.members', { count: org.members.length })}</h2>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {problem !== null && <ProblemMessage error={problem} />}
      {org.members.length === 0 &&
        (canManage ? (
          <EmptyState title={t('districtMembers.emptyTitle')}>
            <p>{t('districtMembers.empty', { name })}</p>
          </EmptyState>
        ) : (
          <p className="muted">{t('organisation.noMembers')}</p>
        ))}
      {org.members.length > 0 && (
        <ul className="card-list card-list--compact">
          {org.members.map((m) => (
            <li key={m.id} className={canManage ? 'member' : undefined}>
              <OrganisationCard org={m} />
              {canManage && (
                <button type="button" className="link-button member__remove" disabled={removing === m.id} onClick={() => void remove(m)}
                  aria-label={t('districtMembers.removeOne', { name: organisationName(m, locale) })}>
                  {t('districtMembers.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <MemberSearch
          district={org}
          onAdded={(saved, member) => {
            onSaved(saved);
            setStatus(t('districtMembers.added', { name: organisationName(member, locale) }));
          }}
        />
      )}
    </section>
  );
}

/** Types a name, picks a match from the directory; results are plain buttons, so it works by keyboard. */
function MemberSearch({ district, onAdded }: { district: OrganisationDetail; onAdded: (saved: OrganisationDetail, member: OrganisationSummary) => void }) {
  const { t, locale } = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [adding, setAdding] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query]);

  // The district and its members are filtered out of the matches, so ask for that many more.
  const results = useFetch(
    () => (debounced ? organisationApi.list({ q: debounced }, null, Math.min(100, MAX_MATCHES + 1 + district.members.length)) : Promise.resolve(null)),
    debounced,
  );
  const taken = new Set([district.id, ...district.members.map((m) => m.id)]);
  const matches = (results.data?.items ?? []).filter((o) => !taken.has(o.id)).slice(0, MAX_MATCHES);
  const searching = query.trim() !== '' && (query.trim() !== debounced || results.status === 'loading');

  const add = async (member: OrganisationSummary) => {
    setProblem(null);
    setAdding(member.id);
    try {
      const saved = await organisationApi.addDistrictMember(district.id, member.id);
      setQuery('');
      setDebounced('');
      onAdded(saved, member);
    } catch (error) {
      setProblem(error);
    } finally {
      setAdding(null);
    }
  };

  return (
    <div className="member-search">
      <h3>{t('districtMembers.addTitle')}</h3>
      {problem !== null && <ProblemMessage error={problem} />}
      <div className="field">
        <label htmlFor={id}>{t('districtMembers.search')}</label>
        <p className="field__hint" id={`${id}-hint`}>
          {t('districtMembers.searchHint')}
        </p>
        <input id={id} type="search" autoComplete="off" value={query} aria-describedby={`${id}-hint`}
          placeholder={t('districtMembers.searchPlaceholder')} onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.preventDefault();
          }} />
      </div>
      {query.trim() !== '' && (
        <div aria-live="polite">
          {searching && <p className="muted">{t('common.loading')}</p>}
          {!searching && results.status === 'error' && <ProblemMessage error={results.error} />}
          {!searching && results.status === 'ready' && matches.length === 0 && <p className="muted">{t('districtMembers.noMatch')}</p>}
          {!searching && matches.length > 0 && (
            <ul className="picker__matches" aria-label={t('districtMembers.matches')}>
              {matches.map((o) => {
                const label = organisationName(o, locale);
                const place = [o.city, countryName(o.country, locale)].filter(Boolean).join(', ');
                return (
                  <li key={o.id}>
                    <button type="button" className="picker__option" disabled={adding !== null} onClick={() => void add(o)}
                      aria-label={t('districtMembers.addOne', { name: label })}>
                      <strong>{label}</strong> <span className="muted">· {t(`kinds.${o.kind}`)} · {place}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
