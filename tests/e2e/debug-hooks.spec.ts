import { expect, test } from './fixtures.ts';

test('a normal visit carries no test hooks; ?debug installs them', async ({ browser }) => {
  const plain = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await plain.newPage();
  // Which worker entries the page starts: the production ones cannot crash or hang.
  let workers: string[] = [];
  page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
  const analysisWorker = () =>
    expect.poll(() => workers.filter((u) => u.includes('analysis')).length).toBeGreaterThan(0);

  await page.goto('/');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true', {
    timeout: 20_000,
  });
  expect(await page.evaluate(() => typeof window.flexosDebug)).toBe('undefined');
  await analysisWorker();
  expect(workers.some((u) => /\/analysis\.worker-/.test(u))).toBe(true);
  expect(workers.filter((u) => u.includes('-debug.worker'))).toEqual([]);

  workers = [];
  await page.goto('/?debug');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true', {
    timeout: 20_000,
  });
  expect(await page.evaluate(() => typeof window.flexosDebug)).toBe('object');
  await analysisWorker();
  expect(workers.some((u) => /\/analysis-debug\.worker-/.test(u))).toBe(true);
  await plain.close();
});
