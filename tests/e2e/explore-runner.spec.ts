import { expect, openPlayground, test } from './fixtures.ts';

/**
 * Labels measured by the runner in the Explore panel: Measure builds and runs only the
 * configurations the frontier needs (minikv: with no budget, the five safest) on the target
 * that enforces the space's mechanism, and edits do not measure again.
 */
test('Measure labels minikv’s frontier with what the runner measured', async ({
  page,
  request,
}, testInfo) => {
  const targets = (await (await request.get('/api/targets')).json()) as {
    targets: { available: boolean; mechanisms: { mechanism: string; enforced: boolean }[] }[];
  };
  const mpk = targets.targets.some(
    (t) => t.available && t.mechanisms.some((m) => m.mechanism === 'intel-mpk' && m.enforced),
  );
  test.skip(!mpk, 'no target of this runner enforces intel-mpk (QEMU or its kernel missing)');
  test.setTimeout(240_000);
  await openPlayground(page);
  await page.getByTestId('panel-tab-explore').click();
  const panel = page.getByTestId('explore');
  await expect(panel.getByTestId('explore-summary')).toContainText('80 configurations');
  await panel.getByTestId('explore-labels').selectOption('runner');
  await expect(panel.getByTestId('explore-run')).toHaveText('Measure');
  await expect(panel.getByTestId('explore-measuring')).toContainText('only the configurations');
  await panel.getByTestId('explore-run').click();
  await expect(panel.getByTestId('explore-measuring')).toContainText('5 runs on qemu-mpk', {
    timeout: 200_000,
  });
  await expect(panel.getByTestId('explore-summary')).toContainText('(measure,', {
    timeout: 30_000,
  });
  const items = panel.getByTestId('frontier-item');
  await expect(items).toHaveCount(5);
  await expect(panel.locator('ol.frontier li').first()).toContainText('(measured)');
  await page.screenshot({ path: testInfo.outputPath('explore-runner-labels.png') });

  // Exploring again (another order) reuses the labels: nothing runs a second time.
  await panel.getByTestId('explore-order').selectOption('product');
  await panel.getByTestId('explore-run').click();
  await expect(panel.getByTestId('explore-measuring')).toContainText('0 runs');
  await expect(panel.getByTestId('explore-measuring')).toContainText('from earlier runs');
});
