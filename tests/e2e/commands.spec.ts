import { expect, openFile, openPlayground, snap, test } from './fixtures.ts';

test('Ctrl/Cmd+K opens the command list, even from inside the editor', async ({ page }) => {
  await openPlayground(page);
  await openFile(page, 'config.yaml');
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+k');
  const palette = page.getByTestId('command-palette');
  await expect(palette).toBeVisible();
  await page.getByTestId('command-input').fill('theme dark');
  await snap(page, 'command-palette');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await snap(page, 'theme-dark');
});

test('Ctrl/Cmd+S saves at once', async ({ page }) => {
  await openPlayground(page);
  await page.keyboard.press('ControlOrMeta+s');
  await expect(
    page.getByTestId('notice').filter({ hasText: 'Saved in this browser' }),
  ).toBeVisible();
});

test('panels are reachable and resizable from the keyboard', async ({ page }) => {
  await openPlayground(page);
  const splitter = page.getByRole('separator', { name: 'Resize side panel' });
  const before = Number(await splitter.getAttribute('aria-valuenow'));
  await splitter.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 20));
  await page.getByTestId('panel-tab-graph').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('panel-tab-gated')).toBeFocused();
  await expect(page.getByTestId('panel-tab-gated')).toHaveAttribute('aria-selected', 'true');
});

test('the command list adds a library', async ({ page }) => {
  await openPlayground(page);
  await page.keyboard.press('ControlOrMeta+k');
  await page.getByTestId('command-input').fill('new library');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tree-input')).toBeFocused();
  await page.keyboard.type('audit');
  await page.keyboard.press('Enter');
  await expect(
    page.getByTestId('file-tree').locator('[data-path="components/audit.flexos"]'),
  ).toBeVisible();
});
