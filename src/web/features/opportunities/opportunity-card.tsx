import { Link } from 'react-router-dom';
import type { Opportunity } from '../../../contracts/opportunity';
import { Localised } from '../../components/localised';
import { Badge } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../session/session';

export function OpportunityBadges({ opportunity: o }: { opportunity: Opportunity }) {
  const { t } = useT();
  return (
    <>
      <Badge tone={o.direction === 'offer' ? 'accent' : 'neutral'}>{t(`directions.${o.direction}`)}</Badge>{' '}
      <Badge>{t(`opportunityTypes.${o.type}`)}</Badge>
      {o.status !== 'open' && (
        <>
          {' '}
          <Badge tone="warn">{t(`statuses.${o.status}`)}</Badge>
        </>
      )}
      {o.isExample && (
        <>
          {' '}
          <Badge tone="warn">{t('common.example')}</Badge>
        </>
      )}
    </>
  );
}

export function OpportunityCard({ opportunity: o, showOrganisation = true }: { opportunity: Opportunity; showOrganisation?: boolean }) {
  const { t, locale } = useT();
  const { user } = useSession();
  return (
    <article className="card">
      <p className="card__meta">
        <OpportunityBadges opportunity={o} />
      </p>
      <h3 className="card__title">
        <Link to={`/opportunities/${o.id}`}>
          <Localised text={o.title} />
        </Link>
      </h3>
      <p className="card__meta muted">
        {showOrganisation && (
          <>
            <Localised text={o.organisation.names} fallback={o.organisation.legalName} />
            {' · '}
          </>
        )}
        <time dateTime={o.createdAt}>{t('opportunity.published', { date: formatDateTime(o.createdAt, locale, user?.timeZone) })}</time>
      </p>
    </article>
  );
}
