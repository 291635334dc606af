import { expect, gotoLine, openFile, openPlayground, snap, test } from './fixtures.ts';

test('a placement violation gets a marker, a Problems entry and a quick fix that edits config.yaml', async ({
  page,
}) => {
  await openPlayground(page);
  await openFile(page, 'config.yaml');
  const problems = page.getByTestId('problems');
  await expect(page.getByTestId('problem-count')).toHaveText('no problems');

  // Put netstack next to the verified scheduler, which sched's [Requires] forbids.
  await gotoLine(page, 19);
  await page.keyboard.press('Backspace');
  await page.keyboard.type('2');
  const violation = problems.locator('[data-code="solver/violation-call"]');
  await expect(violation).toHaveAttribute('data-line', '19');
  await expect(violation).toHaveAttribute('data-file', 'config.yaml');
  await expect(page.getByTestId('editor').locator('.squiggly-error').first()).toBeVisible();
  await snap(page, 'problems-violation');

  // Ctrl+. on the marked line offers the solver's fixes as quick fixes.
  await gotoLine(page, 19);
  await page.keyboard.press('Home');
  await page.keyboard.press('ControlOrMeta+.');
  const menu = page.locator('.action-widget').first();
  await expect(menu).toBeVisible();
  await expect(menu.getByText(/Move netstack/).first()).toBeVisible();
  await snap(page, 'quick-fix-menu');
  await menu
    .getByText(/Move netstack/)
    .first()
    .click();

  await expect(problems.locator('[data-code^="solver/violation-"]')).toHaveCount(0);
  const config = await page.evaluate(() => window.flexosDebug?.file('config.yaml'));
  expect(config).not.toMatch(/- netstack: comp2\n/);
});
