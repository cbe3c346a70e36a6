/**
 * An analyst opens the hub in a browser: the IDE (GraphiQL with its explorer) loads from the
 * hub itself, runs an example query and shows the answer, and every request the page makes stays
 * on the hub's origin — it works with no network beyond the hub. Real headless Chromium; when
 * no browser is installed the test says so loudly and is skipped (.ci/run installs one).
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hub } from './harness/client.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', process.env.HUB_CHROMIUM].find((path): path is string => Boolean(path && existsSync(path)));
if (!CHROMIUM) process.stderr.write('\n*** SKIPPED: the IDE browser test — no Chromium found (apt-get install chromium, or set HUB_CHROMIUM) ***\n\n');

describe('the IDE in a browser', () => {
  it('serves the page to browsers at / and /graphql, from the hub alone', async () => {
    const base = hub().gatewayUrl.replace(/\/graphql$/, '');
    for (const path of ['/', '/graphql']) {
      const response = await fetch(`${base}${path}`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
      const html = await response.text();
      expect(html).toContain('/ide/ide.js');
      expect(html).not.toMatch(/https?:\/\//);
    }
    const script = await fetch(`${base}/ide/ide.js`);
    expect(script.status).toBe(200);
    expect((await script.text()).length).toBeGreaterThan(100_000);
  });

  it.skipIf(!CHROMIUM)('loads GraphiQL, runs an example and shows the answer, with every request on the hub\'s origin', async () => {
    const { chromium } = await import('playwright-core');
    const base = hub().gatewayUrl.replace(/\/graphql$/, '');
    const origin = new URL(base).origin;
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      // Playwright gives the browser a fresh, empty profile of its own.
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
      await page.goto(`${base}/`);
      await page.waitForSelector('.graphiql-container', { timeout: 30_000 }).catch((error: Error) => {
        throw new Error(`${error.message}\nthe page said: ${problems.join('\n') || '(nothing)'}`);
      });
      // The schema loads (docs are available) and the first example runs.
      await page.click('.graphiql-execute-button');
      await page.locator('.result-window', { hasText: '57-KL/TW' }).waitFor({ timeout: 30_000 }).catch(async (error: Error) => {
        const shot = join(tmpdir(), 'hub-ide-failed.png');
        await page.screenshot({ path: shot });
        throw new Error(`${error.message}\nscreenshot: ${shot}\nthe page said: ${problems.join('\n') || '(nothing)'}`);
      });
      const result = await page.textContent('.result-window');
      expect(result).toContain('"number": "57-KL/TW"');
      const shot = join(tmpdir(), 'hub-ide.png');
      await page.screenshot({ path: shot });
      process.stderr.write(`IDE screenshot: ${shot}\n`);
      expect(requested.length).toBeGreaterThan(2);
      expect(requested.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
