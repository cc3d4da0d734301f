#!/usr/bin/env node
// Builds the trilingual reference taxonomies in src/server/reference/:
//   nace-rev2.json    — NACE Rev.2 sections, divisions, groups and classes (it/zh/en)
//   hs-products.json  — HS chapters plus the fashion/textile/furniture headings (it/zh/en)
// English and Italian NACE labels come from the Swiss FSO NOGA 2008 export, English HS
// labels from the datahub harmonized-system CSV; Chinese (and Italian HS) labels are
// hand-written JSON files next to the outputs. Fails loudly on any missing label.
//
// Usage: node scripts/build-reference.mjs   (PONTE_SHARED_DIR overrides <repo>/../shared)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sharedDir = resolve(process.env.PONTE_SHARED_DIR ?? join(repoRoot, '..', 'shared'));
const referenceDir = join(repoRoot, 'src', 'server', 'reference');

const NACE_CSV = join(sharedDir, 'data', 'noga2008-nace-en-it', 'noga2008_en_it_de_fr.csv');
const HS_CSV = join(sharedDir, 'data', 'hs-nomenclature-en', 'harmonized-system.csv');

/** RFC 4180 parser: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  return body.map((r) => Object.fromEntries(header.map((h, j) => [h.trim(), r[j] ?? ''])));
}

/** Collapses the line breaks some source labels carry inside quoted fields. */
const clean = (s) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

function fail(message, items) {
  const shown = items.slice(0, 40).join(', ');
  const more = items.length > 40 ? ` … and ${items.length - 40} more` : '';
  throw new Error(`${message} (${items.length}): ${shown}${more}`);
}

// Standard NACE Rev.2 division ranges; the NOGA CSV has no section column.
const SECTION_RANGES = [
  ['A', 1, 3], ['B', 5, 9], ['C', 10, 33], ['D', 35, 35], ['E', 36, 39], ['F', 41, 43],
  ['G', 45, 47], ['H', 49, 53], ['I', 55, 56], ['J', 58, 63], ['K', 64, 66], ['L', 68, 68],
  ['M', 69, 75], ['N', 77, 82], ['O', 84, 84], ['P', 85, 85], ['Q', 86, 88], ['R', 90, 93],
  ['S', 94, 96], ['T', 97, 98], ['U', 99, 99],
];

function sectionOfDivision(division) {
  const n = Number(division);
  const hit = SECTION_RANGES.find(([, lo, hi]) => n >= lo && n <= hi);
  if (!hit) throw new Error(`Division ${division} falls in no NACE section`);
  return hit[0];
}

/** NOGA writes groups as "131" and classes as "1310"; NACE writes "13.1" and "13.10". */
function naceCode(level, raw) {
  const digits = raw.trim();
  switch (level) {
    case 'section':
      if (!/^[A-U]$/.test(digits)) break;
      return digits;
    case 'division':
      if (!/^\d{2}$/.test(digits)) break;
      return digits;
    case 'group':
      if (!/^\d{3}$/.test(digits)) break;
      return `${digits.slice(0, 2)}.${digits.slice(2)}`;
    case 'class':
      if (!/^\d{4}$/.test(digits)) break;
      return `${digits.slice(0, 2)}.${digits.slice(2)}`;
  }
  throw new Error(`Unexpected ${level} code "${raw}"`);
}

function parentOf(level, code) {
  if (level === 'section') return null;
  if (level === 'division') return sectionOfDivision(code);
  if (level === 'group') return code.slice(0, 2);
  return code.slice(0, 4);
}

/** Hierarchy order: each section, then its divisions, each followed by its groups and classes. */
function hierarchyKey(entry) {
  if (entry.level === 'section') return `${entry.code}`;
  const division = entry.code.slice(0, 2);
  return `${sectionOfDivision(division)}|${entry.code.padEnd(5, ' ')}`;
}

// Labels are LocalisedShortText in src/contracts/system.ts, capped at 200 characters.
const MAX_LABEL = 200;

const EXPECTED_NACE = { section: 21, division: 88, group: 272, class: 615 };

function buildNace() {
  const zh = readJson(join(referenceDir, 'nace-rev2.zh.json'));
  const rows = parseCsv(readFileSync(NACE_CSV, 'utf8')).filter((r) => r.level in EXPECTED_NACE);

  const entries = rows.map((r) => {
    const code = naceCode(r.level, r.code);
    return {
      code,
      level: r.level,
      parent: parentOf(r.level, code),
      label: { it: clean(r.label_it), zh: clean(zh[code] ?? ''), en: clean(r.label_en) },
    };
  });

  for (const [level, expected] of Object.entries(EXPECTED_NACE)) {
    const n = entries.filter((e) => e.level === level).length;
    if (n !== expected) throw new Error(`Expected ${expected} NACE ${level} rows, found ${n}`);
  }
  const codes = new Set(entries.map((e) => e.code));
  if (codes.size !== entries.length) throw new Error('Duplicate NACE codes in source');
  const orphans = entries.filter((e) => e.parent !== null && !codes.has(e.parent));
  if (orphans.length) fail('NACE codes whose parent is missing', orphans.map((e) => e.code));
  const missingZh = entries.filter((e) => !e.label.zh).map((e) => e.code);
  if (missingZh.length) fail('NACE codes without a Chinese label in nace-rev2.zh.json', missingZh);
  const missingSource = entries.filter((e) => !e.label.it || !e.label.en).map((e) => e.code);
  if (missingSource.length) fail('NACE codes without an Italian or English label', missingSource);
  const stray = Object.keys(zh).filter((c) => !codes.has(c));
  if (stray.length) fail('nace-rev2.zh.json has codes that are not in NACE Rev.2', stray);
  const tooLong = entries.filter((e) => Object.values(e.label).some((l) => l.length > MAX_LABEL));
  if (tooLong.length) fail(`NACE labels longer than ${MAX_LABEL} characters`, tooLong.map((e) => e.code));

  entries.sort((a, b) => (hierarchyKey(a) < hierarchyKey(b) ? -1 : 1));
  return entries;
}

// Chapters of section VIII/XI/XII/XX that matter for fashion, textiles and furniture,
// plus the textile, sewing and leather machinery headings of chapter 84.
const HS_HEADING_CHAPTERS = new Set(['42', '94', ...Array.from({ length: 18 }, (_, i) => String(50 + i))]);
const HS_EXTRA_HEADINGS = { from: '8444', to: '8453' };

/** Hand-shortened English for the source descriptions longer than MAX_LABEL characters. */
const HS_EN_OVERRIDES = {
  '24': 'Tobacco and manufactured tobacco substitutes; nicotine products for inhalation without combustion; other nicotine products for intake into the human body',
  '34': 'Soap, organic surface-active agents; washing, lubricating, polishing or scouring preparations; artificial waxes, candles and similar articles, modelling pastes, dental waxes',
  '86': 'Railway or tramway locomotives, rolling stock and parts thereof; railway or tramway track fixtures and fittings; mechanical (including electro-mechanical) traffic signalling equipment',
  '94': 'Furniture; bedding, mattresses, mattress supports, cushions and similar stuffed furnishings; lamps and lighting fittings n.e.c.; illuminated signs and name-plates; prefabricated buildings',
  '5305': 'Coconut, abaca (Manila hemp), ramie and other vegetable textile fibres n.e.c., raw or processed but not spun; tow, noils and waste of these fibres (including yarn waste)',
  '5404': 'Synthetic monofilament of 67 decitex or more, no cross-section over 1 mm; strip and the like (e.g. artificial straw) of synthetic textile materials, apparent width up to 5 mm',
  '6115': 'Hosiery: panty hose, tights, stockings, socks and other hosiery, including graduated compression hosiery, and footwear without applied soles; knitted or crocheted',
  '6202': "Women's or girls' overcoats, car-coats, capes, cloaks, anoraks (including ski-jackets), wind-cheaters and similar articles, other than those of heading 6204 (not knitted or crocheted)",
  '6505': 'Hats and other headgear, knitted or crocheted, or made up from lace, felt or other textile fabric in the piece (not in strips), whether or not lined or trimmed; hair-nets of any material',
  '8448': 'Auxiliary machinery for machines of headings 8444 to 8447 (e.g. dobbies, jacquards, automatic stop motions, shuttle changers); parts and accessories of those machines',
  '8451': 'Machinery (not of heading 8450) for washing, cleaning, wringing, drying, ironing, pressing, bleaching, dyeing, dressing, finishing, coating or impregnating textile yarn, fabrics or articles',
  '9405': 'Luminaires and lighting fittings, including searchlights and spotlights, n.e.c.; illuminated signs, name-plates and the like with a permanently fixed light source; parts thereof',
};

/** Fixes the few glitches in the datahub text ("le.g.ings") without rewording it. */
const hsEnglish = (code, description) =>
  HS_EN_OVERRIDES[code] ?? clean(description).replace(/le\.g\.ings/g, 'leggings');

function isSelectedHs(row) {
  if (row.level === '2') return true;
  if (row.level !== '4') return false;
  const code = row.hscode;
  return (
    HS_HEADING_CHAPTERS.has(code.slice(0, 2)) ||
    (code >= HS_EXTRA_HEADINGS.from && code <= HS_EXTRA_HEADINGS.to)
  );
}

function buildHs() {
  const it = readJson(join(referenceDir, 'hs-products.it.json'));
  const zh = readJson(join(referenceDir, 'hs-products.zh.json'));
  const rows = parseCsv(readFileSync(HS_CSV, 'utf8')).filter(isSelectedHs);

  const entries = rows.map((r) => ({
    code: r.hscode,
    parent: r.level === '2' ? null : r.parent,
    label: { it: clean(it[r.hscode] ?? ''), zh: clean(zh[r.hscode] ?? ''), en: hsEnglish(r.hscode, r.description) },
  }));

  const codes = new Set(entries.map((e) => e.code));
  if (codes.size !== entries.length) throw new Error('Duplicate HS codes in selection');
  if (entries.filter((e) => e.parent === null).length < 90) throw new Error('Too few HS chapters: is the CSV truncated?');
  const orphans = entries.filter((e) => e.parent !== null && !codes.has(e.parent));
  if (orphans.length) fail('HS headings whose chapter is missing', orphans.map((e) => e.code));
  for (const lang of ['it', 'zh']) {
    const missing = entries.filter((e) => !e.label[lang]).map((e) => e.code);
    if (missing.length) fail(`HS codes without a ${lang} label in hs-products.${lang}.json`, missing);
  }
  const tooLong = entries.filter((e) => Object.values(e.label).some((l) => l.length > MAX_LABEL));
  if (tooLong.length) fail(`HS labels longer than ${MAX_LABEL} characters`, tooLong.map((e) => e.code));
  for (const [file, labels] of [['it', it], ['zh', zh]]) {
    const stray = Object.keys(labels).filter((c) => !codes.has(c));
    if (stray.length) fail(`hs-products.${file}.json has codes outside the selection`, stray);
  }

  entries.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return entries;
}

function writeJson(name, data) {
  const path = join(referenceDir, name);
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
  console.log(`wrote ${path} (${data.length} entries)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    writeJson('nace-rev2.json', buildNace());
    writeJson('hs-products.json', buildHs());
  } catch (error) {
    console.error(`build-reference: ${error.message}`);
    process.exit(1);
  }
}
