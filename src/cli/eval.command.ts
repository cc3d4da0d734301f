import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { detectLanguage } from '../server/domain/analysis/language';
import { rankPartners, parsePartnersFile } from '../server/domain/matching/partner-eval';
import { denseRuns, rankCorpus, type IdText } from '../server/domain/matching/text-retrieval';
import { loadConfig } from '../server/config';
import { createEmbeddingProvider, type EmbeddingProvider } from '../server/features/matching/embedding-provider';
import { evaluateRuns, parseIdText, parseQrels, type Qrels, type RetrievalScores } from '../server/domain/retrieval/metrics';
import { loadMatchingResources } from '../server/features/matching/matching-resources';

/**
 * `ponte eval retrieval` and `ponte eval partners`: offline quality of Ponte's ranking against
 * plain BM25 over the same tokens, on files the caller supplies (bench/data/ holds ours).
 */
export function registerEvalCommands(program: Command): void {
  const evalCmd = program.command('eval').description('measure ranking quality offline against a BM25 baseline');

  evalCmd
    .command('retrieval')
    .description('rank a corpus for each query; print MRR, nDCG@10, Recall@10/100 for Ponte and BM25')
    .requiredOption('--queries <file>', 'queries, one `id<TAB>text` per line')
    .requiredOption('--corpus <file>', 'documents, one `id<TAB>text` per line')
    .requiredOption('--qrels <file>', 'TREC qrels: `qid 0 docid relevance`')
    .option('--mode <mode>', 'layers: concepts | dense | hybrid', 'concepts')
    .option('--json', 'print one JSON document')
    .action(async (opts: { queries: string; corpus: string; qrels: string; mode: string; json?: boolean }) => {
      const provider = providerFor(opts.mode);
      const queries = parseIdText(readFileSync(opts.queries, 'utf8'));
      const corpus = parseIdText(readFileSync(opts.corpus, 'utf8'));
      const qrels = parseQrels(readFileSync(opts.qrels, 'utf8'));
      const res = loadMatchingResources();
      const runs = rankCorpus(res, corpus, queries, {
        progress: (done, total) => process.stderr.write(`\ranalysed ${done}/${total} documents`),
      });
      process.stderr.write('\n');
      let ranking = runs.ponte;
      if (provider) {
        const layered = await denseRuns((texts) => provider.embed(texts), corpus, queries, runs.scored);
        ranking = opts.mode === 'dense' ? layered.dense : layered.hybrid;
      }
      const report = retrievalReport(queries, corpus, qrels, ranking, runs.bm25);
      const out = { mode: opts.mode, corpus: corpus.length, ...report, timings: runs.timings };
      process.stdout.write(opts.json ? `${JSON.stringify(out, null, 2)}\n` : formatReport(out.subsets));
    });

  evalCmd
    .command('partners')
    .description('rank organisations for each one with known partners; print Recall@10 and MRR against BM25')
    .requiredOption('--in <file>', 'JSON: {"organisations":[{"id","country","texts":[…]}],"partnerships":[["idA","idB"],…]}')
    .option('--mode <mode>', 'layers: concepts | dense | hybrid', 'concepts')
    .option('--json', 'print one JSON document')
    .action((opts: { in: string; mode: string; json?: boolean }) => {
      if (opts.mode !== 'concepts') throw new Error('eval partners runs on concepts only (--mode concepts)');
      const input = parsePartnersFile(readFileSync(opts.in, 'utf8'));
      const result = rankPartners(loadMatchingResources(), input);
      process.stdout.write(
        opts.json
          ? `${JSON.stringify({ mode: opts.mode, ...result }, null, 2)}\n`
          : formatReport({ all: { ponte: result.ponte, bm25: result.bm25 } }),
      );
    });
}

/** The embedding provider a mode needs (null for concepts), from the same configuration as the server. */
function providerFor(mode: string): EmbeddingProvider | null {
  if (mode === 'concepts') return null;
  if (mode !== 'dense' && mode !== 'hybrid') throw new Error(`--mode must be concepts, dense or hybrid (got "${mode}")`);
  const provider = createEmbeddingProvider(loadConfig().embedding);
  if (!provider) {
    throw new Error(`--mode ${mode} needs an embedding provider: set PONTE_EMBEDDING_URL (the dense layer is off by default)`);
  }
  return provider;
}

type Subsets = Record<string, { ponte: Partial<RetrievalScores>; bm25: Partial<RetrievalScores> }>;

/**
 * Scores over all queries and over slices: by query language, cross-lingual, same-language (also
 * per query language) and mixed; and `monolingual_<lang>`, where both rankings and judgements keep
 * only documents in the query's language — how each system does when a corpus is in one language,
 * so Ponte's cross-language finds cannot mask a loss to BM25 on same-language matching.
 */
export function retrievalReport(
  queries: readonly IdText[],
  corpus: readonly IdText[],
  qrels: Qrels,
  ponte: Map<string, string[]>,
  bm25: Map<string, string[]>,
): { subsets: Subsets } {
  const docLang = new Map(corpus.map((d) => [d.id, detectLanguage(d.text).language]));
  const slices = new Map<string, { qrels: Qrels; lang?: string }>([['all', { qrels }]]);
  const put = (name: string, qid: string, rels: Map<string, number>, lang?: string) => {
    if (!slices.has(name)) slices.set(name, { qrels: new Map(), lang });
    slices.get(name)!.qrels.set(qid, rels);
  };
  for (const q of queries) {
    const rels = qrels.get(q.id);
    if (!rels) continue;
    const lang = detectLanguage(q.text).language;
    put(`query_${lang}`, q.id, rels);
    const relevantLangs = [...rels].filter(([, r]) => r > 0).map(([d]) => docLang.get(d));
    if (relevantLangs.length && relevantLangs.every((l) => l !== lang)) put('cross_lingual', q.id, rels);
    else if (relevantLangs.length && relevantLangs.every((l) => l === lang)) {
      put('same_language', q.id, rels);
      put(`same_language_${lang}`, q.id, rels);
    } else put('mixed_languages', q.id, rels);
    const own = new Map([...rels].filter(([d]) => docLang.get(d) === lang));
    if ([...own.values()].some((r) => r > 0)) put(`monolingual_${lang}`, q.id, own, lang);
  }
  const only = (runs: Map<string, string[]>, lang: string | undefined) =>
    lang === undefined ? runs : new Map([...runs].map(([qid, ids]) => [qid, ids.filter((d) => docLang.get(d) === lang)]));
  const subsets: Subsets = {};
  for (const [name, slice] of slices) {
    subsets[name] = { ponte: evaluateRuns(only(ponte, slice.lang), slice.qrels), bm25: evaluateRuns(only(bm25, slice.lang), slice.qrels) };
  }
  return { subsets };
}

function formatReport(subsets: Subsets): string {
  const f = (n: number | undefined) => (n === undefined ? '   -  ' : n.toFixed(4));
  const lines = ['slice                queries  system  MRR     nDCG@10 R@10    R@100'];
  for (const [name, s] of Object.entries(subsets)) {
    for (const system of ['ponte', 'bm25'] as const) {
      const m = s[system];
      lines.push(
        `${name.padEnd(20)} ${String(m.queries ?? '').padStart(7)}  ${system.padEnd(6)}  ${f(m.mrr)}  ${f(m.ndcg10)}  ${f(m.recall10)}  ${f(m.recall100)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
