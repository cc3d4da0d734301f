#!/usr/bin/env node
// Builds the general (non-domain) lexicons in src/server/lexicon/general/ from the third-party
// data in <shared>/data (see its READMEs). Three parts, each a self-contained PLX1 file with its
// licence next to it, because their licences differ:
//   wordnet/wordnet.plx          MultiWordNet (CC BY 3.0), ItalWordNet (ODC-BY 1.0), Chinese Open
//                                Wordnet, Princeton WordNet English lemmas + CILI (CC BY 4.0), CLDR
//   wiktionary/wiktionary.plx    English Wiktionary glosses + OMW's Wiktionary synset links (CC BY-SA 3.0)
//   cedict/cedict-fashion.plx    CC-CEDICT fashion/textile subset (CC BY-SA 4.0)
// Share-alike data never enters wordnet.plx, so that file stays attribution-only.
// The format is documented in src/server/lexicon/general/README.md and decoded by
// src/server/domain/analysis/lexicon/plx-container.ts.
//
// Usage: node scripts/build-lexicon.mjs   (PONTE_SHARED_DIR overrides <repo>/../shared)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sharedDir = resolve(process.env.PONTE_SHARED_DIR ?? join(repoRoot, '..', 'shared'));
const dataDir = join(sharedDir, 'data');
const outDir = join(repoRoot, 'src', 'server', 'lexicon', 'general');
const OMW = join(dataDir, 'omw-wordnets');
const PWN = join(dataDir, 'pwn30-english-lemmas');
const WIKT = join(dataDir, 'wiktionary-it-zh-en');
const CEDICT = join(dataDir, 'cedict-fashion-subset');
const LANGS = ['it', 'zh', 'en'];

// ---------------------------------------------------------------------------------------------
// Keys. Must stay identical to lexiconKey() in src/server/domain/analysis/lexicon/lexicon-key.ts
// (a test re-keys the shipped terms to catch drift).

function fold(text) {
  return text.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '');
}

function lexiconKey(text, lang) {
  const words = fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.join(lang === 'zh' ? '' : ' ');
}

const HAN = /\p{Script=Han}/u;
const NON_LATIN_LETTER = /[^\p{Script=Latin}\p{N}\s'’.-]/u;

/** Rejects lemmas in the wrong script (OMW's Wiktionary Italian file holds some Cyrillic). */
function plausibleLemma(key, lang) {
  if (!key || key.length > 80) return false;
  if (lang === 'zh') return HAN.test(key);
  return !NON_LATIN_LETTER.test(key);
}

// ---------------------------------------------------------------------------------------------
// PLX1 container: "PLX1", u32 LE header length, JSON header (padded to 4 bytes), then sections
// aligned to 4 bytes. Section types: "str" = UTF-8 strings joined by "\n"; "u32" = little-endian
// Uint32Array. The header also carries the licence and attribution of the data it holds.

function writeContainer(path, header, sections) {
  const encoder = new TextEncoder();
  const blobs = [];
  const index = {};
  let offset = 0;
  for (const [name, value] of Object.entries(sections)) {
    let bytes;
    if (value instanceof Uint32Array) {
      bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      index[name] = { type: 'u32', offset, byteLength: bytes.byteLength, count: value.length };
    } else {
      for (const s of value) if (s.includes('\n')) throw new Error(`newline in ${name}: ${s}`);
      bytes = encoder.encode(value.join('\n'));
      index[name] = { type: 'str', offset, byteLength: bytes.byteLength, count: value.length };
    }
    blobs.push(bytes);
    offset += bytes.byteLength;
    const pad = (4 - (offset % 4)) % 4;
    if (pad) blobs.push(new Uint8Array(pad));
    offset += pad;
  }
  let json = JSON.stringify({ ...header, sections: index });
  while ((8 + encoder.encode(json).byteLength) % 4) json += ' ';
  const head = encoder.encode(json);
  const prefix = new Uint8Array(8);
  prefix.set(encoder.encode('PLX1'), 0);
  new DataView(prefix.buffer).setUint32(4, head.byteLength, true);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, Buffer.concat([prefix, head, ...blobs]));
}

/** Sorted keys + CSR offsets + flat values, from a Map<key, Iterable<number>>. */
function postingTable(map) {
  const terms = [...map.keys()].sort();
  const off = new Uint32Array(terms.length + 1);
  const values = [];
  terms.forEach((t, i) => {
    for (const v of map.get(t)) values.push(v);
    off[i + 1] = values.length;
  });
  return { terms, off, values: Uint32Array.from(values) };
}

function addTo(map, key, value) {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

// ---------------------------------------------------------------------------------------------
// Sources

function readLines(path) {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
}

/** OMW tab file → [synset, lemma] pairs (definitions and examples skipped). */
function readOmw(path) {
  const out = [];
  for (const line of readLines(path)) {
    const [synset, kind, text] = line.split('\t');
    if (kind?.endsWith(':lemma') && text) out.push([synset, text.replace(/_/g, ' ')]);
  }
  return out;
}

const WORDNET_SOURCES = {
  it: ['ita-multiwordnet/wn-data-ita.tab', 'ita-italwordnet/wn-data-ita.tab', 'cldr/wn-cldr-ita.tab'],
  zh: ['cmn-cow/wn-data-cmn.tab', 'cldr/wn-cldr-cmn.tab'],
  en: ['cldr/wn-cldr-eng.tab'],
};
const WIKT_SYNSET_SOURCES = { it: 'wiktionary/wn-wikt-ita.tab', zh: 'wiktionary/wn-wikt-cmn.tab', en: 'wiktionary/wn-wikt-eng.tab' };

// ---------------------------------------------------------------------------------------------
// Wordnet part

function buildWordnet() {
  const lemmasByLang = { it: new Map(), zh: new Map(), en: new Map() }; // key → Set<synset id>
  const pivotsBySynset = new Map(); // synset id → Set<English key>
  for (const line of readLines(join(PWN, 'pwn30-eng-lemmas.tsv'))) {
    const [synset, , , lemmas] = line.split('\t');
    for (const lemma of lemmas.split('|')) {
      const key = lexiconKey(lemma, 'en');
      if (!key) continue;
      addTo(lemmasByLang.en, key, synset);
      addTo(pivotsBySynset, synset, key);
    }
  }
  for (const lang of LANGS) {
    for (const file of WORDNET_SOURCES[lang]) {
      for (const [synset, lemma] of readOmw(join(OMW, file))) {
        const key = lexiconKey(lemma, lang);
        if (!plausibleLemma(key, lang)) continue;
        addTo(lemmasByLang[lang], key, synset);
        if (lang === 'en') addTo(pivotsBySynset, synset, key);
      }
    }
  }
  const synsetSet = new Set(pivotsBySynset.keys());
  for (const lang of LANGS) for (const ids of lemmasByLang[lang].values()) for (const s of ids) synsetSet.add(s);
  const synsetIds = [...synsetSet].sort();
  const synsetIndex = new Map(synsetIds.map((s, i) => [s, i]));

  const sections = { synsets: synsetIds };
  const tables = {};
  for (const lang of LANGS) {
    const asInts = new Map([...lemmasByLang[lang]].map(([k, ids]) => [k, [...ids].map((s) => synsetIndex.get(s))]));
    const table = postingTable(asInts);
    tables[lang] = table;
    sections[`${lang}.terms`] = table.terms;
    sections[`${lang}.off`] = table.off;
    sections[`${lang}.synsets`] = table.values;
  }
  // Pivots point into en.terms: every PWN lemma is an English term.
  const enIndex = new Map(tables.en.terms.map((t, i) => [t, i]));
  const pivotOff = new Uint32Array(synsetIds.length + 1);
  const pivotIds = [];
  synsetIds.forEach((s, i) => {
    for (const key of pivotsBySynset.get(s) ?? []) pivotIds.push(enIndex.get(key));
    pivotOff[i + 1] = pivotIds.length;
  });
  sections['pivots.off'] = pivotOff;
  sections['pivots.terms'] = Uint32Array.from(pivotIds);

  const coverage = {};
  for (const lang of LANGS) {
    coverage[lang] = new Set();
    for (const ids of lemmasByLang[lang].values()) for (const s of ids) coverage[lang].add(s);
  }
  const itZhShared = [...coverage.it].filter((s) => coverage.zh.has(s)).length;
  const stats = {
    synsets: synsetIds.length,
    terms: Object.fromEntries(LANGS.map((l) => [l, lemmasByLang[l].size])),
    senses: Object.fromEntries(LANGS.map((l) => [l, tables[l].values.length])),
    synsetsWithLemma: Object.fromEntries(LANGS.map((l) => [l, coverage[l].size])),
    itZhSharedSynsets: itZhShared,
  };
  writeContainer(
    join(outDir, 'wordnet', 'wordnet.plx'),
    {
      part: 'wordnet',
      licence: 'CC-BY-3.0 (MultiWordNet) AND ODC-BY-1.0 (ItalWordNet) AND COW licence AND WordNet-3.0 licence AND CC-BY-4.0 (CILI) AND Unicode-DFS (CLDR)',
      attribution: 'See LICENSE-*.txt and README.md in this folder. Modified by Ponte: lemmas folded and indexed; not the original files.',
      stats,
    },
    sections,
  );
  return { lemmasByLang, pivotsBySynset, coverage, stats };
}

// ---------------------------------------------------------------------------------------------
// Gloss cleaning (Wiktionary and CC-CEDICT)

const STOP_GLOSSES = new Set(
  ('a an the of to and or in on at by for with from as is be etc something someone one oneself ' +
    'who whom what which that this these those it he she they we you i me my his her its our their ' +
    'not no yes very also so but if all').split(' '),
);
const GENERIC_HEADS = new Set(
  'type kind sort form variety member any one person someone something act state quality property condition part native inhabitant name piece way'.split(' '),
);
// Glosses that explain usage instead of translating: "Used in transcription", "Classifier for …".
const EXPLANATION = /^(?:used|see|indicates?|indicating|expresses|denotes|refers|particle|suffix|prefix|classifier|measure word|surname|name of|abbreviation)\b/;
const CUT_WORDS = /\s(?:for|used|made|that|which|who|with|from|in|when|where|usually|especially|worn)\s/;
const MAX_GLOSS_WORDS = 3;

function stripParentheses(text) {
  let out = text;
  for (let prev = ''; prev !== out; ) {
    prev = out;
    out = out.replace(/\([^()]*\)|\[[^[\]]*\]|（[^（）]*）/g, ' ');
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** A gloss fragment → a short English term key, or null when it is an explanation. */
function glossTerm(fragment, englishLemmas) {
  let text = fragment
    .replace(/[“”"«»]/g, '')
    .replace(/^\s*(?:to|a|an|the)\s+/i, '')
    .replace(/[.!?:]+\s*$/, '')
    .trim();
  if (!text || /^(?:CL|Classifier)\b/i.test(text)) return null;
  let key = lexiconKey(text, 'en');
  const words = key ? key.split(' ') : [];
  if (words.length > MAX_GLOSS_WORDS || (words.length > 1 && !englishLemmas.has(key) && CUT_WORDS.test(` ${key} `))) {
    // "fabric for making clothes" → "fabric"; only when what is left is a known, specific word.
    const head = ` ${key} `.split(CUT_WORDS)[0].trim();
    const headWords = head ? head.split(' ') : [];
    if (headWords.length >= 1 && headWords.length <= MAX_GLOSS_WORDS && !GENERIC_HEADS.has(headWords[0]) && englishLemmas.has(head)) {
      key = head;
    } else if (words.length > MAX_GLOSS_WORDS) return null;
  }
  if (!key || key.length < 2 || STOP_GLOSSES.has(key) || EXPLANATION.test(key) || key.length > 40 || /^\d+$/.test(key)) return null;
  return key;
}

// Cross-references: "plural of X", "Alternative form of X", "Synonym of X", "Short for X" …
// They become links (form → lemma) instead of senses; "plural of" and friends give inflections.
const CROSS_REF = new RegExp(
  '^(?:(?:an?\\s+)?(?:alternative|obsolete|archaic|dated|rare|nonstandard|apocopic|elided|informal|uncommon|original|traditional|simplified)' +
    '(?:\\s+letter-case)?\\s+(?:form|spelling|variant)|(?:masculine|feminine|neuter)(?:\\s+(?:singular|plural))?|plural|synonym|' +
    'abbreviation|initialism|acronym|ellipsis|clipping|truncation|(?:old\\s+)?variant)\\s+of\\s+(.+)$|^(?:short|abbr\\.)\\s+for\\s+(.+)$|' +
    '^see(?:\\s+also)?\\s+(\\p{Script=Han}.*)$',
  'iu',
);
// Italian clitic compounds: "compound of abbandona, the … imperative form of abbandonare, with mi".
const CLITIC = /^compound of .*?\b(?:form|gerund|infinitive|participle) of ([^\s,]+)/i;

function crossRefTarget(sense, lang, toSimplified) {
  const plain = stripParentheses(sense.replace(/“[^”]*”/g, ''));
  const clitic = CLITIC.exec(plain);
  const m = clitic ?? CROSS_REF.exec(plain);
  if (!m) return null;
  let target = (m[1] ?? m[2] ?? m[3]).split(/[,;:(]| - /)[0].trim();
  if (lang === 'zh') {
    // Wiktionary writes "傳統／传统", CC-CEDICT "傳統|传统[pin1 yin1]": keep the simplified side.
    target = target.split(/[／|]/).pop().replace(/\[.*$/, '').trim();
    target = toSimplified.get(target) ?? target;
  } else {
    target = target.split(/\s+(?:with|and|used|when)\s+/)[0];
  }
  const key = lexiconKey(target, lang);
  return key && key.split(' ').length <= 4 ? key : null;
}

/** Quoted glosses inside cross-references, e.g. Short for 卡拉OK (kǎlā'ōukèi, “karaoke”). */
function quotedGlosses(sense) {
  return [...sense.matchAll(/“([^”]+)”/g)].map((m) => m[1]);
}

function senseTerms(sense, englishLemmas) {
  const terms = [];
  for (const fragment of stripParentheses(sense).split(/[,;]/)) {
    const key = glossTerm(fragment, englishLemmas);
    if (key && !terms.includes(key)) terms.push(key);
  }
  return terms;
}

// Usage labels of senses that are not current standard usage: a business text in Italian or
// standard written Chinese means 金 "gold", not the obsolete "copper", the historical Jurchen Jin
// dynasty or a Cantonese sense. Such senses are dropped when the entry (headword and part of
// speech) has other senses; an entry that has only these keeps them.
const NONCURRENT = new Set(
  ('obsolete archaic historical dated rare uncommon literary poetic classical|classical chinese|dialectal|dialect|' +
    'cantonese|min nan|hakka|hokkien|teochew|wu|xiang|min dong|min bei|jin|gan|sichuanese|shanghainese|' +
    'taishanese|dungan|dialectal mandarin|regional mandarin')
    .split(/\|/)
    .flatMap((x) => (x.includes(' ') && !['min nan', 'min dong', 'min bei', 'classical chinese', 'dialectal mandarin', 'regional mandarin'].includes(x) ? x.split(' ') : [x])),
);

/** The leading "(label, label) (label)" groups of a Wiktionary sense, lower case. */
function senseLabels(sense) {
  const labels = [];
  for (let rest = sense.trim(), m; (m = /^\(([^()]*)\)\s*/.exec(rest)); rest = rest.slice(m[0].length)) {
    for (const label of m[1].split(/,|\bor\b|\band\b/)) if (label.trim()) labels.push(label.trim().toLowerCase());
  }
  return labels;
}

function isNonCurrent(sense) {
  const labels = senseLabels(sense);
  if (labels.some((l) => l === 'mandarin' || l.startsWith('standard'))) return false;
  return labels.some((l) => NONCURRENT.has(l) || /\bhokkien\b/.test(l));
}

// ---------------------------------------------------------------------------------------------
// Linking gloss senses to synsets

const POS_TO_WN = { noun: 'n', name: 'n', verb: 'v', adj: 'a', adv: 'r' };

/**
 * Picks the synset a gloss sense means, or null. In order: a synset the headword already has
 * whose English lemmas include a gloss term; the one synset shared by most (≥ 2) gloss terms;
 * a gloss term with one synset in English; a gloss term with one synset among those that already
 * have a lemma in the headword's language. Candidates keep the sense's part of speech.
 */
function linkSense(terms, ownSynsets, pos, ctx) {
  let best = null;
  let bestOverlap = 0;
  for (const s of ownSynsets) {
    const pivots = ctx.pivotsBySynset.get(s);
    if (!pivots) continue;
    const overlap = terms.filter((t) => pivots.has(t)).length;
    if (overlap > bestOverlap) [best, bestOverlap] = [s, overlap];
  }
  if (best) return best;
  const wn = POS_TO_WN[pos];
  const candidates = terms.map((t) => [...(ctx.enLemmas.get(t) ?? [])].filter((s) => !wn || s.endsWith(`-${wn}`)));
  const counts = new Map();
  for (const list of candidates) for (const s of list) counts.set(s, (counts.get(s) ?? 0) + 1);
  const ranked = [...counts].filter(([, c]) => c >= 2).sort((a, b) => b[1] - a[1]);
  if (ranked.length && (ranked.length === 1 || ranked[0][1] > ranked[1][1])) return ranked[0][0];
  // Single-term rules only with a known part of speech: a Chinese "character" entry glossed
  // "that; who" must not become the World Health Organization.
  if (!wn) return null;
  for (const list of candidates) if (list.length === 1) return list[0];
  for (const list of candidates) {
    const inLang = list.filter((s) => ctx.coverage.has(s));
    if (inLang.length === 1) return inLang[0];
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Dictionary parts (same layout for Wiktionary and CC-CEDICT)

/**
 * entries: Map<lang, Map<key, Array<{ synset: string | null, glosses: string[] }>>>,
 * links: Map<lang, Map<formKey, lemmaKey>>.
 */
function writeDictionary(path, header, entries, links) {
  const synsetIds = new Set();
  const glossIds = new Set();
  for (const byKey of entries.values())
    for (const senses of byKey.values())
      for (const s of senses) {
        if (s.synset) synsetIds.add(s.synset);
        for (const g of s.glosses) glossIds.add(g);
      }
  const synsets = [...synsetIds].sort();
  const glosses = [...glossIds].sort();
  const synsetIndex = new Map(synsets.map((s, i) => [s, i]));
  const glossIndex = new Map(glosses.map((g, i) => [g, i]));
  const sections = { synsets, glosses };
  const stats = { synsets: synsets.length, glosses: glosses.length };
  for (const [lang, byKey] of entries) {
    const terms = [...byKey.keys()].sort();
    const off = new Uint32Array(terms.length + 1);
    const senseSynset = [];
    const senseOff = [0];
    const senseGlosses = [];
    terms.forEach((t, i) => {
      for (const s of byKey.get(t)) {
        // 0 = no synset, otherwise index + 1.
        senseSynset.push(s.synset ? synsetIndex.get(s.synset) + 1 : 0);
        for (const g of s.glosses) senseGlosses.push(glossIndex.get(g));
        senseOff.push(senseGlosses.length);
      }
      off[i + 1] = senseSynset.length;
    });
    sections[`${lang}.terms`] = terms;
    sections[`${lang}.off`] = off;
    sections[`${lang}.sense.synset`] = Uint32Array.from(senseSynset);
    sections[`${lang}.sense.off`] = Uint32Array.from(senseOff);
    sections[`${lang}.sense.glosses`] = Uint32Array.from(senseGlosses);
    stats[lang] = { terms: terms.length, senses: senseSynset.length, linkedSenses: senseSynset.filter((x) => x).length };
  }
  for (const [lang, map] of links) {
    const forms = [...map.keys()].sort();
    sections[`${lang}.link.forms`] = forms;
    sections[`${lang}.link.lemmas`] = forms.map((f) => map.get(f));
    stats[lang] = { ...stats[lang], links: forms.length };
  }
  writeContainer(path, { ...header, stats }, sections);
  return stats;
}

const SKIPPED_POS = new Set(
  'prep conj article det pron particle postp punct symbol circumpos infix prefix suffix romanization intj proverb classifier'.split(' '),
);

function addSense(byKey, key, sense) {
  let senses = byKey.get(key);
  if (!senses) byKey.set(key, (senses = []));
  const same = senses.find((s) => s.synset && s.synset === sense.synset);
  if (same) {
    for (const g of sense.glosses) if (!same.glosses.includes(g)) same.glosses.push(g);
  } else if (sense.synset || !senses.some((s) => !s.synset && sense.glosses.every((g) => s.glosses.includes(g)))) {
    senses.push(sense);
  }
}

function buildWiktionary(wordnet) {
  const englishLemmas = wordnet.lemmasByLang.en;
  const entries = new Map(LANGS.map((l) => [l, new Map()]));
  const links = new Map([['it', new Map()], ['zh', new Map()]]);
  // OMW's Wiktionary-derived lemma → synset links (CC BY-SA, so they live here, not in wordnet.plx).
  const wiktSynsets = { it: new Map(), zh: new Map(), en: new Map() };
  for (const lang of LANGS) {
    for (const [synset, lemma] of readOmw(join(OMW, WIKT_SYNSET_SOURCES[lang]))) {
      const key = lexiconKey(lemma, lang);
      if (plausibleLemma(key, lang) && wordnet.pivotsBySynset.has(synset)) addTo(wiktSynsets[lang], key, synset);
    }
  }
  const rows = {
    it: readLines(join(WIKT, 'wiktionary-it-en.tsv')).map((l) => l.split('\t')).map(([h, pos, senses]) => ({ h, pos, senses })),
    zh: readLines(join(WIKT, 'wiktionary-zh-en.tsv')).map((l) => l.split('\t')).map(([, h, pos, senses]) => ({ h, pos, senses })),
  };
  const toSimplified = new Map(readLines(join(WIKT, 'wiktionary-zh-en.tsv')).map((l) => l.split('\t')).map(([t, s]) => [t, s]));
  let kept = 0;
  let dropped = 0;
  for (const lang of ['it', 'zh']) {
    const byKey = entries.get(lang);
    const ctx = { pivotsBySynset: wordnet.pivotsBySynset, enLemmas: englishLemmas, coverage: wordnet.coverage[lang] };
    for (const { h, pos, senses } of rows[lang]) {
      const key = lexiconKey(h ?? '', lang);
      // Italian "character" rows are letters of the alphabet ("l: see under L").
      if (!plausibleLemma(key, lang) || !senses || SKIPPED_POS.has(pos) || (lang === 'it' && pos === 'character')) {
        dropped++;
        continue;
      }
      const own = new Set([...(wordnet.lemmasByLang[lang].get(key) ?? []), ...(wiktSynsets[lang].get(key) ?? [])]);
      const glossed = [];
      for (const sense of senses.split(' | ')) {
        const target = crossRefTarget(sense, lang, toSimplified);
        const glossText = target ? quotedGlosses(sense).join(', ') : sense;
        if (target && target !== key) links.get(lang).set(key, target);
        const terms = senseTerms(glossText, englishLemmas);
        if (terms.length) glossed.push({ terms, nonCurrent: isNonCurrent(sense) });
      }
      // Senses not in current standard usage only when the entry has nothing else.
      const usable = glossed.some((g) => !g.nonCurrent) ? glossed.filter((g) => !g.nonCurrent) : glossed;
      for (const { terms } of usable) addSense(byKey, key, { synset: linkSense(terms, own, pos, ctx), glosses: terms });
      const keptAny = usable.length > 0;
      if (keptAny) kept++;
      else dropped++;
    }
  }
  for (const lang of LANGS) {
    for (const [key, synsets] of wiktSynsets[lang]) for (const s of synsets) addSense(entries.get(lang), key, { synset: s, glosses: [] });
  }
  const stats = writeDictionary(
    join(outDir, 'wiktionary', 'wiktionary.plx'),
    {
      part: 'wiktionary',
      licence: 'CC-BY-SA-3.0',
      attribution:
        'Wiktionary contributors (en.wiktionary.org), via kaikki.org/wiktextract and Vuizur/Wiktionary-Dictionaries; synset links from the Open Multilingual Wordnet (Bond & Foster 2013). Modified by Ponte: glosses cleaned, split, folded and linked to WordNet 3.0 synsets. Licence: https://creativecommons.org/licenses/by-sa/3.0/',
    },
    entries,
    links,
  );
  return { ...stats, rowsKept: kept, rowsDropped: dropped };
}

function buildCedict(wordnet) {
  const englishLemmas = wordnet.lemmasByLang.en;
  const byKey = new Map();
  const links = new Map();
  const ctx = { pivotsBySynset: wordnet.pivotsBySynset, enLemmas: englishLemmas, coverage: wordnet.coverage.zh };
  const lines = readLines(join(CEDICT, 'cedict_fashion_textile_subset.tsv')).slice(1);
  for (const line of lines) {
    const [simplified, , , english] = line.split('\t');
    const key = lexiconKey(simplified, 'zh');
    if (!plausibleLemma(key, 'zh') || !english) continue;
    const own = new Set(wordnet.lemmasByLang.zh.get(key) ?? []);
    for (const sense of english.split(' / ')) {
      const target = crossRefTarget(sense, 'zh', new Map());
      if (target) {
        if (target !== key) links.set(key, target);
        continue;
      }
      const terms = senseTerms(sense, englishLemmas);
      if (terms.length) addSense(byKey, key, { synset: linkSense(terms, own, 'noun', ctx), glosses: terms });
    }
  }
  return writeDictionary(
    join(outDir, 'cedict', 'cedict-fashion.plx'),
    {
      part: 'cedict',
      licence: 'CC-BY-SA-4.0',
      attribution:
        'CC-CEDICT, MDBG (https://www.mdbg.net/chinese/dictionary?page=cc-cedict), subset about textiles, fashion, leather, furniture and trade fairs. Modified by Ponte: glosses cleaned, split, folded and linked to WordNet 3.0 synsets. Licence: https://creativecommons.org/licenses/by-sa/4.0/',
    },
    new Map([['zh', byKey]]),
    new Map([['zh', links]]),
  );
}

// ---------------------------------------------------------------------------------------------
// Licence files shipped with each part

function copyLicences() {
  const copies = [
    ['ita-multiwordnet/LICENSE', 'wordnet/LICENSE-multiwordnet.txt'],
    ['ita-italwordnet/LICENSE', 'wordnet/LICENSE-italwordnet.txt'],
    ['ita-italwordnet/README.upstream', 'wordnet/README-italwordnet.upstream.txt'],
    ['cmn-cow/LICENSE', 'wordnet/LICENSE-chinese-open-wordnet.txt'],
    ['cldr/LICENSE', 'wordnet/LICENSE-cldr.txt'],
    ['wiktionary/LICENSE', 'wiktionary/LICENSE-omw-wiktionary.txt'],
  ];
  // Read and write rather than copy: the sources are read-only and the copies must be rewritable.
  const copy = (from, to) => writeFileSync(join(outDir, to), readFileSync(from));
  for (const [from, to] of copies) copy(join(OMW, from), to);
  copy(join(PWN, 'LICENSE.wordnet'), 'wordnet/LICENSE-princeton-wordnet.txt');
  copy(join(PWN, 'LICENSE.cili'), 'wordnet/LICENSE-cili.txt');
  const bib = (dir) => readFileSync(join(OMW, dir, 'citation.bib'), 'utf8').trim();
  writeFileSync(
    join(outDir, 'wordnet', 'CITATION.bib'),
    ['ita-multiwordnet', 'ita-italwordnet', 'cmn-cow', 'cldr'].map(bib).join('\n\n') + '\n',
  );
  writeFileSync(join(outDir, 'wiktionary', 'CITATION.bib'), bib('wiktionary') + '\n');
}

const started = Date.now();
const wordnet = buildWordnet();
const wiktionary = buildWiktionary(wordnet);
const cedict = buildCedict(wordnet);
copyLicences();
console.log(JSON.stringify({ wordnet: wordnet.stats, wiktionary, cedict, ms: Date.now() - started }, null, 2));
