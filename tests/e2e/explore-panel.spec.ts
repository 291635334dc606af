import { expect, loadExample, openPlayground, test, waitAnalysed } from './fixtures.ts';
import type { Page } from '@playwright/test';

const file = (page: Page, path: string) => page.evaluate((p) => window.flexosDebug?.file(p), path);

test('the budget has a number field in sync with the slider, values show rounded with units', async ({
  page,
}) => {
  await openPlayground(page);
  await page.getByTestId('panel-tab-explore').click();
  const panel = page.getByTestId('explore');
  await expect(panel.getByTestId('explore-summary')).toContainText('80 configurations');
  const slider = panel.getByTestId('explore-budget');
  const number = panel.getByTestId('explore-budget-number');

  // Typing does not apply until Enter.
  await number.fill('300000');
  await expect(panel.getByTestId('explore-summary')).not.toContainText('meet');
  await number.press('Enter');
  await expect(panel.getByTestId('explore-summary')).toContainText('meet >= 300000');
  await expect(panel.getByTestId('explore-budget-shown')).toHaveText('300k requests/s');
  expect(Number(await slider.inputValue())).toBeCloseTo(300000, -3);

  // The slider moves the field.
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  const moved = Number(await slider.inputValue());
  expect(moved).toBeGreaterThan(300000);
  await expect(number).toHaveValue(String(Math.round(moved)));
  await expect(slider).toHaveAttribute('aria-valuetext', String(Math.round(moved)));
  await expect(panel.getByTestId('explore-budget-shown')).toHaveText(/^\d+k requests\/s$/);

  // Frontier values and the selected configuration carry the unit; the legend explains marks.
  await expect(panel.getByTestId('frontier-item').first()).toBeVisible();
  await expect(panel.locator('.frontier .value').first()).toContainText(/\d+(\.\d)?k requests\/s/);
  const legend = panel.getByTestId('explore-legend');
  await expect(legend).toContainText('requests/s');
  for (const mark of ['no label', 'on the frontier', 'below the budget', 'config.yaml now'])
    await expect(legend).toContainText(mark);

  // CSV labels have no unit: plain numbers.
  await panel.getByTestId('explore-labels').selectOption('none');
  await expect(panel.getByTestId('explore-legend')).not.toContainText('requests/s');
});

test('the current configuration is marked, and a budget nothing meets is explained', async ({
  page,
}) => {
  await openPlayground(page);
  await page.getByTestId('panel-tab-explore').click();
  const panel = page.getByTestId('explore');
  await expect(panel.getByTestId('explore-summary')).toContainText('80 configurations');
  // minikv's config.yaml: kv and libc together, sched and netstack alone, no hardening.
  const current = 'kv,libc | netstack | sched';
  await expect(panel.getByTestId('explore-current')).toContainText(current);
  await expect(panel.getByTestId('hasse-current')).toHaveAttribute('data-id', current);
  await expect(panel.getByTestId('scatter-current')).toHaveCount(1);

  const number = panel.getByTestId('explore-budget-number');
  await number.fill('99000000');
  await number.press('Enter');
  const empty = panel.getByTestId('explore-empty');
  await expect(empty).toContainText('No configuration meets the budget of 99,000,000 requests/s');
  await expect(empty).toContainText('The best is');
  const best = (await panel.getByTestId('explore-best').textContent()) ?? '';
  expect(best).toMatch(/^[\d,]+ requests\/s$/);
  await panel.getByTestId('explore-budget-best').click();
  await expect(empty).toHaveCount(0);
  await expect(panel.getByTestId('frontier-item')).toHaveCount(1);
});

test('Load into config.yaml keeps its comments, and the loaded configuration becomes current', async ({
  page,
}) => {
  await openPlayground(page);
  const before = (await file(page, 'config.yaml')) ?? '';
  await page.getByTestId('panel-tab-explore').click();
  const panel = page.getByTestId('explore');
  await expect(panel.getByTestId('explore-summary')).toContainText('80 configurations');
  const target = 'kv[asan],libc[asan] | netstack[asan,cfi] | sched[asan]';
  await panel.locator(`[data-testid="hasse-node"][data-id="${target}"]`).click();
  await panel.getByTestId('explore-load').click();
  // Loading asks the explore worker first: its notice says when the file has changed.
  await expect(page.getByTestId('notice').filter({ hasText: 'comments kept' })).toBeVisible();
  await waitAnalysed(page);
  const after = (await file(page, 'config.yaml')) ?? '';
  const comments = (t: string) => t.split('\n').filter((l) => l.startsWith('#'));
  expect(comments(after)).toEqual(comments(before));
  expect(comments(after).length).toBeGreaterThan(2);
  expect(after).toContain('  - netstack: { compartment: comp3, hardening: [asan, cfi] }');
  await expect(page.getByTestId('notice').filter({ hasText: 'comments kept' })).toBeVisible();
  await expect(panel.getByTestId('hasse-current')).toHaveAttribute('data-id', target);
});

test('an example without space.yaml offers to create one from its config', async ({ page }) => {
  await openPlayground(page);
  await loadExample(page, 'hello');
  await page.getByTestId('panel-tab-explore').click();
  const panel = page.getByTestId('explore');
  await panel.getByTestId('explore-create-space').click();
  await expect.poll(() => file(page, 'space.yaml')).toContain('components: [app, greeter]');
  // hello has no workload.yaml to estimate with: the space is explored without labels.
  await expect(panel.getByTestId('explore-labels')).toHaveValue('none');
  await expect(panel.getByTestId('explore-summary')).toContainText('8 configurations');
  await expect(panel.getByTestId('explore-current')).toContainText('app | greeter');
});
