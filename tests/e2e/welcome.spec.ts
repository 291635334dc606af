import { expect, openPlayground, test, waitAnalysed } from './fixtures.ts';

test.use({ showWelcome: true });

test('a first visit is welcomed once, with the open example and its README', async ({ page }) => {
  await openPlayground(page);
  const welcome = page.getByTestId('welcome');
  await expect(welcome).toBeVisible();
  await expect(welcome.getByTestId('welcome-example')).toHaveText('minikv');
  // The picker shows the example that is open, not a placeholder.
  await expect(page.getByTestId('example-picker')).toHaveValue('minikv');

  await welcome.getByTestId('welcome-readme').click();
  await expect(
    page.getByTestId('editor-tab').and(page.locator('[data-path="README.md"]')),
  ).toHaveAttribute('aria-selected', 'true');
  await expect(welcome).toHaveCount(0);

  // Remembered: the next visit starts without it.
  await page.reload();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true');
  await waitAnalysed(page);
  await expect(page.getByTestId('welcome')).toHaveCount(0);
});

test('the welcome names the example chosen in the picker, and "Got it" dismisses it', async ({
  page,
}) => {
  await openPlayground(page);
  await page.getByTestId('example-picker').selectOption('hello');
  await waitAnalysed(page);
  await expect(page.getByTestId('example-picker')).toHaveValue('hello');
  await expect(page.getByTestId('welcome-example')).toHaveText('hello');
  const status = page.getByTestId('status');
  const statusHeight = async () => (await status.boundingBox())?.height ?? 0;
  const withWelcome = await statusHeight();
  await page.getByTestId('welcome-dismiss').click();
  await expect(page.getByTestId('welcome')).toHaveCount(0);
  // The panels, not the status line, take the room the welcome leaves.
  expect(await statusHeight()).toBe(withWelcome);
  const main = await page.locator('main').boundingBox();
  const bar = await status.boundingBox();
  expect(main && bar && Math.abs(main.y + main.height - bar.y)).toBeLessThanOrEqual(1);
  await page.reload();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('welcome')).toHaveCount(0);
});
