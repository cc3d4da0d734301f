import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import * as OpenCC from 'opencc-js';

/**
 * Chinese helpers. Both libraries build their tables once (jieba's dictionary ~250 ms, OpenCC's
 * ~15 ms), so they are created on first use rather than at import.
 */
let jieba: Jieba | null = null;
let toSimplifiedConv: ((s: string) => string) | null = null;

/** Word segmentation with jieba (HMM on for unknown words such as brand and place names). */
export function segmentHan(run: string): string[] {
  jieba ??= Jieba.withDict(dict);
  return jieba.cut(run, true);
}

/**
 * Traditional → simplified, character by character where the phrase conversion would change the
 * length, so offsets into the original text stay valid.
 */
export function toSimplified(run: string): string {
  toSimplifiedConv ??= OpenCC.Converter({ from: 'hk', to: 'cn' });
  const whole = toSimplifiedConv(run);
  if ([...whole].length === [...run].length) return whole;
  return [...run].map((ch) => toSimplifiedConv!(ch)).join('');
}
