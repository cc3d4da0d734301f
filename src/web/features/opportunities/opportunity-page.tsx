import { Link, useParams } from 'react-router-dom';
import type { Opportunity } from '../../../contracts/opportunity';
import { Localised } from '../../components/localised';
import { Loading, ProblemMessage } from '../../components/status';
import { pickText } from '../../../contracts/common';
import { useT } from '../../i18n/i18n';
import { countryName, formatDate, formatDateTime, formatMoney, formatNumber } from '../../lib/format';
import { useFetch } from '../../lib/use-fetch';
import { useTitle } from '../layout/layout';
import { ContactButton } from '../contacts/contact-button';
import { CounterpartsSection } from '../matching/matches-section';
import { useReference } from '../reference/reference';
import { useSession } from '../session/session';
import { OpportunityBadges } from './opportunity-card';
import { opportunityApi } from './opportunity-api';

export function OpportunityPage() {
  const { id = '' } = useParams();
  const state = useFetch(() => opportunityApi.get(id), id);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ProblemMessage error={state.error} />;
  return <OpportunityView opportunity={state.data} />;
}

function OpportunityView({ opportunity: o }: { opportunity: Opportunity }) {
  const { t, locale } = useT();
  const { user } = useSession();
  useTitle(pickText(o.title, locale));
  const sectors = useReference('sectors');
  const products = useReference('products');
  const money = (v: number) => (o.budgetCurrency ? formatMoney(v, o.budgetCurrency, locale) : formatNumber(v, locale));
  const budget =
    o.budgetMin !== null && o.budgetMax !== null
      ? t('opportunity.budgetRange', { min: money(o.budgetMin), max: money(o.budgetMax) })
      : o.budgetMin !== null
        ? t('opportunity.budgetFrom', { min: money(o.budgetMin) })
        : o.budgetMax !== null
          ? t('opportunity.budgetUpTo', { max: money(o.budgetMax) })
          : null;

  return (
    <article className="opportunity">
      <header className="page-head">
        <p className="eyebrow">
          <OpportunityBadges opportunity={o} />
        </p>
        <h1>
          <Localised text={o.title} />
        </h1>
        <p className="muted">
          <Link to={`/organisations/${o.organisation.slug}`}>
            <Localised text={o.organisation.names} fallback={o.organisation.legalName} />
          </Link>
          {' · '}
          {countryName(o.organisation.country, locale)}
        </p>
        {o.canEdit ? (
          <p className="actions">
            <Link className="button button--quiet" to={`/opportunities/${o.id}/edit`}>
              {t('opportunity.edit')}
            </Link>
          </p>
        ) : (
          <p className="actions">
            <ContactButton opportunityId={o.id} toName={pickText(o.organisation.names, locale) || o.organisation.legalName} />
          </p>
        )}
      </header>
      <div className="two-col">
        <div className="two-col__main">
          <section aria-labelledby="description">
            <h2 id="description">{t('opportunity.description')}</h2>
            <Localised text={o.description} block />
          </section>
          <CounterpartsSection opportunityId={o.id} canEdit={o.canEdit} />
        </div>
        <aside className="two-col__side">
          <section aria-labelledby="details">
            <h2 id="details">{t('opportunity.details')}</h2>
            <dl className="facts-list">
              <div>
                <dt>{t('opportunity.type')}</dt>
                <dd>{t(`opportunityTypes.${o.type}`)}</dd>
              </div>
              <div>
                <dt>{t('opportunity.direction')}</dt>
                <dd>{t(`directions.${o.direction}`)}</dd>
              </div>
              <div>
                <dt>{t('opportunity.status')}</dt>
                <dd>{t(`statuses.${o.status}`)}</dd>
              </div>
              {o.targetCountries.length > 0 && (
                <div>
                  <dt>{t('opportunity.targetCountries')}</dt>
                  <dd>{o.targetCountries.map((c) => countryName(c, locale)).join(', ')}</dd>
                </div>
              )}
              {o.targetRegions.length > 0 && (
                <div>
                  <dt>{t('opportunity.targetRegions')}</dt>
                  <dd>{o.targetRegions.join(', ')}</dd>
                </div>
              )}
              {budget && (
                <div>
                  <dt>{t('opportunity.budget')}</dt>
                  <dd>{budget}</dd>
                </div>
              )}
              {o.minOrderQuantity !== null && (
                <div>
                  <dt>{t('opportunity.minOrder')}</dt>
                  <dd>
                    {formatNumber(o.minOrderQuantity, locale)} {o.minOrderUnit ?? ''}
                  </dd>
                </div>
              )}
              {o.requiredCertifications.length > 0 && (
                <div>
                  <dt>{t('opportunity.requiredCertifications')}</dt>
                  <dd>{o.requiredCertifications.join(', ')}</dd>
                </div>
              )}
              {(o.startsOn || o.endsOn) && (
                <div>
                  <dt>{t('opportunity.period')}</dt>
                  <dd>
                    {o.startsOn && o.endsOn
                      ? t('opportunity.periodRange', { start: formatDate(o.startsOn, locale), end: formatDate(o.endsOn, locale) })
                      : o.startsOn
                        ? t('opportunity.periodFrom', { start: formatDate(o.startsOn, locale) })
                        : t('opportunity.periodUntil', { end: formatDate(o.endsOn!, locale) })}
                  </dd>
                </div>
              )}
              {o.expiresOn && (
                <div>
                  <dt>{t('opportunity.expiresOn')}</dt>
                  <dd>{formatDate(o.expiresOn, locale)}</dd>
                </div>
              )}
              <div>
                <dt>{t('opportunity.publishedOn')}</dt>
                <dd>
                  <time dateTime={o.createdAt}>{formatDateTime(o.createdAt, locale, user?.timeZone)}</time>
                </dd>
              </div>
            </dl>
          </section>
          {o.sectors.length > 0 && (
            <section aria-labelledby="opp-sectors">
              <h2 id="opp-sectors">{t('organisation.sectors')}</h2>
              <ul className="code-list">
                {o.sectors.map((code) => (
                  <li key={code}>
                    <span className="code">{code}</span> {sectors.label(code, locale)}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {o.products.length > 0 && (
            <section aria-labelledby="opp-products">
              <h2 id="opp-products">{t('organisation.products')}</h2>
              <ul className="code-list">
                {o.products.map((code) => (
                  <li key={code}>
                    <span className="code">{code}</span> {products.label(code, locale)}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </aside>
      </div>
    </article>
  );
}
