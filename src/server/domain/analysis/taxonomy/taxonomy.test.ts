import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CONCEPT_KINDS,
  TAXONOMY_LANGS,
  VALUE_CHAIN_ROLES,
  foldLabel,
  indexTaxonomy,
  labelsOf,
  type BuiltTaxonomy,
  type TaxonomyLang,
} from './taxonomy';

// Self-contained: reads only files in the repository (HS codes were checked against the HS 2022
// nomenclature at build time; the built file lists the checked codes).
const repoFile = (path: string) => fileURLToPath(new URL(`../../../../../${path}`, import.meta.url));
const built = JSON.parse(
  readFileSync(repoFile('src/server/lexicon/taxonomy/taxonomy.built.json'), 'utf8'),
) as BuiltTaxonomy;
const naceCodes = new Set(
  (JSON.parse(readFileSync(repoFile('src/server/reference/nace-rev2.json'), 'utf8')) as { code: string }[]).map((r) => r.code),
);
const taxonomy = indexTaxonomy(built);

/** The id every label resolves to, failing loudly when it is unknown or ambiguous. */
function resolve(lang: TaxonomyLang, label: string): string {
  const match = taxonomy.lookup(lang, label);
  expect(match, `${lang}:${label}`).toBeDefined();
  expect(match!.ambiguous, `${lang}:${label} is ambiguous: ${match!.ids.join(', ')}`).toBe(false);
  return match!.ids[0]!;
}

describe('taxonomy data', () => {
  it('holds at least 800 concepts with unique ids and a version', () => {
    expect(built.concepts.length).toBeGreaterThanOrEqual(800);
    expect(new Set(built.concepts.map((c) => c.id)).size).toBe(built.concepts.length);
    expect(built.version).toMatch(/^\d{4}\.\d{1,2}\.\d+$/);
  });

  it('gives every concept a preferred label in Italian, Chinese and English', () => {
    const missing = built.concepts.flatMap((c) =>
      TAXONOMY_LANGS.filter((l) => !c.labels[l]?.pref?.trim()).map((l) => `${c.id}:${l}`),
    );
    expect(missing).toEqual([]);
  });

  it('gives every concept at least one Chinese label written in Chinese characters', () => {
    // Acronyms and brand names (GOTS, ISO 9001, OEM, TikTok Shop) are often preferred in Latin
    // script by Chinese writers too, but each must also carry a Chinese rendering.
    const withoutHan = built.concepts
      .filter((c) => !labelsOf(c, 'zh').some((l) => /\p{Script=Han}/u.test(l)))
      .map((c) => c.id);
    expect(withoutHan).toEqual([]);
  });

  it('uses only known kinds and value-chain roles, with ids prefixed by their kind', () => {
    const prefix: Record<string, string> = { certification: 'cert', cooperation: 'coop' };
    for (const c of built.concepts) {
      expect(CONCEPT_KINDS).toContain(c.kind);
      expect(c.id.split('.')[0]).toBe(prefix[c.kind] ?? c.kind);
      if (c.chain !== undefined) expect(VALUE_CHAIN_ROLES).toContain(c.chain);
    }
  });

  it('covers every kind', () => {
    for (const kind of CONCEPT_KINDS) {
      expect(built.concepts.filter((c) => c.kind === kind).length, kind).toBeGreaterThanOrEqual(20);
    }
  });

  it('has a parent for every non-root concept, of the same kind, and no cycles', () => {
    for (const c of built.concepts) {
      if (c.parent === null) continue;
      const parent = taxonomy.get(c.parent);
      expect(parent, `${c.id} → ${c.parent}`).toBeDefined();
      expect(parent!.kind).toBe(c.kind);
    }
    for (const c of built.concepts) {
      const seen = new Set([c.id]);
      for (let p = c.parent; p !== null; p = taxonomy.get(p)!.parent) {
        expect(seen.has(p), `cycle at ${c.id}`).toBe(false);
        seen.add(p);
      }
      expect(c.ancestors).toEqual([...seen].slice(1));
      expect(c.depth).toBe(c.ancestors.length);
    }
  });

  it('cross-walks to HS codes that were validated at build time', () => {
    const checked = new Set(built.hsCodes);
    for (const c of built.concepts) {
      for (const code of c.hs) {
        expect(code).toMatch(/^\d{2}(\d{2}(\d{2})?)?$/);
        expect(checked.has(code), `${c.id}: HS ${code}`).toBe(true);
      }
    }
  });

  it('cross-walks to NACE codes that exist in the NACE Rev.2 reference', () => {
    const unknown = built.concepts.flatMap((c) => c.nace.filter((code) => !naceCodes.has(code)).map((code) => `${c.id}:${code}`));
    expect(unknown).toEqual([]);
    for (const c of built.concepts) for (const code of c.nace) expect(code).toMatch(/^\d{2}(\.\d{1,2})?$/);
  });

  it('records provenance on every concept', () => {
    for (const c of built.concepts) {
      expect(c.source.length).toBeGreaterThan(0);
      for (const s of c.source) expect(s).toMatch(/^(hs:\d{2,6}|nace:\d{2}(\.\d{1,2})?|ponte|cedict)$/);
    }
  });
});

describe('ambiguous labels', () => {
  it('lists every label shared by two or more concepts, and only those', () => {
    const owners = new Map<string, Set<string>>();
    for (const c of built.concepts) {
      for (const lang of TAXONOMY_LANGS) {
        for (const label of labelsOf(c, lang)) {
          const key = `${lang}:${foldLabel(label)}`;
          owners.set(key, (owners.get(key) ?? new Set()).add(c.id));
        }
      }
    }
    const shared = Object.fromEntries([...owners].filter(([, ids]) => ids.size > 1).map(([k, ids]) => [k, [...ids].sort()]));
    expect(built.ambiguous).toEqual(shared);
    expect(Object.keys(shared).length).toBeGreaterThan(0);
  });

  it('flags an ambiguous label in the index and returns every candidate', () => {
    const [key, ids] = Object.entries(built.ambiguous)[0]!;
    const [lang, ...rest] = key.split(':');
    const match = taxonomy.lookup(lang as TaxonomyLang, rest.join(':'));
    expect(match).toEqual({ ids, ambiguous: true });
  });

  it('treats the Italian "abiti" as both dresses and suits', () => {
    expect(taxonomy.lookup('it', 'abiti')).toEqual({ ids: ['product.dresses', 'product.suits'], ambiguous: true });
  });
});

describe('label lookup', () => {
  it('resolves cashmere in three languages to one material', () => {
    const ids = [resolve('zh', '羊绒'), resolve('zh', '开司米'), resolve('en', 'cashmere'), resolve('it', 'cachemire'), resolve('it', 'cashmere')];
    expect(new Set(ids)).toEqual(new Set(['material.cashmere']));
  });

  it('resolves knitwear in three languages to one product', () => {
    const ids = [resolve('zh', '针织'), resolve('zh', '毛衫'), resolve('en', 'knitwear'), resolve('en', 'knits'), resolve('it', 'maglieria'), resolve('it', 'capi in maglia')];
    expect(new Set(ids)).toEqual(new Set(['product.knitwear']));
  });

  it('resolves livestream selling in three languages to one channel', () => {
    const ids = [
      resolve('zh', '直播带货'), resolve('zh', '直播电商'), resolve('zh', '带货'),
      resolve('en', 'livestream selling'), resolve('en', 'Live Shopping'), resolve('en', 'live commerce'),
      resolve('it', 'vendita in diretta'), resolve('it', 'live streaming di vendita'),
    ];
    expect(new Set(ids)).toEqual(new Set(['channel.livestream-selling']));
  });

  it('resolves trade jargon from the issue', () => {
    expect(resolve('zh', '代工')).toBe('process.oem');
    expect(resolve('zh', '贴牌')).toBe('process.oem');
    expect(resolve('en', 'OEM')).toBe('process.oem');
    expect(resolve('zh', '打版')).toBe('process.pattern-making');
    expect(resolve('it', 'modellistica')).toBe('process.pattern-making');
    expect(resolve('zh', '跨境电商')).toBe('channel.cross-border-ecommerce');
    expect(resolve('it', 'e-commerce transfrontaliero')).toBe('channel.cross-border-ecommerce');
    expect(resolve('zh', '校企合作')).toBe('coop.university-industry');
    expect(resolve('zh', '产学合作')).toBe('coop.university-industry');
    expect(resolve('zh', '一件代发')).toBe('channel.dropshipping');
    expect(resolve('zh', '小单快反')).toBe('process.small-batch-quick-response');
    expect(resolve('it', 'tessuto felpato')).toBe('material.sweat-fleece');
    expect(resolve('it', 'façonista')).toBe('process.cmt');
    expect(resolve('it', 'terzista')).toBe('process.subcontracting');
    expect(resolve('it', 'nobilitazione tessile')).toBe('process.finishing');
    expect(resolve('it', 'pronto moda')).toBe('sector.fast-fashion');
    expect(resolve('zh', '摇粒绒')).toBe('material.polar-fleece');
    expect(resolve('zh', '经编')).toBe('process.warp-knitting');
  });

  it('folds case, diacritics, full-width forms and typographic apostrophes', () => {
    expect(resolve('it', 'FAÇONISTA')).toBe('process.cmt');
    expect(resolve('en', 'ＯＥＭ')).toBe('process.oem');
    expect(resolve('it', 'piumino d’anatra')).toBe('material.duck-down');
    expect(resolve('it', '  tessuto   felpato ')).toBe('material.sweat-fleece');
  });

  it('accepts common traditional Chinese spellings as alternative labels', () => {
    expect(resolve('zh', '針織')).toBe('product.knitwear');
    expect(resolve('zh', '羊絨')).toBe('material.cashmere');
  });

  it('returns undefined for a label it does not know', () => {
    expect(taxonomy.lookup('en', 'quantum accordion')).toBeUndefined();
  });

  it('indexes every label of every concept under its folded form', () => {
    for (const c of built.concepts) {
      for (const lang of TAXONOMY_LANGS) {
        for (const label of labelsOf(c, lang)) expect(taxonomy.byLabel[lang].get(foldLabel(label))?.ids).toContain(c.id);
      }
    }
  });

  it('reports the longest label so phrase matchers know their window', () => {
    expect(taxonomy.maxLabelTokens.en).toBeGreaterThanOrEqual(3);
    expect(taxonomy.maxLabelChars.zh).toBeGreaterThanOrEqual(6);
    const longestEn = Math.max(...[...taxonomy.byLabel.en.keys()].map((k) => k.split(' ').length));
    expect(taxonomy.maxLabelTokens.en).toBe(longestEn);
  });
});

describe('hierarchy lookups', () => {
  it('walks from cashmere up to the fibre root', () => {
    expect(taxonomy.ancestors('material.cashmere')).toEqual(['material.animal-fibre', 'material.natural-fibre', 'material.fibre']);
  });

  it('lists knitwear products below apparel', () => {
    expect(taxonomy.children('product.knitwear')).toContain('product.sweaters');
    expect(taxonomy.descendants('product.apparel')).toContain('product.cashmere-sweater');
    expect(taxonomy.ancestors('product.cashmere-sweater')).toContain('product.knitwear');
  });

  it('inherits the value-chain role from the nearest ancestor', () => {
    expect(taxonomy.get('product.cashmere-sweater')!.chain).toBe('garment');
    expect(taxonomy.get('channel.douyin')!.chain).toBe('ecommerce');
  });

  it('gives each kind at least one root', () => {
    for (const kind of CONCEPT_KINDS) expect(taxonomy.roots(kind).length, kind).toBeGreaterThan(0);
  });

  it('returns empty lists for unknown ids', () => {
    expect(taxonomy.get('material.unobtainium')).toBeUndefined();
    expect(taxonomy.children('material.unobtainium')).toEqual([]);
    expect(taxonomy.ancestors('material.unobtainium')).toEqual([]);
  });
});
