import { expect, openFile, openPlayground, snap, test, waitAnalysed } from './fixtures.ts';
import type { Page } from '@playwright/test';

const file = (page: Page, path: string) =>
  page.evaluate((p) => window.flexosDebug?.file(p) ?? null, path);

test('Solve shows the conflicts and the fewest compartments, and applies them as one undoable edit', async ({
  page,
}) => {
  await openPlayground(page);
  await openFile(page, 'config.yaml');
  const problems = page.getByTestId('problems');
  const violations = problems.locator('[data-code^="solver/violation-"]');

  // Put netstack next to the verified scheduler, which sched's [Requires] forbids.
  const original = (await file(page, 'config.yaml')) ?? '';
  const broken = original.replace('- netstack: comp3', '- netstack: comp2');
  expect(broken).not.toBe(original);
  await page.evaluate((t) => window.flexosDebug?.setFile('config.yaml', t), broken);
  await waitAnalysed(page);
  await expect(violations.first()).toBeVisible();

  await page.getByTestId('solve-button').click();
  const dialog = page.getByTestId('solve-dialog');
  await expect(dialog).toBeVisible();
  await expect(
    dialog.locator('[data-testid="solve-conflict"][data-a="netstack"][data-b="sched"]'),
  ).toContainText('netstack ↔ sched');
  await expect(dialog.getByTestId('solve-min')).toHaveAttribute('data-count', '2');
  await expect(dialog.getByTestId('solve-min')).toHaveAttribute('data-exact', 'true');
  await expect(dialog.getByTestId('solve-remaining')).toHaveCount(0);
  // The diff removes lines of the file as it is and adds the proposal's.
  const diff = dialog.getByTestId('solve-diff');
  await expect(diff.locator('[data-kind="del"]').first()).toBeVisible();
  const added = (await diff.locator('[data-kind="add"]').allTextContents()).map((t) =>
    t.replace(/^\+ /, ''),
  );
  expect(added.length).toBeGreaterThan(0);
  await snap(page, 'solve-dialog');

  await dialog.getByTestId('solve-apply').click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByTestId('notice').filter({ hasText: 'Applied the proposal' }),
  ).toBeVisible();
  await waitAnalysed(page);
  await expect(violations).toHaveCount(0);
  const solved = ((await file(page, 'config.yaml')) ?? '').split('\n');
  for (const line of added) expect(solved).toContain(line);

  // The editor shows the change and has the focus: one Ctrl+Z brings the text before back.
  await expect(
    page.getByTestId('editor-tab').and(page.locator('[data-path="config.yaml"]')),
  ).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('editor').locator('.monaco-editor.focused')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(() => file(page, 'config.yaml')).toBe(broken);
  await waitAnalysed(page);
  await expect(violations.first()).toBeVisible();
});

test('Solve says when the placement is already minimal', async ({ page }) => {
  await openPlayground(page);
  await page.getByTestId('example-picker').selectOption('imgparse');
  await waitAnalysed(page);
  const before = await file(page, 'config.yaml');
  // The shortcut works from inside the editor.
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+Shift+S');
  const dialog = page.getByTestId('solve-dialog');
  await expect(dialog.getByTestId('solve-minimal')).toContainText('already minimal');
  await expect(dialog.getByTestId('solve-diff')).toHaveCount(0);
  await expect(dialog.getByTestId('solve-apply')).toBeDisabled();
  await expect(dialog.getByTestId('solve-min')).toHaveAttribute('data-count', '2');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await file(page, 'config.yaml')).toBe(before);

  // The command list has it too.
  await page.keyboard.press('ControlOrMeta+k');
  await page.getByTestId('command-input').fill('solve');
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('solve-minimal')).toBeVisible();
});
