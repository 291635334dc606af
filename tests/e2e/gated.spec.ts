import { expect, openFile, openPlayground, snap, test, waitAnalysed } from './fixtures.ts';
import type { Page } from '@playwright/test';

const gated = (page: Page, path: string) =>
  page.evaluate((p) => window.flexosDebug?.gated(p), path);

test('gated C shows the instantiated file and follows the config, the sharing mode and the graph', async ({
  page,
}) => {
  await openPlayground(page);
  await page.getByTestId('panel-tab-gated').click();
  const panel = page.getByTestId('gated-code');
  await panel.getByTestId('gated-file').selectOption('libs/kv/kv.c');
  await expect(panel.locator('.monaco-diff-editor')).toBeVisible();
  await expect(panel.locator('.monaco-diff-editor')).toContainText('flexos_nop_gate_r(0, 0');
  await expect(panel.getByTestId('gated-artefacts')).toContainText('.data_comp1');
  await snap(page, 'gated');
  const before = await gated(page, 'libs/kv/kv.c');
  expect(before).toMatch(/flexos_intelpku_gate\(0, 2,/);

  // Put netstack next to kv: its gates from kv become plain calls.
  await page.getByTestId('panel-tab-graph').click();
  const netstack = page
    .getByTestId('graph')
    .locator('[data-testid="graph-library"][data-name="netstack"]');
  await netstack.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('graph-move-target').selectOption('comp1');
  await page.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(netstack).toHaveAttribute('data-compartment', 'comp1');
  await waitAnalysed(page);
  const after = await gated(page, 'libs/kv/kv.c');
  expect(after).not.toEqual(before);
  expect(after).not.toMatch(/flexos_intelpku_gate\(0, 2,/);

  // Another sharing mode changes how shared locals are written.
  await page.getByTestId('panel-tab-gated').click();
  await panel.getByTestId('gated-sharing').selectOption('dss');
  await waitAnalysed(page);
  expect(
    await page.evaluate(() => JSON.stringify(window.flexosDebug?.gated('libs/kv/kv.c'))),
  ).not.toEqual(JSON.stringify(after));
});

test('a gate in the gate table highlights its edge in the graph', async ({ page }) => {
  await openPlayground(page);
  await openFile(page, 'libs/kv/kv.c');
  await page.getByTestId('panel-tab-gated').click();
  const row = page.getByTestId('gate-row').filter({ hasText: 'kv → netstack' });
  await row.click();
  await expect(page.getByTestId('panel-tab-graph')).toHaveAttribute('aria-selected', 'true');
  await expect(
    page.locator('[data-testid="graph-edge"][data-from="kv"][data-to="netstack"].highlight'),
  ).toHaveCount(1);
});
