/**
 * `ponte eval partners`: for every organisation with known partners, rank all the others and see
 * where its real partners land (Recall@10, MRR), for Ponte and for BM25 over the same tokens.
 * File format (docs/eval-formats.md):
 *   {"organisations":[{"id","country","texts":[…]}],"partnerships":[["idA","idB"],…]}
 */
import { z } from 'zod';
import { tokenise } from '../analysis/tokenise';
import { buildBm25, searchBm25 } from '../retrieval/bm25';
import { reciprocalRank, recallAt } from '../retrieval/metrics';
import { FeatureIndex } from './feature-index';
import { surfaceTerms, textFeatures, type MatchingResources } from './text-features';

const PartnersFile = z
  .object({
    organisations: z
      .array(z.object({ id: z.string().min(1), country: z.string().min(2), texts: z.array(z.string()).min(1) }))
      .min(2),
    partnerships: z.array(z.tuple([z.string(), z.string()])),
  })
  .superRefine((f, ctx) => {
    const ids = new Set<string>();
    f.organisations.forEach((o, i) => {
      if (ids.has(o.id)) ctx.addIssue({ code: 'custom', path: ['organisations', i, 'id'], message: `duplicate id "${o.id}"` });
      ids.add(o.id);
    });
    f.partnerships.forEach((pair, i) =>
      pair.forEach((id, j) => {
        if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['partnerships', i, j], message: `unknown organisation "${id}"` });
      }),
    );
  });
export type PartnersFile = z.infer<typeof PartnersFile>;

export function parsePartnersFile(text: string): PartnersFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`partners file is not JSON: ${(err as Error).message}`, { cause: err });
  }
  const parsed = PartnersFile.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`partners file: ${first.join('; ')}`);
  }
  return parsed.data;
}

export interface PartnerScores {
  organisations: number;
  recall10: number;
  mrr: number;
}

export function rankPartners(res: MatchingResources, file: PartnersFile): { ponte: PartnerScores; bm25: PartnerScores } {
  const partners = new Map<string, Map<string, number>>();
  for (const [a, b] of file.partnerships) {
    if (a === b) continue;
    for (const [x, y] of [[a, b], [b, a]] as const) {
      if (!partners.has(x)) partners.set(x, new Map());
      partners.get(x)!.set(y, 1);
    }
  }
  const index = new FeatureIndex();
  const features = new Map<string, Map<string, number>>();
  const terms = new Map<string, string[]>();
  for (const o of file.organisations) {
    const text = o.texts.join('\n');
    const f = textFeatures(res, text).weights;
    features.set(o.id, f);
    index.upsert(o.id, f);
    terms.set(o.id, surfaceTerms(tokenise(text)));
  }
  const bm25 = buildBm25(file.organisations.map((o) => ({ id: o.id, terms: terms.get(o.id)! })));
  const depth = Math.min(file.organisations.length, 101);
  const sum = { ponte: { recall10: 0, mrr: 0 }, bm25: { recall10: 0, mrr: 0 } };
  let n = 0;
  for (const [id, rels] of partners) {
    n++;
    const self = index.slot(id);
    const ponte = index.search(features.get(id)!, depth, undefined, (slot) => slot !== self).map((h) => h.key);
    const base = searchBm25(bm25, terms.get(id)!, depth).map((h) => h.id).filter((d) => d !== id);
    sum.ponte.recall10 += recallAt(ponte, rels, 10);
    sum.ponte.mrr += reciprocalRank(ponte, rels);
    sum.bm25.recall10 += recallAt(base, rels, 10);
    sum.bm25.mrr += reciprocalRank(base, rels);
  }
  const avg = (s: { recall10: number; mrr: number }): PartnerScores => ({
    organisations: n,
    recall10: n ? s.recall10 / n : 0,
    mrr: n ? s.mrr / n : 0,
  });
  return { ponte: avg(sum.ponte), bm25: avg(sum.bm25) };
}
