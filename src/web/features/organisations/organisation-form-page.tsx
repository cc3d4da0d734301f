import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { DATA_REGIONS, ORGANISATION_KINDS, OrganisationInput, SIZE_BANDS, type OrganisationDetail } from '../../../contracts/organisation';
import { CodePicker } from '../../components/code-picker';
import { CheckboxField, SelectField, TextField } from '../../components/fields';
import {
  LocalisedInputs,
  localisedDraft,
  localisedValue,
  optionalNumber,
  optionalText,
  splitList,
} from '../../components/localised-inputs';
import { Loading, ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { editPatch } from '../../lib/edit-patch';
import { COMMON_COUNTRIES, countryName } from '../../lib/format';
import { useFetch } from '../../lib/use-fetch';
import { useFormSubmit } from '../../lib/use-form-submit';
import { errorAt, validate } from '../../lib/validation';
import { useTitle } from '../layout/layout';
import { useSession } from '../session/session';
import { LogoField, type LogoChoice } from './logo-field';
import { organisationApi } from './organisation-api';

type Draft = ReturnType<typeof draftFrom>;

function draftFrom(org: OrganisationDetail | null) {
  return {
    kind: org?.kind ?? 'company',
    legalName: org?.legalName ?? '',
    names: localisedDraft(org?.names),
    country: org?.country ?? 'IT',
    region: org?.region ?? '',
    city: org?.city ?? '',
    website: org?.website ?? '',
    sizeBand: org?.sizeBand ?? '',
    foundedYear: org?.foundedYear?.toString() ?? '',
    sectors: org?.sectors ?? [],
    products: org?.products ?? [],
    languages: org?.languages.join(', ') ?? '',
    certifications: org?.certifications.join(', ') ?? '',
    description: localisedDraft(org?.description),
    dataRegion: org?.dataRegion ?? 'eu',
    listed: org?.listed ?? true,
    contactEmail: org?.contactEmail ?? '',
    contactPhone: org?.contactPhone ?? '',
  };
}

/** The form's strings → the contract's shape; empty inputs become "not given". */
function toInput(d: Draft) {
  return {
    kind: d.kind,
    legalName: d.legalName.trim(),
    names: localisedValue(d.names),
    country: d.country,
    region: optionalText(d.region),
    city: optionalText(d.city),
    website: optionalText(d.website),
    sizeBand: optionalText(d.sizeBand),
    foundedYear: optionalNumber(d.foundedYear),
    sectors: d.sectors,
    products: d.products,
    languages: splitList(d.languages).map((l) => l.toLowerCase()),
    certifications: splitList(d.certifications),
    description: localisedValue(d.description),
    dataRegion: d.dataRegion,
    listed: d.listed,
    contactEmail: optionalText(d.contactEmail),
    contactPhone: optionalText(d.contactPhone),
  };
}

/** Uploads or removes the logo once the organisation exists; the logo has its own endpoint. */
async function applyLogo(id: string, choice: LogoChoice): Promise<OrganisationDetail | null> {
  if (choice.kind === 'upload') return organisationApi.setLogo(id, choice.file);
  if (choice.kind === 'remove') return organisationApi.removeLogo(id);
  return null;
}

/** Set when a new organisation was saved but its logo was not: the edit form says so. */
interface FormState {
  logoNotSaved?: boolean;
}

export function NewOrganisationPage() {
  return <OrganisationForm org={null} />;
}

export function EditOrganisationPage() {
  const { slug = '' } = useParams();
  const state = useFetch(() => organisationApi.get(slug), slug);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ProblemMessage error={state.error} />;
  return <OrganisationForm org={state.data} />;
}

function OrganisationForm({ org }: { org: OrganisationDetail | null }) {
  const { t, locale } = useT();
  const title = org ? t('organisationForm.editTitle') : t('organisationForm.createTitle');
  useTitle(title);
  const navigate = useNavigate();
  const { refresh } = useSession();
  const logoNotSaved = (useLocation().state as FormState | null)?.logoNotSaved === true;
  const [draft, setDraft] = useState(() => draftFrom(org));
  const [logo, setLogo] = useState<LogoChoice>({ kind: 'keep' });
  const { errors, problem, busy, run, setErrors } = useFormSubmit();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const countries = COMMON_COUNTRIES.includes(draft.country) ? COMMON_COUNTRIES : [draft.country, ...COMMON_COUNTRIES];

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input = toInput(draft);
    // Editing validates the whole profile too, then sends emptied fields as null to clear them.
    void run(validate(OrganisationInput, input, locale, t), async (body) => {
      if (org) {
        const saved = await organisationApi.update(org.id, editPatch(body, Object.keys(input)));
        await applyLogo(saved.id, logo); // a refused logo shows beside the field; the profile is saved
        navigate(`/organisations/${saved.slug}`);
        return;
      }
      const saved = await organisationApi.create(body);
      await refresh(); // the new membership appears under "My organisations"
      try {
        await applyLogo(saved.id, logo);
      } catch {
        // The organisation exists now; sending the form again would create it twice.
        navigate(`/organisations/${saved.slug}/edit`, { state: { logoNotSaved: true } satisfies FormState });
        return;
      }
      navigate(`/organisations/${saved.slug}`);
    });
  };

  return (
    <div className="narrow narrow--wide">
      <h1>{title}</h1>
      <p className="lead">{t('organisationForm.intro')}</p>
      <form className="form" noValidate onSubmit={onSubmit}>
        {logoNotSaved && (
          <p className="notice" role="status">
            {t('logo.notSavedAfterCreate')}
          </p>
        )}
        {problem !== null && <ProblemMessage error={problem} />}
        <SelectField label={t('organisation.kind')} value={draft.kind} error={errors.kind}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          onChange={(e) => set('kind', e.target.value as Draft['kind'])} />
        <TextField label={t('organisation.legalName')} hint={t('organisationForm.legalNameHint')} required value={draft.legalName}
          error={errors.legalName} onChange={(e) => set('legalName', e.target.value)} />
        <LocalisedInputs legend={t('organisationForm.names')} hint={t('organisationForm.namesHint')} path="names" value={draft.names}
          errors={errors} onChange={(v) => set('names', v)} />
        <LogoField currentUrl={org?.logoUrl ?? null} value={logo} error={errors.logo}
          onChange={(choice) => {
            setLogo(choice);
            setErrors(({ logo: _refused, ...rest }) => rest); // the server's verdict was on the previous file
          }} />
        <SelectField label={t('organisation.country')} value={draft.country} error={errors.country}
          options={countries.map((c) => ({ value: c, label: countryName(c, locale) }))}
          onChange={(e) => set('country', e.target.value)} />
        <div className="form-row">
          <TextField label={t('organisation.region')} value={draft.region} error={errors.region} onChange={(e) => set('region', e.target.value)} />
          <TextField label={t('organisation.city')} value={draft.city} error={errors.city} onChange={(e) => set('city', e.target.value)} />
        </div>
        <TextField label={t('organisation.website')} type="url" placeholder="https://" value={draft.website} error={errors.website}
          onChange={(e) => set('website', e.target.value)} />
        <div className="form-row">
          <SelectField label={t('organisation.size')} value={draft.sizeBand} error={errors.sizeBand}
            options={[{ value: '', label: t('common.notSpecified') }, ...SIZE_BANDS.map((s) => ({ value: s, label: t(`sizeBands.${s}`) }))]}
            onChange={(e) => set('sizeBand', e.target.value as Draft['sizeBand'])} />
          <TextField label={t('organisation.founded')} inputMode="numeric" value={draft.foundedYear} error={errors.foundedYear}
            onChange={(e) => set('foundedYear', e.target.value)} />
        </div>
        <LocalisedInputs legend={t('organisation.about')} path="description" value={draft.description} errors={errors} multiline
          onChange={(v) => set('description', v)} />
        <CodePicker kind="sectors" legend={t('organisation.sectors')} value={draft.sectors} error={errorAt(errors, 'sectors')}
          onChange={(v) => set('sectors', v)} />
        <CodePicker kind="products" legend={t('organisation.products')} value={draft.products} max={50} error={errorAt(errors, 'products')}
          onChange={(v) => set('products', v)} />
        <TextField label={t('organisation.languages')} hint={t('organisationForm.languagesHint')} value={draft.languages}
          error={errorAt(errors, 'languages')} onChange={(e) => set('languages', e.target.value)} />
        <TextField label={t('organisation.certifications')} hint={t('organisationForm.listHint')} value={draft.certifications}
          error={errorAt(errors, 'certifications')} onChange={(e) => set('certifications', e.target.value)} />
        <div className="form-row">
          <TextField label={t('organisation.contactEmail')} type="email" value={draft.contactEmail} error={errors.contactEmail}
            onChange={(e) => set('contactEmail', e.target.value)} />
          <TextField label={t('organisation.contactPhone')} type="tel" value={draft.contactPhone} error={errors.contactPhone}
            onChange={(e) => set('contactPhone', e.target.value)} />
        </div>
        <SelectField label={t('organisationForm.dataRegion')} hint={t('organisationForm.dataRegionHint')} value={draft.dataRegion}
          error={errors.dataRegion} options={DATA_REGIONS.map((r) => ({ value: r, label: t(`dataRegions.${r}`) }))}
          onChange={(e) => set('dataRegion', e.target.value as Draft['dataRegion'])} />
        <CheckboxField label={t('organisationForm.listed')} hint={t('organisationForm.listedHint')} checked={draft.listed}
          onChange={(e) => set('listed', e.target.checked)} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {org ? t('common.save') : t('organisationForm.create')}
          </button>
          <Link to={org ? `/organisations/${org.slug}` : '/my/organisations'} className="button button--quiet">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
