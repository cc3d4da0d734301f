import { Link } from 'react-router-dom';
import type { MatchComponents, MatchItem } from '../../../contracts/matching';
import { Localised } from '../../components/localised';
import { Badge } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { countryName, formatNumber } from '../../lib/format';
import { ContactButton } from '../contacts/contact-button';
import { OpportunityBadges } from '../opportunities/opportunity-card';
import { organisationName } from '../organisations/organisation-card';

const COMPONENTS: ReadonlyArray<keyof MatchComponents> = ['relevance', 'complementarity', 'reciprocity', 'freshness', 'responsiveness'];

/**
 * One recommendation: who, why (the server's sentences in the reader's language), what both
 * sides share, and the score broken down into its components as labelled bars with their values
 * in text, so the breakdown reads the same without the picture.
 */
export function MatchItemView({
  item,
  onDismiss,
  saved,
  onToggleSave,
}: {
  item: MatchItem;
  onDismiss?: () => void;
  /** Shown (with its toggle) for signed-in readers only. */
  saved?: boolean;
  onToggleSave?: () => void;
}) {
  const { t, locale } = useT();
  const org = item.organisation;
  const percent = (v: number) => formatNumber(v, locale, { style: 'percent', maximumFractionDigits: 0 });
  const place = [org.region, countryName(org.country, locale)].filter(Boolean).join(', ');
  const orgLink = (
    <Link to={`/organisations/${org.slug}`}>
      <Localised text={org.names} fallback={org.legalName} />
    </Link>
  );

  return (
    <article className="card match">
      <p className="card__meta">
        {item.opportunity ? <OpportunityBadges opportunity={item.opportunity} /> : <Badge tone="accent">{t(`kinds.${org.kind}`)}</Badge>}
      </p>
      <h3 className="card__title">
        {item.opportunity ? (
          <Link to={`/opportunities/${item.opportunity.id}`}>
            <Localised text={item.opportunity.title} />
          </Link>
        ) : (
          orgLink
        )}
      </h3>
      <p className="card__meta muted">
        {item.opportunity && <>{orgLink} · </>}
        {place}
      </p>
      {item.explanation.reasons.length > 0 && (
        <ul className="match__reasons">
          {item.explanation.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      )}
      {item.explanation.sharedConcepts.length > 0 && (
        <ul className="chips" aria-label={t('matches.shared')}>
          {item.explanation.sharedConcepts.map((c) => (
            <li key={c.id} className="chip chip--static">
              {c.label}
            </li>
          ))}
        </ul>
      )}
      <p className="actions">
        {item.opportunity ? (
          <ContactButton opportunityId={item.opportunity.id} toName={organisationName(org, locale)} />
        ) : (
          <ContactButton toOrganisationId={org.id} toName={organisationName(org, locale)} />
        )}
        {onToggleSave && (
          <button type="button" className="button button--quiet" aria-pressed={saved ?? false} onClick={onToggleSave}>
            {saved ? t('matches.savedToggle') : t('matches.save')}
          </button>
        )}
        {onDismiss && (
          <button type="button" className="button button--quiet" onClick={onDismiss}>
            {t('matches.dismiss')}
          </button>
        )}
      </p>
      <details className="match__components">
        <summary>{t('matches.components')}</summary>
        <dl>
          {COMPONENTS.map((k) => (
            <div key={k} className="bar-row">
              <dt>{t(`matches.component.${k}`)}</dt>
              <dd>
                <span className="bar" aria-hidden="true">
                  <span className="bar__fill" style={{ width: `${Math.round(Math.min(1, Math.max(0, item.components[k])) * 100)}%` }} />
                </span>
                <span className="bar__value">{percent(item.components[k])}</span>
              </dd>
            </div>
          ))}
        </dl>
      </details>
    </article>
  );
}
