/** Helpers shared by the events feature's database tests. */
import { createOrganisation, signedUpClient } from '../../test-support/factories';
import type { TestClient, TestContext } from '../../test-support/test-context';

/** The text of an .eml the outbox mailer wrote (quoted-printable or base64 bodies). */
export function mailText(eml: string): string {
  const [head = '', ...rest] = eml.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding: quoted-printable/i.test(head)) {
    const soft = body.replace(/=\r?\n/g, '');
    const bytes: number[] = [];
    for (let k = 0; k < soft.length; k++) {
      if (soft[k] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(k + 1, k + 3))) {
        bytes.push(parseInt(soft.slice(k + 1, k + 3), 16));
        k += 2;
      } else bytes.push(...Buffer.from(soft[k]!, 'utf8'));
    }
    return Buffer.from(bytes).toString('utf8');
  }
  return body;
}

/** A participant's side in the event tests: their account, organisation and registration. */
export interface EventSide {
  client: TestClient;
  email: string;
  orgId: string;
  pid: string;
}

/** A meeting as the organiser's API returns it. */
export interface MeetingDto {
  id: string;
  requestId: string;
  slotId: string;
  tableId: string;
  interpreterId: string | null;
  participantIds: string[];
  pinned: boolean;
  status: string;
  sequence: number;
}

/**
 * An English-reading organiser and their open Hangzhou event (Asia/Shanghai, no approval step)
 * with the given grid and tables; the test clock is set two weeks before so sessions stay valid.
 */
export async function hangzhouEvent<E>(ctx: TestContext, grid: Record<string, unknown>, tables: Array<{ name: string }>) {
  ctx.now.value = new Date('2026-04-01T09:00:00Z');
  const boss = await signedUpClient(ctx, { locale: 'en' });
  const organiserOrg = await createOrganisation(boss.client, { names: { en: 'Linping Promotion Office' }, languages: ['zh', 'en'] });
  const res = await boss.client.post('/api/v1/events', {
    organiserOrganisationId: organiserOrg.id,
    title: { it: 'Missione a Hangzhou', zh: '杭州对接会', en: 'Hangzhou mission' },
    venue: 'Hangzhou Expo',
    timeZone: 'Asia/Shanghai',
    status: 'open',
    approvalRequired: false,
    grid,
    tables,
  });
  return { organiser: boss.client, event: res.json() as E };
}

/** Signs up a reader of `locale`, creates their organisation and registers it for the event. */
export async function registerSide(ctx: TestContext, eventId: string, locale: 'it' | 'zh' | 'en', org: Record<string, unknown>, settings: Record<string, unknown> = {}) {
  const { client, email } = await signedUpClient(ctx, { locale });
  const orgId = (await createOrganisation(client, org)).id;
  const registration = await client.post(`/api/v1/events/${eventId}/participants`, { organisationId: orgId, ...settings });
  const side: EventSide = { client, email, orgId, pid: registration.json().id };
  return { side, registration };
}
