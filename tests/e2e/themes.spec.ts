import { expect, openPlayground, snap, test } from './fixtures.ts';

test('the theme follows the system and every panel renders in it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openPlayground(page);
  await expect(page.locator('html')).not.toHaveAttribute('data-theme');
  await expect(page.getByTestId('editor').locator('.monaco-editor.vs-dark')).toBeVisible();
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).not.toBe('rgb(255, 255, 255)');
  await expect(
    page.getByTestId('graph').locator('[data-testid="graph-library"]').first(),
  ).toBeVisible();
  await snap(page, 'dark-graph');
  await page.getByTestId('panel-tab-gated').click();
  await expect(page.getByTestId('gated-code').locator('.monaco-diff-editor')).toBeVisible();
  await snap(page, 'dark-gated');
  await page.getByTestId('panel-tab-explore').click();
  await expect(page.getByTestId('hasse')).toBeVisible();
  await snap(page, 'dark-explore');

  // A choice made in the page wins over the system's, and is remembered.
  await page.getByTestId('theme-button').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.getByTestId('editor').locator('.monaco-editor.vs')).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});
