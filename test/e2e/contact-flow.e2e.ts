import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, shotPath, startServer, type RunningServer } from './support';

interface Person {
  name: string;
  email: string;
  organisation: string;
}

const ALICE: Person = { name: 'Alessandra Conti', email: 'alessandra@maglificio.example', organisation: 'Maglificio Conti' };
const BO: Person = { name: 'Wang Bo', email: 'wangbo@suzhou-silk.example', organisation: 'Suzhou Silk Weaving' };

async function hasNoHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/**
 * Signs up and creates an organisation through the API with the context's own cookies, so the
 * browser pages of that context are signed in as this person.
 */
async function signUpWithOrganisation(context: BrowserContext, person: Person, country: string): Promise<{ organisationId: string; csrf: string }> {
  const session = await context.request.get('/api/v1/auth/session');
  let csrf = ((await session.json()) as { csrfToken: string }).csrfToken;
  const signUp = await context.request.post('/api/v1/auth/sign-up', {
    headers: { 'x-csrf-token': csrf },
    data: { email: person.email, password: 'a long enough passphrase', displayName: person.name, locale: 'en', timeZone: 'Europe/Rome' },
  });
  expect(signUp.status()).toBe(201);
  csrf = ((await signUp.json()) as { csrfToken: string | null }).csrfToken ?? csrf;
  const created = await context.request.post('/api/v1/organisations', {
    headers: { 'x-csrf-token': csrf },
    data: { kind: 'company', legalName: `${person.organisation} S.r.l.`, names: { en: person.organisation }, country },
  });
  expect(created.status()).toBe(201);
  return { organisationId: ((await created.json()) as { id: string }).id, csrf };
}

describe('an organisation asks another to get in touch, and the other accepts', () => {
  let server: RunningServer;
  let browser: Browser;
  let alice: BrowserContext;
  let bo: BrowserContext;
  let visitor: BrowserContext;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const options = { baseURL: server.url, locale: 'en-GB', viewport: { width: 1280, height: 900 } };
    [alice, bo, visitor] = await Promise.all([browser.newContext(options), browser.newContext(options), browser.newContext(options)]);
  });

  afterAll(async () => {
    await Promise.all([alice?.close(), bo?.close(), visitor?.close()]);
    await browser?.close();
    await server?.stop();
  });

  it('reveals each side’s contact details only after acceptance, and lets a later request be declined', async () => {
    const errors: string[] = [];
    const a = await signUpWithOrganisation(alice, ALICE, 'IT');
    const b = await signUpWithOrganisation(bo, BO, 'CN');
    const message = 'We knit merino in Carpi and look for a silk supplier for a capsule collection: 800 metres to start.';

    // The ContactButton is not on the organisation pages yet, so Alice writes through the API.
    const send = (text: string) =>
      alice.request.post('/api/v1/contacts', {
        headers: { 'x-csrf-token': a.csrf },
        data: { fromOrganisationId: a.organisationId, toOrganisationId: b.organisationId, message: text },
      });
    expect((await send(message)).status()).toBe(201);
    expect((await send('Did you get my message?')).status()).toBe(409);

    // A visitor who is not signed in is sent to sign in first.
    const visitorPage = await visitor.newPage();
    await visitorPage.goto('/inbox');
    await visitorPage.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(new URL(visitorPage.url()).searchParams.get('next')).toBe('/inbox');

    // Bo sees the pending request counted in the header, opens the inbox and accepts.
    const boPage = await bo.newPage();
    boPage.on('pageerror', (e) => errors.push(e.message));
    await boPage.goto('/');
    const nav = boPage.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Inbox 1 request waiting for your answer' }).click();
    await boPage.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    expect(await boPage.getByRole('tab', { name: 'Received' }).getAttribute('aria-selected')).toBe('true');
    const card = boPage.getByRole('article', { name: ALICE.organisation });
    await card.getByText(message).waitFor();
    await card.getByText('Pending', { exact: true }).waitFor();
    expect(await card.getByRole('link', { name: ALICE.organisation }).getAttribute('href')).toMatch(/^\/organisations\//);
    expect(await card.getByText(ALICE.email).count()).toBe(0);

    await card.getByRole('button', { name: 'Accept' }).click();
    await card.getByRole('status').getByText('Request accepted').waitFor();
    const aliceDetails = card.getByRole('region', { name: `How to reach ${ALICE.organisation}` });
    await aliceDetails.getByRole('link', { name: ALICE.email }).waitFor();
    expect(await aliceDetails.getByRole('link', { name: ALICE.email }).getAttribute('href')).toBe(`mailto:${ALICE.email}`);
    await aliceDetails.getByText(ALICE.name).waitFor();
    // The answered request no longer counts as waiting.
    await nav.getByRole('link', { name: 'Inbox', exact: true }).waitFor();
    const acceptedShot = shotPath('journey-contact-accepted-en');
    if (acceptedShot) await boPage.screenshot({ path: acceptedShot, fullPage: true });

    // A second request, once the first is answered, is declined after a confirmation.
    expect((await send('One more question about dyeing.')).status()).toBe(201);
    await boPage.goto('/inbox?status=pending');
    const second = boPage.getByRole('article', { name: ALICE.organisation });
    await second.getByText('One more question about dyeing.').waitFor();
    expect(await boPage.getByRole('article').count()).toBe(1);
    await second.getByRole('button', { name: 'Decline' }).click();
    const confirm = second.getByRole('group', { name: /^Decline the request from Maglificio Conti\?/ });
    await confirm.getByRole('button', { name: 'No, go back' }).click();
    await second.getByRole('button', { name: 'Decline' }).click();
    await confirm.getByRole('button', { name: 'Yes, decline' }).click();
    await second.getByRole('status').getByText('Request declined').waitFor();
    expect(await second.getByRole('button', { name: 'Accept' }).count()).toBe(0);

    await boPage.setViewportSize({ width: 375, height: 740 });
    await boPage.goto('/inbox');
    await boPage.getByRole('region', { name: `How to reach ${ALICE.organisation}` }).waitFor();
    expect(await hasNoHorizontalScroll(boPage)).toBe(true);

    // Alice finds Bo's details under Sent.
    const alicePage = await alice.newPage();
    alicePage.on('pageerror', (e) => errors.push(e.message));
    await alicePage.goto('/inbox');
    await alicePage.getByText('No requests yet').waitFor();
    await alicePage.getByRole('tab', { name: 'Sent' }).click();
    await expect.poll(() => new URL(alicePage.url()).search).toBe('?box=sent');
    const sent = alicePage.getByRole('article', { name: BO.organisation });
    await expect.poll(() => sent.count()).toBe(2);
    const accepted = sent.filter({ hasText: message });
    await accepted.getByText('Accepted', { exact: true }).waitFor();
    const boDetails = accepted.getByRole('region', { name: `How to reach ${BO.organisation}` });
    await boDetails.getByRole('link', { name: BO.email }).waitFor();
    await boDetails.getByText(BO.name).waitFor();
    await sent.filter({ hasText: 'One more question about dyeing.' }).getByText(`${BO.organisation} declined this request on`).waitFor();

    await alicePage.setViewportSize({ width: 375, height: 740 });
    await boDetails.waitFor();
    expect(await hasNoHorizontalScroll(alicePage)).toBe(true);
    const shot = shotPath('journey-contact-sent-375-en');
    if (shot) await alicePage.screenshot({ path: shot, fullPage: true });
    expect(errors).toEqual([]);
  });
});
