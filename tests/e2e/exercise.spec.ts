import type { Page } from '@playwright/test';
import {
  enableTestHooks,
  expect,
  loadExample,
  openFile,
  openPlayground,
  snap,
  test,
  waitAnalysed,
} from './fixtures.ts';

const file = (page: Page, path: string) =>
  page.evaluate((p) => window.flexosDebug?.file(p) ?? '', path);
const setFile = (page: Page, path: string, text: string) =>
  page.evaluate(([p, t]) => window.flexosDebug?.setFile(p, t), [path, text] as const);

/** minikv with netstack beside kv and libc: two compartments, sched alone. */
const twoCompartments = (config: string) =>
  config
    .replace('  - comp3:\n      mechanism: intel-mpk\n', '')
    .replace('netstack: comp3', 'netstack: comp1');

test('a teacher makes an exercise, shares it by short link, a student completes it and is offered to continue', async ({
  page,
  browser,
}) => {
  // The teacher: minikv in two compartments is the goal.
  await openPlayground(page);
  await loadExample(page, 'minikv');
  await setFile(page, 'config.yaml', twoCompartments(await file(page, 'config.yaml')));
  await waitAnalysed(page);
  await page.getByTestId('commands-button').click();
  await page.getByTestId('command-input').fill('make an exercise');
  await page.getByTestId('command-input').press('Enter');
  const dialog = page.getByTestId('make-exercise-dialog');
  await expect(dialog.getByTestId('goal-check')).toHaveCount(5);
  await expect(dialog.getByTestId('start-example')).toHaveValue('minikv');
  await dialog.getByTestId('exercise-title-input').fill('Two compartments for minikv');
  await dialog.getByRole('textbox', { name: /Hints/ }).fill('Move netstack next to kv.');
  await snap(page, 'exercise-make');
  await dialog.getByTestId('make-exercise-create').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('exercise-title')).toHaveText('Two compartments for minikv');
  // The start is the example's own config: three compartments.
  await expect(page.getByTestId('check-count')).toHaveText('4 of 5 pass');
  expect(await file(page, 'exercise.yaml')).toContain('solution: ');
  await page.getByTestId('share-button').click();
  // The runner that serves the page keeps the exercise: a short link, and the full one too.
  expect(await page.getByTestId('share-link').inputValue()).toMatch(/#v1\/[A-Za-z0-9_-]+$/);
  const short = page.getByTestId('share-short-link');
  await expect(short).toHaveValue(/\/s\/[1-9A-HJ-NP-Za-km-z]+$/);
  const link = await short.inputValue();
  expect(link.length).toBeLessThan(60);

  // The student, in a browser of their own.
  const other = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await enableTestHooks(other);
  const student = await other.newPage();
  const errors: string[] = [];
  student.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await openPlayground(student, link);
  await expect(student.getByTestId('exercise-title')).toHaveText('Two compartments for minikv');
  const checks = student.getByTestId('check');
  await expect(checks).toHaveCount(5);
  await expect(checks.filter({ hasText: 'At most 3 compartments' })).toHaveCount(0);
  await expect(checks.filter({ hasText: 'At most 2 compartments' })).toHaveAttribute(
    'data-status',
    'fail',
  );
  await expect(student.getByTestId('load-solution')).toHaveCount(0);
  await openFile(student, 'components/sched.flexos');
  await expect(student.getByTestId('editor')).toHaveAttribute('data-readonly', 'true');
  await openFile(student, 'config.yaml');
  await expect(student.getByTestId('editor')).toHaveAttribute('data-readonly', 'false');
  await student.getByTestId('show-hint').click();
  await expect(student.getByTestId('hints')).toContainText('Move netstack next to kv.');

  await setFile(student, 'config.yaml', twoCompartments(await file(student, 'config.yaml')));
  await expect(student.getByTestId('check-count')).toHaveText('5 of 5 pass');
  await expect(student.getByTestId('exercise-done')).toBeVisible();
  await expect(student.getByTestId('status')).toContainText('Saved in this browser');
  await snap(student, 'exercise-done');
  // A projector and a laptop, the page opened at that size: the lesson panel fits the window
  // (projector.spec.ts checks every control of the page at these sizes).
  for (const [width, height] of [
    [1024, 768],
    [1440, 900],
  ] as const) {
    await student.setViewportSize({ width, height });
    await openPlayground(student);
    await expect(student.getByTestId('check-count')).toHaveText('5 of 5 pass');
    await snap(student, `exercise-${width}x${height}`);
    const box = await student.getByTestId('lesson-panel').boundingBox();
    expect(box && box.x + box.width <= width, `${width}x${height}`).toBe(true);
  }
  await student.setViewportSize({ width: 1280, height: 720 });

  // The same link again: the saved copy, never a second one.
  await student.goto('about:blank');
  await student.goto(link);
  const offer = student.getByTestId('continue-dialog');
  await expect(offer).toBeVisible({ timeout: 20_000 });
  await snap(student, 'exercise-continue');
  await offer.getByTestId('continue-saved').click();
  await expect(offer).toBeHidden();
  await expect(student.getByTestId('check-count')).toHaveText('5 of 5 pass');
  expect(await file(student, 'config.yaml')).toContain('netstack: comp1');
  await student.getByTestId('playgrounds-button').click();
  const items = student.getByTestId('playgrounds').getByTestId('playground-item');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Two compartments for minikv');
  expect(errors).toEqual([]);
  await other.close();
});

test('a shipped exercise: live frontier check, reset a file, ticks remembered', async ({
  page,
}) => {
  await openPlayground(page);
  await loadExample(page, 'exercise-frontier');
  await expect(page.getByTestId('panel-tab-lesson')).toHaveAttribute('aria-selected', 'true');
  const frontier = page.getByTestId('check').filter({ hasText: 'frontier' });
  await expect(frontier).toHaveAttribute('data-status', 'fail');
  const start = await file(page, 'config.yaml');
  await setFile(
    page,
    'config.yaml',
    start.replace('  - sched: comp2', '  - sched: { compartment: comp2, hardening: [asan] }'),
  );
  await expect(frontier).toHaveAttribute('data-status', 'pass');
  await openFile(page, 'config.yaml');
  await page.getByTestId('reset-file').click();
  await expect(frontier).toHaveAttribute('data-status', 'fail');
  expect(await file(page, 'config.yaml')).toBe(start);

  const steps = page.getByTestId('readme').getByTestId('lesson-step');
  await steps.first().check();
  await expect(page.getByTestId('status')).toContainText('Saved in this browser');
  await page.reload();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true', {
    timeout: 20_000,
  });
  await page.getByTestId('panel-tab-lesson').click();
  await expect(page.getByTestId('readme').getByTestId('lesson-step').first()).toBeChecked();
  await expect(page.getByTestId('readme').getByTestId('lesson-step').nth(1)).not.toBeChecked();

  // Start over: every file as the exercise started, the ticks cleared.
  await setFile(page, 'config.yaml', `${start}# mine\n`);
  await page.getByTestId('start-over').click();
  await page.getByTestId('start-over-confirm').click();
  expect(await file(page, 'config.yaml')).toBe(start);
  await expect(page.getByTestId('readme').getByTestId('lesson-step').first()).not.toBeChecked();
});

test('a run check: pending until a run, failed by a leak, passed by a fault on the edited files', async ({
  page,
}) => {
  await openPlayground(page);
  await loadExample(page, 'exercise-fault');
  const runCheck = page.getByTestId('check').filter({ hasText: 'crafted run ends with a fault' });
  await expect(runCheck).toHaveAttribute('data-status', 'pending');
  await page.getByTestId('panel-tab-run').click();
  await expect(page.getByTestId('run-panel')).toHaveAttribute('data-connection', 'ok');
  const mechanism = (m: string) =>
    page.locator(`[data-testid="run-mechanism"][data-mechanism="${m}"]`);
  test.skip(await mechanism('vm-ept').isDisabled(), 'this runner does not enforce vm-ept');
  await mechanism('fcalls').check();
  await page.getByTestId('run-args').fill('--crafted');
  await page.getByTestId('run-button').click();
  const result = page.getByTestId('run-result');
  await expect(result).toHaveAttribute('data-status', 'runtime-error', { timeout: 60_000 });
  await page.getByTestId('panel-tab-lesson').click();
  await expect(runCheck).toHaveAttribute('data-status', 'fail');

  const config = await file(page, 'config.yaml');
  await setFile(
    page,
    'config.yaml',
    config
      .replace('  - imgparse: { compartment: comp1, hardening: [asan] }', '  - imgparse: comp2')
      .replace('libraries:', '  - comp2:\n      mechanism: intel-mpk\nlibraries:'),
  );
  await expect(
    page.getByTestId('check').filter({ hasText: 'different compartments' }),
  ).toHaveAttribute('data-status', 'pass');
  await expect(runCheck).toHaveAttribute('data-status', 'pending');
  await page.getByTestId('panel-tab-run').click();
  await mechanism('vm-ept').check();
  await page.getByTestId('run-button').click();
  await expect(result).toHaveAttribute('data-status', 'fault', { timeout: 60_000 });
  await page.getByTestId('panel-tab-lesson').click();
  await expect(runCheck).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('check-count')).toHaveText('3 of 3 pass');
});
