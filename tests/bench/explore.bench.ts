/**
 * Benchmark of the design-space explorer: `npx tsx tests/bench/explore.bench.ts`.
 * Prints the must-show numbers of the explorer issue: minikv's counts and Hasse diagrams, the
 * [Requires] filter, lazy labelling, and the 10-component space (45,001,728 configurations)
 * counted at once and its frontier under the cost model, with progress and wall time; then the
 * bounds: 20 components in up to 50 compartments (refused at once), and the [Requires] filter
 * on 10 components in up to 3 compartments (9,842 configurations) with and without it.
 */
import { readFileSync } from 'node:fs';
import {
  countConfigurations,
  countCoveringEdges,
  createCostTable,
  createSpace,
  enumerateConfigurations,
  toImageConfig,
  createEstimator,
  exploreSpace,
  largeFrontier,
  parseSpace,
  parseWorkload,
  formatId,
} from '../../src/core/explore/index.ts';
import { createRequiresCheck } from '../../src/core/explore/filter/requires-check.ts';
import { parseComponent } from '../../src/core/metadata/parse-component.ts';
import { checkPlacement } from '../../src/core/solver/index.ts';

const log = (s: string): void => void process.stdout.write(`${s}\n`);
const now = (): number => performance.now();

async function minikv(): Promise<void> {
  const dir = new URL('../../examples/minikv/', import.meta.url);
  const space = parseSpace(readFileSync(new URL('space.yaml', dir), 'utf8')).space;
  const workload = parseWorkload(readFileSync(new URL('workload.yaml', dir), 'utf8')).workload;
  if (!space || !workload) throw new Error('examples/minikv does not parse');
  const specs = ['kv', 'libc', 'sched', 'netstack'].flatMap((c) => {
    const spec = parseComponent(
      readFileSync(new URL(`components/${c}.flexos`, dir), 'utf8'),
      c,
    ).spec;
    return spec ? [spec] : [];
  });
  const estimator = createEstimator(
    space,
    workload,
    createCostTable(space.mechanism, space.sharing),
  );
  log('== minikv (examples/minikv/space.yaml)');
  for (const order of ['flexos', 'product'] as const) {
    const raw = await exploreSpace({ space, order, labels: { kind: 'none' } });
    log(
      `${order}: ${raw.configurations} configurations, ${raw.hasse?.edges} covering edges, least: ${raw.hasse?.minimal.join(' / ')}`,
    );
  }
  const filtered = await exploreSpace({
    space,
    order: 'flexos',
    labels: { kind: 'none' },
    isAllowed: createRequiresCheck(space, specs),
  });
  log(`[Requires]: ${filtered.filtered.count} left out, ${filtered.considered} considered`);
  for (const r of filtered.filtered.reasons) log(`  ${r.count}  ${r.reason}`);
  for (const order of ['flexos', 'product'] as const)
    for (const value of [250000, 300000]) {
      const budget = { kind: 'at-least' as const, value };
      const full = await exploreSpace({
        space,
        order,
        budget,
        labels: { kind: 'estimate', estimator },
      });
      const lazy = await exploreSpace({
        space,
        order,
        budget,
        labels: { kind: 'estimate', estimator },
        lazy: true,
      });
      const same =
        JSON.stringify(full.frontier.map((m) => m.id)) ===
        JSON.stringify(lazy.frontier.map((m) => m.id));
      log(
        `lazy ${order} >=${value}: measured ${lazy.measured} of ${lazy.considered} (frontier ${lazy.frontier.length}, same as full: ${same})`,
      );
    }
}

function large(): void {
  const here = new URL('./', import.meta.url);
  const space = parseSpace(readFileSync(new URL('explore.space.yaml', here), 'utf8')).space;
  const workload = parseWorkload(
    readFileSync(new URL('explore.workload.yaml', here), 'utf8'),
  ).workload;
  if (!space || !workload) throw new Error('tests/bench/explore.*.yaml do not parse');
  log(
    '\n== tests/bench/explore.space.yaml: 10 components, at most 4 compartments, one option each',
  );
  let t = now();
  const count = countConfigurations(space);
  log(
    `count: ${count.partitions} partitions × ${count.hardeningSubsets} = ${count.total} configurations (${(now() - t).toFixed(2)} ms)`,
  );
  const estimator = createEstimator(
    space,
    workload,
    createCostTable(space.mechanism, space.sharing),
  );
  for (const order of ['flexos', 'product'] as const)
    for (const value of [600_000, 450_000]) {
      t = now();
      const r = largeFrontier({
        space,
        order,
        partitionCost: estimator.partitionCost,
        hardeningCost: estimator.hardeningCost,
        meets: (p, h) => estimator.throughput(p, h) >= value,
        score: estimator.throughput,
        onProgress: ({ phase, done, total }) => {
          if (done % 16384 === 0 || done === total)
            process.stderr.write(`  progress: ${phase} ${done}/${total} partitions\n`);
        },
      });
      const ms = now() - t;
      log(
        `${order} >= ${value}: ${r.meeting} meet it; frontier ${r.frontierSize}${r.complete ? ' (all listed)' : `, the ${r.members.length} best listed`}; ${ms.toFixed(0)} ms`,
      );
      for (const m of r.members.slice(0, 2))
        log(`    ~${Math.round(m.score)}/s  ${formatId(space, m.config)}`);
    }
  for (const order of ['flexos', 'product'] as const)
    log(`covering edges of the whole space (${order}): ${countCoveringEdges(space, order)}`);
}

/** `n` free components `c00..`, at most `max` compartments, a ring of calls for estimates. */
function wide(n: number, max: number) {
  const components = Array.from({ length: n }, (_, i) => `c${String(i).padStart(2, '0')}`);
  const space = createSpace({ components, maxCompartments: max, requires: false });
  const workload = {
    baseline: 1e6,
    clockGhz: 3,
    calls: components.map((from, i) => ({
      from,
      to: components[(i + 1) % n] as string,
      calls: 1 + (i % 3),
      buffers: 1,
    })),
    share: Object.fromEntries(components.map((c) => [c, 0.9 / n])),
    hardeningFactors: {},
    shareSpans: {},
  };
  const estimator = createEstimator(
    space,
    workload,
    createCostTable(space.mechanism, space.sharing),
  );
  return { space, estimator };
}

async function bounds(): Promise<void> {
  log('\n== bounds: spaces too large to walk are refused at once');
  for (const [n, max] of [
    [20, 50],
    [13, 50],
    [13, 3],
  ] as const) {
    const { space, estimator } = wide(n, max);
    for (const [what, labels, lazy] of [
      ['no labels', { kind: 'none' as const }, false],
      ['estimates', { kind: 'estimate' as const, estimator }, false],
      ['lazy estimates', { kind: 'estimate' as const, estimator }, true],
    ] as const) {
      const t = now();
      const r = await exploreSpace({
        space,
        order: 'flexos',
        labels,
        lazy,
        ...(labels.kind === 'estimate' ? { budget: { kind: 'at-least', value: 5e5 } } : {}),
      });
      const outcome =
        r.diagnostics.find((d) => d.severity === 'error')?.code ??
        `${r.method}, frontier ${r.frontierSize}`;
      log(
        `${n} components, max ${max} (${r.partitions} partitions), ${what}: ${outcome}; ${(now() - t).toFixed(0)} ms`,
      );
    }
  }
}

/** Seeded: each of 10 components lets a random 95 % of the others write its private memory. */
function requiresSystem() {
  let seed = 7;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const names = Array.from({ length: 10 }, (_, i) => `c${i}`);
  const specs = names.flatMap((n) => {
    const grants = names
      .filter((m) => m !== n && rnd() >= 0.05)
      .map((a) => `, ${a}(Write,*)`)
      .join('');
    const text = `component ${n}\n[Memory access] Read(Own); Write(*)\n[Call] *\n[API] f(...)\n[Requires] *(Read,*), *(Write,Shared), *(Call,*)${grants}\n`;
    const spec = parseComponent(text, `components/${n}.flexos`).spec;
    return spec ? [spec] : [];
  });
  return { space: createSpace({ components: names, maxCompartments: 3 }), specs };
}

async function requiresFilter(): Promise<void> {
  const { space, specs } = requiresSystem();
  log('\n== [Requires] filter: 10 components, at most 3 compartments, no options');
  let t = now();
  const without = await exploreSpace({ space, order: 'flexos', labels: { kind: 'none' } });
  log(
    `without the filter: ${without.considered} configurations, frontier ${without.frontierSize}; ${(now() - t).toFixed(0)} ms`,
  );
  t = now();
  const withFilter = await exploreSpace({
    space,
    order: 'flexos',
    labels: { kind: 'none' },
    isAllowed: createRequiresCheck(space, specs),
  });
  log(
    `with the filter: ${withFilter.filtered.count} left out (${withFilter.filtered.reasons.length} conflicts), ${withFilter.considered} considered, frontier ${withFilter.frontierSize}; ${(now() - t).toFixed(0)} ms`,
  );
  // For comparison: the whole placement check with its fix search, on a sample.
  const sample = enumerateConfigurations(space).filter((_, i) => i % 20 === 0);
  t = now();
  for (const cfg of sample) checkPlacement(toImageConfig(space, cfg), specs);
  const per = (now() - t) / sample.length;
  log(
    `the whole placement check with fixes instead: ${per.toFixed(2)} ms per configuration (${sample.length} sampled), about ${((per * without.considered) / 1000).toFixed(1)} s for all`,
  );
}

await minikv();
large();
await bounds();
await requiresFilter();
