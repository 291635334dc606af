import { expect, gotoLine, loadExample, openFile, openPlayground, snap, test } from './fixtures.ts';

test('My playgrounds lists saved work to open, rename, duplicate and delete', async ({ page }) => {
  await openPlayground(page);
  await openFile(page, 'config.yaml');
  await gotoLine(page, 5);
  await page.keyboard.type(' # mine');
  await expect(page.getByTestId('status')).toContainText('Saved in this browser');
  await loadExample(page, 'hello');

  await page.getByTestId('playgrounds-button').click();
  const dialog = page.getByTestId('playgrounds');
  const items = dialog.getByTestId('playground-item');
  await expect(items).toHaveCount(1);

  await items.first().getByTestId('playground-rename').click();
  await dialog.getByTestId('playground-title-input').fill('My minikv');
  await dialog.getByTestId('playground-title-input').press('Enter');
  await expect(items.first()).toContainText('My minikv');

  await items.first().getByTestId('playground-duplicate').click();
  await expect(items).toHaveCount(2);
  await expect(dialog.getByText('My minikv (copy)')).toBeVisible();
  await snap(page, 'playgrounds');

  await dialog.getByText('My minikv (copy)').click();
  await expect(dialog).toBeHidden();
  expect(await page.evaluate(() => window.flexosDebug?.file('config.yaml'))).toContain('# mine');

  await page.getByTestId('playgrounds-button').click();
  const copy = items.filter({ hasText: 'My minikv (copy)' });
  await copy.getByTestId('playground-delete').click();
  await copy.getByTestId('playground-confirm-delete').click();
  await expect(items).toHaveCount(1);
});
