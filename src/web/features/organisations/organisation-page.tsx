import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { GROUPING_KINDS, InvitationInput, type OrganisationDetail } from '../../../contracts/organisation';
import { AllNames, Localised } from '../../components/localised';
import { SelectField, TextField } from '../../components/fields';
import { Badge, EmptyState, Loading, ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { countryName, languageName } from '../../lib/format';
import { useFetch } from '../../lib/use-fetch';
import { useFormSubmit } from '../../lib/use-form-submit';
import { validate } from '../../lib/validation';
import { useTitle } from '../layout/layout';
import { RecommendedPartnersSection } from '../matching/matches-section';
import { opportunityApi } from '../opportunities/opportunity-api';
import { OpportunityCard } from '../opportunities/opportunity-card';
import { useReference } from '../reference/reference';
import { DistrictMembersSection } from './district-members-section';
import { KeyFactsSection } from './key-facts-section';
import { organisationApi } from './organisation-api';
import { ContactButton } from '../contacts/contact-button';
import { organisationName } from './organisation-card';
import { OrganisationLogo } from './organisation-logo';

export function OrganisationPage() {
  const { slug = '' } = useParams();
  const state = useFetch(() => organisationApi.get(slug), slug);
  // Edits on the page (members, key facts) answer with the whole organisation; it replaces the
  // loaded one until the page loads again.
  const [edited, setEdited] = useState<{ base: OrganisationDetail; org: OrganisationDetail } | null>(null);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ProblemMessage error={state.error} />;
  const base = state.data;
  const org = edited?.base === base ? edited.org : base;
  return <OrganisationView key={org.id} org={org} onSaved={(saved) => setEdited({ base, org: saved })} />;
}

function OrganisationView({ org, onSaved }: { org: OrganisationDetail; onSaved: (org: OrganisationDetail) => void }) {
  const { t, locale } = useT();
  const name = organisationName(org, locale);
  useTitle(name);
  const sectors = useReference('sectors');
  const products = useReference('products');
  const isGrouping = GROUPING_KINDS.includes(org.kind);
  const insider = org.viewerRole !== null;
  const owner = org.viewerRole === 'owner' || org.viewerRole === 'admin';
  const place = [org.city, org.region, countryName(org.country, locale)].filter(Boolean).join(', ');

  return (
    <article className="organisation">
      <header className="page-head">
        <p className="eyebrow">
          <Badge tone="accent">{t(`kinds.${org.kind}`)}</Badge> {place}
          {org.isDemo && (
            <>
              {' '}
              <Badge tone="warn">{t('common.demo')}</Badge>
            </>
          )}
        </p>
        <div className="title-with-logo">
          <OrganisationLogo url={org.logoUrl} size="page" />
          <h1>
            <Localised text={org.names} fallback={org.legalName} />
          </h1>
        </div>
        {insider && (
          <p className="actions">
            <Link className="button button--quiet" to={`/organisations/${org.slug}/edit`}>
              {t('organisation.edit')}
            </Link>
            <Link className="button" to={`/opportunities/new?organisation=${org.id}`}>
              {t('organisation.publishOpportunity')}
            </Link>
          </p>
        )}
        {!insider && (
          <p className="actions">
            <ContactButton toOrganisationId={org.id} toName={name} />
          </p>
        )}
      </header>

      <div className="two-col">
        <div className="two-col__main">
          {Object.keys(org.description).length > 0 && (
            <section aria-labelledby="about">
              <h2 id="about">{t('organisation.about')}</h2>
              <Localised text={org.description} block />
            </section>
          )}

          <KeyFactsSection org={org} canEdit={insider} onSaved={onSaved} />

          {isGrouping && <DistrictMembersSection org={org} canManage={owner} onSaved={onSaved} />}

          <OrganisationOpportunities organisationId={org.id} canPublish={insider} />

          <RecommendedPartnersSection organisationId={org.id} canEdit={insider} />
        </div>

        <aside className="two-col__side">
          <section aria-labelledby="profile">
            <h2 id="profile">{t('organisation.profile')}</h2>
            <AllNames names={org.names} legalName={org.legalName} />
            <dl className="facts-list">
              <div>
                <dt>{t('organisation.kind')}</dt>
                <dd>{t(`kinds.${org.kind}`)}</dd>
              </div>
              <div>
                <dt>{t('organisation.country')}</dt>
                <dd>{countryName(org.country, locale)}</dd>
              </div>
              {org.region && (
                <div>
                  <dt>{t('organisation.region')}</dt>
                  <dd>{org.region}</dd>
                </div>
              )}
              {org.city && (
                <div>
                  <dt>{t('organisation.city')}</dt>
                  <dd>{org.city}</dd>
                </div>
              )}
              {org.website && (
                <div>
                  <dt>{t('organisation.website')}</dt>
                  <dd>
                    <a href={org.website} rel="noopener noreferrer">
                      {org.website.replace(/^https?:\/\//, '')}
                    </a>
                  </dd>
                </div>
              )}
              {org.sizeBand && (
                <div>
                  <dt>{t('organisation.size')}</dt>
                  <dd>{t(`sizeBands.${org.sizeBand}`)}</dd>
                </div>
              )}
              {org.foundedYear !== null && (
                <div>
                  <dt>{t('organisation.founded')}</dt>
                  <dd>{org.foundedYear}</dd>
                </div>
              )}
              {org.languages.length > 0 && (
                <div>
                  <dt>{t('organisation.languages')}</dt>
                  <dd>{org.languages.map((l) => languageName(l, locale)).join(', ')}</dd>
                </div>
              )}
              {org.certifications.length > 0 && (
                <div>
                  <dt>{t('organisation.certifications')}</dt>
                  <dd>{org.certifications.join(', ')}</dd>
                </div>
              )}
              {insider && org.contactEmail && (
                <div>
                  <dt>{t('organisation.contactEmail')}</dt>
                  <dd>
                    <a href={`mailto:${org.contactEmail}`}>{org.contactEmail}</a>
                  </dd>
                </div>
              )}
              {insider && org.contactPhone && (
                <div>
                  <dt>{t('organisation.contactPhone')}</dt>
                  <dd>{org.contactPhone}</dd>
                </div>
              )}
            </dl>
          </section>

          {org.sectors.length > 0 && (
            <section aria-labelledby="sectors">
              <h2 id="sectors">{t('organisation.sectors')}</h2>
              <ul className="code-list">
                {org.sectors.map((code) => (
                  <li key={code}>
                    <span className="code">{code}</span> {sectors.label(code, locale)}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {org.products.length > 0 && (
            <section aria-labelledby="products">
              <h2 id="products">{t('organisation.products')}</h2>
              <ul className="code-list">
                {org.products.map((code) => (
                  <li key={code}>
                    <span className="code">{code}</span> {products.label(code, locale)}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {org.memberOf.length > 0 && (
            <section aria-labelledby="member-of">
              <h2 id="member-of">{t('organisation.memberOf')}</h2>
              <ul className="plain-list">
                {org.memberOf.map((d) => (
                  <li key={d.id}>
                    <Link to={`/organisations/${d.slug}`}>
                      <Localised text={d.names} fallback={d.legalName} />
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {org.sources.length > 0 && (
            <section aria-labelledby="sources">
              <h2 id="sources">{t('organisation.sources')}</h2>
              <ul className="plain-list sources">
                {org.sources.map((s, i) => (
                  <li key={i}>
                    {s.url ? <a href={s.url}>{s.title}</a> : <cite>{s.title}</cite>}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {owner && <InviteForm organisationId={org.id} />}
        </aside>
      </div>
    </article>
  );
}

function OrganisationOpportunities({ organisationId, canPublish }: { organisationId: string; canPublish: boolean }) {
  const { t } = useT();
  const state = useFetch(
    () => opportunityApi.list({ organisation: organisationId, status: canPublish ? ['draft', 'open', 'closed', 'expired'] : undefined }, null, 50),
    `${organisationId}|${canPublish}`,
  );
  return (
    <section aria-labelledby="org-opportunities">
      <h2 id="org-opportunities">{t('organisation.opportunities')}</h2>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ProblemMessage error={state.error} />}
      {state.status === 'ready' && state.data.items.length === 0 && (
        <EmptyState title={t('organisation.noOpportunities')}>
          {canPublish && (
            <p>
              <Link to={`/opportunities/new?organisation=${organisationId}`}>{t('organisation.publishOpportunity')}</Link>
            </p>
          )}
        </EmptyState>
      )}
      {state.status === 'ready' && state.data.items.length > 0 && (
        <ul className="card-list card-list--compact">
          {state.data.items.map((o) => (
            <li key={o.id}>
              <OpportunityCard opportunity={o} showOrganisation={false} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function InviteForm({ organisationId }: { organisationId: string }) {
  const { t, locale } = useT();
  const [form, setForm] = useState<{ email: string; role: 'owner' | 'member' }>({ email: '', role: 'member' });
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { errors, problem, busy, run } = useFormSubmit();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(validate(InvitationInput, form, locale, t), async (body) => {
      await organisationApi.invite(organisationId, body.email, body.role);
      setSentTo(body.email);
      setForm({ email: '', role: 'member' });
    });
  };
  return (
    <section aria-labelledby="invite">
      <h2 id="invite">{t('invite.title')}</h2>
      <form className="form" noValidate onSubmit={onSubmit}>
        {problem !== null && <ProblemMessage error={problem} />}
        {sentTo && (
          <p className="notice" role="status">
            {t('invite.sent', { email: sentTo })}
          </p>
        )}
        <TextField label={t('auth.email')} type="email" value={form.email} error={errors.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
        <SelectField label={t('invite.role')} value={form.role} error={errors.role}
          options={[{ value: 'member', label: t('roles.member') }, { value: 'owner', label: t('roles.owner') }]}
          onChange={(e) => setForm({ ...form, role: e.target.value as 'owner' | 'member' })} />
        <button type="submit" className="button button--quiet" disabled={busy}>
          {t('invite.submit')}
        </button>
      </form>
    </section>
  );
}
