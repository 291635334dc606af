/**
 * `npm run fuzz`: a long fuzz campaign. Prints progress (cases/s), each new kind of failure
 * with its seed as it is found, and at the end the count, the time, and the failures by stage
 * and by cause. One case in `--process-every` also runs through the real `flexos` process.
 *
 *   npm run fuzz                                   20,000 cases from seed 1
 *   npm run fuzz -- --cases 2000 --seed 7 --limit 10000 --workers 2
 *   npm run fuzz -- --show 123                     print the files of case 123
 *   npm run fuzz -- --write 123 DIR                write case 123 as a workspace under DIR
 *   npm run fuzz -- --seed 123 --cases 1           re-run case 123 alone
 *   npm run fuzz -- --minimize 123 [--match TEXT]  shrink case 123 keeping its (first matching) failure
 *
 * Environment: FLEXOS_FUZZ_CASES, FLEXOS_FUZZ_SEED, FLEXOS_FUZZ_LIMIT_MS as for the test.
 */
import { runCliProcess, writeCase } from './cli-process.ts';
import { caseSeed, generateCase } from './generate.ts';
import { runSeeds } from './pool.ts';
import { collectKnownCodes, loadExamples } from './sources.ts';
import { createCollector } from './summary.ts';
import { createNodeCParser } from '../../src/cli/node-parser.ts';
import { minimizeCase } from './minimize.ts';
import { failureKey, runCase, type Failure } from './run-case.ts';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function intOption(name: string, env: string, fallback: number): number {
  const raw = flag(name) ?? process.env[env];
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`--${name}: expected a whole number, got ${raw}`);
  return n;
}

const examples = loadExamples();

const show = flag('show');
const write = flag('write');
if (show !== undefined || write !== undefined) {
  const fc = generateCase(Number(show ?? write), examples);
  if (write !== undefined) {
    const parent = process.argv[process.argv.indexOf('--write') + 2] ?? '.';
    console.log(writeCase(fc, parent));
  } else {
    console.log(`# seed ${fc.seed}, kind ${fc.kind}, name ${fc.name}`);
    for (const [path, text] of Object.entries(fc.files).sort()) {
      const shown = text.length > 4000 ? `${text.slice(0, 4000)}\n… (${text.length} chars)` : text;
      console.log(`\n=== ${path} (${text.length} chars)\n${shown}`);
    }
  }
  process.exit(0);
}

const minimizeSeed = flag('minimize');
if (minimizeSeed !== undefined) {
  const fc = generateCase(Number(minimizeSeed), examples);
  const known = collectKnownCodes();
  const parser = await createNodeCParser();
  const options = { parser, known, limitMs: Number.POSITIVE_INFINITY };
  const match = flag('match');
  const { failures } = await runCase(fc, options);
  const target = failures.find(
    (f) =>
      !['slow', 'hang'].includes(f.type) && (match === undefined || failureKey(f).includes(match)),
  );
  if (!target) {
    console.log(`seed ${fc.seed}: no failure to minimize${match ? ` matching '${match}'` : ''}`);
    process.exit(1);
  }
  console.log(`minimizing seed ${fc.seed}: [${target.stage}] ${target.type}: ${target.message}`);
  const { files, tries } = await minimizeCase(fc, target, options);
  console.log(`(${tries} tries)`);
  for (const [path, text] of Object.entries(files).sort())
    console.log(
      `\n=== ${path} (${text.length} chars)\n${text.length > 4000 ? `${text.slice(0, 4000)}…` : text}`,
    );
  parser.delete();
  process.exit(0);
}

const cases = intOption('cases', 'FLEXOS_FUZZ_CASES', 20_000);
const base = intOption('seed', 'FLEXOS_FUZZ_SEED', 1);
const limitMs = intOption('limit', 'FLEXOS_FUZZ_LIMIT_MS', 10_000);
const workers = intOption('workers', 'FLEXOS_FUZZ_WORKERS', 1);
const processEvery = intOption('process-every', 'FLEXOS_FUZZ_PROCESS_EVERY', 50);

// Fail early (not in a worker) if the code set cannot be read: every code would look unknown.
if (collectKnownCodes().literal.size === 0)
  throw new Error('no diagnostic codes found in src/core');

const seeds = Array.from({ length: cases }, (_, i) => caseSeed(base, i));
const collector = createCollector();
const seen = new Set<string>();
const started = Date.now();
let lastProgress = started;

function report(failures: readonly Failure[]): void {
  for (const f of failures) {
    const key = failureKey(f);
    if (seen.has(key)) continue;
    seen.add(key);
    console.log(
      `NEW FAILURE seed=${f.seed} [${f.stage}] ${f.type}: ${f.message}${f.where ? ` (at ${f.where})` : ''}`,
    );
  }
}

function progress(force = false): void {
  const now = Date.now();
  if (!force && now - lastProgress < 10_000) return;
  lastProgress = now;
  const rate = (collector.cases * 1000) / Math.max(1, now - started);
  console.log(
    `… ${collector.cases}/${cases} cases, ${rate.toFixed(1)} cases/s, ${collector.failingCases} failing, ${seen.size} distinct failures`,
  );
}

// The process sample runs beside the workers, one at a time, on its own seeds.
let processes = Promise.resolve();
let processRuns = 0;
let environmentProblems = 0;
function sampleProcess(seed: number, index: number): void {
  if (processEvery === 0 || index % processEvery !== 0) return;
  processes = processes.then(async () => {
    const { failures, environment } = await runCliProcess(
      generateCase(seed, examples),
      Math.max(60_000, limitMs * 3),
    );
    processRuns++;
    if (environment !== null) {
      environmentProblems++;
      if (environmentProblems === 1 || environmentProblems % 10 === 0)
        console.log(`environment problem (seed ${seed}, not counted): ${environment}`);
    }
    collector.addFailures(failures);
    report(failures);
  });
}

console.log(
  `fuzz campaign: ${cases} cases from seed ${base}, limit ${limitMs / 1000} s, ${workers} worker(s), real CLI process every ${processEvery || '∞'} cases`,
);
seeds.forEach((seed, i) => sampleProcess(seed, i));
await runSeeds(seeds, {
  limitMs,
  workers,
  onReport: (r) => {
    collector.add(r);
    report(r.failures);
    progress();
  },
});
await processes;
progress(true);
console.log(`\n${collector.format(Date.now() - started)}`);
console.log(
  `real CLI process runs: ${processRuns}${environmentProblems > 0 ? ` (${environmentProblems} not counted: the bin failed on examples/hello too)` : ''}`,
);
if (collector.groups().length > 0) {
  console.log(
    `\nre-run one case: npm run fuzz -- --seed <seed> --cases 1 (--show <seed> prints it)`,
  );
}
process.exitCode = collector.failingCases > 0 ? 1 : 0;
