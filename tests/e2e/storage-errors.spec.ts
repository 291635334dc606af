import { expect, gotoLine, openFile, openPlayground, test } from './fixtures.ts';

test('when the browser refuses storage, the page still works and says so', async ({ page }) => {
  await page.addInitScript(() => {
    // As in some private modes: opening IndexedDB fails.
    Object.defineProperty(IDBFactory.prototype, 'open', {
      value: () => {
        throw new DOMException(
          'The user denied permission to access the database.',
          'SecurityError',
        );
      },
    });
  });
  await openPlayground(page);
  await expect(
    page.getByTestId('notice').filter({ hasText: 'Saved playgrounds are unavailable' }),
  ).toBeVisible();
  await expect(page.getByTestId('problem-count')).toHaveText('no problems');

  await openFile(page, 'config.yaml');
  await gotoLine(page, 5);
  await page.keyboard.type(' # not saved');
  const failure = page.getByTestId('notice').filter({ hasText: 'Could not save in this browser' });
  await expect(failure).toBeVisible();
  await expect(failure).toContainText('Download a .zip');
  await expect(page.getByTestId('status')).toContainText('Not saved');
});
