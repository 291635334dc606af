import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  enableTestHooks,
  expect,
  loadExample,
  openPlayground,
  snap,
  test,
  waitAnalysed,
} from './fixtures.ts';

const ID = /\/s\/[1-9A-HJ-NP-Za-km-z]{14}$/;

/** Every file of an example as it is on disk, by workspace path. */
function exampleFiles(slug: string): Record<string, string> {
  const dir = fileURLToPath(new URL(`../../examples/${slug}`, import.meta.url));
  const files: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile())
      files[relative(dir, join(e.parentPath, e.name))] = readFileSync(
        join(e.parentPath, e.name),
        'utf8',
      );
  return files;
}

test('a short link copied from Share opens the example, every file and the Explore settings, in a fresh context', async ({
  page,
  context,
  browser,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPlayground(page);
  await loadExample(page, 'minikv');
  await page.getByTestId('panel-tab-explore').click();
  const panel = page.getByTestId('explore');
  await expect(panel.getByTestId('explore-summary')).toContainText('configurations');
  await panel.getByTestId('explore-order').selectOption('product');
  const slider = panel.getByTestId('explore-budget');
  await slider.focus();
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
  const budget = await slider.getAttribute('aria-valuetext');
  expect(budget).toMatch(/^\d+$/);

  await page.getByTestId('share-button').click();
  const short = page.getByTestId('share-short-link');
  await expect(short).toHaveValue(ID);
  const link = await short.inputValue();
  expect(link.length).toBeLessThan(60);
  await expect(page.getByTestId('share-short-status')).toContainText('Short link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  // The full link is still offered.
  await expect(page.getByTestId('share-link')).toHaveValue(/#v1\/[\w-]+$/);
  await snap(page, 'share-short-link');

  const other = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await enableTestHooks(other);
  const fresh = await other.newPage();
  const errors: string[] = [];
  fresh.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  fresh.on('pageerror', (e) => errors.push(e.message));
  await fresh.goto(link);
  await expect(fresh.getByTestId('editor')).toHaveAttribute('data-ready', 'true', {
    timeout: 20_000,
  });
  await waitAnalysed(fresh);
  const expected = exampleFiles('minikv');
  expect(Object.keys(expected).length).toBeGreaterThan(5);
  for (const [path, text] of Object.entries(expected)) {
    const got = await fresh.evaluate((p) => window.flexosDebug?.file(p), path);
    expect(got, path).toBe(text);
  }
  // The address is the page's own again, so a reload restores the saved copy.
  expect(new URL(fresh.url()).pathname).toBe('/');
  await expect(fresh.getByTestId('panel-tab-explore')).toHaveAttribute('aria-selected', 'true');
  const freshPanel = fresh.getByTestId('explore');
  await expect(freshPanel.getByTestId('explore-order')).toHaveValue('product');
  await expect(freshPanel.getByTestId('explore-budget')).toHaveAttribute(
    'aria-valuetext',
    budget ?? '',
  );
  expect(errors).toEqual([]);
  await other.close();
});

/** Drops the browser's own log lines of the failed requests a test causes on purpose. */
function forget(consoleErrors: string[], expected: RegExp[]): void {
  for (const pattern of expected) {
    const i = consoleErrors.findIndex((e) => pattern.test(e));
    expect(i, `a console line matching ${pattern}`).toBeGreaterThanOrEqual(0);
    consoleErrors.splice(i, 1);
  }
}

test('a short link that cannot be opened says why and opens what was there before', async ({
  page,
  consoleErrors,
}) => {
  await openPlayground(page);
  const before = await page.evaluate(() => window.flexosDebug?.file('config.yaml'));
  for (const [path, why] of [
    [`/s/${'a'.repeat(14)}`, 'no workspace is stored under'],
    ['/s/not-an-id', 'is not a short-link id'],
  ] as const) {
    await page.goto('about:blank');
    await page.goto(path);
    const notice = page.getByTestId('notice').filter({ hasText: 'short link cannot be opened' });
    await expect(notice).toContainText(why);
    await waitAnalysed(page);
    expect(await page.evaluate(() => window.flexosDebug?.file('config.yaml'))).toBe(before);
  }
  await snap(page, 'short-link-unknown');
  // The browser logs the refused look-ups itself; they are what this test wants.
  forget(consoleErrors, [/status of 404 \(Not Found\)/, /status of 400 \(Bad Request\)/]);
});

test('without a runner, Share says why there is no short link and offers the full link', async ({
  page,
  consoleErrors,
}) => {
  const url = `http://127.0.0.1:${await closedPort()}`;
  await page.addInitScript((u) => localStorage.setItem('flexos-runner-url', u), url);
  await openPlayground(page);
  await page.getByTestId('share-button').click();
  const status = page.getByTestId('share-short-status');
  await expect(status).toContainText(`No short link: no runner answers at ${url}`);
  await expect(page.getByTestId('share-short-link')).toHaveCount(0);
  await expect(page.getByTestId('share-link')).toHaveValue(/#v1\/[\w-]+$/);
  forget(consoleErrors, [/ERR_CONNECTION_REFUSED/]);
});

/** A port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
