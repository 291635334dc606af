import { expect, openPlayground, snap, test, waitAnalysed } from './fixtures.ts';

test('the explore panel draws the space, follows order and budget, and loads a configuration', async ({
  page,
}) => {
  await openPlayground(page);
  await page.getByTestId('panel-tab-explore').click();
  const panel = page.getByTestId('explore');
  await expect(panel.getByTestId('explore-summary')).toContainText('80 configurations');
  await expect(panel.getByTestId('hasse-node').first()).toBeVisible();
  await expect(panel.getByTestId('scatter')).toBeVisible();
  const frontierAll = await panel.getByTestId('frontier-item').count();
  expect(frontierAll).toBeGreaterThan(0);
  await snap(page, 'explore');

  // A budget near the top leaves fewer configurations to choose from.
  const slider = panel.getByTestId('explore-budget');
  await slider.focus();
  for (let i = 0; i < 60; i++) await page.keyboard.press('ArrowRight');
  await expect(panel.getByTestId('explore-summary')).toContainText('meet >=');
  await panel.getByTestId('explore-order').selectOption('product');
  await expect(panel.getByTestId('explore-summary')).toContainText('product order');

  await panel.getByTestId('frontier-item').first().click();
  const id = await panel.getByTestId('explore-selected').locator('code').textContent();
  await panel.getByTestId('explore-load').click();
  await waitAnalysed(page);
  const config = await page.evaluate(() => window.flexosDebug?.file('config.yaml'));
  expect(config).toContain('compartments:');
  expect(id).toBeTruthy();
  await expect(page.getByTestId('problem-count')).toHaveText('no problems');
});

test('a space.yaml error is reported and the panel says so', async ({ page }) => {
  await openPlayground(page);
  await page.getByTestId('panel-tab-explore').click();
  await page.getByTestId('file-tree').locator('[data-path="space.yaml"]').click();
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText('components: nope\n');
  await expect(page.getByTestId('explore')).toContainText('space.yaml (or the labels) has errors');
});

test('a space too large to draw shows its counts and the frontier list', async ({ page }) => {
  await openPlayground(page);
  await page.getByTestId('panel-tab-explore').click();
  const names = ['kv', 'libc', 'sched', 'netstack', 'e', 'f', 'g', 'h'];
  const space = [
    'name: big',
    `components: [${names.join(', ')}]`,
    'max-compartments: 8',
    'hardening:',
    ...names.map((n) => `  ${n}: [asan]`),
    'mechanism: intel-mpk',
    '',
  ].join('\n');
  await page.evaluate((text) => window.flexosDebug?.setFile('space.yaml', text), space);
  const panel = page.getByTestId('explore');
  await panel.getByTestId('explore-labels').selectOption('none');
  await expect(panel.getByTestId('explore-summary')).toContainText('1059840 configurations');
  await expect(panel).toContainText('Too many configurations to draw');
  await expect(panel.getByTestId('hasse')).toHaveCount(0);
  await expect(panel.getByTestId('frontier-item').first()).toBeVisible();
  await snap(page, 'explore-large');
});
