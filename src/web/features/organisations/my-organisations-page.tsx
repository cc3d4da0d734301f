import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { useTitle } from '../layout/layout';
import { useSession } from '../session/session';

export function MyOrganisationsPage() {
  const { t } = useT();
  useTitle(t('myOrganisations.title'));
  const { user } = useSession();
  const memberships = user?.memberships ?? [];
  return (
    <div className="narrow">
      <h1>{t('myOrganisations.title')}</h1>
      {memberships.length === 0 ? (
        <EmptyState title={t('myOrganisations.emptyTitle')}>
          <p>{t('myOrganisations.empty')}</p>
        </EmptyState>
      ) : (
        <ul className="plain-list memberships">
          {memberships.map((m) => (
            <li key={m.organisationId} className="card">
              <h2 className="card__title">
                <Link to={`/organisations/${m.slug}`}>{m.legalName}</Link>
              </h2>
              <p className="card__meta muted">{t(`roles.${m.role}`)}</p>
              <p className="actions">
                <Link to={`/organisations/${m.slug}/edit`}>{t('organisation.edit')}</Link>
                <Link to={`/opportunities/new?organisation=${m.organisationId}`}>{t('organisation.publishOpportunity')}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link className="button" to="/organisations/new">
          {t('myOrganisations.create')}
        </Link>
      </p>
    </div>
  );
}
