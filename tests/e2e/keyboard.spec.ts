import { expect, gotoLine, openPlayground, test, waitAnalysed } from './fixtures.ts';

/** Keyboard use: skip link, file tree keys, leaving the editor, graph moves, command focus. */

test('a skip link puts the keyboard in the editor; Escape leaves it, announced', async ({
  page,
}) => {
  await openPlayground(page);
  await page.keyboard.press('Tab');
  const skip = page.getByTestId('skip-to-editor');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  const editorFocused = () =>
    page.evaluate(() => !!document.activeElement?.closest('[data-testid="editor"]'));
  await expect.poll(editorFocused).toBe(true);
  // While the editor has focus, the status line says how Tab and Escape behave there.
  await expect(page.getByTestId('status-editor-keys')).toContainText('Ctrl+M');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('problems')).toBeFocused();
  await expect(page.getByTestId('announcer')).toContainText('Left the editor');
  await expect(page.getByTestId('status-editor-keys')).toHaveCount(0);
});

test('the file tree is one tab stop with arrow keys, folding and Enter', async ({ page }) => {
  await openPlayground(page);
  const tree = page.getByTestId('file-tree');
  const items = tree.getByTestId('tree-item');
  await expect(tree.locator('[data-testid="tree-item"][tabindex="0"]')).toHaveCount(1);
  const item = (path: string) => tree.locator(`[data-testid="tree-item"][data-path="${path}"]`);
  // Tab from the tree's last header button lands on the open file's row, the one tab stop.
  await tree.getByRole('button', { name: /^Delete/ }).focus();
  await page.keyboard.press('Tab');
  await expect(item('config.yaml')).toBeFocused();
  await page.keyboard.press('End');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await expect(tree.locator('[data-testid="tree-item"][tabindex="0"]')).toHaveCount(1);

  await item('libs/').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(item('libs/')).toHaveAttribute('aria-expanded', 'false');
  await expect(item('libs/kv/kv.c')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(item('libs/')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(item('libs/kv/')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(item('libs/kv/kv.c')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(
    page.getByTestId('editor-tab').and(page.locator('[data-path="libs/kv/kv.c"]')),
  ).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(item('libs/kv/')).toBeFocused();
  // Tab leaves the tree at once: the rows are not tab stops.
  await page.keyboard.press('Tab');
  expect(
    await page.evaluate(() => !!document.activeElement?.closest('[data-testid="file-tree"]')),
  ).toBe(false);
});

test('a graph node moves from the keyboard and keeps focus in its new place', async ({ page }) => {
  await openPlayground(page);
  const graph = page.getByTestId('graph');
  const kv = graph.locator('[data-testid="graph-library"][data-name="kv"]');
  await kv.focus();
  await page.keyboard.press('Enter');
  // Focus follows the move form to its compartment list.
  const target = graph.getByTestId('graph-move-target');
  await expect(target).toBeFocused();
  await target.selectOption('comp2');
  await page.keyboard.press('Enter');
  await expect(kv).toHaveAttribute('data-compartment', 'comp2');
  await expect(kv).toBeFocused();
  // Escape in the form goes back to the node without moving it.
  await page.keyboard.press('Enter');
  await expect(target).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(kv).toBeFocused();
  await expect(target).toHaveCount(0);
  await expect(kv).toHaveAttribute('data-compartment', 'comp2');
});

test('command-list actions move focus to what they show', async ({ page }) => {
  await openPlayground(page);
  const palette = page.getByTestId('command-palette');
  const runCommand = async (words: string) => {
    await page.keyboard.press('Control+k');
    await expect(palette).toBeVisible();
    await page.getByTestId('command-input').fill(words);
    await page.keyboard.press('Enter');
    await expect(palette).toBeHidden();
  };
  await page.getByTestId('panel-tab-graph').focus();
  await runCommand('show gated');
  await expect(page.locator('#panel-gated')).toBeFocused();
  await runCommand('show design space');
  await expect(page.locator('#panel-explore')).toBeFocused();
  await runCommand('open file sched.flexos');
  await expect
    .poll(() => page.evaluate(() => !!document.activeElement?.closest('[data-testid="editor"]')))
    .toBe(true);
  await expect(
    page.getByTestId('editor-tab').and(page.locator('[data-path="components/sched.flexos"]')),
  ).toHaveAttribute('aria-selected', 'true');
  await waitAnalysed(page);
});

test('the quick-fix menu lists each fix once, from the keyboard', async ({ page }) => {
  await openPlayground(page);
  const config = (await page.evaluate(() => window.flexosDebug?.file('config.yaml'))) ?? '';
  // netstack next to sched: two violations on the same line, with fixes in common.
  await page.evaluate(
    (t) => window.flexosDebug?.setFile('config.yaml', t),
    config.replace('- netstack: comp3', '- netstack: comp2'),
  );
  await waitAnalysed(page);
  await expect(
    page.getByTestId('problem').and(page.locator('[data-code^="solver/violation-"]')),
  ).not.toHaveCount(0);
  const line = config.split('\n').findIndex((l) => l.includes('- netstack: comp3')) + 1;
  await gotoLine(page, line);
  await page.keyboard.press('ControlOrMeta+.');
  const menu = page.locator('.action-widget').first();
  await expect(menu.getByText(/^Move netstack/).first()).toBeVisible();
  const titles = (await menu.locator('.monaco-list-row').allTextContents())
    .map((t) => t.trim())
    .filter(Boolean);
  expect(titles.length).toBeGreaterThan(1);
  expect(titles).toEqual([...new Set(titles)]);
  await page.keyboard.press('Escape');
});
