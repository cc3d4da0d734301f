import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { EmptyState, Loading, ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { useFetch } from '../../lib/use-fetch';
import { useTitle } from '../layout/layout';
import { opportunityApi } from '../opportunities/opportunity-api';
import { OpportunityCard } from '../opportunities/opportunity-card';
import { organisationApi } from '../organisations/organisation-api';
import { OrganisationCard } from '../organisations/organisation-card';
import { useSession } from '../session/session';

export function HomePage() {
  const { t } = useT();
  useTitle(null);
  const navigate = useNavigate();
  const { user } = useSession();
  const [q, setQ] = useState('');
  const districts = useFetch(() => organisationApi.list({ kind: 'district,science_park' }, null, 6), 'home-districts');
  const opportunities = useFetch(() => opportunityApi.list({}, null, 5), 'home-opportunities');

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    navigate(q.trim() ? `/organisations?q=${encodeURIComponent(q.trim())}` : '/organisations');
  };

  return (
    <div className="home">
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t('home.title')}</h1>
        <p className="lead">{t('home.intro')}</p>
        <form className="hero__search" role="search" onSubmit={onSearch}>
          <label htmlFor="home-search" className="visually-hidden">
            {t('home.searchLabel')}
          </label>
          <input id="home-search" type="search" value={q} placeholder={t('home.searchPlaceholder')} onChange={(e) => setQ(e.target.value)} />
          <button type="submit" className="button">
            {t('home.searchButton')}
          </button>
        </form>
        <ul className="hero__points">
          <li>{t('home.pointDirectory')}</li>
          <li>{t('home.pointOpportunities')}</li>
          <li>{t('home.pointLanguages')}</li>
        </ul>
        {!user && (
          <p className="actions">
            <Link className="button" to="/sign-up">
              {t('home.join')}
            </Link>
            <Link className="button button--quiet" to="/organisations">
              {t('home.browse')}
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="featured-districts">
        <div className="section-head">
          <h2 id="featured-districts">{t('home.districts')}</h2>
          <Link to="/organisations?kind=district">{t('home.allDistricts')}</Link>
        </div>
        <p className="muted">{t('home.districtsIntro')}</p>
        {districts.status === 'loading' && <Loading />}
        {districts.status === 'error' && <ProblemMessage error={districts.error} />}
        {districts.status === 'ready' &&
          (districts.data.items.length === 0 ? (
            <EmptyState title={t('home.noDistrictsTitle')}>
              <p>{t('home.noDistricts')}</p>
            </EmptyState>
          ) : (
            <ul className="card-list card-list--grid">
              {districts.data.items.map((org) => (
                <li key={org.id}>
                  <OrganisationCard org={org} />
                </li>
              ))}
            </ul>
          ))}
      </section>

      <section aria-labelledby="latest-opportunities">
        <div className="section-head">
          <h2 id="latest-opportunities">{t('home.latestOpportunities')}</h2>
          <Link to="/opportunities">{t('home.allOpportunities')}</Link>
        </div>
        {opportunities.status === 'loading' && <Loading />}
        {opportunities.status === 'error' && <ProblemMessage error={opportunities.error} />}
        {opportunities.status === 'ready' &&
          (opportunities.data.items.length === 0 ? (
            <EmptyState title={t('home.noOpportunitiesTitle')}>
              <ol className="steps">
                <li>{t('home.stepSignUp')}</li>
                <li>{t('home.stepOrganisation')}</li>
                <li>{t('home.stepPublish')}</li>
              </ol>
            </EmptyState>
          ) : (
            <ul className="card-list">
              {opportunities.data.items.map((o) => (
                <li key={o.id}>
                  <OpportunityCard opportunity={o} />
                </li>
              ))}
            </ul>
          ))}
      </section>
    </div>
  );
}
