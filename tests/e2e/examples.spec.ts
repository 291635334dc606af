import { EXAMPLE_SLUGS } from './example-slugs.ts';
import { expect, loadExample, openPlayground, snap, test } from './fixtures.ts';

test('every example loads with no problems', async ({ page }) => {
  await openPlayground(page);
  for (const slug of EXAMPLE_SLUGS) {
    await loadExample(page, slug);
    await expect(page.getByTestId('file-tree').getByText('config.yaml')).toBeVisible();
    await expect(page.getByTestId('problem-count'), slug).toHaveText('no problems');
  }
  await snap(page, 'examples');
});
