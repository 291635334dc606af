#!/usr/bin/env node
// Runs every suite and ends with one line `N passed, N failed, N skipped` summed over all of
// them, so a run that executed nothing is visible. Suites: static checks (each counted as one
// test), unit + golden + property tests (vitest), browser feature specs (Playwright, against
// the production build). Set FLEXOS_TEST_ONLY=unit,e2e,checks to run a subset.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, '.cache', 'test');
mkdirSync(cache, { recursive: true });
const only = process.env.FLEXOS_TEST_ONLY?.split(',') ?? null;
const wanted = (suite) => only === null || only.includes(suite);
const bin = (name) => join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(cmd, args, env = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return { status: r.status ?? 1, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

function record(suite, passed, failed, skipped, seconds) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`${suite}: ${passed} passed, ${failed} failed, ${skipped} skipped (${seconds} s)`);
}

function checks() {
  const list = [
    ['typecheck core (no DOM, no Node)', bin('tsc'), ['-p', 'tsconfig.core.json', '--noEmit']],
    ['typecheck all', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
    [
      'svelte-check',
      bin('svelte-check'),
      ['--tsconfig', './tsconfig.json', '--threshold', 'error', '--output', 'machine'],
    ],
    ['eslint', bin('eslint'), ['.']],
    ['prettier', bin('prettier'), ['--check', '.', '--log-level', 'warn']],
  ];
  let passed = 0;
  let failed = 0;
  const started = Date.now();
  for (const [name, cmd, args] of list) {
    console.log(`\n── check: ${name}`);
    const r = run(cmd, args);
    console.log(`── check: ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} (${r.seconds} s)`);
    if (r.status === 0) passed++;
    else failed++;
  }
  record('checks', passed, failed, 0, ((Date.now() - started) / 1000).toFixed(1));
}

function unit() {
  const out = join(cache, 'vitest.json');
  rmSync(out, { force: true });
  console.log('\n── vitest (unit, golden, property)');
  const r = run(bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  if (!existsSync(out)) return record('vitest', 0, 1, 0, r.seconds);
  const j = JSON.parse(readFileSync(out, 'utf8'));
  // A file that fails to load counts as a failure even when it declared no test.
  const brokenFiles = (j.testResults ?? []).filter(
    (f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0,
  ).length;
  record(
    'vitest',
    j.numPassedTests,
    j.numFailedTests + brokenFiles,
    j.numPendingTests + j.numTodoTests,
    r.seconds,
  );
}

function e2e() {
  if (!existsSync(join(root, 'playwright.config.ts'))) return;
  if (!existsSync('/usr/bin/chromium')) {
    console.log(
      '\n── e2e: skipped, /usr/bin/chromium is missing (npm test installs it when run as root)',
    );
    return record('e2e', 0, 0, 1, '0.0');
  }
  console.log('\n── build (production bundle for the browser tests)');
  const b = run('npm', ['run', '--silent', 'build']);
  if (b.status !== 0) return record('e2e', 0, 1, 0, b.seconds);
  const out = join(cache, 'playwright.json');
  rmSync(out, { force: true });
  console.log('\n── playwright (browser feature specs)');
  const r = run(bin('playwright'), ['test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: out,
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  });
  if (!existsSync(out)) return record('e2e', 0, 1, 0, r.seconds);
  const s = JSON.parse(readFileSync(out, 'utf8')).stats ?? {};
  const failed = (s.unexpected ?? 0) + (r.status !== 0 && !s.unexpected ? 1 : 0);
  record('e2e', (s.expected ?? 0) + (s.flaky ?? 0), failed, s.skipped ?? 0, r.seconds);
}

if (wanted('checks')) checks();
if (wanted('unit')) unit();
if (wanted('e2e')) e2e();

console.log('\n' + lines.join('\n'));
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
