import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { DIRECTIONS, OPPORTUNITY_TYPES, OpportunityInput, type Opportunity } from '../../../contracts/opportunity';
import { CodePicker } from '../../components/code-picker';
import { SelectField, TextField } from '../../components/fields';
import { LocalisedInputs, localisedDraft, localisedValue, optionalNumber, optionalText, splitList } from '../../components/localised-inputs';
import { EmptyState, Loading, ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { editPatch } from '../../lib/edit-patch';
import { useFetch } from '../../lib/use-fetch';
import { useFormSubmit } from '../../lib/use-form-submit';
import { errorAt, validate } from '../../lib/validation';
import { useTitle } from '../layout/layout';
import { UnderstandingPanel } from '../matching/understanding-panel';
import { useSession } from '../session/session';
import { opportunityApi } from './opportunity-api';

const CURRENCIES = ['EUR', 'CNY', 'USD'];
type Draft = ReturnType<typeof draftFrom>;

function draftFrom(o: Opportunity | null, organisationId: string) {
  return {
    organisationId: o?.organisation.id ?? organisationId,
    direction: o?.direction ?? 'offer',
    type: o?.type ?? 'commercial_partnership',
    title: localisedDraft(o?.title),
    description: localisedDraft(o?.description),
    sectors: o?.sectors ?? [],
    products: o?.products ?? [],
    targetCountries: o?.targetCountries.join(', ') ?? '',
    targetRegions: o?.targetRegions.join(', ') ?? '',
    minOrderQuantity: o?.minOrderQuantity?.toString() ?? '',
    minOrderUnit: o?.minOrderUnit ?? '',
    budgetMin: o?.budgetMin?.toString() ?? '',
    budgetMax: o?.budgetMax?.toString() ?? '',
    budgetCurrency: o?.budgetCurrency ?? '',
    requiredCertifications: o?.requiredCertifications.join(', ') ?? '',
    startsOn: o?.startsOn ?? '',
    endsOn: o?.endsOn ?? '',
    expiresOn: o?.expiresOn ?? '',
    conceptsAdded: o?.conceptsAdded ?? [],
    conceptsRemoved: o?.conceptsRemoved ?? [],
    // An expired opportunity is stored as open; editing it offers open, closed or draft.
    status: (o?.status === 'expired' ? 'open' : o?.status ?? 'open') as 'draft' | 'open' | 'closed',
  };
}

function toInput(d: Draft) {
  return {
    direction: d.direction,
    type: d.type,
    title: localisedValue(d.title),
    description: localisedValue(d.description),
    sectors: d.sectors,
    products: d.products,
    targetCountries: splitList(d.targetCountries).map((c) => c.toUpperCase()),
    targetRegions: splitList(d.targetRegions),
    minOrderQuantity: optionalNumber(d.minOrderQuantity),
    minOrderUnit: optionalText(d.minOrderUnit),
    budgetMin: optionalNumber(d.budgetMin),
    budgetMax: optionalNumber(d.budgetMax),
    budgetCurrency: optionalText(d.budgetCurrency),
    requiredCertifications: splitList(d.requiredCertifications),
    startsOn: optionalText(d.startsOn),
    endsOn: optionalText(d.endsOn),
    expiresOn: optionalText(d.expiresOn),
    conceptsAdded: d.conceptsAdded,
    conceptsRemoved: d.conceptsRemoved,
    status: d.status,
  };
}

export function NewOpportunityPage() {
  const [params] = useSearchParams();
  return <OpportunityForm opportunity={null} organisationId={params.get('organisation') ?? ''} />;
}

export function EditOpportunityPage() {
  const { id = '' } = useParams();
  const state = useFetch(() => opportunityApi.get(id), id);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ProblemMessage error={state.error} />;
  return <OpportunityForm opportunity={state.data} organisationId={state.data.organisation.id} />;
}

function OpportunityForm({ opportunity, organisationId }: { opportunity: Opportunity | null; organisationId: string }) {
  const { t, locale } = useT();
  const title = opportunity ? t('opportunityForm.editTitle') : t('opportunityForm.createTitle');
  useTitle(title);
  const navigate = useNavigate();
  const { user } = useSession();
  const memberships = user?.memberships ?? [];
  const [draft, setDraft] = useState(() => draftFrom(opportunity, organisationId || memberships[0]?.organisationId || ''));
  const { errors, problem, busy, run } = useFormSubmit();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  if (!opportunity && memberships.length === 0) {
    return (
      <div className="narrow">
        <h1>{title}</h1>
        <EmptyState title={t('opportunityForm.needOrganisation')}>
          <p>
            <Link className="button" to="/organisations/new">
              {t('myOrganisations.create')}
            </Link>
          </p>
        </EmptyState>
      </div>
    );
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input = toInput(draft);
    // Editing checks the whole opportunity too (cross-field rules), then sends emptied fields as null.
    void run(validate(OpportunityInput, { ...input, organisationId: draft.organisationId }, locale, t), async (body) => {
      const { organisationId: _organisationId, ...fields } = body;
      const saved = opportunity
        ? await opportunityApi.update(opportunity.id, editPatch(fields, Object.keys(input)))
        : await opportunityApi.create(body);
      navigate(`/opportunities/${saved.id}`);
    });
  };

  return (
    <div className="narrow narrow--wide">
      <h1>{title}</h1>
      <p className="lead">{t('opportunityForm.intro')}</p>
      <form className="form" noValidate onSubmit={onSubmit}>
        {problem !== null && <ProblemMessage error={problem} />}
        {!opportunity && (
          <SelectField label={t('opportunityForm.organisation')} value={draft.organisationId} error={errors.organisationId}
            options={memberships.map((m) => ({ value: m.organisationId, label: m.legalName }))}
            onChange={(e) => set('organisationId', e.target.value)} />
        )}
        <div className="form-row">
          <SelectField label={t('opportunity.direction')} hint={t('opportunityForm.directionHint')} value={draft.direction} error={errors.direction}
            options={DIRECTIONS.map((v) => ({ value: v, label: t(`directions.${v}`) }))}
            onChange={(e) => set('direction', e.target.value as Draft['direction'])} />
          <SelectField label={t('opportunity.type')} value={draft.type} error={errors.type}
            options={OPPORTUNITY_TYPES.map((v) => ({ value: v, label: t(`opportunityTypes.${v}`) }))}
            onChange={(e) => set('type', e.target.value as Draft['type'])} />
        </div>
        <LocalisedInputs legend={t('opportunityForm.titleLegend')} hint={t('opportunityForm.languagesHint')} path="title" value={draft.title}
          errors={errors} onChange={(v) => set('title', v)} />
        <LocalisedInputs legend={t('opportunity.description')} path="description" value={draft.description} errors={errors} multiline
          onChange={(v) => set('description', v)} />
        <UnderstandingPanel
          text={[...Object.values(draft.title), ...Object.values(draft.description)].filter((v) => v.trim()).join('\n')}
          direction={draft.direction}
          type={draft.type}
          corrections={{ added: draft.conceptsAdded, removed: draft.conceptsRemoved }}
          onCorrections={(c) => setDraft((d) => ({ ...d, conceptsAdded: c.added, conceptsRemoved: c.removed }))}
          onUseDirection={(v) => set('direction', v)}
          onUseType={(v) => set('type', v)}
        />
        {(errorAt(errors, 'conceptsAdded') ?? errorAt(errors, 'conceptsRemoved')) && (
          <p className="field__error" role="alert">{errorAt(errors, 'conceptsAdded') ?? errorAt(errors, 'conceptsRemoved')}</p>
        )}
        <CodePicker kind="sectors" legend={t('organisation.sectors')} value={draft.sectors} error={errorAt(errors, 'sectors')}
          onChange={(v) => set('sectors', v)} />
        <CodePicker kind="products" legend={t('organisation.products')} value={draft.products} max={50} error={errorAt(errors, 'products')}
          onChange={(v) => set('products', v)} />
        <div className="form-row">
          <TextField label={t('opportunity.targetCountries')} hint={t('opportunityForm.countriesHint')} value={draft.targetCountries}
            error={errorAt(errors, 'targetCountries')} onChange={(e) => set('targetCountries', e.target.value)} />
          <TextField label={t('opportunity.targetRegions')} hint={t('organisationForm.listHint')} value={draft.targetRegions}
            error={errorAt(errors, 'targetRegions')} onChange={(e) => set('targetRegions', e.target.value)} />
        </div>
        <div className="form-row">
          <TextField label={t('opportunityForm.minOrderQuantity')} inputMode="numeric" value={draft.minOrderQuantity} error={errors.minOrderQuantity}
            onChange={(e) => set('minOrderQuantity', e.target.value)} />
          <TextField label={t('opportunityForm.minOrderUnit')} placeholder={t('opportunityForm.minOrderUnitPlaceholder')} value={draft.minOrderUnit}
            error={errors.minOrderUnit} onChange={(e) => set('minOrderUnit', e.target.value)} />
        </div>
        <div className="form-row form-row--three">
          <TextField label={t('opportunityForm.budgetMin')} inputMode="decimal" value={draft.budgetMin} error={errors.budgetMin}
            onChange={(e) => set('budgetMin', e.target.value)} />
          <TextField label={t('opportunityForm.budgetMax')} inputMode="decimal" value={draft.budgetMax} error={errors.budgetMax}
            onChange={(e) => set('budgetMax', e.target.value)} />
          <SelectField label={t('opportunityForm.currency')} value={draft.budgetCurrency} error={errors.budgetCurrency}
            options={[{ value: '', label: t('common.notSpecified') }, ...CURRENCIES.map((c) => ({ value: c, label: c }))]}
            onChange={(e) => set('budgetCurrency', e.target.value)} />
        </div>
        <TextField label={t('opportunity.requiredCertifications')} hint={t('organisationForm.listHint')} value={draft.requiredCertifications}
          error={errorAt(errors, 'requiredCertifications')} onChange={(e) => set('requiredCertifications', e.target.value)} />
        <div className="form-row form-row--three">
          <TextField label={t('opportunityForm.startsOn')} type="date" value={draft.startsOn} error={errors.startsOn}
            onChange={(e) => set('startsOn', e.target.value)} />
          <TextField label={t('opportunityForm.endsOn')} type="date" value={draft.endsOn} error={errors.endsOn}
            onChange={(e) => set('endsOn', e.target.value)} />
          <TextField label={t('opportunity.expiresOn')} type="date" value={draft.expiresOn} error={errors.expiresOn}
            onChange={(e) => set('expiresOn', e.target.value)} />
        </div>
        <SelectField label={t('opportunity.status')} hint={t('opportunityForm.statusHint')} value={draft.status} error={errors.status}
          options={(['open', 'draft', 'closed'] as const).map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          onChange={(e) => set('status', e.target.value as Draft['status'])} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {opportunity ? t('common.save') : t('opportunityForm.publish')}
          </button>
          <Link to={opportunity ? `/opportunities/${opportunity.id}` : '/opportunities'} className="button button--quiet">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
