/**
 * Whole-process CLI benchmark (issue 8, item 5). Run with `npx tsx tests/bench/cli.bench.ts`.
 *
 * Every row is `node bin/flexos.mjs ...` spawned as a process, start to exit, median of
 * several runs, once through the bundle (built first with scripts/build-cli.mjs, as `npm
 * install` does) and once through the TypeScript sources (`FLEXOS_CLI=sources`, what every
 * call cost before the bundle):
 * - `flexos --help`: Node start-up plus loading the CLI;
 * - `flexos check examples/minikv` (target: under 0.3 s);
 * - `flexos rewrite --config ... --lib app FILE` on a generated 5,000-line file, and, when
 *   Debian's `coccinelle` is installed, `spatch --sp-file tests/bench/rewrite.cocci` on the
 *   same file, and the ratio (target: flexos at least 5x faster).
 * Times are wall-clock on this machine; nothing here is asserted by the unit tests.
 * `--no-spatch` leaves spatch out (about a minute per run).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateLines } from './generate.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'flexos.mjs');
const RUNS = 9;
const SPATCH_RUNS = 1;
const LINES = 5000;
const CHECK_TARGET_MS = 300;
const SPATCH_TARGET_RATIO = 5;
const SPATCH_TIMEOUT_MS = 10 * 60 * 1000;

/** The same two-compartment MPK image as tests/bench/rewrite.bench.ts. */
const CONFIG_TEXT = `name: bench
sharing: heap
compartments:
  - comp0:
      mechanism: intel-mpk
      default: true
  - comp1:
      mechanism: intel-mpk
libraries:
  - app: comp0
  - netstack: comp1
  - sched: comp1
`;

interface Run {
  ms: number;
  status: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

function spawnTimed(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeout = 0): Run {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    ...(timeout ? { timeout } : {}),
  });
  return {
    ms: performance.now() - t0,
    status: r.status,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    timedOut: (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT',
  };
}

/** Median wall time of `runs` processes; throws when one exits with another status. */
function measure(cmd: string, args: string[], env: NodeJS.ProcessEnv, runs: number, ok = 0) {
  const times: number[] = [];
  let last: Run | undefined;
  for (let i = 0; i < runs; i++) {
    last = spawnTimed(cmd, args, env);
    if (last.status !== ok) {
      throw new Error(
        `${cmd} ${args.join(' ')} exited ${last.status}: ${last.stderr.slice(0, 400)}`,
      );
    }
    times.push(last.ms);
  }
  return { ms: median(times), last: last as Run };
}

function hasSpatch(): boolean {
  return spawnSync('sh', ['-c', 'command -v spatch'], { stdio: 'ignore' }).status === 0;
}

/** Both outputs must contain the rewrite, or the comparison would be meaningless. */
function rewritten(text: string): boolean {
  return (
    text.includes('flexos_intelpku_gate_r(0, 1,') &&
    text.includes('uk_free(flexos_shared_alloc, len)')
  );
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
const rows: string[][] = [];
const row = (...cells: string[]) => rows.push(cells);

function printTable(): void {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  for (const [n, r] of rows.entries()) {
    console.log(`  ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd());
    if (n === 0) console.log(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  }
}

function main(): void {
  const build = spawnTimed(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], process.env);
  if (build.status !== 0) throw new Error(`scripts/build-cli.mjs failed:\n${build.stderr}`);
  const bundled = { ...process.env, FLEXOS_CLI: '' };
  const sources = { ...process.env, FLEXOS_CLI: 'sources' };
  const node = process.execPath;

  const dir = mkdtempSync(join(tmpdir(), 'flexos-cli-bench-'));
  const file = join(dir, 'bench.c');
  const config = join(dir, 'config.yaml');
  const text = generateLines(LINES);
  const lines = text.split('\n').length;
  writeFileSync(file, text);
  writeFileSync(config, CONFIG_TEXT);

  console.log(
    `CLI benchmark: whole processes, wall-clock (Node ${process.version}, median of ${RUNS} runs; bundle built in ${fmt(build.ms)})\n`,
  );
  row('command', 'bundle', 'sources (tsx)', 'note');

  const help = [BIN, '--help'];
  row(
    'flexos --help',
    fmt(measure(node, help, bundled, RUNS).ms),
    fmt(measure(node, help, sources, RUNS).ms),
    '',
  );

  const check = [BIN, 'check', 'examples/minikv'];
  const checkMs = measure(node, check, bundled, RUNS).ms;
  row(
    'flexos check examples/minikv',
    fmt(checkMs),
    fmt(measure(node, check, sources, RUNS).ms),
    `${checkMs < CHECK_TARGET_MS ? 'OK' : 'OVER'} the ${fmt(CHECK_TARGET_MS)} target`,
  );

  const rewrite = [BIN, 'rewrite', '--config', config, '--lib', 'app', file];
  const flexos = measure(node, rewrite, bundled, RUNS);
  row(
    `flexos rewrite (${lines.toLocaleString('en-US')} lines)`,
    fmt(flexos.ms),
    fmt(measure(node, rewrite, sources, RUNS).ms),
    rewritten(flexos.last.stdout) ? '' : 'WARNING: output lacks the expected rewrite',
  );

  let summary: string;
  if (process.argv.includes('--no-spatch')) {
    summary = 'spatch: skipped (--no-spatch given)';
  } else if (!hasSpatch()) {
    summary =
      'spatch: skipped: not found (install Debian package coccinelle: apt-get install -y coccinelle)';
  } else {
    const out = join(dir, 'bench.spatch.c');
    const cocci = join(import.meta.dirname, 'rewrite.cocci');
    const args = ['--sp-file', cocci, file, '-o', out, '--very-quiet', '--no-includes'];
    const times: number[] = [];
    let timedOut = false;
    for (let i = 0; i < SPATCH_RUNS && !timedOut; i++) {
      const r = spawnTimed('spatch', args, process.env, SPATCH_TIMEOUT_MS);
      timedOut = r.timedOut;
      if (!timedOut && r.status !== 0) {
        throw new Error(`spatch exited ${r.status}: ${r.stderr.slice(0, 400)}`);
      }
      times.push(r.ms);
    }
    const spatchMs = median(times);
    const ratio = spatchMs / flexos.ms;
    const correct = timedOut || rewritten(readFileSync(out, 'utf8'));
    row(
      `spatch rewrite.cocci (same file)`,
      `${timedOut ? '> ' : ''}${fmt(spatchMs)}`,
      '',
      `${SPATCH_RUNS === 1 ? '1 run' : `median of ${SPATCH_RUNS}`}${correct ? '' : '; WARNING: output lacks the expected rewrite'}`,
    );
    summary = `spatch / flexos rewrite (bundle): ${timedOut ? 'more than ' : ''}${ratio.toFixed(1)}x  ${ratio >= SPATCH_TARGET_RATIO ? 'OK' : 'UNDER'} the ${SPATCH_TARGET_RATIO}x target`;
  }
  printTable();
  console.log(`\n${summary}`);
}

main();
