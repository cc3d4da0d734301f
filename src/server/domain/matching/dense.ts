/**
 * The optional dense layer: sentence embeddings compared by cosine similarity and fused with the
 * concept score (hybrid ranking). Pure helpers; the provider that computes vectors lives in
 * features/matching/embedding-provider.ts. Ponte's quality must never depend on this layer, so
 * the fusion only re-weighs: hybrid = (1 − λ)·relevance + λ·max(0, cosine).
 */
export const DEFAULT_DENSE_WEIGHT = 0.3;

export function normalise(v: ArrayLike<number>): Float32Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i]! * v[i]!;
  const out = new Float32Array(v.length);
  const inv = n > 0 ? 1 / Math.sqrt(n) : 0;
  for (let i = 0; i < v.length; i++) out[i] = v[i]! * inv;
  return out;
}

/** Dot product of two normalised vectors (their cosine); 0 when the dimensions differ. */
export function cosine(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return 0;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

export function fuse(relevance: number, cos: number, weight = DEFAULT_DENSE_WEIGHT): number {
  return (1 - weight) * relevance + weight * Math.max(0, cos);
}

/** Top `k` of `vectors` by cosine with `query` (exhaustive: the layer is for re-weighing, not recall at scale). */
export function denseTopK(query: Float32Array, vectors: ReadonlyMap<string, Float32Array>, k: number): Array<{ key: string; cos: number }> {
  const all: Array<{ key: string; cos: number }> = [];
  for (const [key, v] of vectors) all.push({ key, cos: cosine(query, v) });
  return all.sort((a, b) => b.cos - a.cos || (a.key < b.key ? -1 : 1)).slice(0, k);
}
