#!/usr/bin/env node
// Validates the Ponte development set in this folder and prints its statistics as JSON.
// Usage: node bench/data/check-dev-set.mjs   (exit code 1 if any check fails)
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const errors = [];
const han = /\p{Script=Han}/u;
const latin = /\p{Script=Latin}/u;

function readTsv(name) {
  const raw = readFileSync(join(dir, name), 'utf8');
  if (!raw.endsWith('\n')) errors.push(`${name}: missing final newline`);
  const rows = new Map();
  raw.split('\n').forEach((line, i) => {
    if (line === '') return;
    const parts = line.split('\t');
    if (parts.length !== 2) { errors.push(`${name}:${i + 1}: expected exactly one TAB`); return; }
    const [id, text] = parts;
    if (/[\r\n]/.test(text) || !text.trim()) errors.push(`${name}:${i + 1}: empty text or stray CR`);
    if (rows.has(id)) errors.push(`${name}:${i + 1}: duplicate id ${id}`);
    rows.set(id, text);
  });
  return rows;
}

const queries = readTsv('queries.tsv');
const corpus = readTsv('corpus.tsv');
const langs = readTsv('languages.tsv');

for (const id of queries.keys()) if (!/^q\d{3}$/.test(id)) errors.push(`query id ${id} does not look like q001`);
for (const id of corpus.keys()) if (!/^d\d{4}$/.test(id)) errors.push(`doc id ${id} does not look like d0001`);

// languages: a label for every query and document; zh must contain Han, it/en must not, mixed needs both scripts
const LABELS = ['it', 'zh', 'en', 'mixed'];
for (const [id, text] of [...queries, ...corpus]) {
  const l = langs.get(id);
  if (!l) { errors.push(`languages.tsv: no label for ${id}`); continue; }
  if (!LABELS.includes(l)) errors.push(`languages.tsv: bad label ${l} for ${id}`);
  const h = han.test(text);
  if (l === 'zh' && !h) errors.push(`${id}: labelled zh but has no Han characters`);
  if ((l === 'it' || l === 'en') && h) errors.push(`${id}: labelled ${l} but contains Han characters`);
  if (l === 'mixed' && !(h && latin.test(text.replace(/\b[A-Z0-9]{2,}\b/g, '')))) errors.push(`${id}: labelled mixed but is not mixed-script`);
}
for (const id of langs.keys()) if (!queries.has(id) && !corpus.has(id)) errors.push(`languages.tsv: unknown id ${id}`);

// qrels
const qrels = new Map();
readFileSync(join(dir, 'qrels.tsv'), 'utf8').split('\n').forEach((line, i) => {
  if (!line) return;
  const p = line.split(' ');
  if (p.length !== 4 || p[1] !== '0' || !['1', '2'].includes(p[3])) { errors.push(`qrels.tsv:${i + 1}: bad line "${line}"`); return; }
  const [qid, , did, rel] = p;
  if (!queries.has(qid)) errors.push(`qrels.tsv:${i + 1}: unknown query ${qid}`);
  if (!corpus.has(did)) errors.push(`qrels.tsv:${i + 1}: unknown doc ${did}`);
  if (!qrels.has(qid)) qrels.set(qid, new Map());
  if (qrels.get(qid).has(did)) errors.push(`qrels.tsv:${i + 1}: duplicate judgement`);
  qrels.get(qid).set(did, Number(rel));
});

const count = (ids) => { const c = { it: 0, zh: 0, en: 0, mixed: 0 }; for (const id of ids) c[langs.get(id)]++; return c; };
const pct = (c, n) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Math.round((1000 * v) / n) / 10]));

// a relevant document is "in another language" when its label differs from the query's; mixed documents
// count as same-language for every query (conservative), and mixed queries are never cross-lingual
const isOther = (ql, dl) => ql !== 'mixed' && dl !== 'mixed' && dl !== ql;
let allOther = 0, someOther = 0, onlySame = 0;
const perLang = {};
const relCounts = [];
for (const qid of queries.keys()) {
  const rels = qrels.get(qid) ?? new Map();
  if (rels.size < 2) errors.push(`${qid}: fewer than 2 relevant documents`);
  if (![...rels.values()].includes(2)) errors.push(`${qid}: no excellent (2) counterpart`);
  relCounts.push(rels.size);
  const ql = langs.get(qid);
  const dl = [...rels.keys()].map((d) => langs.get(d));
  const nOther = dl.filter((l) => isOther(ql, l)).length;
  const b = (perLang[ql] ??= { queries: 0, allRelevantInOtherLanguages: 0, someRelevantInOtherLanguages: 0, relevantOnlyInSameLanguage: 0, judgements: 0, relevantDocsByLanguage: { it: 0, zh: 0, en: 0, mixed: 0 } });
  b.queries++;
  b.judgements += rels.size;
  for (const l of dl) b.relevantDocsByLanguage[l]++;
  if (nOther === dl.length && dl.length) { allOther++; b.allRelevantInOtherLanguages++; }
  if (nOther > 0) { someOther++; b.someRelevantInOtherLanguages++; } else { onlySame++; b.relevantOnlyInSameLanguage++; }
}
if (corpus.size < 1000) errors.push(`corpus has ${corpus.size} < 1000 documents`);
if (queries.size < 150) errors.push(`only ${queries.size} < 150 queries`);
if (allOther < 60) errors.push(`only ${allOther} < 60 queries with all relevant documents in other languages`);

// partners.json
const partners = JSON.parse(readFileSync(join(dir, 'partners.json'), 'utf8'));
const orgIds = new Set();
const byCountry = { IT: 0, CN: 0 };
let withEnglish = 0;
for (const o of partners.organisations) {
  if (orgIds.has(o.id)) errors.push(`partners: duplicate organisation ${o.id}`);
  orgIds.add(o.id);
  if (!['IT', 'CN'].includes(o.country)) errors.push(`partners: ${o.id} has country ${o.country}`);
  else byCountry[o.country]++;
  if (!Array.isArray(o.texts) || !o.texts.length || o.texts.some((t) => typeof t !== 'string' || !t.trim())) errors.push(`partners: ${o.id} has no texts`);
  else {
    const own = o.texts[0];
    if ((o.country === 'CN') !== han.test(own)) errors.push(`partners: first text of ${o.id} is not in the language of ${o.country}`);
    if (o.texts.length > 1) withEnglish++;
  }
}
const pairSeen = new Set();
let crossCountry = 0;
const withPartners = new Set();
for (const [a, b] of partners.partnerships) {
  if (!orgIds.has(a) || !orgIds.has(b)) errors.push(`partners: unknown organisation in [${a}, ${b}]`);
  if (a === b) errors.push(`partners: self partnership ${a}`);
  const k = [a, b].sort().join('|');
  if (pairSeen.has(k)) errors.push(`partners: duplicate partnership ${k}`);
  pairSeen.add(k);
  withPartners.add(a); withPartners.add(b);
  const ca = partners.organisations.find((o) => o.id === a)?.country;
  const cb = partners.organisations.find((o) => o.id === b)?.country;
  if (ca && cb && ca !== cb) crossCountry++;
}
if (orgIds.size < 200) errors.push(`partners: ${orgIds.size} < 200 organisations`);
if (partners.partnerships.length < 150) errors.push(`partners: ${partners.partnerships.length} < 150 partnerships`);

relCounts.sort((a, b) => a - b);
const stats = {
  ok: errors.length === 0,
  errors: errors.slice(0, 50),
  corpus: { documents: corpus.size, byLanguage: count(corpus.keys()), percent: pct(count(corpus.keys()), corpus.size) },
  queries: {
    count: queries.size,
    byLanguage: count(queries.keys()),
    allRelevantInOtherLanguages: allOther,
    someRelevantInOtherLanguages: someOther,
    relevantOnlyInSameLanguage: onlySame,
    perQueryLanguage: perLang,
  },
  qrels: {
    judgements: [...qrels.values()].reduce((s, m) => s + m.size, 0),
    grade2: [...qrels.values()].reduce((s, m) => s + [...m.values()].filter((g) => g === 2).length, 0),
    grade1: [...qrels.values()].reduce((s, m) => s + [...m.values()].filter((g) => g === 1).length, 0),
    relevantPerQuery: { min: relCounts[0], median: relCounts[Math.floor(relCounts.length / 2)], max: relCounts.at(-1) },
    documentsJudgedRelevantSomewhere: new Set([...qrels.values()].flatMap((m) => [...m.keys()])).size,
  },
  partners: {
    organisations: orgIds.size,
    byCountry,
    withAnEnglishText: withEnglish,
    partnerships: partners.partnerships.length,
    crossCountryPartnerships: crossCountry,
    organisationsWithKnownPartners: withPartners.size,
  },
};
console.log(JSON.stringify(stats, null, 2));
process.exit(errors.length ? 1 : 0);
