import { expect, gotoLine, openFile, openPlayground, snap, test } from './fixtures.ts';

test('the flexos language completes section names and component functions', async ({ page }) => {
  await openPlayground(page);
  await openFile(page, 'components/kv.flexos');
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('[Har');
  // Ask explicitly (Ctrl+Space): whether typing alone opened the list depends on timing.
  await page.keyboard.press('Control+Space');
  const suggest = page.locator('.suggest-widget');
  await expect(suggest).toBeVisible();
  await expect(suggest).toContainText('Hardening');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type('[Call] sched::');
  await page.keyboard.press('Control+Space');
  await expect(suggest).toContainText('thread_add');
  await snap(page, 'flexos-completion');
});

test('config.yaml completes from its schema', async ({ page }) => {
  await openPlayground(page);
  await openFile(page, 'config.yaml');
  await gotoLine(page, 6);
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.type('sharing: ');
  await page.keyboard.press('Control+Space');
  const suggest = page.locator('.suggest-widget');
  await expect(suggest).toContainText('shared-stack');
});
