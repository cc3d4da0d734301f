import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { journey, shotPath } from './support';

/** A 1×1 PNG: the smallest real logo. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function hasNoHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe('a district owner presents the district with its members and key facts', () => {
  const j = journey('en-GB');

  it('creates the district with a logo, signs in again, adds a member and a key fact and sees them on the page', async () => {
    const page = await j.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const district = 'Carpi Knitwear District';
    const email = 'owner@carpi.example';
    const password = 'a long enough passphrase';

    await page.goto('/sign-up');
    await page.getByLabel('Your name').fill('Marta Bianchi');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await page.getByRole('heading', { name: 'My organisations' }).waitFor();
    await page.getByRole('link', { name: 'Add an organisation' }).click();

    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Industrial district' });
    await page.getByLabel('Legal name').fill('Consorzio Distretto della Maglieria di Carpi');
    await page.getByRole('group', { name: 'Display name' }).getByLabel('English').fill(district);
    // A logo over the limit is refused before anything is sent; a real PNG shows as a preview.
    const logoInput = page.getByLabel('Choose a logo file');
    await logoInput.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(600 * 1024, 1) });
    await page.getByText(/a logo can be at most 512/).waitFor();
    await logoInput.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('img', { name: 'Logo preview' }).waitFor();
    await page.getByRole('button', { name: 'Create organisation' }).click();

    await page.getByRole('heading', { level: 1, name: district }).waitFor();
    const districtPath = new URL(page.url()).pathname;
    await expect.poll(() => page.locator('.title-with-logo img').getAttribute('src')).toMatch(/\/logo\?v=[0-9a-f]{12}$/);

    // Sign in again as the district's owner.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
    await page.goto('/sign-in');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.goto(districtPath);

    const members = page.getByRole('region', { name: /members?$/ });
    await members.getByText('No members yet').waitFor();
    await members.getByLabel('Find an organisation in the directory').fill('Pitti');
    await members.getByRole('button', { name: 'Add Pitti Immagine as a member' }).click();
    await members.getByRole('link', { name: 'Pitti Immagine' }).waitFor();
    await expect.poll(() => members.getByRole('heading', { level: 2 }).textContent()).toBe('1 member');

    const facts = page.getByRole('region', { name: 'Key facts' });
    await facts.getByText('No key facts yet').waitFor();
    await facts.getByRole('button', { name: 'Add a key fact' }).click();
    const form = facts.getByRole('form', { name: 'New key fact' });
    await form.getByRole('group', { name: 'What the figure measures' }).getByLabel('English').fill('Knitwear firms');
    await form.getByLabel('Figure').fill('750');
    await form.getByLabel('Unit', { exact: true }).fill('enterprises');
    // Inline validation from the contract: the source is required.
    await form.getByRole('button', { name: 'Save key fact' }).click();
    await expect.poll(() => form.getByLabel('Source', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    const formShot = shotPath('journey-district-owner-fact-form-en');
    if (formShot) await page.screenshot({ path: formShot, fullPage: true });
    await form.getByLabel('Source', { exact: true }).fill('Osservatorio del distretto di Carpi');
    await form.getByLabel('Year').fill('2023');
    await form.getByRole('button', { name: 'Save key fact' }).click();
    await facts.getByText('750 enterprises').waitFor();
    await facts.getByText('Knitwear firms').waitFor();

    // What a visitor sees after a reload: the member, the fact and the logo.
    await page.reload();
    await page.getByRole('region', { name: 'Key facts' }).getByText('750 enterprises').waitFor();
    await page.getByRole('region', { name: '1 member' }).getByRole('link', { name: 'Pitti Immagine' }).waitFor();

    // The logo also marks the district in the directory.
    await page.goto('/organisations?kind=district');
    const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: district }) });
    await expect.poll(() => card.locator('img').getAttribute('src')).toMatch(/\/logo\?v=/);
    await card.getByRole('link', { name: district }).click();

    // A file that only claims to be a PNG is refused by the server, beside the logo field.
    await page.getByRole('link', { name: 'Edit profile' }).click();
    await page.getByRole('heading', { name: 'Edit organisation profile' }).waitFor();
    await page.getByLabel('Choose a different logo').setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('The logo must be a PNG, JPEG or WebP image.').waitFor();
    const logoShot = shotPath('journey-district-owner-logo-refused-en');
    if (logoShot) await page.screenshot({ path: logoShot, fullPage: true });
    await page.getByRole('button', { name: 'Keep the current logo' }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: district }).waitFor();

    await page.setViewportSize({ width: 375, height: 740 });
    await page.getByRole('region', { name: 'Key facts' }).waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    const shot = shotPath('journey-district-owner-en');
    if (shot) await page.screenshot({ path: shot, fullPage: true });
    expect(errors).toEqual([]);
  });
});
