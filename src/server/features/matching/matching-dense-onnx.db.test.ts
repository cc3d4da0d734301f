import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MatchQuery } from '../../../contracts/matching';
import { cosine, fuse } from '../../domain/matching/dense';
import type { MatchingResources } from '../../domain/matching/text-features';
import { buildOpportunityInput, createOrganisation, signedUpClient } from '../../test-support/factories';
import { DB_KINDS, createTestContext, type TestContext } from '../../test-support/test-context';
import { TINY_MODEL_DIMENSION, writeTinyOnnxModel } from '../../test-support/tiny-onnx-model';
import { createEmbeddingProvider, type EmbeddingProvider } from './embedding-provider';
import { loadMatchingResources } from './matching-resources';
import { createMatchingService } from './matching.service';

/**
 * The dense layer end to end with a local ONNX model folder (PONTE_EMBEDDING_MODEL_DIR): the
 * background job embeds with transformers.js, stores the vectors, and ranking fuses them with
 * the concept score. The model is the tiny one the test writes (no weights can be downloaded).
 */
describe.each(DB_KINDS)('dense layer with a local ONNX model on %s', (kind) => {
  let ctx: TestContext;
  let modelDir: string;
  let resources: MatchingResources;
  let requestId: string;
  let cashmereOfferId: string;
  let sofaOfferId: string;
  let embeddedTexts = 0;
  let provider: EmbeddingProvider;

  beforeAll(async () => {
    modelDir = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'ponte-onnx-')), 'tiny-multilingual');
    await writeTinyOnnxModel(modelDir);
    const local = createEmbeddingProvider({ modelDir })!;
    // Counts what reaches the model, to see that a restart reuses stored vectors.
    provider = { model: local.model, embed: (texts) => ((embeddedTexts += texts.length), local.embed(texts)) };
    resources = loadMatchingResources();
    ctx = await createTestContext(kind);

    const it1 = await signedUpClient(ctx, { locale: 'it' });
    const itOrg = await createOrganisation(it1.client, { names: { it: 'Maglificio Denso' }, country: 'IT' });
    const request = await it1.client.post('/api/v1/opportunities', buildOpportunityInput(itOrg.id, {
      title: { it: 'Cerchiamo produttore di maglieria in cachemire' },
      description: { it: 'Produzione OEM di maglioni in cachemire di alta qualità.' },
      sectors: [], products: [], targetCountries: [],
    }));
    requestId = request.json().id;

    const cn = await signedUpClient(ctx, { locale: 'zh' });
    const knit = await createOrganisation(cn.client, {
      names: { zh: '桐乡羊绒针织厂' }, legalName: '桐乡羊绒针织有限公司', country: 'CN', description: { zh: '羊绒针织服装工厂。' }, sectors: [], products: [],
    });
    const offer = await cn.client.post('/api/v1/opportunities', buildOpportunityInput(knit.id, {
      direction: 'offer', title: { zh: '羊绒针织衫OEM生产' }, description: { zh: '我们提供高质量羊绒针织衫OEM代工生产。' },
      sectors: [], products: [], targetCountries: [],
    }));
    cashmereOfferId = offer.json().id;
    const sofa = await createOrganisation(cn.client, {
      names: { zh: '佛山沙发厂' }, legalName: '佛山沙发有限公司', country: 'CN', description: { zh: '真皮沙发工厂。' }, sectors: [], products: [],
    });
    const sofaOffer = await cn.client.post('/api/v1/opportunities', buildOpportunityInput(sofa.id, {
      direction: 'offer', title: { zh: '真皮家具OEM生产' }, description: { zh: '我们提供高质量皮革家具OEM生产，也做羊绒靠垫。' },
      sectors: [], products: [], targetCountries: [],
    }));
    sofaOfferId = sofaOffer.json().id;
  });
  afterAll(async () => {
    await ctx.close();
    await fs.rm(path.dirname(modelDir), { recursive: true, force: true });
  });

  const service = (embedder: EmbeddingProvider | null) =>
    createMatchingService({
      db: ctx.db,
      clock: () => ctx.now.value,
      loadResources: () => resources,
      organisations: ctx.services.organisations,
      opportunities: ctx.services.opportunities,
      embedder,
    });
  const matches = async (s: ReturnType<typeof service>) =>
    (await s.forOpportunity(requestId, MatchQuery.parse({ kind: 'opportunity' }), null, 'it')).items;

  it('embeds in the background job, stores the vectors and fuses them into the ranking', async () => {
    const hybrid = service(provider);
    await hybrid.ready();
    await hybrid.sync();
    const status = hybrid.status();
    expect(status.layers.dense).toBe(true);
    expect(status.dense).toMatchObject({ model: provider.model, pending: 0, error: null });
    expect(status.dense!.embedded).toBe(6); // 3 organisations + 3 opportunities

    const { rows } = await ctx.db.query<{ subject_key: string; vector: number[] }>(
      'select subject_key, vector from match_vectors where model = $1',
      [provider.model],
    );
    expect(rows).toHaveLength(6);
    const vectors = new Map(rows.map((r) => [r.subject_key, Float32Array.from(r.vector)]));
    for (const v of vectors.values()) {
      expect(v).toHaveLength(TINY_MODEL_DIMENSION);
      expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    }
    // The Italian request is nearer the Chinese cashmere offer than the leather-furniture one.
    const cos = (id: string) => cosine(vectors.get(`opp:${requestId}`)!, vectors.get(`opp:${id}`)!);
    expect(cos(cashmereOfferId)).toBeGreaterThan(cos(sofaOfferId) + 0.2);

    // Hybrid relevance is exactly the concept relevance fused with the stored vectors' cosine.
    const conceptsOnly = service(null);
    await conceptsOnly.ready();
    const plain = new Map((await matches(conceptsOnly)).map((i) => [i.opportunity!.id, i.components.relevance]));
    const fused = await matches(hybrid);
    expect(fused[0]!.opportunity!.id).toBe(cashmereOfferId);
    expect(fused.length).toBeGreaterThan(0);
    for (const item of fused) {
      const id = item.opportunity!.id;
      expect(plain.has(id)).toBe(true);
      expect(item.components.relevance).toBeCloseTo(fuse(plain.get(id)!, cos(id)), 2);
      expect(item.components.relevance).not.toBeCloseTo(plain.get(id)!, 3);
    }
    await conceptsOnly.stop();
    await hybrid.stop();

    // After a restart only changed texts reach the model.
    const before = embeddedTexts;
    const again = service(provider);
    await again.ready();
    await again.sync();
    expect(again.status().dense).toMatchObject({ embedded: 6, pending: 0, error: null });
    expect(embeddedTexts).toBe(before);
    await again.stop();
  });
});
