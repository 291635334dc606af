import { expect, openPlayground, test, waitAnalysed } from './fixtures.ts';

test('files and libraries can be added, renamed and deleted from the tree', async ({ page }) => {
  await openPlayground(page);
  const tree = page.getByTestId('file-tree');
  const item = (path: string) => tree.locator(`[data-testid="tree-item"][data-path="${path}"]`);

  await tree.getByTestId('new-library').click();
  await tree.getByTestId('tree-input').fill('logger');
  await tree.getByTestId('tree-input').press('Enter');
  await expect(item('libs/logger/logger.c')).toBeVisible();
  await expect(item('components/logger.flexos')).toBeVisible();
  await expect(
    page.getByTestId('editor-tab').and(page.locator('[data-path="libs/logger/logger.c"]')),
  ).toBeVisible();
  await waitAnalysed(page);
  // The stubs are valid: no problem in the new metadata, no error anywhere.
  const problems = page.getByTestId('problems');
  await expect(problems.locator('[data-file="components/logger.flexos"]')).toHaveCount(0);
  await expect(problems.locator('[data-severity="error"]')).toHaveCount(0);

  await tree.getByTestId('new-file').click();
  await tree.getByTestId('tree-input').fill('libs/logger/extra.c');
  await tree.getByTestId('tree-input').press('Enter');
  await expect(item('libs/logger/extra.c')).toBeVisible();

  // F2 renames; a taken name is refused with a message.
  await item('libs/logger/extra.c').focus();
  await page.keyboard.press('F2');
  await tree.getByTestId('tree-input').fill('libs/logger/logger.c');
  await tree.getByTestId('tree-input').press('Enter');
  await expect(tree.getByRole('alert')).toContainText('already exists');
  await tree.getByTestId('tree-input').fill('libs/logger/sink.c');
  await tree.getByTestId('tree-input').press('Enter');
  await expect(item('libs/logger/sink.c')).toBeVisible();
  await expect(item('libs/logger/extra.c')).toHaveCount(0);

  // Delete removes the whole library folder after confirmation.
  await item('libs/logger/').focus();
  await page.keyboard.press('Delete');
  await tree.getByTestId('confirm-delete').click();
  await expect(item('libs/logger/sink.c')).toHaveCount(0);
  await expect(item('libs/logger/logger.c')).toHaveCount(0);
  await waitAnalysed(page);
});
