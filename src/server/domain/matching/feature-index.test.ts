import { describe, expect, it } from 'vitest';
import { Rng } from '../synth/prng';
import { FeatureIndex, type PreparedQuery } from './feature-index';

/** Features over a skewed vocabulary in the three channels: a few common ones, many rare ones. */
function randomFeatures(rng: Rng, count: number): Map<string, number> {
  const features = new Map<string, number>();
  const prefixes = ['c:', 'p:', 's:'];
  while (features.size < count) {
    const rank = Math.floor(Math.pow(rng.float(), 2.5) * 400);
    features.set(`${prefixes[rank % 3]}f${rank}`, [0.25, 0.5, 1, 1, 2][rng.int(0, 4)]!);
  }
  return features;
}

/** Every live slot scored exactly, best first, ties by slot: what search must return. */
function bruteForce(index: FeatureIndex, q: PreparedQuery, limit: number, accept: (slot: number) => boolean = () => true) {
  return [...index.liveSlots()]
    .filter(accept)
    .map((slot) => ({ slot, score: index.score(q, slot) }))
    .filter((h) => h.score > 0)
    .sort((a, b) => b.score - a.score || a.slot - b.slot)
    .slice(0, limit);
}

describe('FeatureIndex', () => {
  it('returns the exact top k from walked impacts, also after removals, replacements and drifting lengths', () => {
    const rng = new Rng(7);
    const index = new FeatureIndex();
    // Short documents first, long ones later: the average lengths drift well past the impacts'
    // snapshot, so searches run both with slack and after a renewal.
    for (let i = 0; i < 600; i++) index.upsert(`d${i}`, randomFeatures(rng, i < 300 ? 3 + rng.int(0, 4) : 10 + rng.int(0, 30)));
    for (let i = 0; i < 200; i++) index.remove(`d${rng.int(0, 599)}`);
    for (let i = 0; i < 100; i++) index.upsert(`d${rng.int(0, 599)}`, randomFeatures(rng, 5 + rng.int(0, 20)));
    for (let round = 0; round < 60; round++) {
      const q = index.prepare(randomFeatures(rng, 2 + rng.int(0, 25)));
      const accept = round % 3 === 0 ? (slot: number) => slot % 4 !== 0 : undefined;
      const limit = [1, 10, 50][round % 3]!;
      const hits = index.search(q, limit, undefined, accept);
      const expected = bruteForce(index, q, limit, accept);
      expect(hits.map((h) => h.slot)).toEqual(expected.map((h) => h.slot));
      hits.forEach((h, i) => expect(h.score).toBeCloseTo(expected[i]!.score, 9));
      if (round % 10 === 0) index.upsert(`late${round}`, randomFeatures(rng, 40));
    }
  });

  it('leaves out slots whose gate is below the search minimum, and dead ones', () => {
    const index = new FeatureIndex();
    const features = new Map([['c:wool', 1]]);
    index.upsert('open', features);
    index.upsert('until-10', features, undefined, 10);
    index.upsert('until-20', features, undefined, 20);
    index.upsert('gone', features);
    index.remove('gone');
    const q = index.prepare(features);
    const keys = (minGate: number) =>
      index
        .candidates(q, 5, () => 0, { features: 10, pool: 10, minGate })
        .slots.map((slot) => index.keyAt(slot))
        .sort();
    expect(keys(15)).toEqual(['open', 'until-20']);
    expect(keys(5)).toEqual(['open', 'until-10', 'until-20']);
  });

  it('proves its candidates complete when θ leaves nothing unwalked that could reach it', () => {
    const rng = new Rng(11);
    const index = new FeatureIndex();
    for (let i = 0; i < 500; i++) index.upsert(`d${i}`, randomFeatures(rng, 4 + rng.int(0, 12)));
    const q = index.prepare(randomFeatures(rng, 12));
    const exactTop = bruteForce(index, q, 10);
    const theta = exactTop[9]!.score;
    const { slots, exact } = index.candidates(q, 10, () => theta, { features: 12, pool: 400 });
    expect(exact).toBe(true);
    // Every document of the true top 10 is a candidate, and far fewer than all are.
    expect(exactTop.every((h) => slots.includes(h.slot))).toBe(true);
    expect(slots.length).toBeLessThan(index.size);
  });
});
