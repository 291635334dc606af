import { expect, loadLargeSpace, openPlayground, snap, test, waitAnalysed } from './fixtures.ts';

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

test('a long exploration stops at once with Cancel or Escape, and Explore starts afresh', async ({
  page,
}) => {
  await openPlayground(page);
  await page.getByTestId('panel-tab-explore').click();
  const panel = page.getByTestId('explore');
  await expect(panel.getByTestId('explore-summary')).toContainText('80 configurations');

  // A worker stuck for a minute stands in for a long exploration; only terminating it helps.
  for (const stop of ['button', 'Escape'] as const) {
    await page.evaluate(() => window.flexosDebug?.hangExploreWorker(60_000));
    await panel.getByTestId('explore-run').click();
    await expect(panel).toHaveAttribute('data-phase', 'running');
    await expect(panel.getByTestId('explore-progress')).toContainText('Escape cancels');
    if (stop === 'button') {
      await panel.getByTestId('explore-cancel').click();
    } else {
      await panel.getByTestId('explore-order').focus();
      await page.keyboard.press('Escape');
    }
    await expect(panel).toHaveAttribute('data-phase', 'cancelled', { timeout: 1000 });
    await expect(panel.getByTestId('explore-cancelled')).toContainText('cancelled');
  }
  await snap(page, 'explore-cancelled');

  // An edit does not undo the cancel; Explore runs on a fresh worker (the old one is stuck).
  await page.evaluate(() =>
    window.flexosDebug?.setFile('README.md', `${window.flexosDebug?.file('README.md') ?? ''}\n`),
  );
  await waitAnalysed(page);
  await page.waitForTimeout(400);
  await expect(panel).toHaveAttribute('data-phase', 'cancelled');
  await panel.getByTestId('explore-run').click();
  await expect(panel).toHaveAttribute('data-phase', 'idle', { timeout: 10_000 });
  await expect(panel.getByTestId('explore-cancelled')).toHaveCount(0);
});

test('the explore worker is restarted after it crashes, and the panel says so', async ({
  page,
}) => {
  await openPlayground(page);
  await page.getByTestId('panel-tab-explore').click();
  const panel = page.getByTestId('explore');
  await expect(panel.getByTestId('explore-summary')).toContainText('80 configurations');
  await page.evaluate(() => window.flexosDebug?.crashExploreWorker());
  await expect(panel.getByTestId('explore-notice')).toContainText('crashed');
  await panel.getByTestId('explore-order').selectOption('product');
  await expect(panel.getByTestId('explore-summary')).toContainText('product order');
  await expect(panel).toHaveAttribute('data-phase', 'idle');
});

test('the 45-million-configuration space shows the core’s progress while it is explored', async ({
  page,
}) => {
  // Progress shows from the first millisecond here, not after 200 ms as for a person.
  await openPlayground(page, '/?exploreShowRunningMs=1');
  await page.getByTestId('panel-tab-explore').click();
  const panel = page.getByTestId('explore');
  await expect(panel.getByTestId('explore-summary')).toContainText('80 configurations');
  // Every text the progress line shows, however briefly.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="explore-progress"]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await loadLargeSpace(page);
  await expect(panel.getByTestId('explore-summary')).toContainText('45001728 configurations', {
    timeout: 30_000,
  });
  const seen = await page.evaluate(
    () => (window as unknown as { progressSeen: string[] }).progressSeen,
  );
  expect(seen.filter((t) => /counting the frontier: \d+\/43947 partitions/.test(t))).not.toEqual(
    [],
  );
});
