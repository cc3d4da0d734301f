import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, TestClient, createTestContext, type TestContext } from '../../test-support/test-context';

describe.each(DB_KINDS)('GET /api/v1/concepts on %s', (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => ctx.close());

  const get = (url: string, locale: 'it' | 'zh' | 'en') => new TestClient(ctx.app, locale).get(url);

  it('finds a concept by a label in another language and labels it in the reader’s', async () => {
    const res = await get('/api/v1/concepts?q=cachemire&limit=5', 'zh');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ id: string; label: string; kind: string }>;
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(5);
    expect(items[0]).toEqual({ id: 'material.cashmere', label: '羊绒', kind: 'material' });
  });

  it('labels stored concept ids, leaving out unknown ones', async () => {
    const res = await get('/api/v1/concepts?id=product.knitwear,no.such-concept', 'it');
    expect(res.json().items).toEqual([{ id: 'product.knitwear', label: 'maglieria', kind: 'product' }]);
  });

  it('answers an empty list to an empty query and refuses a limit above 50', async () => {
    expect((await get('/api/v1/concepts?q=', 'en')).json().items).toEqual([]);
    const tooMany = await get('/api/v1/concepts?q=silk&limit=51', 'en');
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0].path).toBe('querystring.limit');
  });
});
