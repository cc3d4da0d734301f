import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startServer, type RunningServer } from './support';

const run = promisify(execFile);

const CSV = [
  'slug;kind;legal_name;name_it;name_zh;name_en;country;region;city;sectors;languages;description_it;description_zh',
  'lanificio-e2e-biella;company;Lanificio E2E Biella S.p.A.;Lanificio E2E Biella;E2E比耶拉毛纺厂;E2E Biella Wool Mill;IT;Piedmont;Biella;13.10|13.20;it|en;Filatura e tessitura di lana e cachemire.;羊毛与羊绒纺纱、织造。',
  'e2e-keqiao-fabrics;company;绍兴E2E面料有限公司;Tessuti E2E Keqiao;柯桥E2E面料;E2E Keqiao Fabrics;CN;Zhejiang;Shaoxing;13.20;zh|en;Tessuti per abbigliamento.;柯桥服装面料供应商。',
].join('\n');

describe('an organiser imports a CSV with the CLI and finds the rows in the directory', () => {
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ponte-e2e-import-'));
    const file = path.join(dataDir, 'organisations.csv');
    fs.writeFileSync(file, `\uFEFF${CSV}\n`);
    // PGlite allows one process per data folder: import first, then start the server on it.
    const env = { ...process.env, PONTE_DATA_DIR: dataDir };
    const dry = await run(process.execPath, ['bin/ponte.mjs', 'import', 'organisations', file, '--dry-run'], { env });
    expect(dry.stdout + dry.stderr).toMatch(/2/);
    await run(process.execPath, ['bin/ponte.mjs', 'import', 'organisations', file], { env });
    server = await startServer({ dataDir });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the imported organisations when searching the directory in Italian', async () => {
    const context = await browser.newContext({ baseURL: server.url, locale: 'it-IT' });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Elenco', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Elenco delle organizzazioni' }).waitFor();
    const search = page.getByLabel('Cerca', { exact: true });
    await search.fill('E2E');
    await search.press('Enter');
    await page.getByRole('link', { name: 'Lanificio E2E Biella' }).waitFor();
    await page.getByRole('link', { name: 'Tessuti E2E Keqiao' }).waitFor();

    await page.getByRole('link', { name: 'Lanificio E2E Biella' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lanificio E2E Biella' }).waitFor();
    await expect.poll(() => page.getByText('Filatura e tessitura di lana e cachemire.').count()).toBeGreaterThan(0);
  });
});
