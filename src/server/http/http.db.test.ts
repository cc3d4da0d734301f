import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMigrations } from '../db/migrate';
import { DB_KINDS, TestClient, createTestContext, type TestContext } from '../test-support/test-context';
import { buildOrganisationInput, signedUpClient } from '../test-support/factories';

describe.each(DB_KINDS)('HTTP surface on %s', (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => ctx.close());

  it('reports database kind and migration version at /healthz', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/healthz' });
    const latest = Math.max(...(await readMigrations()).map((m) => m.version));
    expect(res.json()).toEqual({ status: 'ok', database: kind, migration: latest, version: expect.any(String) });
  });

  it('answers unknown routes with problem+json 404 in the caller language', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, title: '未找到' });
  });

  it('refuses state-changing calls without the CSRF token', async () => {
    const { client } = await signedUpClient(ctx);
    const res = await client.request('POST', '/api/v1/organisations', buildOrganisationInput(), { 'x-csrf-token': 'forged-token-forged-token' });
    expect(res.statusCode).toBe(403);
    expect(res.json().type).toContain('csrf');
    const noHeader = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'a@b.co', password: 'x' } });
    expect(noHeader.statusCode).toBe(403);
  });

  it('refuses bodies over the limit with 413', async () => {
    const client = new TestClient(ctx.app);
    const res = await client.post('/api/v1/auth/sign-up', { email: 'big@example.com', password: 'x'.repeat(70 * 1024), displayName: 'Big' });
    expect(res.statusCode).toBe(413);
    expect(res.json().title).toBe('Request too large');
  });

  it('rejects malformed JSON and invalid query parameters with 400 and field paths', async () => {
    const client = new TestClient(ctx.app);
    await client.get('/api/v1/auth/session');
    const malformed = await client.request('POST', '/api/v1/auth/sign-in', undefined, { 'content-type': 'application/json' });
    expect(malformed.statusCode).toBe(400);
    const badQuery = await client.get('/api/v1/organisations?kind=spaceship&limit=1000', { 'x-ponte-locale': 'it' });
    expect(badQuery.statusCode).toBe(400);
    const paths = badQuery.json().errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['querystring.kind.0', 'querystring.limit']);
    const badBody = await client.post('/api/v1/auth/sign-up', { email: 'not-an-email', password: 'short', displayName: '' });
    expect(badBody.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['displayName', 'email', 'password']);
  });

  it('sends standard security headers', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('publishes an OpenAPI 3.1 document generated from the contracts and browsable docs', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/organisations', '/api/v1/opportunities/{id}', '/healthz']));
    const post = doc.paths['/api/v1/organisations'].post;
    expect(post.requestBody.content['application/json'].schema.properties.kind.enum).toContain('district');
    const docs = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('serves NACE sectors and HS products with labels in three languages', async () => {
    const sectors = (await ctx.app.inject({ method: 'GET', url: '/api/v1/reference/sectors' })).json().items;
    const knit = sectors.find((s: { code: string }) => s.code === '14.39');
    expect(knit.label.it && knit.label.zh && knit.label.en).toBeTruthy();
    const products = (await ctx.app.inject({ method: 'GET', url: '/api/v1/reference/products' })).json().items;
    expect(products.find((p: { code: string }) => p.code === '6110').label.zh).toBeTruthy();
  });
});

describe('behind https', () => {
  it('marks session and CSRF cookies Secure and sends HSTS', async () => {
    const ctx = await createTestContext('pglite', { secureCookies: true });
    try {
      const client = new TestClient(ctx.app);
      const res = await client.post('/api/v1/auth/sign-up', { email: 'tls@example.com', password: 'a long enough password', displayName: 'TLS' });
      expect(res.cookies.find((c) => c.name === 'ponte_session')?.secure).toBe(true);
      const first = await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/session' });
      expect(first.cookies.find((c) => c.name === 'ponte_csrf')?.secure).toBe(true);
      expect(first.headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await ctx.close();
    }
  });
});

describe('password reset rate limit', () => {
  it('refuses the eleventh reset request within a minute with 429 in the caller language', async () => {
    const ctx = await createTestContext('pglite', { authRateLimitPerMinute: 10 });
    try {
      const client = new TestClient(ctx.app, 'it');
      const codes: number[] = [];
      let last;
      for (let i = 0; i < 11; i++) {
        last = await client.post('/api/v1/auth/password-reset/request', { email: 'x@example.com' });
        codes.push(last.statusCode);
      }
      expect(codes.filter((c) => c === 202)).toHaveLength(10);
      expect(codes[10]).toBe(429);
      expect(last!.json().title).toBe('Troppi tentativi');
    } finally {
      await ctx.close();
    }
  });
});
