/**
 * Ponte's domain taxonomy (fashion/textile, leather, furniture, textile machinery, services,
 * channels, certifications, skills, cooperation forms) as typed data plus pure lookups.
 *
 * The data lives in src/server/lexicon/taxonomy/*.json and is compiled by
 * scripts/build-taxonomy.mjs into taxonomy.built.json. This module does no I/O: the caller reads
 * the built JSON and passes it to indexTaxonomy().
 */

export const TAXONOMY_LANGS = ['it', 'zh', 'en'] as const;
export type TaxonomyLang = (typeof TAXONOMY_LANGS)[number];

export const CONCEPT_KINDS = [
  'sector', 'product', 'material', 'process', 'service', 'certification', 'channel', 'skill', 'cooperation',
] as const;
export type ConceptKind = (typeof CONCEPT_KINDS)[number];

/** Role of a concept in the fashion/textile value chain. */
export const VALUE_CHAIN_ROLES = [
  'fibre', 'yarn', 'fabric', 'garment', 'brand', 'distribution', 'ecommerce', 'machinery', 'design', 'education', 'research',
] as const;
export type ValueChainRole = (typeof VALUE_CHAIN_ROLES)[number];

export interface ConceptLabels {
  readonly pref: string;
  readonly alt: readonly string[];
}

/** One concept as written to taxonomy.built.json. */
export interface TaxonomyConcept {
  readonly id: string;
  readonly kind: ConceptKind;
  readonly parent: string | null;
  readonly labels: Readonly<Record<TaxonomyLang, ConceptLabels>>;
  /** HS 2022 codes (2, 4 or 6 digits) this concept cross-walks to. */
  readonly hs: readonly string[];
  /** NACE Rev.2 codes (division, group or class). */
  readonly nace: readonly string[];
  /** Value-chain role, inherited from the nearest ancestor that states one. */
  readonly chain?: ValueChainRole;
  /** Provenance: `hs:<code>`, `nace:<code>`, `ponte` or `cedict`. */
  readonly source: readonly string[];
  /** 0 for roots. */
  readonly depth: number;
  /** Nearest first, root last. */
  readonly ancestors: readonly string[];
}

export interface BuiltTaxonomy {
  readonly version: string;
  readonly concepts: readonly TaxonomyConcept[];
  /** `"<lang>:<folded label>"` → ids of every concept carrying that label (two or more). */
  readonly ambiguous: Readonly<Record<string, readonly string[]>>;
  /** Every HS code the concepts use, checked against the HS 2022 nomenclature at build time. */
  readonly hsCodes: readonly string[];
}

export interface LabelMatch {
  readonly ids: readonly string[];
  /** True when the label names more than one concept: the caller must disambiguate. */
  readonly ambiguous: boolean;
}

export interface TaxonomyIndex {
  readonly version: string;
  readonly size: number;
  readonly concepts: readonly TaxonomyConcept[];
  get(id: string): TaxonomyConcept | undefined;
  /** Direct children, in id order. */
  children(id: string): readonly string[];
  /** Nearest first; empty for roots and unknown ids. */
  ancestors(id: string): readonly string[];
  /** Every concept below `id`, depth first. */
  descendants(id: string): readonly string[];
  roots(kind?: ConceptKind): readonly string[];
  /** Folds `label` and looks it up among the labels of one language. */
  lookup(lang: TaxonomyLang, label: string): LabelMatch | undefined;
  /** Folded label → match, per language, for phrase matchers that fold text themselves. */
  readonly byLabel: Readonly<Record<TaxonomyLang, ReadonlyMap<string, LabelMatch>>>;
  /**
   * Longest label per language, in whitespace-separated tokens and in characters, so a phrase
   * matcher knows how wide a window to try (Chinese has no spaces: use `maxLabelChars.zh`).
   */
  readonly maxLabelTokens: Readonly<Record<TaxonomyLang, number>>;
  readonly maxLabelChars: Readonly<Record<TaxonomyLang, number>>;
}

/**
 * Folds a label or a text span for lookup: NFKC, lower case, diacritics stripped, typographic
 * apostrophes and dashes made ASCII, whitespace collapsed. Identical to foldLabel() in
 * scripts/build-taxonomy.mjs, which keys the `ambiguous` map.
 */
export function foldLabel(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

export function labelsOf(concept: TaxonomyConcept, lang: TaxonomyLang): readonly string[] {
  const l = concept.labels[lang];
  return [l.pref, ...l.alt];
}

/** Builds the lookups over a prebuilt taxonomy. Pure; O(labels). */
export function indexTaxonomy(built: BuiltTaxonomy): TaxonomyIndex {
  const byId = new Map<string, TaxonomyConcept>();
  const childIds = new Map<string, string[]>();
  for (const c of built.concepts) {
    byId.set(c.id, c);
    childIds.set(c.id, []);
  }
  for (const c of built.concepts) {
    if (c.parent !== null) childIds.get(c.parent)?.push(c.id);
  }
  for (const ids of childIds.values()) ids.sort();

  const owners = {} as Record<TaxonomyLang, Map<string, Set<string>>>;
  const maxLabelTokens = {} as Record<TaxonomyLang, number>;
  const maxLabelChars = {} as Record<TaxonomyLang, number>;
  for (const lang of TAXONOMY_LANGS) {
    const map = new Map<string, Set<string>>();
    let tokens = 0;
    let chars = 0;
    for (const c of built.concepts) {
      for (const label of labelsOf(c, lang)) {
        const key = foldLabel(label);
        const ids = map.get(key) ?? new Set<string>();
        ids.add(c.id);
        map.set(key, ids);
        tokens = Math.max(tokens, key.split(' ').length);
        chars = Math.max(chars, [...key].length);
      }
    }
    owners[lang] = map;
    maxLabelTokens[lang] = tokens;
    maxLabelChars[lang] = chars;
  }
  const byLabel = {} as Record<TaxonomyLang, Map<string, LabelMatch>>;
  for (const lang of TAXONOMY_LANGS) {
    byLabel[lang] = new Map(
      [...owners[lang]].map(([key, ids]) => [key, { ids: [...ids].sort(), ambiguous: ids.size > 1 }]),
    );
  }

  const descendants = (id: string): string[] => {
    const out: string[] = [];
    const walk = (x: string) => {
      for (const child of childIds.get(x) ?? []) {
        out.push(child);
        walk(child);
      }
    };
    walk(id);
    return out;
  };

  return {
    version: built.version,
    size: built.concepts.length,
    concepts: built.concepts,
    get: (id) => byId.get(id),
    children: (id) => childIds.get(id) ?? [],
    ancestors: (id) => byId.get(id)?.ancestors ?? [],
    descendants,
    roots: (kind) => built.concepts.filter((c) => c.parent === null && (kind === undefined || c.kind === kind)).map((c) => c.id),
    lookup: (lang, label) => byLabel[lang].get(foldLabel(label)),
    byLabel,
    maxLabelTokens,
    maxLabelChars,
  };
}
