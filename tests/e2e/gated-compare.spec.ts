import { expect, openFile, openPlayground, test, waitAnalysed } from './fixtures.ts';
import type { Page } from '@playwright/test';

const config = (page: Page) => page.evaluate(() => window.flexosDebug?.file('config.yaml') ?? '');

/** The text Monaco shows on one side of the gated-C diff (visible lines only). */
const side = (page: Page, which: 'original' | 'modified') =>
  page
    .getByTestId('gated-code')
    .locator(`.monaco-diff-editor .editor.${which} .lines-content > .view-lines`);

/** Scrolls the diff from the top until `which` side shows `text` (Monaco draws visible lines only). */
async function seek(page: Page, which: 'original' | 'modified', text: string): Promise<void> {
  const lines = side(page, which);
  const box = await page
    .getByTestId('gated-code')
    .locator(`.monaco-diff-editor .editor.${which}`)
    .boundingBox();
  if (!box) throw new Error(`no ${which} editor`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 30; i++) await page.mouse.wheel(0, -400);
  await page.waitForTimeout(100);
  for (let i = 0; i < 40; i++) {
    if ((await lines.textContent())?.replace(/\u00a0/g, ' ').includes(text)) return;
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(50);
  }
  await expect(lines).toContainText(text);
}

/**
 * Hovers `word` in the first line of `which` side that contains `line`. Monaco joins tokens of
 * one colour into one span, so the pointer goes to the word's place within its span (the font
 * is monospace).
 */
async function hoverWord(
  page: Page,
  which: 'original' | 'modified',
  line: string,
  word: string,
): Promise<void> {
  await seek(page, which, line);
  // Seeking stops as soon as the line shows; bring it clear of the editor's bottom edge.
  const editor = await page
    .getByTestId('gated-code')
    .locator(`.monaco-diff-editor .editor.${which}`)
    .boundingBox();
  const row = await side(page, which)
    .locator('.view-line', { hasText: line })
    .first()
    .boundingBox();
  if (editor && row && row.y + row.height > editor.y + editor.height - 40) {
    await page.mouse.wheel(0, 160);
    await page.waitForTimeout(100);
  }
  const span = side(page, which)
    .locator('.view-line', { hasText: line })
    .first()
    .locator('span span', { hasText: new RegExp(`\\b${word}\\b`) })
    .first();
  const text = ((await span.textContent()) ?? '').replace(/\u00a0/g, ' ');
  const box = await span.boundingBox();
  if (!box) throw new Error(`'${word}' is not shown`);
  const at = text.search(new RegExp(`\\b${word}\\b`)) + word.length / 2;
  await page.mouse.move(box.x + (box.width * at) / text.length, box.y + box.height / 2);
}

/** A wide window and side panel, so the diff shows its two sides next to each other. */
async function sideBySide(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1800, height: 900 });
  const splitter = page.getByRole('separator', { name: 'Resize side panel' });
  await splitter.focus();
  // Widen until the diff is past its side-by-side breakpoint (720 px) or the splitter stops.
  for (let last = -1, now = 0; now !== last && now < 800;) {
    last = now;
    await page.keyboard.press('ArrowLeft');
    now = Number(await splitter.getAttribute('aria-valuenow'));
  }
}

test('any two variants side by side, each gate and shared variable explained on hover', async ({
  page,
}) => {
  await openPlayground(page);
  await sideBySide(page);
  await openFile(page, 'libs/kv/kv.c');
  await page.getByTestId('panel-tab-gated').click();
  const panel = page.getByTestId('gated-code');
  await expect(panel.getByTestId('gated-left')).toHaveValue('source');
  await expect(panel.getByTestId('gated-right')).toHaveValue('image');
  await seek(page, 'modified', 'flexos_intelpku_gate');

  await panel.getByTestId('gated-right').selectOption('vm-ept');
  await expect(panel.getByTestId('gated-pending')).toHaveCount(0);
  await seek(page, 'modified', 'flexos_vmept_gate');
  await panel.getByTestId('gated-left').selectOption('fcalls');
  await expect(panel.getByTestId('gated-pending')).toHaveCount(0);
  await seek(page, 'original', 'flexos_nop_gate_r(0, 2');
  await expect(side(page, 'original')).not.toContainText('flexos_gate');
  await seek(page, 'modified', 'flexos_vmept_gate');

  // Hover a VM/EPT gate (its `recv` argument): the note says which rule, which compartments.
  await hoverWord(page, 'modified', 'flexos_vmept_gate_r(0, 2, r, recv', 'recv');
  const hover = page.locator('.monaco-hover').filter({ hasText: 'VMs / EPT gate' });
  await expect(hover).toBeVisible();
  await expect(hover).toContainText('kv in compartment 0 (comp1) calls netstack::recv');
  await expect(hover).toContainText('in compartment 2 (comp3)');

  // The whitelisted local `addr` under MPK with data shadow stacks.
  await page.mouse.move(0, 0);
  await panel.getByTestId('gated-right').selectOption('intel-mpk/dss');
  await expect(panel.getByTestId('gated-pending')).toHaveCount(0);
  await hoverWord(page, 'modified', 'ns_sockaddr addr', 'addr');
  const local = page.locator('.monaco-hover').filter({ hasText: 'shared local: dss' });
  await expect(local).toBeVisible();
  await expect(local).toContainText('_dss_addr');
  // A use the rule rewrote says the same (after another note, so the hover did change).
  await hoverWord(page, 'modified', 'flexos_intelpku_gate_r(0, 2, lfd, socket', 'socket');
  await expect(page.locator('.monaco-hover').filter({ hasText: 'Intel MPK gate' })).toBeVisible();
  await expect(local).toHaveCount(0);
  await hoverWord(page, 'modified', '(*_dss_addr).port', '_dss_addr');
  await expect(local).toBeVisible();

  // The source side explains the placeholder with the image's own rule.
  await page.mouse.move(0, 0);
  await panel.getByTestId('gated-left').selectOption('source');
  await hoverWord(page, 'original', 'flexos_gate_r(libnetstack, r, recv', 'recv');
  await expect(page.locator('.monaco-hover').filter({ hasText: 'Intel MPK gate' })).toBeVisible();
});

test('expanded unchanged regions and the scroll position survive switching variants', async ({
  page,
}) => {
  await openPlayground(page);
  await sideBySide(page);
  await openFile(page, 'libs/netstack/netstack.c');
  await page.getByTestId('panel-tab-gated').click();
  const panel = page.getByTestId('gated-code');
  const hidden = panel.locator('.diff-hidden-lines');
  await expect(hidden.first()).toBeAttached();
  const before = await hidden.count();
  // Expand the first unchanged region.
  await panel.locator('.diff-hidden-lines .center a').first().click();
  await expect.poll(() => hidden.count()).toBeLessThan(before);
  const expanded = await hidden.count();
  const scroller = panel.locator('.editor.modified .monaco-scrollable-element').first();
  await scroller.hover();
  await page.mouse.wheel(0, 300);
  const top = async () =>
    panel
      .locator('.editor.modified .margin-view-overlays .line-numbers')
      .evaluateAll(
        (els) =>
          els
            .map((e) => ({ n: Number(e.textContent), y: e.getBoundingClientRect().top }))
            .sort((a, b) => a.y - b.y)[0]?.n ?? 0,
      );
  await expect.poll(top).toBeGreaterThan(1);
  const scrolled = await top();
  // Both sides change: VM/EPT against fcalls.
  await panel.getByTestId('gated-left').selectOption('vm-ept');
  await panel.getByTestId('gated-right').selectOption('fcalls');
  await expect(panel.getByTestId('gated-pending')).toHaveCount(0);
  await page.waitForTimeout(300);
  await expect(hidden).toHaveCount(expanded);
  expect(Math.abs((await top()) - scrolled)).toBeLessThanOrEqual(2);
});

test('the mechanism of the whole image switches in one undoable edit, from the panel or the command list', async ({
  page,
}) => {
  await openPlayground(page);
  const original = await config(page);
  await page.getByTestId('panel-tab-gated').click();
  await page.getByTestId('gated-mechanism').selectOption('vm-ept');
  await expect.poll(() => config(page)).toContain('mechanism: vm-ept');
  const switched = await config(page);
  expect(switched).toBe(original.replace(/mechanism: intel-mpk/g, 'mechanism: vm-ept'));
  await waitAnalysed(page);
  await expect(page.getByTestId('gated-mechanism')).toHaveValue('vm-ept');

  // One Ctrl+Z in the editor undoes the whole switch.
  await openFile(page, 'config.yaml');
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(() => config(page)).toBe(original);

  await page.keyboard.press('ControlOrMeta+k');
  await page.getByTestId('command-input').fill('mechanism whole image fcalls');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => config(page))
    .toBe(original.replace(/mechanism: intel-mpk/g, 'mechanism: fcalls'));
});

test('downloading the build of a configuration with errors asks first', async ({ page }) => {
  await openPlayground(page);
  // sched and netstack may not share a compartment: a placement error, gated C still made.
  const broken = (await config(page)).replace('netstack: comp3', 'netstack: comp2');
  await page.evaluate((t) => window.flexosDebug?.setFile('config.yaml', t), broken);
  await waitAnalysed(page);
  await page.getByTestId('panel-tab-gated').click();
  const button = page.getByTestId('download-build');

  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.dismiss();
  });
  let downloaded = false;
  page.on('download', () => (downloaded = true));
  await button.click();
  await expect.poll(() => asked).toMatch(/has \d+ errors?.*Download it anyway\?/s);
  await page.waitForTimeout(500);
  expect(downloaded).toBe(false);

  page.once('dialog', (d) => void d.accept());
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toMatch(/-build\.zip$/);
});
