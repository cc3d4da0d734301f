import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, shotPath, startServer, type RunningServer } from './support';

async function hasNoHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe('a Chinese reader browses the directory', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('switches to Chinese and opens Changshu Garment City with Chinese number formatting', async () => {
    const context = await browser.newContext({ baseURL: server.url, locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();

    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('link', { name: '机构名录' }).waitFor();
    await nav.getByRole('link', { name: '合作机会' }).waitFor();

    await nav.getByRole('link', { name: '机构名录' }).click();
    await page.getByRole('heading', { level: 1, name: '机构名录' }).waitFor();
    await page.getByLabel('机构类型').selectOption({ label: '产业区' });
    await expect.poll(() => new URL(page.url()).searchParams.get('kind')).toBe('district');
    await page.getByRole('link', { name: '常熟服装城' }).click();

    await page.getByRole('heading', { level: 1, name: '常熟服装城' }).waitFor();
    const facts = page.getByRole('region', { name: '关键数据' });
    await facts.waitFor();
    // 50.76 billion RMB reads as 507.6亿 in Chinese, and counts carry Chinese measure words.
    await facts.getByText(/507\.6亿/).waitFor();
    await facts.getByText('518家企业').waitFor();
    const shot = shotPath('journey-district-zh');
    if (shot) await page.screenshot({ path: shot, fullPage: true });

    // The choice is remembered across visits.
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    await context.close();
  });

  it('fits a 375 px phone screen without horizontal scrolling', async () => {
    const context = await browser.newContext({ baseURL: server.url, locale: 'zh-CN', viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    for (const path of ['/', '/organisations?kind=district', '/organisations/changshu-garment-city', '/opportunities', '/sign-up']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
      expect(await hasNoHorizontalScroll(page), `horizontal scroll on ${path}`).toBe(true);
    }
    await context.close();
  });
});
