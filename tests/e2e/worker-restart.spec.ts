import { expect, gotoLine, openFile, openPlayground, snap, test } from './fixtures.ts';

test('the analysis worker is restarted after it crashes, and the page says so', async ({
  page,
}) => {
  await openPlayground(page);
  await page.evaluate(() => window.flexosDebug?.crashWorker());
  await expect(page.getByTestId('worker-notice')).toContainText('crashed');
  await snap(page, 'worker-crashed');

  // The new worker analyses the next edit.
  await openFile(page, 'config.yaml');
  await gotoLine(page, 19);
  await page.keyboard.press('Backspace');
  await page.keyboard.type('2');
  await expect(
    page.getByTestId('problems').locator('[data-code="solver/violation-call"]'),
  ).toHaveCount(1);
  await expect(page.getByTestId('status')).toHaveAttribute('data-phase', 'idle');
});

test('a worker that runs too long is stopped and replaced', async ({ page }) => {
  await openPlayground(page, '/?analysisTimeoutMs=1500');
  await page.evaluate(() => window.flexosDebug?.hangWorker(60_000));
  await openFile(page, 'config.yaml');
  await gotoLine(page, 19);
  await page.keyboard.press('Backspace');
  await page.keyboard.type('2');
  await expect(page.getByTestId('worker-notice')).toContainText('took longer');
  await expect(
    page.getByTestId('problems').locator('[data-code="solver/violation-call"]'),
  ).toHaveCount(1);
});
