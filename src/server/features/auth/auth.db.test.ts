import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, TestClient, createTestContext, type TestContext } from '../../test-support/test-context';
import { createOrganisation, readOutbox, signedUpClient } from '../../test-support/factories';

/** Pulls a token out of a quoted-printable or plain e-mail body. */
function tokenFrom(eml: string, route: string): string {
  const unfolded = eml.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const m = unfolded.match(new RegExp(`${route}\\?token=([A-Za-z0-9_-]+)`));
  if (!m) throw new Error(`no ${route} link in mail`);
  return m[1]!;
}

describe.each(DB_KINDS)('accounts on %s', (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => ctx.close());

  it('signs up with an HttpOnly SameSite=Lax session cookie and a hashed password', async () => {
    const client = new TestClient(ctx.app);
    await client.get('/api/v1/auth/session');
    const res = await client.post('/api/v1/auth/sign-up', {
      email: 'Marta@Example.com', password: 'a long enough password', displayName: 'Marta', locale: 'it', timeZone: 'Europe/Rome',
    });
    expect(res.statusCode).toBe(201);
    const cookie = res.cookies.find((c) => c.name === 'ponte_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json().user.email).toBe('marta@example.com');
    const { rows } = await ctx.db.query<{ password_hash: string }>(`select password_hash from users where email = 'marta@example.com'`);
    expect(rows[0]!.password_hash).toMatch(/^scrypt\$/);
    expect(rows[0]!.password_hash).not.toContain('a long enough password');
    const welcome = await readOutbox(ctx.outboxDir, 'marta@example.com');
    expect(welcome[0]).toContain('Benvenuto su Ponte');
  });

  it('refuses a duplicate e-mail with 409 and a wrong password with 401', async () => {
    const { email } = await signedUpClient(ctx);
    const other = new TestClient(ctx.app);
    const dup = await other.post('/api/v1/auth/sign-up', { email, password: 'another long password', displayName: 'X' });
    expect(dup.statusCode).toBe(409);
    const bad = await other.post('/api/v1/auth/sign-in', { email, password: 'wrong password!!' });
    expect(bad.statusCode).toBe(401);
    const good = await other.post('/api/v1/auth/sign-in', { email, password: 'a long enough password' });
    expect(good.statusCode).toBe(200);
    expect(good.json().user.email).toBe(email);
  });

  it('signs out and forgets the session', async () => {
    const { client } = await signedUpClient(ctx);
    expect((await client.get('/api/v1/auth/session')).json().user).not.toBeNull();
    await client.post('/api/v1/auth/sign-out');
    expect((await client.get('/api/v1/auth/session')).json().user).toBeNull();
  });

  it('resets a password by e-mail link once, in the user language, and ends old sessions', async () => {
    const { client, email } = await signedUpClient(ctx, { locale: 'zh' });
    const anon = new TestClient(ctx.app);
    expect((await anon.post('/api/v1/auth/password-reset/request', { email })).statusCode).toBe(202);
    expect((await anon.post('/api/v1/auth/password-reset/request', { email: 'nobody@example.com' })).statusCode).toBe(202);
    const mails = await readOutbox(ctx.outboxDir, email);
    const reset = mails.find((m) => m.includes('reset-password'))!;
    expect(reset).toMatch(/Subject: =\?UTF-8\?/);
    const token = tokenFrom(reset, 'reset-password');
    const ok = await anon.post('/api/v1/auth/password-reset/confirm', { token, password: 'brand new password' });
    expect(ok.statusCode).toBe(200);
    const reused = await anon.post('/api/v1/auth/password-reset/confirm', { token, password: 'another new password' });
    expect(reused.statusCode).toBe(400);
    expect((await client.get('/api/v1/auth/session')).json().user).toBeNull();
    expect((await anon.post('/api/v1/auth/sign-in', { email, password: 'brand new password' })).statusCode).toBe(200);
  });

  it('creates the first administrator once with the one-time setup link', async () => {
    const link = await ctx.services.auth.issueSetupToken();
    expect(link).toMatch(/\/setup\?token=/);
    const token = new URL(link!).searchParams.get('token')!;
    const anon = new TestClient(ctx.app);
    const res = await anon.post('/api/v1/auth/setup', {
      token, email: 'admin@example.com', password: 'administrator password', displayName: 'Admin',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().user.roles).toEqual(['admin']);
    expect(await ctx.services.auth.issueSetupToken()).toBeNull();
    const again = await new TestClient(ctx.app).post('/api/v1/auth/setup', {
      token, email: 'second@example.com', password: 'administrator password', displayName: 'Second',
    });
    expect(again.statusCode).toBe(409);
  });

  it('invites a person who joins the organisation on acceptance', async () => {
    const owner = await signedUpClient(ctx);
    const org = await createOrganisation(owner.client);
    const invitee = await signedUpClient(ctx, { locale: 'it' });
    const sent = await owner.client.post(`/api/v1/organisations/${org.id}/invitations`, { email: invitee.email, role: 'member' });
    expect(sent.statusCode).toBe(202);
    const mail = (await readOutbox(ctx.outboxDir, invitee.email)).find((m) => m.includes('invitations/accept'))!;
    expect(mail).toMatch(/membro/);
    const outsider = await signedUpClient(ctx);
    const token = tokenFrom(mail, 'invitations/accept');
    expect((await outsider.client.post('/api/v1/invitations/accept', { token })).statusCode).toBe(400);
    const accepted = await invitee.client.post('/api/v1/invitations/accept', { token });
    expect(accepted.statusCode).toBe(200);
    const me = (await invitee.client.get('/api/v1/auth/session')).json();
    expect(me.user.memberships).toEqual([expect.objectContaining({ organisationId: org.id, role: 'member' })]);
    const byMember = await outsider.client.post(`/api/v1/organisations/${org.id}/invitations`, { email: 'x@example.com' });
    expect(byMember.statusCode).toBe(403);
  });

  it('remembers language and time zone changes', async () => {
    const { client } = await signedUpClient(ctx);
    const res = await client.patch('/api/v1/me', { locale: 'zh', timeZone: 'Asia/Shanghai' });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ locale: 'zh', timeZone: 'Asia/Shanghai' });
    const bad = await client.patch('/api/v1/me', { timeZone: 'Mars/Olympus' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: 'timeZone', code: 'invalid_time_zone' });
  });
});

describe('sign-in rate limit', () => {
  it('refuses the eleventh attempt within a minute with 429', async () => {
    const ctx = await createTestContext('pglite', { authRateLimitPerMinute: 10 });
    try {
      const client = new TestClient(ctx.app);
      const codes: number[] = [];
      for (let i = 0; i < 11; i++) {
        codes.push((await client.post('/api/v1/auth/sign-in', { email: 'x@example.com', password: 'nope' })).statusCode);
      }
      expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
      expect(codes[10]).toBe(429);
    } finally {
      await ctx.close();
    }
  });
});
