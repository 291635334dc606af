/**
 * Benchmark of the design-space explorer: `npx tsx tests/bench/explore.bench.ts`.
 * Prints the must-show numbers of the explorer issue: minikv's counts and Hasse diagrams, the
 * [Requires] filter, lazy labelling, and the 10-component space (45,001,728 configurations)
 * counted at once and its frontier under the cost model, with progress and wall time.
 */
import { readFileSync } from 'node:fs';
import {
  countConfigurations,
  countCoveringEdges,
  createCostTable,
  createEstimator,
  exploreSpace,
  largeFrontier,
  parseSpace,
  parseWorkload,
  formatId,
} from '../../src/core/explore/index.ts';
import { createRequiresCheck } from '../../src/core/explore/filter/requires-check.ts';
import { parseComponent } from '../../src/core/metadata/parse-component.ts';

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

await minikv();
large();
