import { expect, test } from './fixtures.ts';

test('a normal visit carries no test hooks; ?debug installs them', async ({ browser }) => {
  const plain = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await plain.newPage();
  await page.goto('/');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true', {
    timeout: 20_000,
  });
  expect(await page.evaluate(() => typeof window.flexosDebug)).toBe('undefined');
  await page.goto('/?debug');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true', {
    timeout: 20_000,
  });
  expect(await page.evaluate(() => typeof window.flexosDebug)).toBe('object');
  await plain.close();
});
