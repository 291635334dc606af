import type { Page } from '@playwright/test';
import { expect, openFile, openPlayground, snap, test, waitAnalysed } from './fixtures.ts';

const file = (page: Page, path: string) =>
  page.evaluate((p) => window.flexosDebug?.file(p) ?? null, path);

/** hello's application before porting: plain calls into greeter, nothing shared yet. */
const PLAIN = [
  '#include <stddef.h>',
  '#include "../greeter/greeter.h"',
  '',
  'static void print_line(const char *line)',
  '{',
  '	(void)line;',
  '}',
  '',
  'int main(void)',
  '{',
  '	size_t greeted = 0;',
  '	char line[64];',
  '	set_salutation("Hello");',
  '	return greet_all("ada", line, sizeof line, &greeted, print_line);',
  '}',
  '',
].join('\n');

test('Insert gates wraps calls into another library and offers whitelists as quick fixes', async ({
  page,
}) => {
  await openPlayground(page);
  await page.getByTestId('example-picker').selectOption('hello');
  await waitAnalysed(page);
  await page.evaluate((t) => window.flexosDebug?.setFile('libs/app/main.c', t), PLAIN);
  await waitAnalysed(page);
  await openFile(page, 'libs/app/main.c');

  await page.getByTestId('insert-gates').click();
  await expect(
    page.getByTestId('notice').filter({ hasText: '2 calls from app gated' }),
  ).toBeVisible();
  const gated = (await file(page, 'libs/app/main.c')) ?? '';
  expect(gated).toContain('flexos_gate(libgreeter, set_salutation, "Hello");');
  expect(gated).toMatch(/flexos_gate_r\(libgreeter, \w+, greet_all, "ada", line/);
  const editor = page.getByTestId('editor');
  await expect(editor.locator('.view-lines')).toContainText('flexos_gate(libgreeter');

  // What porting proposes shows in Problems and as a quick fix on the argument: from "Insert
  // gates", or from the live analysis once it sees the gates (listed once, whichever).
  const crossing = (name: string) =>
    page
      .getByTestId('problem')
      .and(page.locator('[data-code="rewrite/address-crosses-gate"]'))
      .filter({ hasText: `'${name}'` });
  const row = crossing('greeted');
  await expect(row).toBeVisible();
  await snap(page, 'insert-gates-problems');
  await row.locator('button').first().click();
  await page.keyboard.press('ControlOrMeta+.');
  const menu = page.locator('.action-widget').first();
  await expect(menu.getByText("Whitelist 'greeted'")).toBeVisible();
  await snap(page, 'insert-gates-quick-fix');
  await menu.getByText("Whitelist 'greeted'").click();
  await expect
    .poll(() => file(page, 'libs/app/main.c'))
    .toContain('size_t greeted __attribute__((flexos_whitelist)) = 0;');
  await expect(row).toHaveCount(0);
  // The other proposals are still offered, at their places in the changed text.
  await expect(crossing('line')).toHaveCount(1);

  // Ctrl+Z in the editor undoes the whitelist, then the gates, one step each.
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(() => file(page, 'libs/app/main.c')).toBe(gated);
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(() => file(page, 'libs/app/main.c')).toBe(PLAIN);
  await expect(page.locator('[data-from="insert-gates"]')).toHaveCount(0);
});

test('Insert gates from the command list says when there is nothing to gate', async ({ page }) => {
  await openPlayground(page);
  await page.getByTestId('example-picker').selectOption('hello');
  await waitAnalysed(page);
  await openFile(page, 'libs/greeter/greeter.c');
  const before = await file(page, 'libs/greeter/greeter.c');
  await page.keyboard.press('ControlOrMeta+k');
  await page.getByTestId('command-input').fill('insert gates');
  await page.keyboard.press('Enter');
  await expect(
    page.getByTestId('notice').filter({ hasText: 'calls no other library' }),
  ).toBeVisible();
  expect(await file(page, 'libs/greeter/greeter.c')).toBe(before);
});
