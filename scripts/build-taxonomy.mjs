#!/usr/bin/env node
// Builds src/server/lexicon/taxonomy/taxonomy.built.json from the reviewed per-kind JSON files
// next to it (materials.json, products.json, …). Validates everything the matcher relies on and
// fails loudly, listing every problem at once: duplicate ids, unknown kinds, missing languages or
// preferred labels, unknown parents, cycles, HS codes absent from the HS 2022 nomenclature, NACE
// codes absent from src/server/reference/nace-rev2.json.
//
// HS codes are checked here, at build time, against the shared HS CSV; the built file lists the
// checked codes, so the tests never need ../shared.
//
// Usage: node scripts/build-taxonomy.mjs [--check]
//   --check  fail if taxonomy.built.json is not what the sources produce (for CI)
//   PONTE_SHARED_DIR overrides <repo>/../shared
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sharedDir = resolve(process.env.PONTE_SHARED_DIR ?? join(repoRoot, '..', 'shared'));
const taxonomyDir = join(repoRoot, 'src', 'server', 'lexicon', 'taxonomy');
const BUILT = join(taxonomyDir, 'taxonomy.built.json');
const NACE_JSON = join(repoRoot, 'src', 'server', 'reference', 'nace-rev2.json');
const HS_CSV = join(sharedDir, 'data', 'hs-nomenclature-en', 'harmonized-system.csv');
const CEDICT_TSV = join(sharedDir, 'data', 'cedict-fashion-subset', 'cedict_fashion_textile_subset.tsv');

const LANGS = ['it', 'zh', 'en'];
const KINDS = ['sector', 'product', 'material', 'process', 'service', 'certification', 'channel', 'skill', 'cooperation'];
// The first id segment names the kind, so an id read in a log says what it is.
const ID_PREFIX = {
  sector: 'sector', product: 'product', material: 'material', process: 'process', service: 'service',
  certification: 'cert', channel: 'channel', skill: 'skill', cooperation: 'coop',
};
const CHAINS = ['fibre', 'yarn', 'fabric', 'garment', 'brand', 'distribution', 'ecommerce', 'machinery', 'design', 'education', 'research'];
const ID_RE = /^[a-z]+(\.[a-z0-9]+(-[a-z0-9]+)*)+$/;
const SOURCE_RE = /^(hs:\d{2}(\d{2}(\d{2})?)?|nace:\d{2}(\.\d{1,2})?|ponte|cedict)$/;

/**
 * Folds a label for lookup: NFKC, lower case, no diacritics, typographic quotes and dashes made
 * ASCII, whitespace collapsed. Must stay identical to foldLabel() in
 * src/server/domain/analysis/taxonomy/taxonomy.ts (the tests compare them on every label).
 */
export function foldLabel(s) {
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

/** Minimal RFC 4180 reader, enough for the HS CSV (quoted fields with commas). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  const [header, ...body] = rows.filter((r) => r.length > 1);
  return body.map((r) => Object.fromEntries(header.map((h, j) => [h.trim(), r[j] ?? ''])));
}

function readSources() {
  const files = readdirSync(taxonomyDir)
    .filter((f) => f.endsWith('.json') && f !== 'taxonomy.built.json')
    .sort();
  const concepts = [];
  for (const file of files) {
    const data = JSON.parse(readFileSync(join(taxonomyDir, file), 'utf8'));
    if (!Array.isArray(data)) throw new Error(`${file}: expected an array of concepts`);
    for (const c of data) concepts.push({ ...c, file });
  }
  return { files, concepts };
}

function loadHs() {
  if (!existsSync(HS_CSV)) {
    throw new Error(`HS nomenclature not found at ${HS_CSV} (set PONTE_SHARED_DIR)`);
  }
  const rows = parseCsv(readFileSync(HS_CSV, 'utf8'));
  return new Map(rows.map((r) => [r.hscode, r.description.replace(/\s+/g, ' ').trim()]));
}

function loadNace() {
  const rows = JSON.parse(readFileSync(NACE_JSON, 'utf8'));
  return new Set(rows.map((r) => r.code));
}

/** Reference-only check: how many Chinese labels CC-CEDICT attests (nothing is copied). */
function cedictWords() {
  if (!existsSync(CEDICT_TSV)) return null;
  const words = new Set();
  for (const line of readFileSync(CEDICT_TSV, 'utf8').split('\n').slice(1)) {
    const [simplified] = line.split('\t');
    if (simplified) words.add(simplified);
  }
  return words;
}

export function validate(concepts, { hs, nace }) {
  const errors = [];
  const warnings = [];
  const byId = new Map();
  const err = (c, msg) => errors.push(`${c.file ?? '?'}: ${c.id ?? '(no id)'}: ${msg}`);

  for (const c of concepts) {
    if (typeof c.id !== 'string' || !ID_RE.test(c.id)) { err(c, 'id must be dotted kebab-case, e.g. material.cashmere'); continue; }
    if (byId.has(c.id)) err(c, `duplicate id (also in ${byId.get(c.id).file})`);
    byId.set(c.id, c);
  }
  for (const c of concepts) {
    if (!KINDS.includes(c.kind)) err(c, `unknown kind "${c.kind}"`);
    else if (c.id.split('.')[0] !== ID_PREFIX[c.kind]) err(c, `id prefix must be "${ID_PREFIX[c.kind]}." for kind ${c.kind}`);
    if (c.parent !== null) {
      const parent = byId.get(c.parent);
      if (!parent) err(c, `unknown parent "${c.parent}"`);
      else if (parent.kind !== c.kind) err(c, `parent ${c.parent} is a ${parent.kind}, not a ${c.kind}`);
    }
    for (const lang of LANGS) {
      const l = c.labels?.[lang];
      if (!l) { err(c, `missing language "${lang}"`); continue; }
      if (typeof l.pref !== 'string' || l.pref.trim() === '') err(c, `missing ${lang} pref label`);
      if (!Array.isArray(l.alt) || l.alt.some((a) => typeof a !== 'string' || a.trim() === '')) err(c, `${lang} alt must be an array of non-empty strings`);
      else {
        const seen = new Set([foldLabel(l.pref ?? '')]);
        for (const a of l.alt) {
          if (seen.has(foldLabel(a))) warnings.push(`${c.id}: ${lang} label "${a}" repeated`);
          seen.add(foldLabel(a));
        }
      }
    }
    for (const code of c.hs ?? []) if (!hs.has(code)) err(c, `HS code ${code} is not in the HS 2022 nomenclature`);
    for (const code of c.nace ?? []) if (!nace.has(code)) err(c, `NACE code ${code} is not in nace-rev2.json`);
    if (!Array.isArray(c.hs) || !Array.isArray(c.nace)) err(c, 'hs and nace must be arrays (possibly empty)');
    if (c.chain !== undefined && !CHAINS.includes(c.chain)) err(c, `unknown chain role "${c.chain}"`);
    if (!Array.isArray(c.source) || c.source.length === 0 || c.source.some((s) => !SOURCE_RE.test(s))) err(c, 'source must list hs:<code>, nace:<code>, ponte or cedict');
  }
  // Cycle check: walk up from every concept; a walk longer than the concept count loops.
  for (const c of concepts) {
    const seen = new Set([c.id]);
    let p = c.parent;
    while (p !== null && byId.has(p)) {
      if (seen.has(p)) { err(c, `cycle through ${p}`); break; }
      seen.add(p);
      p = byId.get(p).parent;
    }
  }
  return { errors, warnings, byId };
}

export function build(concepts, byId, hs, version) {
  const ancestorsOf = (c) => {
    const out = [];
    for (let p = c.parent; p !== null; p = byId.get(p).parent) out.push(p);
    return out;
  };
  const built = [...concepts]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((c) => {
      const ancestors = ancestorsOf(c);
      // The value-chain role is inherited from the nearest ancestor that states one.
      const chain = c.chain ?? ancestors.map((a) => byId.get(a).chain).find((x) => x !== undefined);
      const labels = Object.fromEntries(LANGS.map((lang) => {
        const { pref, alt } = c.labels[lang];
        const seen = new Set([foldLabel(pref)]);
        const dedup = alt.filter((a) => !seen.has(foldLabel(a)) && seen.add(foldLabel(a)));
        return [lang, { pref: pref.trim(), alt: dedup.map((a) => a.trim()) }];
      }));
      const out = { id: c.id, kind: c.kind, parent: c.parent, labels, hs: c.hs, nace: c.nace };
      if (chain !== undefined) out.chain = chain;
      return { ...out, source: c.source, depth: ancestors.length, ancestors };
    });

  const owners = new Map();
  for (const c of built) {
    for (const lang of LANGS) {
      for (const label of [c.labels[lang].pref, ...c.labels[lang].alt]) {
        const key = `${lang}:${foldLabel(label)}`;
        const ids = owners.get(key) ?? new Set();
        ids.add(c.id);
        owners.set(key, ids);
      }
    }
  }
  const ambiguous = Object.fromEntries(
    [...owners].filter(([, ids]) => ids.size > 1).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, ids]) => [k, [...ids].sort()]),
  );
  // Only the codes, not the WCO's HS wording: the tests need to know they were checked.
  const hsCodes = [...new Set(built.flatMap((c) => c.hs))].filter((code) => hs.has(code)).sort();
  return { version, concepts: built, ambiguous, hsCodes };
}

/** One concept per line: small enough to load fast, still diffable. */
function serialise(t) {
  const j = JSON.stringify;
  return [
    '{',
    `"version": ${j(t.version)},`,
    '"concepts": [',
    t.concepts.map((c) => j(c)).join(',\n'),
    '],',
    `"ambiguous": ${j(t.ambiguous, null, 0)},`,
    `"hsCodes": ${j(t.hsCodes)}`,
    '}',
    '',
  ].join('\n');
}

function main() {
  const check = process.argv.includes('--check');
  const version = readFileSync(join(taxonomyDir, 'VERSION'), 'utf8').trim();
  const { files, concepts } = readSources();
  const hs = loadHs();
  const nace = loadNace();
  const { errors, warnings, byId } = validate(concepts, { hs, nace });
  for (const w of warnings) console.warn(`warning: ${w}`);
  if (errors.length > 0) {
    console.error(errors.join('\n'));
    throw new Error(`taxonomy: ${errors.length} error(s) in ${files.join(', ')}`);
  }
  const taxonomy = build(concepts, byId, hs, version);
  const text = serialise(taxonomy);
  if (check) {
    const current = existsSync(BUILT) ? readFileSync(BUILT, 'utf8') : '';
    if (current !== text) throw new Error('taxonomy.built.json is stale: run node scripts/build-taxonomy.mjs');
    console.log('taxonomy.built.json is up to date');
    return;
  }
  writeFileSync(BUILT, text);

  const perKind = Object.fromEntries(KINDS.map((k) => [k, taxonomy.concepts.filter((c) => c.kind === k).length]));
  const cedict = cedictWords();
  const zhLabels = taxonomy.concepts.flatMap((c) => [c.labels.zh.pref, ...c.labels.zh.alt]);
  console.log(JSON.stringify({
    version,
    concepts: taxonomy.concepts.length,
    perKind,
    ambiguousLabels: Object.keys(taxonomy.ambiguous).length,
    hsCodes: taxonomy.hsCodes.length,
    zhLabelsAttestedInCedict: cedict ? `${zhLabels.filter((z) => cedict.has(z)).length}/${zhLabels.length}` : 'n/a',
  }, null, 2));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
