import {
  enableTestHooks,
  expect,
  gotoLine,
  openFile,
  openPlayground,
  snap,
  test,
  waitAnalysed,
} from './fixtures.ts';

test('a share link restores every file and the selected panel in a new browser context', async ({
  page,
  browser,
}) => {
  await openPlayground(page);
  await openFile(page, 'config.yaml');
  await gotoLine(page, 5);
  await page.keyboard.type(' # shared edit');
  await page.getByTestId('panel-tab-explore').click();
  await waitAnalysed(page);

  await page.getByTestId('share-button').click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/#v1\/[A-Za-z0-9_-]+$/);
  await expect(page.getByTestId('share-length')).toContainText(
    `${link.length.toLocaleString('en')} characters`,
  );
  await snap(page, 'share-popup');

  const other = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await enableTestHooks(other);
  const fresh = await other.newPage();
  const errors: string[] = [];
  fresh.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await fresh.goto(link);
  await expect(fresh.getByTestId('editor')).toHaveAttribute('data-ready', 'true', {
    timeout: 20_000,
  });
  const config = await fresh.evaluate(() => window.flexosDebug?.file('config.yaml'));
  expect(config).toContain('# shared edit');
  await expect(fresh.getByTestId('panel-tab-explore')).toHaveAttribute('aria-selected', 'true');
  expect(errors).toEqual([]);
  await other.close();
});

test('a corrupted or truncated link says so and loads nothing broken', async ({ page }) => {
  await openPlayground(page);
  await page.getByTestId('share-button').click();
  const link = await page.getByTestId('share-link').inputValue();
  const before = await page.evaluate(() => window.flexosDebug?.file('config.yaml'));

  for (const bad of [
    link.slice(0, Math.floor(link.length * 0.6)),
    link.replace(/#v1\/.{8}/, '#v1/@@@@@@@@'),
    link.replace('#v1/', '#v9/'),
  ]) {
    await page.goto('about:blank');
    await page.goto(bad);
    const notice = page.getByTestId('notice').filter({ hasText: 'share link cannot be opened' });
    await expect(notice).toBeVisible();
    await waitAnalysed(page);
    // The page falls back to what was open before, intact.
    expect(await page.evaluate(() => window.flexosDebug?.file('config.yaml'))).toBe(before);
  }
  await snap(page, 'share-corrupted');
});

test('a link over 8,000 characters comes with a warning', async ({ page }) => {
  await openPlayground(page);
  const tree = page.getByTestId('file-tree');
  await tree.getByTestId('new-file').click();
  await tree.getByTestId('tree-input').fill('notes.txt');
  await tree.getByTestId('tree-input').press('Enter');
  // Text that does not compress: a pseudo-random stream of letters.
  let seed = 7;
  const noise = Array.from({ length: 12_000 }, () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return String.fromCharCode(97 + (seed % 26));
  }).join('');
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.insertText(noise);
  await waitAnalysed(page);
  await page.getByTestId('share-button').click();
  const length = page.getByTestId('share-length');
  await expect(length).toContainText('Over 8,000 characters');
  await expect(length).toHaveClass(/sev-warning/);
});
