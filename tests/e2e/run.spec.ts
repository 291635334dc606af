import type { Page } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { expect, loadExample, openFile, openPlayground, test, waitAnalysed } from './fixtures.ts';

/**
 * The Run panel against the runner on the page's own origin (the e2e server serves both, as
 * `npm start` does). `FLEXOS_E2E_RUNNER_URL` points the page at a runner elsewhere instead
 * (one started with `--allow-origin` set to the e2e origin), through the runner address
 * setting.
 */
const RUNNER_URL = process.env['FLEXOS_E2E_RUNNER_URL'];
/** Building and running takes seconds; on a busy two-core machine, more. */
const RUN_TIMEOUT = 60_000;

test.beforeEach(async ({ context }) => {
  if (RUNNER_URL)
    await context.addInitScript(
      (url) => localStorage.setItem('flexos-runner-url', url),
      RUNNER_URL,
    );
});

const file = (page: Page, path: string) =>
  page.evaluate((p) => window.flexosDebug?.file(p) ?? null, path);

/** Opens the Run panel and waits until the runner said what it can run. */
async function openRunPanel(page: Page): Promise<void> {
  await page.getByTestId('panel-tab-run').click();
  await expect(page.getByTestId('run-panel')).toHaveAttribute('data-connection', 'ok');
}

async function chooseMechanism(page: Page, mechanism: string): Promise<void> {
  const radio = page.locator(`[data-testid="run-mechanism"][data-mechanism="${mechanism}"]`);
  await radio.check();
  await expect(radio).toBeChecked();
}

/** A loopback port nothing listens on: one the system just handed out and took back. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const result = (page: Page) => page.getByTestId('run-result');

test('hello runs under fcalls with Ctrl+Enter pressed in the editor', async ({ page }) => {
  await openPlayground(page);
  await loadExample(page, 'hello');
  await openRunPanel(page);

  // The image asks for Intel MPK, which this target cannot enforce: disabled, with the reason.
  const mpk = page.locator('[data-testid="run-mechanism"][data-mechanism="intel-mpk"]');
  await expect(mpk).toBeChecked();
  await expect(mpk).toBeDisabled();
  await expect(page.getByTestId('run-blocked')).toContainText('Choose another mechanism');
  await expect(page.getByTestId('run-button')).toBeDisabled();
  await expect(page.getByTestId('run-mechanisms').locator('label', { has: mpk })).toHaveAttribute(
    'title',
    /not available/,
  );
  await chooseMechanism(page, 'fcalls');
  await expect(page.getByTestId('run-button')).toBeEnabled();

  // Ctrl+Enter in the editor runs, and Monaco does not insert a line for it.
  await openFile(page, 'libs/app/main.c');
  const before = await file(page, 'libs/app/main.c');
  await page
    .getByTestId('editor')
    .locator('.monaco-editor')
    .first()
    .click({ position: { x: 200, y: 10 } });
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(result(page)).toHaveAttribute('data-status', 'ok', { timeout: RUN_TIMEOUT });
  await expect(result(page)).toHaveAttribute('data-exit-code', '0');
  expect(await file(page, 'libs/app/main.c')).toBe(before);

  const output = page.getByTestId('run-output');
  for (const name of ['Ada', 'Grace', 'Linus', 'Margaret'])
    await expect(output).toContainText(`Hello, ${name}!`);
  await expect(output).toContainText('greeted 4 guests, printed 4 lines: ok');
  await expect(page.getByTestId('run-status')).toHaveText('Finished: ok, exit code 0.');
  // Each phase that ran says how long it took.
  for (const phase of ['check', 'rewrite', 'compile', 'run'])
    await expect(page.getByTestId('run-phases').locator(`[data-phase="${phase}"]`)).toHaveAttribute(
      'data-state',
      'done',
    );
  await expect(page.getByTestId('run-phases').locator('[data-phase="run"]')).toContainText(
    /\d+ m?s/,
  );
  // The build had no isolation, and the run says so.
  await expect(
    page.locator('[data-testid="run-diagnostic"][data-code="config/fcalls-no-isolation"]'),
  ).toBeVisible();
});

test('a compile error ends as compile-error with a marker at its line, gone once the file is edited', async ({
  page,
}) => {
  await openPlayground(page);
  await loadExample(page, 'hello');
  await openRunPanel(page);
  await chooseMechanism(page, 'fcalls');

  const path = 'libs/app/main.c';
  const original = (await file(page, path)) ?? '';
  const lines = original.split('\n');
  const at = lines.findIndex((l) => l.includes('int rc = -1;'));
  expect(at).toBeGreaterThan(0);
  // A statement after the declarations: C90 would object to more declarations there, C99 not.
  lines.splice(at + 2, 0, '\tnot_declared_anywhere = 1;');
  const broken = lines.join('\n');
  const line = at + 3;
  await page.evaluate(([p, t]) => window.flexosDebug?.setFile(p, t), [path, broken] as const);
  await openFile(page, path);
  await waitAnalysed(page);

  await page.getByTestId('run-button').click();
  await expect(result(page)).toHaveAttribute('data-status', 'compile-error', {
    timeout: RUN_TIMEOUT,
  });
  const row = page.locator(
    `[data-testid="run-diagnostic"][data-code="runner/compile-error"][data-file="${path}"]`,
  );
  await expect(row.first()).toHaveAttribute('data-line', String(line));
  await expect(row.first()).toContainText('not_declared_anywhere');

  const runMarkers = () =>
    page.evaluate(
      (p) => (window.flexosDebug?.markers(p) ?? []).filter((m) => m.owner === 'flexos run'),
      path,
    );
  await expect
    .poll(async () => (await runMarkers()).map((m) => [m.line, m.severity]))
    .toContainEqual([line, 'error']);
  // Clicking the entry shows the line in the editor.
  await openFile(page, 'config.yaml');
  await row.first().locator('button').click();
  await expect(
    page.getByTestId('editor-tab').and(page.locator(`[data-path="${path}"]`)),
  ).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('editor').locator('.squiggly-error').first()).toBeVisible();

  // An edit of the file clears the run's markers on it.
  await page.evaluate(([p, t]) => window.flexosDebug?.setFile(p, t), [path, original] as const);
  await expect.poll(async () => (await runMarkers()).length).toBe(0);
});

test('imgparse --crafted under fcalls corrupts the secret and exits 2', async ({
  page,
}, testInfo) => {
  await openPlayground(page);
  await loadExample(page, 'imgparse');
  await openRunPanel(page);
  await chooseMechanism(page, 'fcalls');
  await page.getByTestId('run-args').fill('--crafted');
  await page.getByTestId('run-button').click();

  await expect(result(page)).toHaveAttribute('data-status', 'runtime-error', {
    timeout: RUN_TIMEOUT,
  });
  await expect(result(page)).toHaveAttribute('data-exit-code', '2');
  await expect(page.getByTestId('run-reason')).toContainText('exit status 2');
  const output = page.getByTestId('run-output');
  await expect(output).toContainText('app: crafted upload');
  await expect(output).toContainText('secret intact: no');
  // Without isolation, nothing faulted: there is no fault card.
  await expect(page.getByTestId('run-fault')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('run-imgparse-crafted-fcalls.png') });
});

test('imgparse --crafted under vm-ept ends in a fault card, both libraries marked in the graph', async ({
  page,
}, testInfo) => {
  await openPlayground(page);
  await loadExample(page, 'imgparse');
  await openRunPanel(page);
  const ept = page.locator('[data-testid="run-mechanism"][data-mechanism="vm-ept"]');
  test.skip(await ept.isDisabled(), 'this runner does not enforce vm-ept');
  await expect(ept.locator('xpath=..')).toContainText('page-table isolation (processes)');
  await chooseMechanism(page, 'vm-ept');
  await page.getByTestId('run-args').fill('--crafted');
  await page.keyboard.press('ControlOrMeta+Enter');

  await expect(result(page)).toHaveAttribute('data-status', 'fault', { timeout: RUN_TIMEOUT });
  const card = page.getByTestId('run-fault');
  await expect(card).toHaveAttribute('data-library', 'imgparse');
  await expect(card).toHaveAttribute('data-owner', 'app');
  await expect(card).toHaveAttribute('data-access', 'write');
  await expect(page.getByTestId('run-fault-text')).toHaveText(
    /^Library imgparse \(compartment \d+\) tried to write \w+ memory of library app \(compartment \d+\)\s+at 0x[0-9a-f]+: it hit api_key\.$/,
  );
  await expect(page.getByTestId('run-fault-variable')).toHaveText('api_key');
  await expect(page.getByTestId('run-fault-source')).toHaveText(/^libs\/imgparse\/pgm\.c:\d+$/);
  await expect(page.getByTestId('run-output')).not.toContainText('secret intact: no');
  await page.screenshot({ path: testInfo.outputPath('run-imgparse-crafted-vm-ept.png') });

  await page.getByTestId('run-fault-graph').click();
  const lib = (name: string) => page.locator(`[data-testid="graph-library"][data-name="${name}"]`);
  await expect(lib('imgparse')).toHaveAttribute('data-fault', 'actor');
  await expect(lib('app')).toHaveAttribute('data-fault', 'owner');
  await expect(page.getByTestId('graph-fault-legend')).toContainText('imgparse touched app');
  await page.screenshot({ path: testInfo.outputPath('run-imgparse-fault-graph.png') });
});

test('a megabyte of output stays responsive: capped lines, colours drawn, stderr marked', async ({
  page,
}) => {
  await openPlayground(page);
  await loadExample(page, 'hello');
  await openRunPanel(page);
  await chooseMechanism(page, 'fcalls');
  const path = 'libs/app/main.c';
  const original = (await file(page, path)) ?? '';
  // 40,000 green lines on stdout (about 1.3 MB, past the 1 MiB cap), a red one on stderr
  // every 1,000, before the program's own output.
  const flood =
    'int main(void)\n{\n\tfor (int i = 0; i < 40000; i++) {\n' +
    '\t\tprintf("\\x1b[32mline %d\\x1b[0m of a long output\\n", i);\n' +
    '\t\tif (i % 1000 == 0)\n\t\t\tfprintf(stderr, "\\x1b[1;31mwarning %d\\x1b[0m\\n", i);\n\t}\n';
  const changed = original.replace('int main(void)\n{\n', flood);
  expect(changed).not.toBe(original);
  await page.evaluate(([p, t]) => window.flexosDebug?.setFile(p, t), [path, changed] as const);
  await waitAnalysed(page);

  await page.getByTestId('run-button').click();
  await expect(result(page)).toHaveAttribute('data-status', /ok|runtime-error|killed/, {
    timeout: RUN_TIMEOUT,
  });
  await expect(page.getByTestId('run-truncated')).toBeVisible();
  const output = page.getByTestId('run-output');
  await expect(page.getByTestId('run-output-hidden')).toContainText('earlier lines hidden');
  const shown = await output.locator('[data-testid="run-output-line"]').count();
  expect(shown).toBeLessThanOrEqual(2000);
  expect(shown).toBeGreaterThan(100);
  // No escape sequence is shown raw; colours and stderr are drawn.
  const text = (await output.textContent()) ?? '';
  expect(text).not.toContain('\x1b');
  expect(text).not.toContain('[32m');
  await expect(output.locator('span[style*="var(--ansi-2)"]').first()).toBeVisible();
  // The page still answers at once.
  const start = Date.now();
  await page.getByTestId('panel-tab-graph').click();
  await expect(page.getByTestId('graph')).toBeVisible();
  expect(Date.now() - start).toBeLessThan(3000);
  await page.getByTestId('panel-tab-run').click();
  await expect(page.getByTestId('run-output-hidden')).toBeVisible();
});

test('output streams while the program runs, and Cancel stops following the job', async ({
  page,
}) => {
  await openPlayground(page);
  await loadExample(page, 'hello');
  await openRunPanel(page);
  await chooseMechanism(page, 'fcalls');
  const path = 'libs/app/main.c';
  const original = (await file(page, path)) ?? '';
  // Ticks for about five seconds before the greeting.
  const slow = original
    .replace('#include <stdio.h>\n', '#include <stdio.h>\n#include <unistd.h>\n')
    .replace(
      'int main(void)\n{\n',
      'int main(void)\n{\n\tfor (int i = 0; i < 25; i++) {\n' +
        '\t\tprintf("tick %d\\n", i);\n\t\tfflush(stdout);\n\t\tusleep(200000);\n\t}\n',
    );
  expect(slow).toContain('usleep');
  await page.evaluate(([p, t]) => window.flexosDebug?.setFile(p, t), [path, slow] as const);
  await waitAnalysed(page);

  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-button')).toBeDisabled();
  await expect(page.getByTestId('run-output')).toContainText('tick 1', { timeout: RUN_TIMEOUT });
  await expect(page.getByTestId('run-status')).toHaveText('Running: running the program…');
  await expect(page.getByTestId('run-phases').locator('[data-phase="run"]')).toHaveAttribute(
    'aria-current',
    'step',
  );
  await page.getByTestId('run-cancel').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'stopped');
  await expect(page.getByTestId('run-button')).toBeEnabled();
  await expect(page.getByTestId('run-result')).toHaveCount(0);
  await expect(page.getByTestId('run-output')).not.toContainText('tick 24');
});

test('a runner address where nothing listens says how to start a runner', async ({
  page,
  consoleErrors,
}) => {
  await openPlayground(page);
  // Connected first: the settings open and close by themselves with the connection state.
  await openRunPanel(page);
  await page.getByTestId('runner-settings').click();
  const url = `http://127.0.0.1:${await closedPort()}`;
  await page.getByTestId('runner-url').fill(url);
  await page.getByTestId('runner-url-save').click();
  const none = page.getByTestId('run-no-runner');
  await expect(none).toBeVisible();
  await expect(none).toContainText(`No runner answers at ${url}`);
  await expect(none).toContainText('npm start serves the app with a local runner');
  await expect(none).toContainText('npm run runner -- --host H --port N --allow-origin URL');
  await expect(page.getByTestId('run-status')).toHaveText('No runner answers.');
  // The address is kept for the next visit.
  expect(await page.evaluate(() => localStorage.getItem('flexos-runner-url'))).toBe(url);
  // The browser logs the refused connection itself; that is the point of this test.
  const refused = consoleErrors.filter((e) => /ERR_CONNECTION_REFUSED/.test(e));
  consoleErrors.splice(
    0,
    consoleErrors.length,
    ...consoleErrors.filter((e) => !refused.includes(e)),
  );
});

/** The class runner the token test starts; killed after the test whatever happened in it. */
let classRunner: ChildProcess | undefined;
test.afterEach(() => {
  // A test that timed out never reached its own `finally`: the runner must not outlive it.
  if (classRunner && classRunner.exitCode === null) classRunner.kill('SIGKILL');
  classRunner = undefined;
});

test('a class runner started with --token runs jobs once the page has its token', async ({
  page,
  baseURL,
  consoleErrors,
}) => {
  const { spawn } = await import('node:child_process');
  const port = await closedPort();
  const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
  // Starting a second runner from its sources takes a while on a busy machine.
  test.setTimeout(120_000);
  const args = ['src/runner/main.ts', '--port', String(port), '--allow-origin', origin];
  // Short links in memory: a test writes nothing to the user's cache.
  args.push('--store', ':memory:');
  const child = spawn(process.execPath, ['--import', 'tsx', ...args, '--token', 's3cret'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  classRunner = child;
  try {
    // It says where it listens once it is ready.
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      child.stdout?.on('data', (b: Buffer) => {
        seen += b.toString();
        if (seen.includes('(Ctrl+C to stop)')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`the runner exited (${code})`)));
    });
    await openPlayground(page);
    await loadExample(page, 'hello');
    await page.getByTestId('panel-tab-run').click();
    await page.getByTestId('runner-settings').click();
    await expect(page.getByTestId('runner-url')).toBeVisible();
    await page.getByTestId('runner-url').fill(`http://127.0.0.1:${port}`);
    await page.getByTestId('runner-url-save').click();
    await expect(page.getByTestId('run-panel')).toHaveAttribute('data-connection', 'ok');
    await chooseMechanism(page, 'fcalls');
    // Without the token the job route refuses.
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('run-panel')).toContainText('a valid token is required', {
      timeout: RUN_TIMEOUT,
    });
    const token = page.getByTestId('runner-token');
    if (!(await token.isVisible())) await page.getByTestId('runner-settings').click();
    await token.fill('s3cret');
    await page.getByTestId('runner-url-save').click();
    await expect(page.getByTestId('run-panel')).toHaveAttribute('data-connection', 'ok');
    await page.getByTestId('run-button').click();
    await expect(result(page)).toHaveAttribute('data-status', 'ok', { timeout: RUN_TIMEOUT });
    expect(await page.evaluate(() => localStorage.getItem('flexos-runner-token'))).toBe('s3cret');
    // The browser logs the refused request itself; that refusal is what this test wants.
    const kept = consoleErrors.filter((e) => !/status of 401 \(Unauthorized\)/.test(e));
    consoleErrors.splice(0, consoleErrors.length, ...kept);
  } finally {
    child.kill('SIGTERM');
  }
});

test('imgparse --crafted on the QEMU guest with protection keys ends in a fault naming api_key', async ({
  page,
}, testInfo) => {
  await openPlayground(page);
  await loadExample(page, 'imgparse');
  await openRunPanel(page);
  const target = page.getByTestId('run-target');
  const offered = await target.locator('option[value="qemu-mpk"]').count();
  test.skip(offered === 0, 'this runner has no qemu-mpk target');
  await target.selectOption('qemu-mpk');
  const mpk = page.locator('[data-testid="run-mechanism"][data-mechanism="intel-mpk"]');
  test.skip(await mpk.isDisabled(), 'QEMU or its guest kernel is missing here');
  await chooseMechanism(page, 'intel-mpk');
  await page.getByTestId('run-args').fill('--crafted');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(result(page)).toHaveAttribute('data-status', 'fault', { timeout: RUN_TIMEOUT });
  await expect(page.getByTestId('run-fault')).toHaveAttribute('data-library', 'imgparse');
  await expect(page.getByTestId('run-fault-variable')).toHaveText('api_key');
  await expect(page.getByTestId('run-fault-source')).toHaveText(/^libs\/imgparse\/pgm\.c:\d+$/);
  await page.screenshot({ path: testInfo.outputPath('run-imgparse-crafted-qemu-mpk.png') });
  // The line is one click away.
  await page.getByTestId('run-fault-source').click();
  await expect(page.locator('[data-testid="editor-tab"][aria-selected="true"]')).toHaveAttribute(
    'data-path',
    'libs/imgparse/pgm.c',
  );
});
