import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeEmbeddingServer } from '../server/test-support/fake-embeddings';
import { registerEvalCommands, retrievalReport } from './eval.command';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ponte-eval-'));
  await writeFile(
    path.join(dir, 'corpus.tsv'),
    [
      'd1\t浙江桐乡羊绒针织厂，提供羊绒衫OEM代工生产，起订量300件。',
      'd2\tConceria in Toscana: pelle conciata al vegetale per borse e cinture.',
      'd3\t佛山真皮沙发工厂，提供沙发OEM生产。',
      'd4\tWe sell eyewear frames made in Belluno.',
      'd5\t温州皮鞋厂，生产男士皮鞋。',
    ].join('\n'),
  );
  await writeFile(
    path.join(dir, 'queries.tsv'),
    ['q1\tCerchiamo un produttore di maglioni in cashmere in Cina', 'q2\t寻找意大利植鞣皮革供应商'].join('\n'),
  );
  await writeFile(path.join(dir, 'qrels.tsv'), ['q1 0 d1 2', 'q2 0 d2 2'].join('\n'));
  await writeFile(
    path.join(dir, 'partners.json'),
    JSON.stringify({
      organisations: [
        { id: 'it-knit', country: 'IT', texts: ['Marchio italiano di maglieria in cashmere, cerchiamo un produttore in Cina.'] },
        { id: 'cn-knit', country: 'CN', texts: ['羊绒针织厂，为欧洲品牌代工羊绒衫。'] },
        { id: 'cn-sofa', country: 'CN', texts: ['真皮沙发工厂。'] },
      ],
      partnerships: [['it-knit', 'cn-knit']],
    }),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(...args: string[]): Promise<string> {
  const out: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const program = new Command('ponte').exitOverride();
    registerEvalCommands(program);
    await program.parseAsync(args, { from: 'user' });
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
  return out.join('');
}

describe('ponte eval', () => {
  it('ranks across languages and reports Ponte next to BM25 over the same tokens', async () => {
    const f = (n: string) => path.join(dir, n);
    const report = JSON.parse(
      await run('eval', 'retrieval', '--queries', f('queries.tsv'), '--corpus', f('corpus.tsv'), '--qrels', f('qrels.tsv'), '--json'),
    );
    const all = report.subsets.all;
    expect(all.ponte.queries).toBe(2);
    // Both queries only have counterparts in another language: BM25 over words cannot find them.
    expect(all.bm25.mrr).toBe(0);
    expect(all.ponte.mrr).toBe(1);
    expect(report.subsets.cross_lingual.ponte.queries).toBe(2);
  }, 30_000);

  it('scores same-language matching as if the corpus held only the query language', () => {
    const corpus = [
      { id: 'zh1', text: '浙江桐乡羊绒针织厂，提供羊绒衫OEM代工生产。' },
      { id: 'it1', text: 'Siamo un maglificio di Perugia e produciamo maglieria in cashmere per conto di marchi italiani.' },
      { id: 'it2', text: 'Conceria in Toscana: pelle conciata al vegetale per borse.' },
    ];
    const queries = [{ id: 'q', text: 'Cerchiamo un maglificio per maglioni in cashmere' }];
    const qrels = new Map([['q', new Map([['zh1', 2], ['it1', 2]])]]);
    const { subsets } = retrievalReport(queries, corpus, qrels, new Map([['q', ['zh1', 'it2', 'it1']]]), new Map([['q', ['it2', 'it1']]]));
    // The Chinese find ranks first overall; among Italian documents Ponte and BM25 both put it1 second.
    expect(subsets.all!.ponte.mrr).toBe(1);
    expect(subsets.monolingual_it!.ponte.mrr).toBe(0.5);
    expect(subsets.monolingual_it!.bm25.mrr).toBe(0.5);
    expect(subsets.same_language).toBeUndefined();
  });

  it('evaluates known partnerships', async () => {
    const report = JSON.parse(await run('eval', 'partners', '--in', path.join(dir, 'partners.json'), '--json'));
    expect(report.ponte.organisations).toBe(2);
    expect(report.ponte.mrr).toBe(1);
  }, 30_000);

  it('refuses the dense layer when no provider is configured, and malformed partner files', async () => {
    const f = (n: string) => path.join(dir, n);
    await expect(
      run('eval', 'retrieval', '--queries', f('queries.tsv'), '--corpus', f('corpus.tsv'), '--qrels', f('qrels.tsv'), '--mode', 'dense'),
    ).rejects.toThrow(/PONTE_EMBEDDING/);
    await writeFile(f('bad.json'), JSON.stringify({ organisations: [{ id: 'a', country: 'IT', texts: ['x'] }], partnerships: [['a', 'zz']] }));
    await expect(run('eval', 'partners', '--in', f('bad.json'))).rejects.toThrow(/organisations|unknown organisation/);
  }, 30_000);
});

describe('ponte eval with the dense layer', () => {
  it('ranks with an OpenAI-compatible endpoint, alone and fused with concepts', async () => {
    const server = await startFakeEmbeddingServer();
    process.env.PONTE_EMBEDDING_URL = server.url;
    try {
      const f = (n: string) => path.join(dir, n);
      const args = ['eval', 'retrieval', '--queries', f('queries.tsv'), '--corpus', f('corpus.tsv'), '--qrels', f('qrels.tsv'), '--json'];
      const dense = JSON.parse(await run(...args, '--mode', 'dense'));
      const hybrid = JSON.parse(await run(...args, '--mode', 'hybrid'));
      expect(server.texts).toBeGreaterThanOrEqual(14);
      expect(dense.mode).toBe('dense');
      expect(dense.subsets.all.ponte.queries).toBe(2);
      // Fusion keeps the concept layer's answers: both queries still find their counterpart first.
      expect(hybrid.subsets.all.ponte.mrr).toBe(1);
    } finally {
      delete process.env.PONTE_EMBEDDING_URL;
      await server.close();
    }
  }, 30_000);
});
