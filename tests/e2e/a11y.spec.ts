import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, loadExample, openPlayground, test, waitAnalysed } from './fixtures.ts';

test.use({ showWelcome: true });

/**
 * An axe-core scan of the main views: editor with Problems, graph, gated C, explore, the Run
 * panel, the command list open and the Solve dialog. Serious and critical violations fail.
 * axe is plain JavaScript from node_modules, injected into the page; nothing is downloaded.
 */
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

async function seriousViolations(page: Page, view: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: object): Promise<AxeResult> } }).axe;
    const r = await axe.run({ resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return result
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${view}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.join(' | ')}`);
}

test('the main views have no serious or critical accessibility violations', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page);
  const found: string[] = [];
  // Problems with content: netstack next to sched.
  const config = (await page.evaluate(() => window.flexosDebug?.file('config.yaml'))) ?? '';
  await page.evaluate(
    (t) => window.flexosDebug?.setFile('config.yaml', t),
    config.replace('- netstack: comp3', '- netstack: comp2'),
  );
  await waitAnalysed(page);
  await expect(page.getByTestId('problem').first()).toBeVisible();
  found.push(...(await seriousViolations(page, 'editor, problems and graph')));

  for (const panel of ['gated', 'explore', 'run'] as const) {
    await page.getByTestId(`panel-tab-${panel}`).click();
    await waitAnalysed(page);
    await expect(page.locator(`#panel-${panel}`)).toBeVisible();
    if (panel === 'explore')
      await expect(page.getByTestId('explore')).toHaveAttribute('data-phase', 'idle');
    found.push(...(await seriousViolations(page, panel)));
  }

  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('command-palette')).toBeVisible();
  found.push(...(await seriousViolations(page, 'command list')));
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('command-palette')).toBeHidden();

  await page.getByTestId('solve-button').click();
  await expect(page.locator('dialog[open]')).toBeVisible();
  await expect(page.locator('dialog[open]')).not.toContainText('Solving…');
  found.push(...(await seriousViolations(page, 'solve dialog')));
  await page.keyboard.press('Escape');
  await expect(page.locator('dialog[open]')).toHaveCount(0);

  // An exercise: the lesson panel with its instructions and checklist, then the Share popup.
  await loadExample(page, 'exercise-fewest');
  await expect(page.getByTestId('lesson-panel')).toBeVisible();
  await expect(page.getByTestId('check').first()).toBeVisible();
  found.push(...(await seriousViolations(page, 'lesson panel')));
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-popup')).toBeVisible();
  // Scanned once the links are made (the button is dimmed while it works).
  await expect(page.getByTestId('share-short-status')).toContainText('Short link');
  await expect(page.getByTestId('share-button')).toBeEnabled();
  found.push(...(await seriousViolations(page, 'share popup')));

  expect(found).toEqual([]);
});
