import { expect, openPlayground, snap, test, waitAnalysed } from './fixtures.ts';
import type { Locator, Page } from '@playwright/test';

/** Drags a library node onto a point of another element with real pointer events. */
async function dragTo(page: Page, from: Locator, to: Locator, offsetY = 0): Promise<void> {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('element not visible');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 10, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2 + offsetY, { steps: 8 });
  await page.mouse.up();
}

test('dragging a library to another compartment edits config.yaml, the graph and the problems, with undo', async ({
  page,
}) => {
  await openPlayground(page);
  const graph = page.getByTestId('graph');
  const netstack = graph.locator('[data-testid="graph-library"][data-name="netstack"]');
  await expect(netstack).toHaveAttribute('data-compartment', 'comp3');
  await expect(graph.locator('[data-testid="graph-edge"]').first()).toBeVisible();
  await snap(page, 'graph');

  const before = await page.evaluate(() => window.flexosDebug?.file('config.yaml'));
  const gated = () => page.evaluate(() => window.flexosDebug?.gated('libs/netstack/netstack.c'));
  const gatedBefore = await gated();
  const comp2 = graph.locator('[data-testid="graph-compartment"][data-name="comp2"] rect');
  await dragTo(page, netstack, comp2, 20);

  await expect(netstack).toHaveAttribute('data-compartment', 'comp2');
  expect(await page.evaluate(() => window.flexosDebug?.file('config.yaml'))).toMatch(
    /- netstack: comp2/,
  );
  // sched forbids netstack next to it: the edge turns red and Problems explains why.
  await expect(graph).not.toHaveAttribute('data-violations', '0');
  await expect(
    graph.locator('[data-testid="graph-library"][data-name="netstack"].violating'),
  ).toHaveCount(1);
  await expect(
    page.getByTestId('problems').locator('[data-code^="solver/violation-"]').first(),
  ).toBeVisible();
  // netstack's gates now leave from sched's compartment: the gated C changed too.
  expect(await gated()).not.toEqual(gatedBefore);
  await snap(page, 'graph-violation');

  await graph.getByTestId('graph-undo').click();
  await waitAnalysed(page);
  await expect(netstack).toHaveAttribute('data-compartment', 'comp3');
  expect(await page.evaluate(() => window.flexosDebug?.file('config.yaml'))).toBe(before);
});

test('dropping a library on empty space makes a new compartment', async ({ page }) => {
  await openPlayground(page);
  const graph = page.getByTestId('graph');
  const kv = graph.locator('[data-testid="graph-library"][data-name="kv"]');
  await dragTo(page, kv, graph.getByTestId('graph-new-compartment'));
  await expect(kv).toHaveAttribute('data-compartment', 'comp4');
  expect(await page.evaluate(() => window.flexosDebug?.file('config.yaml'))).toMatch(/comp4/);
});

test('a library can be moved from the keyboard', async ({ page }) => {
  await openPlayground(page);
  const graph = page.getByTestId('graph');
  const kv = graph.locator('[data-testid="graph-library"][data-name="kv"]');
  await kv.focus();
  await page.keyboard.press('Enter');
  await graph.getByTestId('graph-move-target').selectOption('comp2');
  await graph.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(kv).toHaveAttribute('data-compartment', 'comp2');
});

test('dragging keeps the flat config.yaml form of the FlexOS talks', async ({ page }) => {
  await openPlayground(page);
  const flat = [
    'compartments:',
    '- comp1:',
    '  mechanism: intel-mpk',
    '  default: True',
    '- comp2:',
    '  mechanism: intel-mpk',
    '  hardening: [cfi, asan]',
    'libraries:',
    '- kv: comp1',
    '- libc: comp1',
    '- sched: comp1',
    '- netstack: comp2',
    '',
  ].join('\n');
  await page.evaluate((text) => window.flexosDebug?.setFile('config.yaml', text), flat);
  await waitAnalysed(page);
  const graph = page.getByTestId('graph');
  const kv = graph.locator('[data-testid="graph-library"][data-name="kv"]');
  await expect(kv).toHaveAttribute('data-compartment', 'comp1');
  const comp2 = graph.locator('[data-testid="graph-compartment"][data-name="comp2"] rect');
  await dragTo(page, kv, comp2, 20);
  await expect(kv).toHaveAttribute('data-compartment', 'comp2');
  const after = await page.evaluate(() => window.flexosDebug?.file('config.yaml'));
  expect(after).toBe(flat.replace('- kv: comp1', '- kv: comp2'));
});
