import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, TestClient, createTestContext, type TestContext } from '../../test-support/test-context';
import { buildOrganisationInput, createOrganisation, signedUpClient } from '../../test-support/factories';

describe.each(DB_KINDS)('organisations on %s', (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => ctx.close());

  it('creates an organisation whose creator becomes owner and finds it in the directory', async () => {
    const { client } = await signedUpClient(ctx);
    const org = await createOrganisation(client, { names: { en: 'Alpha Cashmere', zh: '阿尔法羊绒' } });
    const detail = (await client.get(`/api/v1/organisations/${org.slug}`)).json();
    expect(detail.viewerRole).toBe('owner');
    expect(detail.slug).toBe('alpha-cashmere');

    const anon = new TestClient(ctx.app);
    const page = (await anon.get('/api/v1/organisations?q=羊绒')).json();
    expect(page.items.map((o: { id: string }) => o.id)).toContain(org.id);
    const byPrefix = (await anon.get('/api/v1/organisations?q=alpha%20cash')).json();
    expect(byPrefix.items.map((o: { id: string }) => o.id)).toContain(org.id);
  });

  it('filters by kind, country and sector including broader sector codes', async () => {
    const { client } = await signedUpClient(ctx);
    const cn = await createOrganisation(client, { country: 'CN', region: 'Jiangsu', sectors: ['13.91'], names: { en: 'Pile Fabrics Co' } });
    await createOrganisation(client, { country: 'IT', sectors: ['31.09'], names: { en: 'Sofa Maker' } });
    const anon = new TestClient(ctx.app);
    const bySector = (await anon.get('/api/v1/organisations?sector=13&country=CN')).json();
    expect(bySector.items.map((o: { id: string }) => o.id)).toEqual([cn.id]);
    const byRegion = (await anon.get('/api/v1/organisations?region=jiangsu')).json();
    expect(byRegion.items.map((o: { id: string }) => o.id)).toEqual([cn.id]);
    const byKind = (await anon.get('/api/v1/organisations?kind=academy')).json();
    expect(byKind.items).toEqual([]);
    // Words with kind/country: the facets travel inside the text query.
    const ids = async (qs: string) => (await anon.get(`/api/v1/organisations?${qs}`)).json().items.map((o: { id: string }) => o.id);
    expect(await ids('q=pile&country=CN&kind=company')).toEqual([cn.id]);
    expect(await ids('q=pile&country=IT')).toEqual([]);
    expect(await ids('q=pile&country=IT&country=CN')).toEqual([cn.id]);
    expect(await ids('q=pile&kind=academy')).toEqual([]);
  });

  it('finds organisations by the type of their open opportunities', async () => {
    const { client } = await signedUpClient(ctx);
    const academy = await createOrganisation(client, { kind: 'academy', names: { en: 'Internship Academy' } });
    const res = await client.post('/api/v1/opportunities', {
      organisationId: academy.id, direction: 'offer', type: 'internship', status: 'open',
      title: { it: 'Stage in design della maglieria' }, description: { it: 'Sei mesi a Hangzhou.' },
    });
    expect(res.statusCode).toBe(201);
    const anon = new TestClient(ctx.app);
    const found = (await anon.get('/api/v1/organisations?opportunity_type=internship')).json();
    expect(found.items.map((o: { id: string }) => o.id)).toEqual([academy.id]);
  });

  it('pages through the directory with a cursor without repeating or skipping', async () => {
    const { client } = await signedUpClient(ctx);
    for (let i = 0; i < 5; i++) await createOrganisation(client, { kind: 'designer', names: { en: `Pager Studio ${i}` } });
    const anon = new TestClient(ctx.app);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/organisations?kind=designer&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await anon.get(url)).json() as { items: Array<{ id: string }>; nextCursor: string | null };
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
  });

  it('hides contact details and hidden fields from other organisations and unlisted ones entirely', async () => {
    const owner = await signedUpClient(ctx);
    const org = await createOrganisation(owner.client, {
      contactEmail: 'sales@alpha.example',
      website: 'https://alpha.example',
      hiddenFields: ['website'],
    });
    const outsider = await signedUpClient(ctx);
    const seen = (await outsider.client.get(`/api/v1/organisations/${org.id}`)).json();
    expect(seen.contactEmail).toBeNull();
    expect(seen.website).toBeNull();
    expect(seen.viewerRole).toBeNull();
    const own = (await owner.client.get(`/api/v1/organisations/${org.id}`)).json();
    expect(own.contactEmail).toBe('sales@alpha.example');
    expect(own.website).toBe('https://alpha.example');

    const hidden = await createOrganisation(owner.client, { listed: false, names: { en: 'Stealth Textiles' } });
    expect((await outsider.client.get(`/api/v1/organisations/${hidden.id}`)).statusCode).toBe(404);
    const list = (await outsider.client.get('/api/v1/organisations?q=stealth')).json();
    expect(list.items).toEqual([]);
  });

  it('lets a member edit but not an outsider, and an organiser cannot read private fields', async () => {
    const owner = await signedUpClient(ctx);
    const org = await createOrganisation(owner.client, { contactPhone: '+39 035 000000' });
    const outsider = await signedUpClient(ctx);
    const res = await outsider.client.patch(`/api/v1/organisations/${org.id}`, { city: 'Milano' });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');

    const organiser = await signedUpClient(ctx);
    await ctx.db.query(`update users set roles = '{organiser}' where id = $1`, [organiser.user.id]);
    const asOrganiser = (await organiser.client.get(`/api/v1/organisations/${org.id}`)).json();
    expect(asOrganiser.contactPhone).toBeNull();
    expect((await organiser.client.patch(`/api/v1/organisations/${org.id}`, { city: 'Milano' })).statusCode).toBe(403);

    const ok = await owner.client.patch(`/api/v1/organisations/${org.id}`, { city: 'Milano' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().city).toBe('Milano');
  });

  it('clears optional fields and one language of the description sent as null', async () => {
    const { client } = await signedUpClient(ctx);
    const org = await createOrganisation(client, {
      website: 'https://clear.example', region: 'Lombardy', city: 'Bergamo', foundedYear: 1978, sizeBand: 'small',
      description: { it: 'Maglieria in cachemire.', en: 'Cashmere knitwear.' },
    });
    const res = await client.patch(`/api/v1/organisations/${org.id}`, {
      website: null, region: null, city: null, foundedYear: null, sizeBand: null, description: { it: null },
    });
    expect(res.statusCode).toBe(200);
    const stored = (await client.get(`/api/v1/organisations/${org.id}`)).json();
    expect(stored).toMatchObject({ website: null, region: null, city: null, foundedYear: null, sizeBand: null });
    expect(stored.description).toEqual({ en: 'Cashmere knitwear.' });
  });

  it('keeps every field a patch leaves out, including defaulted ones', async () => {
    const { client } = await signedUpClient(ctx);
    const org = await createOrganisation(client, { listed: false, dataRegion: 'cn', sectors: ['13.91'], hiddenFields: ['website'], names: { zh: '保留测试' } });
    const res = await client.patch(`/api/v1/organisations/${org.id}`, { city: 'Milano' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      city: 'Milano', listed: false, dataRegion: 'cn', sectors: ['13.91'], hiddenFields: ['website'], names: { zh: '保留测试' },
    });
  });

  it('refuses null for a required field with the field path', async () => {
    const { client } = await signedUpClient(ctx);
    const org = await createOrganisation(client);
    const res = await client.patch(`/api/v1/organisations/${org.id}`, { legalName: null, country: null });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['country', 'legalName']);
    const names = await client.patch(`/api/v1/organisations/${org.id}`, { names: null });
    expect(names.statusCode).toBe(400);
    expect(names.json().errors[0].path).toBe('names');
    expect((await client.get(`/api/v1/organisations/${org.id}`)).json().legalName).toMatch(/^Maglificio Test/);
  });

  it('documents in OpenAPI which patch fields accept null', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const schema = doc.paths['/api/v1/organisations/{id}'].patch.requestBody.content['application/json'].schema;
    const acceptsNull = (s: { type?: string | string[]; anyOf?: Array<{ type?: string }> }) =>
      [s.type].flat().includes('null') || Boolean(s.anyOf?.some((a) => a.type === 'null'));
    expect(acceptsNull(schema.properties.website)).toBe(true);
    expect(acceptsNull(schema.properties.description.properties.it)).toBe(true);
    expect(acceptsNull(schema.properties.legalName)).toBe(false);
    expect(schema.required ?? []).toEqual([]);
  });

  it('groups members under a district and shows the district on the member', async () => {
    const owner = await signedUpClient(ctx);
    const district = await createOrganisation(owner.client, { kind: 'district', names: { en: 'Test Fashion Town' } });
    const member = await createOrganisation(owner.client, { names: { en: 'Member Mill' } });
    const company = await createOrganisation(owner.client, { names: { en: 'Plain Company' } });
    const added = await owner.client.post(`/api/v1/organisations/${district.id}/district-members`, { organisationId: member.id });
    expect(added.statusCode).toBe(201);
    expect(added.json().members.map((m: { id: string }) => m.id)).toEqual([member.id]);
    const again = await owner.client.post(`/api/v1/organisations/${district.id}/district-members`, { organisationId: member.id });
    expect(again.statusCode).toBe(409);
    const notDistrict = await owner.client.post(`/api/v1/organisations/${company.id}/district-members`, { organisationId: member.id });
    expect(notDistrict.statusCode).toBe(409);
    const m = (await owner.client.get(`/api/v1/organisations/${member.id}`)).json();
    expect(m.memberOf.map((d: { id: string }) => d.id)).toEqual([district.id]);
    const filtered = (await owner.client.get(`/api/v1/organisations?member_of=${district.id}`)).json();
    expect(filtered.items.map((o: { id: string }) => o.id)).toEqual([member.id]);
  });

  it('removes a member organisation from a district for its owner only', async () => {
    const owner = await signedUpClient(ctx);
    const district = await createOrganisation(owner.client, { kind: 'science_park' });
    const member = await createOrganisation(owner.client);
    await owner.client.post(`/api/v1/organisations/${district.id}/district-members`, { organisationId: member.id });
    const outsider = await signedUpClient(ctx);
    expect((await outsider.client.delete(`/api/v1/organisations/${district.id}/district-members/${member.id}`)).statusCode).toBe(403);
    const res = await owner.client.delete(`/api/v1/organisations/${district.id}/district-members/${member.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().members).toEqual([]);
    expect((await owner.client.get(`/api/v1/organisations/${member.id}`)).json().memberOf).toEqual([]);
  });

  it('replaces key facts and names the failing fact field, refusing non-web source links', async () => {
    const owner = await signedUpClient(ctx);
    const district = await createOrganisation(owner.client, { kind: 'district' });
    const fact = { label: { en: 'Knitwear firms' }, value: 750, unit: 'enterprises', year: 2023, sourceTitle: 'District observatory' };
    const saved = await owner.client.put(`/api/v1/organisations/${district.id}/key-facts`, { facts: [fact] });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().keyFacts).toEqual([expect.objectContaining({ value: 750, unit: 'enterprises', year: 2023, sourceUrl: null })]);
    const bad = await owner.client.put(`/api/v1/organisations/${district.id}/key-facts`, {
      facts: [fact, { ...fact, sourceUrl: 'javascript:alert(1)' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['facts.1.sourceUrl']);
    expect((await owner.client.get(`/api/v1/organisations/${district.id}`)).json().keyFacts).toHaveLength(1);
  });

  it('rejects unknown sector codes with a field path in the caller language', async () => {
    const { client } = await signedUpClient(ctx, { locale: 'it' });
    const res = await client.post('/api/v1/organisations', buildOrganisationInput({ sectors: ['99.99'] }));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.errors).toEqual([{ path: 'sectors.0', code: 'unknown_sector', message: 'Codice di settore NACE sconosciuto.' }]);
    expect(body.title).toBe('La richiesta contiene errori');
  });

  it('enforces slug uniqueness and references in the database itself', async () => {
    const { client } = await signedUpClient(ctx);
    const org = await createOrganisation(client, { names: { en: 'Unique Name' } });
    await expect(
      ctx.db.query(`insert into organisations (slug, kind, legal_name, country, sort_key) values ($1, 'company', 'Dup', 'IT', 'dup')`, [org.slug]),
    ).rejects.toThrow(/unique|duplicate/i);
    await expect(
      ctx.db.query(`insert into district_members (district_id, member_id) values ($1, gen_random_uuid())`, [org.id]),
    ).rejects.toThrow(/foreign key/i);
    await expect(
      ctx.db.query(`insert into organisations (slug, kind, legal_name, country, sort_key) values ('bad-kind', 'spaceship', 'X Y', 'IT', 'x')`),
    ).rejects.toThrow(/check constraint/i);
  });
});

describe.each(DB_KINDS)('organisation logos on %s', (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => ctx.close());

  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );

  it('stores an uploaded PNG, links it from the organisation and serves it with an ETag', async () => {
    const { client } = await signedUpClient(ctx);
    const org = await createOrganisation(client);
    const res = await client.request('PUT', `/api/v1/organisations/${org.id}/logo`, png, { 'content-type': 'image/png' });
    expect(res.statusCode).toBe(200);
    const logoUrl: string = res.json().logoUrl;
    expect(logoUrl).toMatch(new RegExp(`^/api/v1/organisations/${org.id}/logo\\?v=[0-9a-f]{12}$`));
    const anon = new TestClient(ctx.app);
    const img = await anon.get(logoUrl);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.rawPayload.equals(png)).toBe(true);
    const cached = await anon.get(logoUrl, { 'if-none-match': img.headers.etag as string });
    expect(cached.statusCode).toBe(304);
  });

  it('refuses an SVG disguised as PNG and logos of other organisations', async () => {
    const owner = await signedUpClient(ctx);
    const org = await createOrganisation(owner.client);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const bad = await owner.client.request('PUT', `/api/v1/organisations/${org.id}/logo`, svg, { 'content-type': 'image/png' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].code).toBe('unsupported_image');
    const outsider = await signedUpClient(ctx);
    const denied = await outsider.client.request('PUT', `/api/v1/organisations/${org.id}/logo`, png, { 'content-type': 'image/png' });
    expect(denied.statusCode).toBe(403);
  });

  it('removes an uploaded logo for members only', async () => {
    const owner = await signedUpClient(ctx);
    const org = await createOrganisation(owner.client);
    const logoUrl: string = (await owner.client.request('PUT', `/api/v1/organisations/${org.id}/logo`, png, { 'content-type': 'image/png' })).json().logoUrl;
    const outsider = await signedUpClient(ctx);
    expect((await outsider.client.delete(`/api/v1/organisations/${org.id}/logo`)).statusCode).toBe(403);
    const res = await owner.client.delete(`/api/v1/organisations/${org.id}/logo`);
    expect(res.statusCode).toBe(200);
    expect(res.json().logoUrl).toBeNull();
    expect((await new TestClient(ctx.app).get(logoUrl)).statusCode).toBe(404);
    expect((await outsider.client.get(`/api/v1/organisations/${org.id}`)).json().logoUrl).toBeNull();
  });
});
