import { request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { journey, shotPath } from './support';

const CHINESE_OFFER = '羊绒衫OEM代工生产';

/** A Chinese knitwear mill that publishes an offer through the API, as another member would. */
async function publishChineseOffer(baseURL: string): Promise<void> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { 'x-ponte-locale': 'zh' } });
  await api.get('/api/v1/auth/session');
  const csrf = (await api.storageState()).cookies.find((c) => c.name === 'ponte_csrf')!.value;
  const post = async (path: string, data: unknown) => {
    const res = await api.post(path, { data, headers: { 'x-csrf-token': csrf } });
    if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
    return res.json() as Promise<{ id: string }>;
  };
  await post('/api/v1/auth/sign-up', {
    email: 'wang@example.cn', password: 'a long enough passphrase', displayName: '王芳', locale: 'zh', timeZone: 'Asia/Shanghai',
  });
  const org = await post('/api/v1/organisations', {
    kind: 'company', legalName: '桐乡市羊绒针织有限公司', names: { zh: '桐乡羊绒针织厂' }, country: 'CN', region: 'Zhejiang',
    description: { zh: '浙江桐乡的羊绒针织服装工厂，为欧洲品牌代工。' }, languages: ['zh'], dataRegion: 'cn',
  });
  await post('/api/v1/opportunities', {
    organisationId: org.id, direction: 'offer', type: 'sourcing_manufacturing', status: 'open',
    title: { zh: CHINESE_OFFER },
    description: { zh: '我们是浙江桐乡的羊绒针织厂，提供羊绒衫OEM代工生产，起订量300件，可做全成型编织。' },
  });
  await api.dispose();
}

describe('an Italian member writes a request, corrects what Ponte understood and meets a Chinese counterpart', () => {
  const j = journey('it-IT', (server) => publishChineseOffer(server.url));

  it('shows the concepts, keeps the corrections and lists the counterpart', async () => {
    const page = await j.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto('/');
    await page.getByRole('link', { name: 'Registrati' }).click();
    await page.getByLabel('Nome e cognome').fill('Giulia Rossi');
    await page.getByLabel('Indirizzo e-mail').fill('giulia@example.it');
    await page.getByLabel('Password', { exact: true }).fill('a long enough passphrase');
    await page.getByLabel('Password', { exact: true }).press('Enter');

    await page.getByRole('heading', { name: 'Le mie organizzazioni' }).waitFor();
    await page.getByRole('link', { name: "Aggiungi un'organizzazione" }).click();
    await page.getByLabel('Ragione sociale').fill('Moda Biella S.r.l.');
    await page.getByRole('group', { name: 'Nome visualizzato' }).getByLabel('Italiano').fill('Moda Biella');
    await page.getByLabel('Tipo', { exact: true }).selectOption({ label: 'Impresa' });
    await page.getByRole('button', { name: "Crea l'organizzazione" }).click();
    await page.getByRole('heading', { level: 1, name: 'Moda Biella' }).waitFor();
    await page.getByRole('link', { name: "Pubblica un'opportunità" }).first().click();

    await page.getByRole('heading', { name: "Pubblica un'opportunità" }).waitFor();
    await page.getByLabel('Tipo', { exact: true }).selectOption({ label: 'Approvvigionamento e produzione' });
    const title = 'Cerchiamo un produttore di maglieria in cashmere';
    await page.getByRole('group', { name: 'Titolo' }).getByLabel('Italiano').fill(title);
    await page.getByRole('group', { name: 'Descrizione' }).getByLabel('Italiano').fill(
      'Cerchiamo un maglificio in Cina per produrre maglioni in cashmere per il nostro marchio, ordine minimo 500 capi, ' +
        'consegna entro marzo 2027. Preferiamo fornitori certificati GOTS.',
    );

    // What Ponte understood, in the writer's language, with the words that justify each concept.
    const understood = page.getByRole('region', { name: 'Che cosa ha capito Ponte' });
    const concepts = understood.getByRole('list', { name: 'Concetti' });
    await concepts.getByText('maglioni in cashmere', { exact: true }).waitFor();
    await expect.poll(() => concepts.textContent()).toContain('«maglieria in cashmere»');
    await understood.getByText('Cina', { exact: true }).waitFor();
    await understood.getByText('GOTS', { exact: true }).waitFor();
    // The form still says "offer" (the default): the text reads like a request, and one click fixes it.
    await understood.getByText("Il testo sembra una richiesta, ma nel modulo è indicata un'offerta.").waitFor();
    await understood.getByRole('button', { name: 'Indica come richiesta' }).click();
    await expect.poll(() => page.getByLabel('Offerta o richiesta').inputValue()).toBe('request');

    // Remove a concept Ponte read in "capi", then add one it did not read.
    await understood.getByRole('button', { name: 'Togli abbigliamento' }).click();
    await understood.getByRole('list', { name: "Ignorati nell'abbinamento" }).getByText('abbigliamento').waitFor();
    await expect.poll(() => concepts.textContent()).not.toContain('abbigliamento');
    await understood.getByLabel('Aggiungi un concetto').fill('filato di cashm');
    await understood.getByRole('button', { name: /filato di cashmere/ }).click();
    await concepts.getByText('aggiunto da te').waitFor();

    const shotForm = shotPath('understood-form-it');
    if (shotForm) await page.screenshot({ path: shotForm, fullPage: true });
    await page.getByRole('button', { name: "Pubblica l'opportunità" }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    // The corrections were stored with the opportunity.
    const id = page.url().split('/').pop()!;
    const stored = await (await page.request.get(`/api/v1/opportunities/${id}`)).json();
    expect(stored.conceptsRemoved).toEqual(['product.apparel']);
    expect(stored.conceptsAdded).toEqual(['material.cashmere-yarn']);

    // The counterpart: a Chinese offer written only in Chinese. The index may still be building:
    // the section says so and asks again by itself.
    const counterparts = page.getByRole('region', { name: 'Controparti' });
    const offerLink = page.getByRole('link', { name: new RegExp(CHINESE_OFFER) });
    await counterparts.locator(offerLink).waitFor({ timeout: 90_000 });
    const card = counterparts.getByRole('article').filter({ has: offerLink });
    await expect.poll(() => card.textContent()).toContain('Offrono ciò che state cercando');
    await card.getByText('Come si compone il punteggio').click();
    await card.getByText('Affinità dei testi').waitFor();

    // Phone width: nothing overflows sideways.
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const shot = shotPath('understood-counterpart-card-it-phone');
    if (shot) await card.screenshot({ path: shot });

    // "Not relevant" hides the card (recorded for learning) and can be undone.
    const dismissed = page.waitForResponse((r) => r.url().endsWith('/api/v1/matching/events') && r.status() === 204);
    await card.getByRole('button', { name: 'Non pertinente' }).click();
    await dismissed;
    await counterparts.getByText('Nascosto da questo elenco').waitFor();
    expect(await offerLink.count()).toBe(0);
    await counterparts.getByRole('button', { name: 'Mostra di nuovo' }).click();
    await counterparts.locator(offerLink).waitFor();

    await page.setViewportSize({ width: 1280, height: 900 });
    // "Salva" keeps the offer on the saved list (and tells the learning job it was a good match).
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/matching/saved') && r.request().method() === 'PUT' && r.status() === 204);
    await card.getByRole('button', { name: 'Salva' }).click();
    await saved;
    expect(await card.getByRole('button', { name: 'Salvato ✓' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('link', { name: 'Salvati' }).click();
    await page.getByRole('heading', { level: 1, name: 'Salvati' }).waitFor();
    await page.getByRole('link', { name: new RegExp(CHINESE_OFFER) }).waitFor();
    await page.getByRole('button', { name: 'Rimuovi' }).click();
    await page.getByText('Rimosso dai salvati.').waitFor();
    expect(errors).toEqual([]);
  });
});
