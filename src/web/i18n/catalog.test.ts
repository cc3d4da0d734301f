import { describe, expect, it } from 'vitest';
import en from './en.json';
import itCatalog from './it.json';
import zh from './zh.json';

type Catalog = { [key: string]: string | Catalog };
const PLURAL = /_(zero|one|two|few|many|other)$/;
/** Plural forms each language needs (CLDR): Chinese has only "other". */
const REQUIRED_FORMS = { en: ['one', 'other'], it: ['one', 'other'], zh: ['other'] } as const;

function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** Groups plural forms under their base key: "units.people_one" → "units.people". */
function byBaseKey(messages: Map<string, string>) {
  const bases = new Map<string, { forms: Set<string>; variables: Set<string> }>();
  for (const [key, text] of messages) {
    const form = PLURAL.exec(key)?.[1] ?? null;
    const base = key.replace(PLURAL, '');
    const entry = bases.get(base) ?? { forms: new Set<string>(), variables: new Set<string>() };
    if (form) entry.forms.add(form);
    for (const m of text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)) entry.variables.add(m[1]!);
    bases.set(base, entry);
  }
  return bases;
}

const catalogs = { en, it: itCatalog, zh } as Record<'en' | 'it' | 'zh', Catalog>;
const flat = Object.fromEntries(Object.entries(catalogs).map(([l, c]) => [l, flatten(c)])) as Record<keyof typeof catalogs, Map<string, string>>;
const bases = Object.fromEntries(Object.entries(flat).map(([l, m]) => [l, byBaseKey(m)])) as Record<keyof typeof catalogs, ReturnType<typeof byBaseKey>>;

describe('web message catalogues', () => {
  for (const locale of ['it', 'zh'] as const) {
    it(`${locale} has every key that en has`, () => {
      const missing = [...bases.en.keys()].filter((k) => !bases[locale].has(k));
      expect(missing).toEqual([]);
    });

    it(`${locale} has no key that en lacks`, () => {
      const extra = [...bases[locale].keys()].filter((k) => !bases.en.has(k));
      expect(extra).toEqual([]);
    });

    it(`${locale} uses the same interpolation variables as en`, () => {
      const differing = [...bases.en.entries()]
        .filter(([k]) => bases[locale].has(k))
        .filter(([k, v]) => [...v.variables].sort().join() !== [...bases[locale].get(k)!.variables].sort().join())
        .map(([k]) => k);
      expect(differing).toEqual([]);
    });
  }

  for (const locale of ['en', 'it', 'zh'] as const) {
    it(`${locale} has no empty message`, () => {
      const empty = [...flat[locale].entries()].filter(([, text]) => !text.trim()).map(([k]) => k);
      expect(empty).toEqual([]);
    });

    it(`${locale} gives every plural the forms its grammar needs`, () => {
      const incomplete = [...bases[locale].entries()]
        .filter(([, v]) => v.forms.size > 0)
        .filter(([, v]) => REQUIRED_FORMS[locale].some((f) => !v.forms.has(f)))
        .map(([k]) => k);
      expect(incomplete).toEqual([]);
    });
  }

  it('translates every field-error key the contracts use', () => {
    const contractKeys = [
      'at_least_one_language', 'invalid_country', 'invalid_currency', 'invalid_nace', 'invalid_hs', 'invalid_language',
      'invalid_time_zone', 'budget_max_below_min', 'currency_required', 'ends_before_start', 'quantity_required',
      'contact_target_required', 'contact_self',
    ];
    for (const locale of ['en', 'it', 'zh'] as const) {
      expect(contractKeys.filter((k) => !flat[locale].get(`fields.${k}`))).toEqual([]);
    }
  });
});
