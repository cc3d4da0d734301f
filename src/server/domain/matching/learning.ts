/**
 * Learning the score weights from use (issue 3 item 9).
 *
 * Each shown recommendation is an example: its components as they were when shown, and whether
 * the viewer then saved it, asked for contact or was accepted (1) or not (0). The hand-set score
 * is log-linear in the components,
 *
 *   ln total = ln relevance + ln(0.6 + 0.4·c) + ln(0.9 + 0.1·f) + ln(0.95 + 0.05·r) + ln(1 + 0.25·q),
 *
 * so the learned model is a logistic regression over the same shape,
 *
 *   P(positive) = σ(b + w_rel·ln relevance + w_c·c + w_f·f + w_r·r + w_q·q),
 *
 * fitted by Newton's method (IRLS) with a small L2 penalty, on the older 80 % of the examples.
 * Both are compared on the newest 20 % by ROC AUC (ranking is what matters) and log-loss (the
 * hand-set score calibrated by a one-variable logistic fit on the training part). The learned
 * weights replace the hand-set ones only when they rank the held-out examples better by a margin,
 * with enough examples of both kinds, and keep relevance's weight positive, so a text-irrelevant
 * candidate still scores zero.
 */
export interface ComponentValues {
  relevance: number;
  complementarity: number;
  reciprocity: number;
  freshness: number;
  responsiveness: number;
}

export interface Example {
  components: ComponentValues;
  positive: boolean;
  /** Epoch ms when shown; the split is by time. */
  at: number;
}

export interface LearnedWeights {
  bias: number;
  logRelevance: number;
  complementarity: number;
  reciprocity: number;
  freshness: number;
  responsiveness: number;
}

export interface ModelMetrics {
  auc: number;
  logLoss: number;
}

export interface LearningReport {
  examples: { train: number; heldOut: number; positivesHeldOut: number };
  handSet: ModelMetrics;
  learned: ModelMetrics | null;
  weights: LearnedWeights | null;
  replaced: boolean;
  reason: string;
}

export const MIN_HELD_OUT_PER_CLASS = 30;
/** Held-out AUC the learned weights must add over the hand-set score. */
export const AUC_MARGIN = 0.01;
const L2 = 1e-3;

const features = (c: ComponentValues): number[] => [
  1,
  Math.log(Math.max(c.relevance, 1e-4)),
  c.complementarity,
  c.reciprocity,
  c.freshness,
  c.responsiveness,
];

export function handSetLogScore(c: ComponentValues): number {
  return (
    Math.log(Math.max(c.relevance, 1e-4)) +
    Math.log(0.6 + 0.4 * c.complementarity) +
    Math.log(0.9 + 0.1 * c.freshness) +
    Math.log(0.95 + 0.05 * c.responsiveness) +
    Math.log(1 + 0.25 * c.reciprocity)
  );
}

export function learnedLogScore(w: LearnedWeights, c: ComponentValues): number {
  const x = features(c);
  return (
    w.bias * x[0]! + w.logRelevance * x[1]! + w.complementarity * x[2]! + w.reciprocity * x[3]! + w.freshness * x[4]! + w.responsiveness * x[5]!
  );
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Logistic regression by Newton's method (IRLS) with an L2 penalty; returns the coefficients. */
export function fitLogistic(xs: number[][], ys: number[], iterations = 25): number[] {
  const d = xs[0]?.length ?? 0;
  let w = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    xs.forEach((x, i) => {
      const p = sigmoid(dot(w, x));
      const r = p * (1 - p);
      for (let a = 0; a < d; a++) {
        grad[a]! += (p - ys[i]!) * x[a]!;
        for (let b = 0; b < d; b++) hess[a]![b]! += r * x[a]! * x[b]!;
      }
    });
    for (let a = 0; a < d; a++) {
      grad[a]! += L2 * w[a]!;
      hess[a]![a]! += L2;
    }
    const step = solve(hess, grad);
    if (!step) break;
    w = w.map((v, a) => v - step[a]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return w;
}

/** ROC AUC: the chance a random positive outranks a random negative (ties count half). */
export function rocAuc(scores: number[], labels: boolean[]): number {
  const order = scores.map((s, i) => ({ s, y: labels[i]! })).sort((a, b) => a.s - b.s);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j]!.s === order[i]!.s) j++;
    const avgRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (!order[k]!.y) continue;
      rankSum += avgRank;
      positives++;
    }
    i = j;
  }
  const negatives = order.length - positives;
  if (!positives || !negatives) return 0.5;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

function logLoss(probabilities: number[], labels: boolean[]): number {
  const eps = 1e-9;
  const sum = probabilities.reduce((acc, p, i) => acc - (labels[i] ? Math.log(p + eps) : Math.log(1 - p + eps)), 0);
  return probabilities.length ? sum / probabilities.length : 0;
}

export function learnWeights(examples: readonly Example[]): LearningReport {
  const sorted = [...examples].sort((a, b) => a.at - b.at);
  const cut = Math.floor(sorted.length * 0.8);
  const train = sorted.slice(0, cut);
  const held = sorted.slice(cut);
  const heldLabels = held.map((e) => e.positive);
  const positivesHeldOut = heldLabels.filter(Boolean).length;
  const counts = { train: train.length, heldOut: held.length, positivesHeldOut };

  // The hand-set score, calibrated on the training part so its log-loss is comparable.
  const handTrain = train.map((e) => [1, handSetLogScore(e.components)]);
  const calib = train.length ? fitLogistic(handTrain, train.map((e) => (e.positive ? 1 : 0))) : [0, 1];
  const handHeld = held.map((e) => handSetLogScore(e.components));
  const handSet = { auc: rocAuc(handHeld, heldLabels), logLoss: logLoss(handHeld.map((s) => sigmoid(calib[0]! + calib[1]! * s)), heldLabels) };

  const trainPositives = train.filter((e) => e.positive).length;
  if (Math.min(positivesHeldOut, held.length - positivesHeldOut) < MIN_HELD_OUT_PER_CLASS || trainPositives === 0 || trainPositives === train.length) {
    return { examples: counts, handSet, learned: null, weights: null, replaced: false, reason: 'not_enough_events' };
  }
  const w = fitLogistic(train.map((e) => features(e.components)), train.map((e) => (e.positive ? 1 : 0)));
  const weights: LearnedWeights = {
    bias: w[0]!,
    logRelevance: w[1]!,
    complementarity: w[2]!,
    reciprocity: w[3]!,
    freshness: w[4]!,
    responsiveness: w[5]!,
  };
  const learnedHeld = held.map((e) => learnedLogScore(weights, e.components));
  const learned = { auc: rocAuc(learnedHeld, heldLabels), logLoss: logLoss(learnedHeld.map(sigmoid), heldLabels) };
  if (weights.logRelevance <= 0) return { examples: counts, handSet, learned, weights, replaced: false, reason: 'relevance_weight_not_positive' };
  if (learned.auc < handSet.auc + AUC_MARGIN) return { examples: counts, handSet, learned, weights, replaced: false, reason: 'not_better_on_held_out' };
  return { examples: counts, handSet, learned, weights, replaced: true, reason: 'better_on_held_out' };
}

function dot(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Solves A x = b by Gaussian elimination with partial pivoting; null when singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    if (Math.abs(m[p]![c]!) < 1e-12) return null;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}
