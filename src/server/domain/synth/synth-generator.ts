import type { OpportunityInput, OpportunityType } from '../../../contracts/opportunity';
import type { OrganisationInput, OrganisationKind } from '../../../contracts/organisation';
import { Rng, mixSeed, type Weighted } from './prng';
import {
  CHINESE_BRANDS,
  CHINESE_PLACES,
  COUNTRY_WEIGHTS,
  ITALIAN_PLACES,
  ITALIAN_SURNAMES,
  LEGAL_FORMS,
  OTHER_PLACES,
  OTHER_SURNAMES,
  type Place,
} from './synth-places';
import { CERTIFICATIONS, COMPANY_PROFILE_WEIGHTS, KIND_PROFILES, KIND_WEIGHTS, SIZE_BANDS, type Profile } from './synth-profiles';
import {
  DESCRIPTION_DETAILS,
  DESCRIPTION_OPENINGS,
  MARKETS,
  OPPORTUNITY_DETAILS,
  OPPORTUNITY_TITLES,
  ORDER_UNITS,
  familyOf,
  fill,
  type Lang,
} from './synth-texts';

export type SynthOpportunityInput = Omit<OpportunityInput, 'organisationId'>;

export interface SynthOpportunity {
  /** Stable key stored as the opportunity's external_ref. */
  ref: string;
  input: SynthOpportunityInput;
}

export interface SynthOrganisation {
  index: number;
  slug: string;
  input: OrganisationInput;
  opportunities: SynthOpportunity[];
}

export interface SynthOptions {
  seed: number;
  opportunitiesPerOrg: number;
}

/** Synthetic slugs never collide with demo or real ones: `synth-<seed>-<n>`. */
export const synthSlug = (seed: number, index: number) => `synth-${seed}-${index}`;
export const synthSlugPrefix = (seed: number) => `synth-${seed}-`;

/**
 * Synthetic organisation number `index` for `seed`, with its opportunities. Each record has its
 * own random stream, so record n is the same whether it is generated alone or in a batch of
 * 100,000, and a partial load can resume at any index.
 */
export function synthOrganisation(index: number, opts: SynthOptions): SynthOrganisation {
  const rng = new Rng(mixSeed(opts.seed, index));
  const slug = synthSlug(opts.seed, index);
  const kind = rng.weighted(KIND_WEIGHTS);
  const grouping = kind === 'district' || kind === 'science_park';
  const country = grouping ? rng.pick(['IT', 'CN']) : rng.weighted(COUNTRY_WEIGHTS);
  const place = rng.pick(placesOf(country));
  const profile = kind === 'company' || kind === 'district' ? rng.weighted(COMPANY_PROFILE_WEIGHTS) : KIND_PROFILES[kind]!;
  const { legalName, names } = nameOf(rng, kind, country, place, profile);
  const textLangs = descriptionLanguages(rng, country);
  const year = rng.int(1925, 2022);
  const certifications = rng.chance(kind === 'company' ? 0.45 : 0.1) ? rng.sample(CERTIFICATIONS, rng.int(1, 3)) : [];

  const description: OrganisationInput['description'] = {};
  for (const lang of textLangs) {
    const goodsIdx = rng.sample(profile.goods.en.map((_, i) => i), 2);
    const vars = {
      name: names[lang] ?? legalName,
      goods: profile.goods[lang][goodsIdx[0]!]!,
      goods2: profile.goods[lang][goodsIdx[1] ?? goodsIdx[0]!]!,
      city: place.city, cityIt: place.it, cityZh: place.zh, region: place.region,
      year, cert: certifications[0] ?? 'ISO 9001',
      markets: rng.int(3, 40), capacity: rng.pick([2000, 5000, 10_000, 30_000, 80_000]), count: rng.int(40, 3000),
    };
    const details = DESCRIPTION_DETAILS[kind === 'company' ? 'maker' : 'other'][lang].filter((t) => certifications.length > 0 || !t.includes('{cert}'));
    const sentences = [rng.pick(DESCRIPTION_OPENINGS[familyOf(kind)][lang]), ...rng.sample(details, rng.int(1, 2))];
    description[lang] = sentences.map((t) => fill(t, vars)).join(lang === 'zh' ? '' : ' ');
  }

  const input: OrganisationInput = {
    kind,
    legalName,
    names,
    country,
    region: place.region,
    city: place.city,
    ...(rng.chance(0.8) ? { website: `https://${slug}.example` } : {}),
    ...(grouping ? {} : { sizeBand: rng.weighted(SIZE_BANDS) }),
    foundedYear: year,
    sectors: [profile.sectors[0]!, ...rng.sample(profile.sectors.slice(1), rng.int(0, 2))],
    products: profile.products.length ? rng.sample(profile.products, rng.int(1, Math.min(3, profile.products.length))) : [],
    languages: spokenLanguages(rng, country),
    certifications,
    description,
    dataRegion: country === 'CN' ? 'cn' : ['IT', 'DE', 'FR', 'ES', 'PT'].includes(country) ? 'eu' : 'other',
    listed: true,
    hiddenFields: [],
    ...(rng.chance(0.6) ? { contactEmail: `info@${slug}.example` } : {}),
    ...(rng.chance(0.5) ? { contactPhone: `${place.phone}${rng.int(10, 99)} ${rng.int(1_000_000, 9_999_999)}` } : {}),
  };

  const count = Math.max(0, opts.opportunitiesPerOrg + rng.pick([-1, 0, 0, 1]));
  const opportunities = Array.from({ length: opts.opportunitiesPerOrg > 0 ? count : 0 }, (_, k) => ({
    ref: `synth:${opts.seed}-${index}-${k}`,
    input: opportunityOf(rng, kind, input, profile, textLangs),
  }));
  return { index, slug, input, opportunities };
}

function placesOf(country: string): Place[] {
  if (country === 'IT') return ITALIAN_PLACES;
  if (country === 'CN') return CHINESE_PLACES;
  return OTHER_PLACES[country]!;
}

function nameOf(rng: Rng, kind: OrganisationKind, country: string, place: Place, profile: Profile): Pick<OrganisationInput, 'legalName' | 'names'> {
  const form = rng.weighted(LEGAL_FORMS[country]!);
  if (country === 'IT') {
    const surname = rng.pick(ITALIAN_SURNAMES);
    const it = ({
      company: rng.chance(0.2) ? `${profile.trade.it} ${surname} & Figli` : `${profile.trade.it} ${surname}`,
      designer: `${rng.pick(['Studio', 'Atelier'])} ${surname}`,
      academy: rng.pick([`Accademia della Moda di ${place.it}`, `Istituto Superiore di Design ${surname}`, `Scuola di Moda ${place.it}`]),
      consultancy: rng.pick([`${surname} & Partners`, `${surname} Consulting`]),
      ecommerce_provider: `${surname} Digital`,
      association: `Associazione Tessile e Moda ${place.it}`,
      public_body: `Camera di Commercio di ${place.it}`,
      district: `Distretto ${profile.cluster.it} di ${place.it}`,
      science_park: `Parco Scientifico Tecnologico di ${place.it}`,
    } satisfies Record<OrganisationKind, string>)[kind];
    const enName = kind === 'company' ? `${surname} ${profile.trade.en}` : kind === 'district' ? `${place.city} ${profile.cluster.en} District` : undefined;
    const legal = kind === 'company' || kind === 'designer' || kind === 'consultancy' || kind === 'ecommerce_provider' ? `${it} ${form}` : it;
    return { legalName: legal, names: { it, ...(enName && rng.chance(0.4) ? { en: enName } : {}) } };
  }
  if (country === 'CN') {
    const [brand, pinyin] = rng.pick(CHINESE_BRANDS);
    const [zh, en] = ({
      company: [`${brand}${profile.trade.zh}`, `${pinyin} ${profile.trade.en}`],
      designer: [`${brand}设计工作室`, `${pinyin} Design Studio`],
      academy: rng.chance(0.5) ? [`${place.zh}服装学院`, `${place.city} Fashion Institute`] : [`${place.zh}纺织职业技术学院`, `${place.city} Textile Vocational College`],
      consultancy: [`${brand}咨询`, `${pinyin} Consulting`],
      ecommerce_provider: [`${brand}跨境电商`, `${pinyin} Cross-border E-commerce`],
      association: [`${place.zh}纺织服装商会`, `${place.city} Textile and Apparel Chamber of Commerce`],
      public_body: [`${place.zh}市商务局`, `${place.city} Municipal Bureau of Commerce`],
      district: [`${place.zh}${profile.cluster.zh}产业集群`, `${place.city} ${profile.cluster.en} Industrial Cluster`],
      science_park: [`${place.zh}纺织科技园`, `${place.city} Textile Science and Technology Park`],
    } satisfies Record<OrganisationKind, [string, string]>)[kind];
    const business = ['company', 'designer', 'consultancy', 'ecommerce_provider'].includes(kind);
    return {
      legalName: business ? `${place.city} ${en} ${form}` : en,
      names: { zh: business && rng.chance(0.5) ? `${place.zh}${zh}有限公司` : zh, ...(rng.chance(0.6) ? { en } : {}) },
    };
  }
  const surname = rng.pick(OTHER_SURNAMES[country]!);
  const en = `${surname} ${profile.trade.en}`;
  return { legalName: `${en} ${form}`, names: { en, ...(country === 'HK' && rng.chance(0.5) ? { zh: `${surname}氏${profile.trade.zh}` } : {}) } };
}

/** Italian firms write Italian, Chinese firms Chinese; some add English, a few the partner's language. */
function descriptionLanguages(rng: Rng, country: string): Lang[] {
  if (country === 'IT') return ['it', ...(rng.chance(0.45) ? ['en' as const] : []), ...(rng.chance(0.08) ? ['zh' as const] : [])];
  if (country === 'CN') return ['zh', ...(rng.chance(0.45) ? ['en' as const] : []), ...(rng.chance(0.05) ? ['it' as const] : [])];
  if (country === 'HK') return ['en', ...(rng.chance(0.6) ? ['zh' as const] : [])];
  return ['en', ...(rng.chance(0.15) ? ['it' as const] : [])];
}

function spokenLanguages(rng: Rng, country: string): string[] {
  const base: Record<string, string[]> = { IT: ['it', 'en'], CN: ['zh', 'en'], HK: ['zh', 'en'], DE: ['de', 'en'], FR: ['fr', 'en'], ES: ['es', 'en'], PT: ['pt', 'en'] };
  const langs = [...(base[country] ?? ['en'])];
  if (country === 'IT' && rng.chance(0.15)) langs.push('fr');
  if (country === 'IT' && rng.chance(0.05)) langs.push('zh');
  if (country === 'CN' && rng.chance(0.1)) langs.push('it');
  return langs;
}

const TYPE_WEIGHTS: Record<ReturnType<typeof familyOf> | 'designer' | 'ecommerce', Weighted<OpportunityType>> = {
  maker: [['sourcing_manufacturing', 40], ['commercial_partnership', 25], ['cross_border_ecommerce', 10], ['joint_venture', 8],
    ['technology_cooperation', 7], ['investment', 5], ['design_licensing', 3], ['talent_scouting', 2]],
  designer: [['design_licensing', 40], ['sourcing_manufacturing', 25], ['commercial_partnership', 25], ['talent_scouting', 10]],
  ecommerce: [['cross_border_ecommerce', 70], ['commercial_partnership', 30]],
  service: [['commercial_partnership', 40], ['investment', 20], ['joint_venture', 20], ['training_programme', 20]],
  education: [['training_programme', 45], ['internship', 35], ['talent_scouting', 10], ['technology_cooperation', 10]],
  cluster: [['technology_cooperation', 40], ['investment', 30], ['joint_venture', 30]],
};

const day = (rng: Rng, year: number) => `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;

function opportunityOf(rng: Rng, kind: OrganisationKind, org: OrganisationInput, profile: Profile, langs: Lang[]): SynthOpportunityInput {
  const family = kind === 'designer' ? 'designer' : kind === 'ecommerce_provider' ? 'ecommerce' : familyOf(kind);
  const type = rng.weighted(TYPE_WEIGHTS[family]);
  const byDirection = OPPORTUNITY_TITLES[type];
  const direction = rng.pick(Object.keys(byDirection) as Array<'offer' | 'request'>);
  const titles = byDirection[direction]!;
  const partner = org.country === 'IT' ? 'CN' : org.country === 'CN' ? 'IT' : rng.pick(['IT', 'CN']);
  const targetCountries = [partner, ...(rng.chance(0.2) ? [rng.pick(['DE', 'FR', 'ES', 'HK', 'US'].filter((c) => c !== org.country))] : [])];
  const partnerPlaces = partner === 'CN' ? CHINESE_PLACES : ITALIAN_PLACES;
  const targetRegions = rng.chance(0.25) ? [rng.pick(partnerPlaces).region] : [];

  const sells = (kind === 'company' || kind === 'designer') && (type === 'sourcing_manufacturing' || type === 'commercial_partnership');
  const moq = sells && rng.chance(0.5) ? { quantity: rng.pick([100, 200, 300, 500, 1000, 2000, 5000]), unit: rng.pick(ORDER_UNITS) } : null;
  const funded = (type === 'investment' || type === 'joint_venture') && rng.chance(0.7);
  const budgetMin = rng.pick([50_000, 100_000, 250_000, 500_000, 1_000_000]);
  const requiredCertifications = rng.chance(0.25) ? [rng.pick(CERTIFICATIONS)] : [];
  const dated = type === 'training_programme' || type === 'internship';
  const startsOn = day(rng, 2026);
  const endsOn = `${Math.min(Number(startsOn.slice(0, 4)) + 1, 2027)}${startsOn.slice(4)}`;

  const goodsIdx = rng.int(0, profile.goods.en.length - 1);
  const title: Record<string, string> = {};
  const description: Record<string, string> = {};
  const market = MARKETS[partner]!;
  for (const lang of langs.slice(0, rng.chance(0.7) ? langs.length : 1)) {
    const vars = {
      goods: profile.goods[lang][goodsIdx]!,
      marketIt: market.it, marketZh: market.zh, marketEn: market.en,
      moq: moq?.quantity ?? 0, unitIt: moq?.unit.it ?? '', unitZh: moq?.unit.zh ?? '', unitEn: moq?.unit.en ?? '',
      cert: requiredCertifications[0] ?? '', weeks: rng.int(3, 16),
    };
    title[lang] = fill(rng.pick(titles[lang]), vars);
    const details = OPPORTUNITY_DETAILS[lang].filter((t) => (moq || !t.includes('{moq}')) && (requiredCertifications.length || !t.includes('{cert}')));
    const sentences = [`${title[lang]}${lang === 'zh' ? '。' : '.'}`, ...rng.sample(details, rng.int(1, 3)).map((t) => fill(t, vars))];
    description[lang] = sentences.join(lang === 'zh' ? '' : ' ');
  }

  return {
    direction,
    type,
    title,
    description,
    sectors: rng.sample(org.sectors, rng.int(1, org.sectors.length)),
    products: org.products.length ? rng.sample(org.products, rng.int(0, org.products.length)) : [],
    targetCountries,
    targetRegions,
    ...(moq ? { minOrderQuantity: moq.quantity, minOrderUnit: moq.unit.en } : {}),
    ...(funded ? { budgetMin, budgetMax: budgetMin * rng.pick([2, 4, 10]), budgetCurrency: rng.pick(['EUR', 'CNY', 'USD']) } : {}),
    requiredCertifications,
    ...(dated ? { startsOn, endsOn } : {}),
    status: rng.weighted([['open', 80], ['draft', 10], ['closed', 10]] as const),
    ...(rng.chance(0.6) ? { expiresOn: day(rng, rng.pick([2026, 2027])) } : {}),
  };
}
