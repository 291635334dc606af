import { expect, test as base, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** Lets the page install `window.flexosDebug` (src/app/lib/debug-hooks.ts) in `context`. */
export async function enableTestHooks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    window.__flexosTestHooks = true;
  });
}

/**
 * Shared setup for the feature specs: every page fails its test on a console error or an
 * uncaught exception (the product must run clean), and helpers wait for the states a user
 * would wait for, selecting elements by `data-testid` only.
 */
export const test = base.extend<{ consoleErrors: string[]; showWelcome: boolean }>({
  // A first visit's welcome takes room above the panels; specs about something else start as
  // a returning visitor would (welcome.spec.ts and the layout specs ask for it).
  showWelcome: [false, { option: true }],
  context: async ({ context, showWelcome }, use) => {
    await enableTestHooks(context);
    if (!showWelcome) {
      await context.addInitScript(() => {
        // Every document runs this, also those without storage (about:blank, another origin).
        try {
          localStorage.setItem('flexos-welcome-dismissed', 'by the test harness');
        } catch {
          // nothing to remember there
        }
      });
    }
    await use(context);
  },
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the playground and waits until the editor is ready and a first analysis is shown. */
export async function openPlayground(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true', {
    timeout: 20_000,
  });
  await waitAnalysed(page);
}

/** Waits until the status line says the analysis is up to date. */
export async function waitAnalysed(page: Page): Promise<void> {
  await expect(page.getByTestId('status')).toHaveAttribute('data-phase', 'idle');
  await expect(page.getByTestId('problem-count')).not.toHaveText('checking…');
}

/** Loads a bundled example through the picker. */
export async function loadExample(page: Page, slug: string): Promise<void> {
  await page.getByTestId('example-picker').selectOption(slug);
  await waitAnalysed(page);
}

/** Opens a file from the tree into the editor. */
export async function openFile(page: Page, path: string): Promise<void> {
  await page
    .getByTestId('file-tree')
    .locator(`[data-testid="tree-item"][data-path="${path}"]`)
    .click();
  await expect(
    page.getByTestId('editor-tab').and(page.locator(`[data-path="${path}"]`)),
  ).toHaveAttribute('aria-selected', 'true');
}

/** Puts the editor cursor at the end of line `line` of the open file and focuses it. */
export async function gotoLine(page: Page, line: number): Promise<void> {
  const editor = page.getByTestId('editor');
  await editor
    .locator('.monaco-editor')
    .first()
    .click({ position: { x: 200, y: 10 } });
  // Monaco's "Go to line" (Ctrl+G), then the end of that line. Each step waits for the quick
  // input to open and close, or keys meant for the editor would land in it.
  await page.keyboard.press('Control+g');
  const quick = page.locator('.quick-input-widget');
  const input = quick.locator('input');
  await expect(input).toBeFocused();
  await input.pressSequentially(String(line));
  await input.press('Enter');
  await expect(input).not.toBeFocused();
  await page.keyboard.press('End');
}

/** Replaces the text of line `line` (after its indentation) of the open file. */
export async function replaceLine(page: Page, line: number, text: string): Promise<void> {
  await gotoLine(page, line);
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.insertText(text);
}

/** A screenshot kept as a test artefact under test-results/screenshots/. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}

/**
 * Replaces space.yaml and workload.yaml of the open playground with the explorer benchmark's
 * (tests/bench/explore.*.yaml): 10 libraries, 45,001,728 configurations.
 */
export async function loadLargeSpace(page: Page): Promise<void> {
  const bench = (name: string) =>
    readFileSync(new URL(`../bench/explore.${name}.yaml`, import.meta.url), 'utf8');
  await page.evaluate(
    ([space, workload]) => {
      window.flexosDebug?.setFile('space.yaml', space);
      window.flexosDebug?.setFile('workload.yaml', workload);
    },
    [bench('space'), bench('workload')] as const,
  );
}
