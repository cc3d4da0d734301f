import { Link } from 'react-router-dom';
import { pickText } from '../../../contracts/common';
import type { OrganisationSummary } from '../../../contracts/organisation';
import { Localised } from '../../components/localised';
import { Badge } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { countryName } from '../../lib/format';
import { OrganisationLogo } from './organisation-logo';

export function organisationName(org: Pick<OrganisationSummary, 'names' | 'legalName'>, locale: Parameters<typeof pickText>[1]): string {
  return pickText(org.names, locale) || org.legalName;
}

export function OrganisationCard({ org }: { org: OrganisationSummary }) {
  const { t, locale } = useT();
  const place = [org.city, org.region, countryName(org.country, locale)].filter(Boolean).join(', ');
  return (
    <article className={org.logoUrl ? 'card card--with-logo' : 'card'}>
      <OrganisationLogo url={org.logoUrl} size="card" />
      <h3 className="card__title">
        <Link to={`/organisations/${org.slug}`}>
          <Localised text={org.names} fallback={org.legalName} />
        </Link>
      </h3>
      <p className="card__meta">
        <Badge tone="accent">{t(`kinds.${org.kind}`)}</Badge> <span>{place}</span>
        {org.isDemo && (
          <>
            {' '}
            <Badge tone="warn">{t('common.demo')}</Badge>
          </>
        )}
      </p>
      {pickText(org.description, locale) && (
        <div className="card__excerpt">
          <Localised text={org.description} />
        </div>
      )}
    </article>
  );
}
