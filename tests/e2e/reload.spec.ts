import { expect, gotoLine, openFile, openPlayground, test, waitAnalysed } from './fixtures.ts';

test('a reload restores the edits, saved automatically', async ({ page }) => {
  await openPlayground(page);
  await openFile(page, 'config.yaml');
  await gotoLine(page, 5);
  await page.keyboard.type(' # kept across reloads');
  await expect(page.getByTestId('status')).toContainText('Saved in this browser');

  await page.reload();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true', {
    timeout: 20_000,
  });
  await waitAnalysed(page);
  const config = await page.evaluate(() => window.flexosDebug?.file('config.yaml'));
  expect(config).toContain('# kept across reloads');
  await expect(page.getByTestId('editor')).toContainText('kept across reloads');
});
