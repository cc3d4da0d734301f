/**
 * Places named in partnering texts (Italian regions and provinces, Chinese provinces, cities and
 * industrial districts, trading partners) found with the exact spans that justify them.
 *
 * The gazetteer lives in src/server/lexicon/places/places.json. This module does no I/O: the caller
 * reads the JSON and passes it to indexPlaces().
 */
import { toSimplified } from '../chinese';

export const PLACE_KINDS = ['country', 'region', 'province', 'city', 'district'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];
export const PLACE_LANGS = ['it', 'zh', 'en'] as const;
export type PlaceLang = (typeof PLACE_LANGS)[number];

export interface PlaceEntry {
  readonly id: string;
  readonly kind: PlaceKind;
  /** ISO 3166-1 alpha-2 (HK, MO and TW are their own codes, as in ISO). */
  readonly country: string;
  readonly parent: string | null;
  /** The local administrative type where `kind` is too coarse: municipality, metropolitan-city, town … */
  readonly division?: string;
  /** Each list starts with the preferred name. */
  readonly names: Readonly<Record<PlaceLang, readonly string[]>>;
  /** Whether the Chinese name of a non-Chinese place is in common use or our own transliteration. */
  readonly zhConfidence?: 'established' | 'transliterated';
  /**
   * Names that are also common words or names of other things ("prato" = lawn, 中山 = Sun Yat-sen).
   * Latin ones must be capitalised to match; all of them match with lower confidence.
   */
  readonly ambiguous?: readonly string[];
  /** Phrases in which a name is not this place (三明治 = sandwich, not 三明). */
  readonly notIn?: readonly string[];
  readonly sectors?: readonly string[];
}

export type PlaceConfidence = 'high' | 'medium' | 'low';

export interface PlaceMatch {
  id: string;
  /** UTF-16 offsets into the original text: text.slice(start, end) === surface. */
  start: number;
  end: number;
  surface: string;
  confidence: PlaceConfidence;
}

interface NameTarget {
  readonly id: string;
  readonly variant: string;
  readonly han: boolean;
  readonly ambiguous: boolean;
  /** Every letter of the variant is upper case (USA, HK): the surface must be too. */
  readonly acronym: boolean;
  readonly notIn: readonly string[];
}

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  targets: NameTarget[] | null;
}

export interface PlaceIndex {
  readonly byId: ReadonlyMap<string, PlaceEntry>;
  /** Folded names, one UTF-16 unit per edge; a node's targets are the entries its name may mean. */
  readonly trie: TrieNode;
}

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
const SEPARATOR = /[\s\-‐‑‒–—_/]/u;
const APOSTROPHE = /['’‘ʼ`´]/u;

/** Builds the lookups findPlaces() needs; throws on duplicate ids or dangling parents. */
export function indexPlaces(entries: readonly PlaceEntry[]): PlaceIndex {
  const byId = new Map<string, PlaceEntry>();
  for (const e of entries) {
    if (byId.has(e.id)) throw new Error(`duplicate place id: ${e.id}`);
    byId.set(e.id, e);
  }
  for (const e of entries) {
    if (e.parent !== null && !byId.has(e.parent)) throw new Error(`place ${e.id} has unknown parent ${e.parent}`);
  }
  const trie: TrieNode = { next: new Map(), targets: null };
  for (const e of entries) {
    const ambiguous = new Set((e.ambiguous ?? []).map((a) => foldText(a).folded));
    const notIn = (e.notIn ?? []).map((p) => foldText(p).folded);
    const seen = new Set<string>();
    for (const lang of PLACE_LANGS) {
      for (const variant of e.names[lang]) {
        const key = foldText(variant).folded;
        if (key.length === 0 || seen.has(key)) continue;
        seen.add(key);
        const han = HAN.test(variant);
        let node = trie;
        for (const unit of key.split('')) {
          let child = node.next.get(unit);
          if (!child) node.next.set(unit, (child = { next: new Map(), targets: null }));
          node = child;
        }
        (node.targets ??= []).push({
          id: e.id,
          variant,
          han,
          ambiguous: ambiguous.has(key),
          acronym: !han && /\p{L}/u.test(variant) && variant === variant.toUpperCase(),
          notIn,
        });
      }
    }
  }
  return { byId, trie };
}

/**
 * Finds the places a text names. Scans left to right and takes the longest name at each position
 * (so 浙江省杭州市 yields 浙江省 and 杭州市, "Reggio Emilia" is not read as Emilia-Romagna, and
 * 江西安徽 is not read as 西安). Latin names match case- and accent-insensitively on word
 * boundaries, with spaces and hyphens interchangeable; Chinese names match as substrings, with
 * traditional characters read as simplified. A name shared by several entries (Taizhou) yields one
 * low-confidence match per entry.
 */
export function findPlaces(index: PlaceIndex, text: string): PlaceMatch[] {
  const { folded, startOf, endOf } = foldText(text);
  const matches: PlaceMatch[] = [];
  let i = 0;
  while (i < folded.length) {
    const found = longestAt(index, text, folded, startOf, endOf, i);
    if (found.length === 0) {
      i++;
      continue;
    }
    for (const m of found) matches.push(m);
    i = found[0]!.foldedEnd;
  }
  return matches.map(({ id, start, end, surface, confidence }) => ({ id, start, end, surface, confidence }));
}

/** The chain from an entry up to its country: linping → hangzhou → zhejiang → china. */
export function ancestorsOf(index: PlaceIndex, id: string): PlaceEntry[] {
  const chain: PlaceEntry[] = [];
  const seen = new Set<string>();
  let current = index.byId.get(id)?.parent ?? null;
  while (current !== null && !seen.has(current)) {
    seen.add(current);
    const entry = index.byId.get(current);
    if (!entry) break;
    chain.push(entry);
    current = entry.parent;
  }
  return chain;
}

type FoundMatch = PlaceMatch & { foldedEnd: number };

function longestAt(
  index: PlaceIndex,
  text: string,
  folded: string,
  startOf: readonly number[],
  endOf: readonly number[],
  i: number,
): FoundMatch[] {
  // Names that end here or earlier, longest first.
  const ends: Array<{ j: number; targets: readonly NameTarget[] }> = [];
  let node: TrieNode | undefined = index.trie;
  for (let k = i; k < folded.length; k++) {
    node = node.next.get(folded[k]!);
    if (!node) break;
    if (node.targets) ends.push({ j: k + 1, targets: node.targets });
  }
  if (ends.length === 0) return [];
  const latinStart = !isLatinWordChar(folded[i - 1]);
  for (let e = ends.length - 1; e >= 0; e--) {
    const { j, targets } = ends[e]!;
    const start = startOf[i]!;
    const end = endOf[j - 1]!;
    const surface = text.slice(start, end);
    const accepted: FoundMatch[] = [];
    for (const t of targets) {
      if (!t.han && (!latinStart || isLatinWordChar(folded[j]))) continue;
      if (t.notIn.some((phrase) => insidePhrase(folded, i, j, phrase))) continue;
      if (!t.han && (t.ambiguous || t.acronym) && !caseFits(surface, t.acronym)) continue;
      accepted.push({ id: t.id, start, end, surface, confidence: confidenceOf(t, text, start, surface), foldedEnd: j });
    }
    if (accepted.length > 1) for (const m of accepted) m.confidence = 'low';
    if (accepted.length > 0) return accepted;
  }
  return [];
}

function confidenceOf(t: NameTarget, text: string, start: number, surface: string): PlaceConfidence {
  if (!t.ambiguous) return 'high';
  if (t.han) return 'low';
  // A capital at the start of a sentence, or a shouted heading, says nothing about a proper noun.
  if (atSentenceStart(text, start)) return 'low';
  if (surface.length > 1 && surface === surface.toUpperCase()) return 'low';
  return 'medium';
}

function caseFits(surface: string, acronym: boolean): boolean {
  if (acronym) return surface === surface.toUpperCase();
  const first = surface[0]!;
  return first !== first.toLowerCase();
}

function atSentenceStart(text: string, start: number): boolean {
  for (let k = start - 1; k >= 0; k--) {
    const c = text[k]!;
    if (/[\s"'“”‘’«»()[\]]/u.test(c)) continue;
    return /[.!?。！？\n•·\-–—]/u.test(c);
  }
  return true;
}

/** Whether folded[i, j) lies inside an occurrence of phrase (which contains that name). */
function insidePhrase(folded: string, i: number, j: number, phrase: string): boolean {
  const name = folded.slice(i, j);
  for (let at = phrase.indexOf(name); at !== -1; at = phrase.indexOf(name, at + 1)) {
    if (i - at >= 0 && folded.startsWith(phrase, i - at)) return true;
  }
  return false;
}

function isLatinWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c) && !HAN.test(c);
}

/**
 * Lower case, no diacritics, one space for any run of spaces or hyphens, one apostrophe, and Han
 * in simplified characters; startOf/endOf map each folded character back to the original text.
 */
function foldText(text: string): { folded: string; startOf: number[]; endOf: number[] } {
  const simplified = simplifyHan(text);
  const out: string[] = [];
  const startOf: number[] = [];
  const endOf: number[] = [];
  let lastSpace = false;
  let pos = 0;
  for (const ch of simplified) {
    const next = pos + ch.length;
    const f = foldChar(ch);
    if (f === ' ') {
      if (!lastSpace) {
        out.push(' ');
        startOf.push(pos);
        endOf.push(next);
      }
      lastSpace = true;
    } else {
      for (let k = 0; k < f.length; k++) {
        out.push(f[k]!);
        startOf.push(pos);
        endOf.push(next);
      }
      if (f.length > 0) lastSpace = false;
    }
    pos = next;
  }
  return { folded: out.join(''), startOf, endOf };
}

const foldCache = new Map<string, string>();

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 128) {
    if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
    if (code === 96) return "'";
    return SEPARATOR.test(ch) ? ' ' : ch;
  }
  let f = foldCache.get(ch);
  if (f === undefined) {
    if (SEPARATOR.test(ch)) f = ' ';
    else if (APOSTROPHE.test(ch)) f = "'";
    else f = ch.normalize('NFKD').toLowerCase().replace(/\p{M}+/gu, '');
    if (foldCache.size < 10_000) foldCache.set(ch, f);
  }
  return f;
}

/** Traditional → simplified per Han run, keeping the run's length so offsets stay valid. */
function simplifyHan(text: string): string {
  if (!HAN.test(text)) return text;
  return text.replace(HAN_RUN, (run) => {
    const s = toSimplified(run);
    return s.length === run.length ? s : run;
  });
}
