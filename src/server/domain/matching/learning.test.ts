import { describe, expect, it } from 'vitest';
import { Rng } from '../synth/prng';
import { fitLogistic, handSetLogScore, learnWeights, rocAuc, type Example } from './learning';

/** Events whose positives follow a known rule: here people contact fresh, reciprocal partners. */
function simulate(n: number, seed: number, rule: (c: Example['components']) => number): Example[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const components = {
      relevance: 0.05 + 0.9 * rng.float(),
      complementarity: rng.float(),
      reciprocity: rng.float(),
      freshness: rng.float(),
      responsiveness: rng.float(),
    };
    const p = 1 / (1 + Math.exp(-rule(components)));
    return { components, positive: rng.float() < p, at: i };
  });
}

describe('learning the weights', () => {
  it('computes AUC like the textbook definition', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBe(0.75);
    expect(rocAuc([1, 1], [true, false])).toBe(0.5);
  });

  it('recovers the coefficients of a logistic rule', () => {
    const rng = new Rng(3);
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const x = [1, rng.float() * 4 - 2];
      xs.push(x);
      ys.push(rng.float() < 1 / (1 + Math.exp(-(0.5 + 2 * x[1]!))) ? 1 : 0);
    }
    const [b, w] = fitLogistic(xs, ys);
    expect(b).toBeCloseTo(0.5, 0);
    expect(w).toBeCloseTo(2, 0);
  });

  it('replaces the hand-set weights only when it ranks held-out events better', () => {
    // People care about reciprocity far more than the hand-set score assumes.
    const strongReciprocity = simulate(3000, 7, (c) => -2 + 1.2 * Math.log(c.relevance) + 4 * c.reciprocity);
    const report = learnWeights(strongReciprocity);
    expect(report.replaced).toBe(true);
    expect(report.learned!.auc).toBeGreaterThan(report.handSet.auc + 0.01);
    expect(report.weights!.reciprocity).toBeGreaterThan(report.weights!.freshness);

    // When behaviour follows the hand-set score itself, learning cannot beat it by the margin.
    const handLike = simulate(3000, 8, (c) => 1 + 2 * handSetLogScore(c));
    expect(learnWeights(handLike).replaced).toBe(false);

    // Too few events: no decision.
    const few = learnWeights(simulate(60, 9, (c) => c.reciprocity));
    expect(few).toMatchObject({ replaced: false, reason: 'not_enough_events', weights: null });
  });
});
