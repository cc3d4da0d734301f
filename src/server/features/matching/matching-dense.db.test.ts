import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchingResources } from '../../domain/matching/text-features';
import { startFakeEmbeddingServer, type FakeEmbeddingServer } from '../../test-support/fake-embeddings';
import { buildOpportunityInput, createOrganisation, signedUpClient } from '../../test-support/factories';
import { DB_KINDS, createTestContext, type TestContext } from '../../test-support/test-context';
import { createEmbeddingProvider } from './embedding-provider';
import { loadMatchingResources } from './matching-resources';
import { createMatchingService } from './matching.service';

let resources: MatchingResources;

describe.each(DB_KINDS)('dense layer on %s', (kind) => {
  let ctx: TestContext;
  let server: FakeEmbeddingServer;
  beforeAll(async () => {
    resources = loadMatchingResources();
    server = await startFakeEmbeddingServer();
    ctx = await createTestContext(kind);
    const { client } = await signedUpClient(ctx);
    const org = await createOrganisation(client, { names: { it: 'Lanificio Dense' } });
    await client.post('/api/v1/opportunities', buildOpportunityInput(org.id, { direction: 'offer' }));
  });
  afterAll(async () => {
    await ctx.close();
    await server.close();
  });

  const service = () =>
    createMatchingService({
      db: ctx.db,
      clock: () => ctx.now.value,
      loadResources: () => resources,
      organisations: ctx.services.organisations,
      opportunities: ctx.services.opportunities,
      embedder: createEmbeddingProvider({ url: server.url, model: 'fake' }),
    });

  it('embeds in the background, stores the vectors and reuses them after a restart', async () => {
    const first = service();
    await first.ready();
    await first.sync();
    const status = first.status();
    expect(status.layers.dense).toBe(true);
    expect(status.dense).toMatchObject({ pending: 0, error: null });
    expect(status.dense!.embedded).toBeGreaterThanOrEqual(2);
    await first.stop();
    const { rows } = await ctx.db.query<{ n: number }>('select count(*)::int as n from match_vectors');
    expect(rows[0]!.n).toBe(status.dense!.embedded);

    const embeddedBefore = server.texts;
    const second = service();
    await second.ready();
    await second.sync();
    expect(second.status().dense!.embedded).toBe(status.dense!.embedded);
    expect(server.texts).toBe(embeddedBefore);
    await second.stop();
  });

  it('is off by default and says so', async () => {
    expect(ctx.services.matching.status()).toMatchObject({ layers: { dense: false }, dense: null });
    expect(createEmbeddingProvider({})).toBeNull();
    // A configured local model folder that is not there stops the start (matching-dense-onnx.db.test.ts covers the folder path).
    expect(() => createEmbeddingProvider({ modelDir: '/models/x' })).toThrow(/PONTE_EMBEDDING_MODEL_DIR \(\/models\/x\) is not a folder/);
  });
});
