// Assembles the Ponte development set from the hand-written cluster sources in this folder.
// Usage: node bench/data/src/build.mjs
// Source format (one record per line, fields separated by single spaces before the text):
//   @ cluster              start a topical cluster; local keys below are prefixed "cluster."
//   D key lang[/CC] text   a corpus profile; lang = it|zh|en|mixed; CC = IT|CN (country, for partners.json)
//   Q lang text >> k=g ... a query with its judged counterparts (k local or "cluster.key", g = 1|2)
//   L keyA keyB            a known partnership (both must be organisations with a country)
//   E key text             an extra (English) text for that organisation in partners.json only
//   N key text             the own-language (it/zh) text of an organisation whose corpus profile is in
//                          English or mixed; it then appears in partners.json with [N text, corpus text]
//   R snippet >> k=g ...   add judgements to the one query whose text contains "snippet"
//   # ...                  comment
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..');
const files = readdirSync(here).filter((f) => /^\d\d-.*\.txt$/.test(f)).sort();

const docs = new Map(); // key -> {key, lang, country, text}
const queries = [];
const links = [];
const extra = new Map();
const native = new Map();
const addRels = [];
const errors = [];
let cluster = null;

const full = (k) => (k.includes('.') ? k : `${cluster}.${k}`);

for (const f of files) {
  const lines = readFileSync(join(here, f), 'utf8').split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const where = `${f}:${i + 1}`;
    if (!line || line.startsWith('#')) return;
    if (line.startsWith('@ ')) { cluster = line.slice(2).trim(); return; }
    const m = /^([DQLENR]) (.*)$/.exec(line);
    if (!m) { errors.push(`${where}: unparsed line`); return; }
    const [, kind, rest] = m;
    if (kind === 'D') {
      const mm = /^(\S+) (it|zh|en|mixed)(?:\/(IT|CN))? (.+)$/.exec(rest);
      if (!mm) { errors.push(`${where}: bad D`); return; }
      const key = full(mm[1]);
      if (docs.has(key)) errors.push(`${where}: duplicate doc key ${key}`);
      const country = mm[3] ?? (mm[2] === 'it' ? 'IT' : mm[2] === 'zh' ? 'CN' : null);
      docs.set(key, { key, lang: mm[2], country, text: mm[4].trim(), where });
    } else if (kind === 'Q') {
      const mm = /^(it|zh|en|mixed) (.+?) >> (.+)$/.exec(rest);
      if (!mm) { errors.push(`${where}: bad Q`); return; }
      const rels = mm[3].trim().split(/\s+/).map((p) => {
        const [k, g] = p.split('=');
        return { key: full(k), grade: Number(g) };
      });
      queries.push({ lang: mm[1], text: mm[2].trim(), rels, where });
    } else if (kind === 'L') {
      const [a, b] = rest.trim().split(/\s+/);
      links.push({ a: full(a), b: full(b), where });
    } else if (kind === 'R') {
      const mm = /^(.+?) >> (.+)$/.exec(rest);
      if (!mm) { errors.push(`${where}: bad R`); return; }
      addRels.push({ snippet: mm[1].trim(), rels: mm[2].trim().split(/\s+/).map((p) => {
        const [k, g] = p.split('=');
        return { key: full(k), grade: Number(g) };
      }), where });
    } else if (kind === 'E' || kind === 'N') {
      const mm = /^(\S+) (.+)$/.exec(rest);
      (kind === 'E' ? extra : native).set(full(mm[1]), mm[2].trim());
    }
  });
}

for (const a of addRels) {
  const hits = queries.filter((q) => q.text.includes(a.snippet));
  if (hits.length !== 1) { errors.push(`${a.where}: R snippet matches ${hits.length} queries`); continue; }
  hits[0].rels.push(...a.rels);
}

// deterministic shuffle so that ids do not reveal clusters
function rng(seed) { let s = seed >>> 0; return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; }; }
const r = rng(20260312);
const keys = [...docs.keys()];
for (let i = keys.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [keys[i], keys[j]] = [keys[j], keys[i]]; }
const idOf = new Map(keys.map((k, i) => [k, `d${String(i + 1).padStart(4, '0')}`]));

for (const q of queries) {
  const seen = new Set();
  for (const rel of q.rels) {
    if (!docs.has(rel.key)) errors.push(`${q.where}: unknown doc ${rel.key}`);
    if (![1, 2].includes(rel.grade)) errors.push(`${q.where}: bad grade for ${rel.key}`);
    if (seen.has(rel.key)) errors.push(`${q.where}: duplicate judgement ${rel.key}`);
    seen.add(rel.key);
  }
  if (q.rels.length < 2) errors.push(`${q.where}: fewer than 2 relevant`);
}
const isOrg = (d) => Boolean(d.country) && (['it', 'zh'].includes(d.lang) || native.has(d.key));
for (const k of native.keys()) {
  const d = docs.get(k);
  if (!d) errors.push(`N: unknown org ${k}`);
  else if (!d.country || ['it', 'zh'].includes(d.lang)) errors.push(`N: ${k} needs an en/mixed profile with a country`);
  else if ((d.country === 'CN') !== /\p{Script=Han}/u.test(native.get(k))) errors.push(`N: ${k} text not in the language of ${d.country}`);
}
for (const l of links) {
  if (l.a === l.b) errors.push(`${l.where}: self partnership`);
  for (const k of [l.a, l.b]) {
    const d = docs.get(k);
    if (!d) errors.push(`${l.where}: unknown org ${k}`);
    else if (!isOrg(d)) errors.push(`${l.where}: ${k} is not an organisation (needs it/zh text or an N line)`);
  }
}
for (const k of extra.keys()) if (!docs.has(k)) errors.push(`E: unknown org ${k}`);
for (const d of docs.values()) if (/[\t\r\n]/.test(d.text)) errors.push(`${d.where}: tab/newline in text`);
if (errors.length) { console.error(errors.join('\n')); process.exit(1); }

const clean = (t) => t.replace(/\s+/g, ' ').trim();
const sortedDocs = [...docs.values()].sort((a, b) => idOf.get(a.key).localeCompare(idOf.get(b.key)));
writeFileSync(join(out, 'corpus.tsv'), sortedDocs.map((d) => `${idOf.get(d.key)}\t${clean(d.text)}\n`).join(''));
const qid = (i) => `q${String(i + 1).padStart(3, '0')}`;
writeFileSync(join(out, 'queries.tsv'), queries.map((q, i) => `${qid(i)}\t${clean(q.text)}\n`).join(''));
writeFileSync(join(out, 'qrels.tsv'), queries.flatMap((q, i) =>
  q.rels.map((rel) => ({ id: idOf.get(rel.key), g: rel.grade })).sort((a, b) => a.id.localeCompare(b.id))
    .map((rel) => `${qid(i)} 0 ${rel.id} ${rel.g}\n`)).join(''));
writeFileSync(join(out, 'languages.tsv'), [
  ...queries.map((q, i) => `${qid(i)}\t${q.lang}\n`),
  ...sortedDocs.map((d) => `${idOf.get(d.key)}\t${d.lang}\n`),
].join(''));
writeFileSync(join(here, 'ids.tsv'), sortedDocs.map((d) => `${idOf.get(d.key)}\t${d.key}\n`).join(''));

// partners.json: every Italian- or Chinese-language profile is an organisation of its country, and so is
// every English/mixed profile for which an own-language text (N line) was written
const orgs = sortedDocs.filter(isOrg).map((d) => ({
  id: idOf.get(d.key),
  country: d.country,
  texts: native.has(d.key) ? [clean(native.get(d.key)), clean(d.text)]
    : extra.has(d.key) ? [clean(d.text), clean(extra.get(d.key))] : [clean(d.text)],
}));
const pairSeen = new Set();
const partnerships = [];
for (const l of links) {
  const p = [idOf.get(l.a), idOf.get(l.b)].sort();
  const k = p.join('|');
  if (pairSeen.has(k)) { console.error(`duplicate partnership ${l.a} ${l.b}`); continue; }
  pairSeen.add(k);
  partnerships.push(p);
}
writeFileSync(join(out, 'partners.json'), JSON.stringify({ organisations: orgs, partnerships }, null, 1) + '\n');
console.log(JSON.stringify({ docs: docs.size, queries: queries.length, qrels: queries.reduce((s, q) => s + q.rels.length, 0), organisations: orgs.length, partnerships: partnerships.length }));
