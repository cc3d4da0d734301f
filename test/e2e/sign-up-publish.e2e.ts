import { describe, expect, it } from 'vitest';
import { journey, shotPath } from './support';

describe('a new member signs up, adds their organisation and publishes an opportunity', () => {
  const j = journey('en-GB');

  it('shows the opportunity in the list and on the organisation page', async () => {
    const page = await j.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const title = 'Knitwear production partner wanted';
    const orgName = 'Maglificio Esempio';

    await page.goto('/');
    await page.getByRole('link', { name: 'Sign up' }).click();
    await page.getByLabel('Your name').fill('Giulia Rossi');
    await page.getByLabel('E-mail address').fill('giulia@example.com');
    await page.getByLabel('Password', { exact: true }).fill('a long enough passphrase');
    await page.getByLabel('Password', { exact: true }).press('Enter');

    await page.getByRole('heading', { name: 'My organisations' }).waitFor();
    await page.getByRole('link', { name: 'Add an organisation' }).click();

    // Inline validation from the contract: an empty legal name is refused before any request.
    await page.getByRole('button', { name: 'Create organisation' }).click();
    const legalName = page.getByLabel('Legal name');
    await expect.poll(() => legalName.getAttribute('aria-invalid')).toBe('true');

    await legalName.fill(`${orgName} S.r.l.`);
    const names = page.getByRole('group', { name: 'Display name' });
    await names.getByLabel('English').fill(orgName);
    await names.getByLabel('Italian').fill(orgName);
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Company' });
    await page.getByLabel('Region', { exact: true }).fill('Emilia-Romagna');
    await page.getByRole('group', { name: 'About' }).getByLabel('English').fill('Knitwear made in Carpi since 1978.');
    await page.getByRole('button', { name: 'Create organisation' }).click();

    await page.getByRole('heading', { level: 1, name: orgName }).waitFor();
    const orgUrl = page.url();
    await page.getByRole('link', { name: 'Publish an opportunity' }).first().click();

    await page.getByRole('heading', { name: 'Publish an opportunity' }).waitFor();
    await page.getByLabel('Offer or request').selectOption({ label: 'Request' });
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Sourcing and manufacturing' });
    await page.getByRole('group', { name: 'Title' }).getByLabel('English').fill(title);
    await page.getByRole('group', { name: 'Description' }).getByLabel('English').fill('We look for a knitting mill in Jiangsu for 5,000 pieces a season.');
    // A budget without currency is refused next to the currency field, in the reader's language.
    await page.getByLabel('Budget from').fill('10000');
    await page.getByRole('button', { name: 'Publish opportunity' }).click();
    await page.getByText('Choose the currency of the budget.').waitFor();
    await page.getByLabel('Currency').selectOption('EUR');
    await page.getByRole('button', { name: 'Publish opportunity' }).click();

    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Opportunities' }).click();
    await page.getByRole('link', { name: title }).waitFor();

    await page.goto(orgUrl);
    const section = page.getByRole('region', { name: 'Opportunities' });
    await section.getByRole('link', { name: title }).waitFor();
    const shot = shotPath('journey-organisation-en');
    if (shot) await page.screenshot({ path: shot, fullPage: true });
    expect(errors).toEqual([]);
  });
});
