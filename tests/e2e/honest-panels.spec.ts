import type { Page } from '@playwright/test';
import { expect, openPlayground, test, waitAnalysed } from './fixtures.ts';

/**
 * Panels that never draw a wrong picture: a config with errors leaves the graph, gated C and
 * explore panels on the last valid state, dimmed, with a banner; follow-on warnings wait for
 * the fix; the graph counts violations as Problems does, keeps its layout across edits that
 * keep the structure, keeps labels off compartment titles, and explains violations in a
 * visible tooltip.
 */

const setConfig = (page: Page, text: string) =>
  page.evaluate((t) => window.flexosDebug?.setFile('config.yaml', t), text);
const getConfig = async (page: Page) =>
  (await page.evaluate(() => window.flexosDebug?.file('config.yaml'))) ?? '';

async function libraryBoxes(page: Page): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const node of await page.getByTestId('graph-library').all()) {
    const name = (await node.getAttribute('data-name')) ?? '';
    out[name] = await node.locator('rect').boundingBox();
  }
  return out;
}

test('a config with errors leaves the panels on the last valid state, dimmed, until fixed', async ({
  page,
}) => {
  await openPlayground(page);
  const config = await getConfig(page);
  const graph = page.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-stale', 'false');
  await expect(graph.getByTestId('graph-library')).toHaveCount(4);

  // An unknown mechanism and a misspelled library: the error shows, the follow-on does not.
  await setConfig(
    page,
    config
      .replace('- netstack: comp3', '- netstak: comp3')
      .replace('mechanism: intel-mpk\n      default', 'mechanism: intel-mpkk\n      default'),
  );
  await waitAnalysed(page);
  const problems = page.getByTestId('problems');
  await expect(problems.locator('[data-code="config/unknown-mechanism"]')).toHaveCount(1);
  await expect(problems.locator('[data-code="workspace/follow-on-hidden"]')).toHaveCount(1);
  await expect(problems.locator('[data-code="solver/missing-component"]')).toHaveCount(0);
  await expect(graph).toHaveAttribute('data-stale', 'true');
  await expect(graph.getByTestId('stale-banner')).toContainText('last valid state');
  // The last valid graph: netstack, not the misspelled netstak.
  await expect(graph.locator('[data-testid="graph-library"][data-name="netstack"]')).toHaveCount(1);
  await expect(graph.locator('.canvas')).toHaveClass(/stale-view/);
  for (const panel of ['gated', 'explore'] as const) {
    await page.getByTestId(`panel-tab-${panel}`).click();
    const body = page.getByTestId(panel === 'gated' ? 'gated-code' : 'explore');
    await expect(body).toHaveAttribute('data-stale', 'true');
    await expect(body.getByTestId('stale-banner')).toBeVisible();
  }
  await page.getByTestId('panel-tab-graph').click();

  // Only the typo left: not a config error, so the panels are live and the warning is back.
  await setConfig(page, config.replace('- netstack: comp3', '- netstak: comp3'));
  await waitAnalysed(page);
  await expect(graph).toHaveAttribute('data-stale', 'false');
  await expect(graph.getByTestId('stale-banner')).toHaveCount(0);
  await expect(problems.locator('[data-code="solver/missing-component"]')).not.toHaveCount(0);
  await expect(graph.locator('[data-testid="graph-library"][data-name="netstak"]')).toHaveCount(1);
});

test('the graph stays put across edits, counts violations as Problems does, and explains them', async ({
  page,
}) => {
  await openPlayground(page);
  const config = await getConfig(page);
  const graph = page.getByTestId('graph');
  await expect(graph.getByTestId('graph-library')).toHaveCount(4);
  const drawn = Number(await graph.getAttribute('data-layout-revision'));
  const before = await libraryBoxes(page);
  // A comment changes the text, not the structure: the graph is drawn again, no node moves.
  await setConfig(page, `${config}# a note for the class\n`);
  await waitAnalysed(page);
  await expect
    .poll(async () => Number(await graph.getAttribute('data-layout-revision')))
    .toBeGreaterThan(drawn);
  expect(await libraryBoxes(page)).toEqual(before);

  // netstack next to sched: several violations on one edge.
  await setConfig(
    page,
    config
      .replace('- netstack: comp3', '- netstack: comp2')
      .replace(/\n {2}- comp3:\n {6}mechanism: intel-mpk/, ''),
  );
  await waitAnalysed(page);
  const listed = page.getByTestId('problems').locator('[data-code^="solver/violation-"]');
  await expect(listed).not.toHaveCount(0);
  const count = await listed.count();
  await expect(graph).toHaveAttribute('data-violations', String(count));
  await expect(graph.locator('.summary')).toContainText(`${count} violation`);
  expect(await graph.locator('[data-testid="graph-edge"].violation').count()).toBeLessThanOrEqual(
    count,
  );

  // Hover: a visible tooltip with the reasons; keyboard focus shows the same.
  const edge = graph.locator('[data-testid="graph-edge"].violation').first();
  const path = edge.locator('path.hit');
  const box = await path.boundingBox();
  if (!box) throw new Error('no violation edge');
  await edge.hover({ position: { x: box.width / 2, y: box.height / 2 }, force: true });
  const tip = page.getByTestId('graph-tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('sched');
  await page.mouse.move(0, 0);
  await expect(tip).toHaveCount(0);
  await edge.focus();
  await expect(tip).toBeVisible();
  await expect(edge).toHaveAttribute('aria-describedby', (await tip.getAttribute('id')) ?? '');
  await page.keyboard.press('Tab');
  await expect(tip).toHaveCount(0);
});

test('edge labels never cover a compartment title', async ({ page }) => {
  await openPlayground(page);
  const graph = page.getByTestId('graph');
  let labels = 0;
  for (const slug of ['imgparse', 'iperf', 'gatebench', 'hello', 'minikv']) {
    const drawn = Number(await graph.getAttribute('data-layout-revision'));
    await page.getByTestId('example-picker').selectOption(slug);
    await waitAnalysed(page);
    await expect(page.getByTestId('example-picker')).toHaveValue(slug);
    await expect
      .poll(async () => Number(await graph.getAttribute('data-layout-revision')))
      .toBeGreaterThan(drawn);
    labels += await graph.locator('.edge .label').count();
    const overlaps = await page.getByTestId('graph').evaluate((g) => {
      const boxes = (sel: string) =>
        [...g.querySelectorAll(sel)].map((e) => e.getBoundingClientRect());
      const titles = boxes('.compartment .title');
      const hit = (a: DOMRect, b: DOMRect) =>
        a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      return boxes('.edge .label').filter((l) => titles.some((t) => hit(l, t))).length;
    });
    expect(overlaps, slug).toBe(0);
  }
  expect(labels).toBeGreaterThan(0);
});
