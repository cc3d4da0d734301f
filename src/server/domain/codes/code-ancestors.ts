/**
 * Ancestor expansion for hierarchical codes, so that a filter on a broad code finds records
 * tagged with a narrower one (NACE 14 finds 14.13; HS 61 finds 6110).
 */

const NACE_SECTION_BY_DIVISION: ReadonlyArray<[number, number, string]> = [
  [1, 3, 'A'], [5, 9, 'B'], [10, 33, 'C'], [35, 35, 'D'], [36, 39, 'E'], [41, 43, 'F'],
  [45, 47, 'G'], [49, 53, 'H'], [55, 56, 'I'], [58, 63, 'J'], [64, 66, 'K'], [68, 68, 'L'],
  [69, 75, 'M'], [77, 82, 'N'], [84, 84, 'O'], [85, 85, 'P'], [86, 88, 'Q'], [90, 93, 'R'],
  [94, 96, 'S'], [97, 98, 'T'], [99, 99, 'U'],
];

export function naceSection(division: string): string | null {
  const n = Number(division.slice(0, 2));
  return NACE_SECTION_BY_DIVISION.find(([lo, hi]) => n >= lo && n <= hi)?.[2] ?? null;
}

/** 14.13 → [14.13, 14.1, 14, C]. A section letter is its own only ancestor. */
export function naceAncestors(code: string): string[] {
  if (/^[A-U]$/.test(code)) return [code];
  const out = [code];
  const [division, rest] = code.split('.');
  if (rest && rest.length === 2) out.push(`${division}.${rest[0]}`);
  if (rest) out.push(division!);
  const section = naceSection(division!);
  if (section) out.push(section);
  return out;
}

/** 611011 → [611011, 6110, 61]. */
export function hsAncestors(code: string): string[] {
  const out = [code];
  if (code.length >= 6) out.push(code.slice(0, 4));
  if (code.length >= 4) out.push(code.slice(0, 2));
  return out;
}

export function expandCodes(codes: readonly string[], ancestors: (c: string) => string[]): string[] {
  return [...new Set(codes.flatMap(ancestors))];
}
