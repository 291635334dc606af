import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exploreCommand } from '../../../src/cli/commands/explore.ts';
import { createNodeIo } from '../../../src/cli/node-io.ts';
import { createMemoryIo } from '../cli/memory-io.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const minikv = join(root, 'examples', 'minikv');

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = createNodeIo();
  const out = { stdout: '', stderr: '' };
  io.out = (t) => void (out.stdout += t);
  io.err = (t) => void (out.stderr += t);
  const code = await exploreCommand(args, io);
  return { code, ...out };
}

interface Json {
  configurations: number;
  frontier: string[];
  measured: number;
  order: string;
  filtered: { count: number; reasons: { reason: string; count: number }[] };
  hasse?: { edges: number; minimal: string[] };
  frontierSize: number;
  lazy: boolean;
}

describe('flexos explore', () => {
  it('--ignore-requires --json: 80 configurations, 166 flexos covering edges and one least element', async () => {
    const r = await run([minikv, '--ignore-requires', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Json;
    expect(Object.keys(json).slice(0, 4)).toEqual([
      'configurations',
      'frontier',
      'measured',
      'order',
    ]);
    expect(json.configurations).toBe(80);
    expect(json.order).toBe('flexos');
    expect(json.hasse).toEqual({ edges: 166, minimal: ['kv,libc,netstack,sched'] });
    expect(json.filtered.count).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe('80 configurations (5 partitions × 16 hardening subsets)');
    const product = JSON.parse(
      (await run([minikv, '--ignore-requires', '--json', '--order', 'product'])).stdout,
    ) as Json;
    expect(product.hasse?.edges).toBe(256);
  });

  it('leaves out what breaks a [Requires] and says how many and why', async () => {
    const json = JSON.parse((await run([minikv, '--json'])).stdout) as Json;
    expect(json.configurations).toBe(80);
    expect(json.filtered.count).toBe(28);
    expect(json.filtered.reasons.find((x) => x.reason.startsWith('netstack → sched'))?.count).toBe(
      16,
    );
    const text = (await run([minikv])).stdout;
    expect(text).toContain("Left out 28 that break a component's [Requires]:");
  });

  it('estimates, lazily or not, with the same frontier; lazy uses fewer labels', async () => {
    const full = JSON.parse(
      (await run([minikv, '--estimate', '--budget', '>=300000', '--json'])).stdout,
    ) as Json;
    const lazy = JSON.parse(
      (await run([minikv, '--estimate', '--budget', '>=300000', '--json', '--lazy'])).stdout,
    ) as Json;
    expect(lazy.frontier).toEqual(full.frontier);
    expect(lazy.lazy).toBe(true);
    expect(lazy.measured).toBeLessThan(full.measured);
    expect(full.frontier.length).toBeGreaterThan(0);
  });

  it('reads labels from a CSV file and draws the poset with --dot', async () => {
    const csv = 'config,value\n"kv,libc,netstack,sched",10\n"sched | kv,libc,netstack",5\n';
    const io = createMemoryIo({
      'w/space.yaml':
        'components: [kv, libc, netstack, sched]\ntogether: [[kv, libc, netstack]]\nrequires: false\n',
      'w/l.csv': csv,
    });
    expect(
      await exploreCommand(['w', '--labels', 'w/l.csv', '--budget', '>=6', '--json'], io),
    ).toBe(0);
    const json = JSON.parse(io.stdout) as Json;
    expect(json.frontier).toEqual(['kv,libc,netstack,sched']);
    expect(json.measured).toBe(2);
    const dot = createMemoryIo({ 'w/space.yaml': 'components: [a, b]\nhardening: {a: [asan]}\n' });
    expect(await exploreCommand(['w', '--dot'], dot)).toBe(0);
    expect(dot.stdout).toMatch(/^digraph poset \{/);
    // flexos: (ab) -> (ab, a[asan]), (ab) -> (a | b) -> (a[asan] | b); the two hardened ones are incomparable.
    expect(dot.stdout.match(/->/g)).toHaveLength(3);
    expect(dot.stdout).toContain('"a[asan] | b", style="filled,bold"');
  });

  it('prints the config.yaml of one configuration', async () => {
    const r = await run([minikv, '--print-config', 'sched | netstack[asan,cfi] | kv,libc']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  - netstack: { compartment: comp2, hardening: [asan, cfi] }');
  });

  it('reports bad input as diagnostics or usage errors, never by throwing', async () => {
    const bad = createMemoryIo({ 'w/space.yaml': 'components: [a, a]\n' });
    expect(await exploreCommand(['w'], bad)).toBe(1);
    expect(bad.stderr).toContain('w/space.yaml:1:17: error space/duplicate-component');
    for (const args of [
      ['w', '--order', 'poset'],
      ['w', '--budget', '500'],
      ['w', '--lazy'],
      ['nope'],
      ['w', '--labels', 'x.csv', '--estimate'],
      ['w', '--frob'],
      // Measuring by running: lazily only, and its flags only with it.
      ['w', '--labels', 'runner'],
      ['w', '--labels', 'runner', '--lazy', '--estimate'],
      ['w', '--runner', 'http://127.0.0.1:1'],
      ['w', '--metric', 'x', '--estimate'],
      ['w', '--estimate', '--', 'arg'],
    ]) {
      const io = createMemoryIo({ 'w/space.yaml': 'components: [a]\n' });
      expect(await exploreCommand(args, io)).toBe(2);
    }
    const noWorkload = createMemoryIo({ 'w/space.yaml': 'components: [a]\n' });
    expect(await exploreCommand(['w', '--estimate'], noWorkload)).toBe(1);
  });
});

describe('examples/minikv/README.md walkthrough', () => {
  it('quotes what the command prints', async () => {
    const readme = readFileSync(join(minikv, 'README.md'), 'utf8');
    const full = JSON.parse(
      (await run([minikv, '--estimate', '--budget', '>=300000', '--json'])).stdout,
    ) as Json;
    for (const id of full.frontier) expect(readme).toContain(`  ${id}  `);
    const lazy = JSON.parse(
      (await run([minikv, '--estimate', '--budget', '>=300000', '--json', '--lazy'])).stdout,
    ) as Json;
    expect(readme).toContain(`Labels: ${lazy.measured} of 52 asked for lazily`);
    const raw = JSON.parse(
      (
        await run([
          minikv,
          '--ignore-requires',
          '--estimate',
          '--budget',
          '>=300000',
          '--json',
          '--lazy',
        ])
      ).stdout,
    ) as Json;
    expect(readme).toContain(`the same budget needs ${raw.measured} of the 80`);
  });
});

describe('flexos explore on the 45-million-configuration bench space', () => {
  it('prints the exact count first, progress, and the frontier size with its 100 best', async () => {
    const bench = join(root, 'tests', 'bench');
    const args = [
      bench,
      '--space',
      join(bench, 'explore.space.yaml'),
      '--workload',
      join(bench, 'explore.workload.yaml'),
      '--estimate',
      '--budget',
      '>=450000',
      '--json',
    ];
    const r = await run(args);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe(
      '45001728 configurations (43947 partitions × 1024 hardening subsets)',
    );
    expect(r.stderr).toContain('counting the frontier: 43947/43947 partitions');
    const json = JSON.parse(r.stdout) as Json & { complete: boolean; method: string };
    expect(json.configurations).toBe(45001728);
    expect(json.method).toBe('structural');
    expect(json.frontierSize).toBe(223966);
    expect(json.frontier).toHaveLength(100);
    expect(json.complete).toBe(false);
  });
});
