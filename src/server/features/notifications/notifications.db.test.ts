import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutbox, signedUpClient } from '../../test-support/factories';
import { DB_KINDS, TestClient, createTestContext, type TestContext } from '../../test-support/test-context';

describe.each(DB_KINDS)('notifications on %s', (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => ctx.close());

  const params = { event: { it: 'Fiera di Milano', zh: '米兰展会', en: 'Milan fair' }, organisation: { names: { zh: '王氏羊绒' }, plain: 'Wang Cashmere Ltd' } };

  it('pages newest first, counts unread, and shows nobody else’s notifications', async () => {
    const me = await signedUpClient(ctx, { locale: 'en' });
    const other = await signedUpClient(ctx, { locale: 'zh' });
    for (let k = 0; k < 5; k++) {
      ctx.now.value = new Date(Date.UTC(2026, 2, 1, 9, k));
      await ctx.services.notifications.notify([me.user.id], { kind: 'meeting_request_received', params, link: '/events' });
    }
    await ctx.services.notifications.notify([other.user.id], { kind: 'meeting_request_received', params, link: null });

    const first = (await me.client.get('/api/v1/notifications?limit=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.unread).toBe(5);
    expect(first.items[0].createdAt).toBe('2026-03-01T09:04:00.000Z');
    expect(first.items[0].title).toBe('王氏羊绒 would like to meet you');
    const second = (await me.client.get(`/api/v1/notifications?limit=2&cursor=${first.nextCursor}`)).json();
    const third = (await me.client.get(`/api/v1/notifications?limit=2&cursor=${second.nextCursor}`)).json();
    expect([...first.items, ...second.items, ...third.items].map((n: { createdAt: string }) => n.createdAt.slice(11, 16))).toEqual(['09:04', '09:03', '09:02', '09:01', '09:00']);
    expect(third.nextCursor).toBeNull();
    expect((await me.client.get('/api/v1/notifications?cursor=nonsense')).statusCode).toBe(400);

    // Marking someone else's notification read does nothing to it.
    const theirs = (await other.client.get('/api/v1/notifications')).json();
    expect(theirs.items[0].body).toBe('王氏羊绒在米兰展会向贵单位发出了会谈请求。请在活动页面接受或拒绝。');
    expect((await me.client.post('/api/v1/notifications/read', { ids: [theirs.items[0].id] })).json().unread).toBe(5);
    expect((await other.client.get('/api/v1/notifications')).json().unread).toBe(1);
    expect((await me.client.post('/api/v1/notifications/read', {})).json().unread).toBe(0);
    expect((await new TestClient(ctx.app).get('/api/v1/notifications')).statusCode).toBe(401);
  });

  it('stores and mails a notification with a dedupe key only once per person', async () => {
    const me = await signedUpClient(ctx, { locale: 'it' });
    const once = { kind: 'meeting_reminder' as const, params: { ...params, startsAt: '2026-04-14T01:00:00Z', timeZone: 'Asia/Shanghai', table: 'T1' }, link: '/events', dedupeKey: 'meeting_reminder:x' };
    expect(await ctx.services.notifications.notify([me.user.id], once)).toBe(1);
    expect(await ctx.services.notifications.notify([me.user.id], once)).toBe(0);
    const list = (await me.client.get('/api/v1/notifications')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0].body).toContain('martedì 14 aprile');
    expect(await readOutbox(ctx.outboxDir, me.email)).toHaveLength(2); // welcome + one reminder
  });
});
