import type { OpportunityType } from '../../../contracts/opportunity';
import { tokenise, type Token } from './tokenise';

/**
 * Words that signal whether a text offers or asks, and which kind of cooperation it is about,
 * in Italian, Chinese and English. Matched on the folded text (lower case, no accents).
 */

export interface CueMention<T extends string> {
  value: T;
  start: number;
  end: number;
  surface: string;
}

const REQUEST = [
  'cerchiamo', 'cerca', 'cercasi', 'ricerchiamo', 'siamo alla ricerca', 'alla ricerca di', 'vorremmo trovare',
  'necessitiamo', 'abbiamo bisogno', 'richiediamo', 'selezioniamo', 'looking for', 'seeking', 'we seek', 'we need',
  'searching for', 'wanted', 'in search of', 'we are interested in', 'would like to find',
  '寻找', '寻求', '求购', '需要', '诚招', '招募', '征集', '希望找到', '急需', '想找', '采购',
  'cerco', 'sto cercando', 'stiamo cercando', 'i need', 'i am looking for', "i'm looking for",
  '想购买', '想采购', '要找', '在找',
];
const OFFER = [
  'offriamo', 'offre', 'proponiamo', 'mettiamo a disposizione', 'forniamo', 'produciamo', 'realizziamo',
  'disponibili a', 'siamo disponibili', 'we offer', 'offering', 'we provide', 'we supply', 'we manufacture',
  'we produce', 'available for', 'can provide',
  '提供', '供应', '承接', '可承接', '可代工', '出售', '转让', '供货', '可提供', '欢迎',
  // 生产 alone is as often what a buyer wants done ("放在意大利生产", 生产商) as what a maker does.
  '我们生产', '专业生产', '主要生产', '可生产',
];

const TYPE_CUES: Record<OpportunityType, string[]> = {
  commercial_partnership: ['distribuzione', 'distributore', 'distributori', 'agente', 'agenti', 'rappresentanza', 'import', 'export', 'importatore', 'esportazione', 'importazione', 'rivenditori', 'distribution', 'distributor', 'distributors', 'agency', 'agent', 'importer', 'reseller', 'wholesale', 'ingrosso', '经销', '代理', '分销', '进口', '出口', '批发', '经销商', '代理商'],
  sourcing_manufacturing: ['produzione', 'produttore', 'fornitore', 'fornitori', 'terzista', 'conto terzi', 'subfornitura', 'oem', 'odm', 'private label', 'façonista', 'laboratorio', 'manufacturer', 'manufacturing', 'supplier', 'suppliers', 'subcontracting', 'sourcing', 'factory', 'tessuti', 'fabrics', 'materials', '代工', '贴牌', '加工', '工厂', '供应商', '生产商', '面料', '外发', '来料加工'],
  joint_venture: ['joint venture', 'joint-venture', 'società mista', 'impresa comune', '合资', '合资企业', '合营'],
  investment: ['investimento', 'investimenti', 'investitore', 'investitori', 'capitale', 'finanziamento', 'investment', 'investor', 'investors', 'funding', 'equity', 'acquisizione', 'acquisition', '投资', '融资', '投资者', '股权', '并购', '招商'],
  technology_cooperation: ['tecnologia', 'tecnologie', 'innovazione', 'ricerca e sviluppo', 'r&s', 'brevetto', 'trasferimento tecnologico', 'technology', 'innovation', 'r&d', 'patent', 'technology transfer', 'industria 4.0', 'industry 4.0', 'intelligenza artificiale', 'artificial intelligence', '技术', '创新', '研发', '专利', '技术转让', '科技', '人工智能', '智能制造'],
  design_licensing: ['design italiano', 'designer', 'stilista', 'licenza', 'licensing', 'collezione', 'marchio', 'brand licensing', 'design', '设计', '设计师', '授权', '品牌授权', '意大利设计'],
  training_programme: ['formazione', 'corso', 'corsi', 'master', 'training', 'course', 'courses', 'workshop', 'academy', 'accademia', 'università', 'university', 'education', '培训', '课程', '教育', '学院', '大学', '产学', '校企'],
  internship: ['stage', 'tirocinio', 'tirocini', 'stagista', 'internship', 'internships', 'intern', 'interns', 'apprendistato', 'apprenticeship', '实习', '实习生', '见习'],
  talent_scouting: ['talenti', 'giovani talenti', 'scouting', 'recruiting', 'selezione del personale', 'assunzione', 'talent', 'talents', 'hiring', 'recruitment', '人才', '招聘', '引才', '招募'],
  cross_border_ecommerce: ['e-commerce', 'ecommerce', 'commercio elettronico', 'marketplace', 'vendita online', 'live streaming', 'livestream', 'diretta', 'cross-border', 'transfrontaliero', 'online sales', 'aliexpress', 'tmall', 'douyin', '跨境电商', '电商', '直播', '直播带货', '网店', '线上销售', '抖音', '天猫'],
};

function compile(words: string[]): RegExp {
  const sorted = [...new Set(words.map(foldSameLength))]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // Latin cues need word boundaries; Chinese cues match anywhere.
  return new RegExp(sorted.map((w) => (/^[\p{Script=Han}]/u.test(w) ? w : `(?<![\\p{L}])${w}(?![\\p{L}])`)).join('|'), 'gu');
}

const DIRECTION_RES: Array<['offer' | 'request', RegExp]> = [
  ['request', compile(REQUEST)],
  ['offer', compile(OFFER)],
];
const TYPE_RES = (Object.entries(TYPE_CUES) as Array<[OpportunityType, string[]]>).map(([t, words]) => [t, compile(words)] as const);

function matchAll<T extends string>(folded: string, original: string, value: T, re: RegExp): Array<CueMention<T>> {
  return [...folded.matchAll(re)].map((m) => ({
    value,
    start: m.index!,
    end: m.index! + m[0].length,
    surface: original.slice(m.index!, m.index! + m[0].length),
  }));
}

/**
 * Folds without changing length, so spans found in the folded text are spans of the original:
 * lower case and accents stripped character by character.
 */
export function foldSameLength(text: string): string {
  return [...text]
    .map((ch) => {
      const f = ch.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '');
      return f.length === ch.length ? f : ch;
    })
    .join('');
}

/**
 * Direction cues in a text. A Chinese cue counts only as a whole word or words, never inside
 * a longer one: 供应 ("we supply") is an offer, but 供应商 ("supplier") is what a searcher asks
 * for, as 生产 in 生产厂家 or 生产线 is part of a noun. Pass the text's tokens when at hand.
 */
export function findDirectionCues(text: string, tokens: readonly Token[] = tokenise(text)): Array<CueMention<'offer' | 'request'>> {
  const folded = foldSameLength(text);
  const starts = new Set<number>();
  const ends = new Set<number>();
  for (const t of tokens) {
    if (t.kind !== 'han') continue;
    starts.add(t.start);
    ends.add(t.end);
  }
  const onWordBoundaries = (c: CueMention<string>) => !HAN_START.test(c.surface) || (starts.has(c.start) && ends.has(c.end));
  return DIRECTION_RES.flatMap(([d, re]) => matchAll(folded, text, d, re))
    .filter(onWordBoundaries)
    .sort((a, b) => a.start - b.start);
}

const HAN_START = /^\p{Script=Han}/u;

export function findTypeCues(text: string): Array<CueMention<OpportunityType>> {
  const folded = foldSameLength(text);
  return TYPE_RES.flatMap(([t, re]) => matchAll(folded, text, t, re)).sort((a, b) => a.start - b.start);
}

/** The most likely direction, or null when the cues are absent or tied. Earlier cues weigh more. */
export function inferDirection(cues: Array<CueMention<'offer' | 'request'>>): 'offer' | 'request' | null {
  let score = 0;
  cues.forEach((c, i) => {
    score += (c.value === 'request' ? 1 : -1) / (1 + i * 0.5);
  });
  return score > 0 ? 'request' : score < 0 ? 'offer' : null;
}

/** Opportunity types ranked by cue count (ties by first appearance). */
export function rankTypes(cues: Array<CueMention<OpportunityType>>): Array<{ type: OpportunityType; score: number }> {
  const scores = new Map<OpportunityType, { score: number; first: number }>();
  for (const c of cues) {
    const s = scores.get(c.value) ?? { score: 0, first: c.start };
    s.score += 1;
    scores.set(c.value, s);
  }
  return [...scores]
    .sort((a, b) => b[1].score - a[1].score || a[1].first - b[1].first)
    .map(([type, s]) => ({ type, score: s.score }));
}
