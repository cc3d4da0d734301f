import { parseChineseNumeral } from './numbers';

export interface TimeFrameMention {
  kind: 'time_frame';
  /** by: a deadline; from: a start; within: a duration from now; during: a period (season, quarter). */
  relation: 'by' | 'from' | 'within' | 'during';
  /** YYYY, YYYY-MM or YYYY-Qn when a calendar point is named. */
  date: string | null;
  /** Length in months for 'within'. */
  months: number | null;
  start: number;
  end: number;
  surface: string;
}

const MONTHS: Record<string, number> = {
  gennaio: 1, febbraio: 2, marzo: 3, aprile: 4, maggio: 5, giugno: 6, luglio: 7, agosto: 8, settembre: 9,
  ottobre: 10, novembre: 11, dicembre: 12,
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9,
  october: 10, november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8,
  sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const BY = String.raw`entro (?:il |la |fine |l')?|by (?:the end of |end of )?|before |prima (?:di |del |della )?|no later than `;
const FROM = String.raw`dal(?:l')? |dalla |a partire da(?:l)? |from |starting |since `;

const PATTERNS: Array<{ re: RegExp; build: (m: RegExpMatchArray) => Omit<TimeFrameMention, 'start' | 'end' | 'surface' | 'kind'> | null }> = [
  {
    // entro marzo 2026 / by March 2026 / dal settembre 2026
    re: new RegExp(String.raw`(${BY}|${FROM})?(${MONTH_NAMES})\.? (\d{4})`, 'giu'),
    build: (m) => ({
      relation: relationOf(m[1]),
      date: `${m[3]}-${String(MONTHS[m[2]!.toLowerCase()]).padStart(2, '0')}`,
      months: null,
    }),
  },
  {
    // Q3 2026 / 3° trimestre 2026
    re: new RegExp(String.raw`(${BY}|${FROM})?(?:Q([1-4])|([1-4])[°º]? trimestre(?: del)?) ?(\d{4})`, 'giu'),
    build: (m) => ({ relation: relationOf(m[1], 'during'), date: `${m[4]}-Q${m[2] ?? m[3]}`, months: null }),
  },
  {
    // 2026年3月前 / 2026年3月起 / 2026年底
    re: /(\d{4})年(?:(\d{1,2})月)?(底|初)?(前|以前|之前|起|开始|以后|内)?/gu,
    build: (m) => ({
      relation: m[4] && /起|开始|以后/.test(m[4]) ? 'from' : m[4] || m[3] === '底' ? 'by' : 'during',
      date: m[2] ? `${m[1]}-${m[2].padStart(2, '0')}` : m[3] === '底' ? `${m[1]}-12` : m[1]!,
      months: null,
    }),
  },
  {
    // entro 6 mesi / within 3 months / 6个月内 / 三个月内 / entro un anno
    re: /(?:entro|in|within|nei prossimi|in the next)\s+(\d+|un|una|one|two|three|six|due|tre|sei|dodici)\s+(mesi|mese|months?|anni|anno|years?|settimane|weeks?)|(\d+|[一二两三四五六七八九十]+)\s*(个月|年|周)(?:内|之内|以内)/giu,
    build: (m) => {
      const words: Record<string, number> = { un: 1, una: 1, one: 1, two: 2, due: 2, three: 3, tre: 3, six: 6, sei: 6, dodici: 12 };
      const raw = m[1] ?? m[3]!;
      const n = Number(raw) || words[raw.toLowerCase()] || parseChineseNumeral(raw);
      if (!n) return null;
      const unit = (m[2] ?? m[4]!).toLowerCase();
      const months = /^(anni|anno|years?|年)$/.test(unit) ? n * 12 : /^(settimane|weeks?|周)$/.test(unit) ? n / 4 : n;
      return { relation: 'within', date: null, months };
    },
  },
  {
    // stagione autunno-inverno 2026 / FW26 / SS 2027 / 2026秋冬
    re: /(?:autunno[- /]inverno|fall[- /]winter|autumn[- /]winter|\bFW|\bAW|primavera[- /]estate|spring[- /]summer|\bSS)\s?'?(\d{2}(?:\d{2})?)\b|(\d{4})\s?(秋冬|春夏)/giu,
    build: (m) => {
      const y = m[1] ?? m[2]!;
      return { relation: 'during', date: y.length === 2 ? `20${y}` : y, months: null };
    },
  },
];

function relationOf(prefix: string | undefined, fallback: TimeFrameMention['relation'] = 'during'): TimeFrameMention['relation'] {
  if (!prefix) return fallback;
  return new RegExp(`^(${FROM})$`, 'i').test(prefix) ? 'from' : 'by';
}

/** Deadlines, start dates, durations and seasons, with spans. Pure: no clock involved. */
export function findTimeFrames(text: string): TimeFrameMention[] {
  const out: TimeFrameMention[] = [];
  for (const { re, build } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (out.some((o) => start < o.end && o.start < end)) continue;
      const built = build(m);
      if (built) out.push({ kind: 'time_frame', ...built, start, end, surface: m[0] });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
