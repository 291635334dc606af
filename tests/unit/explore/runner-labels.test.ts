/**
 * Labels measured by running (`flexos explore --labels runner`, the Explore panel's runner
 * labels) through the pipeline: the host's `measure` is asked only for what the frontier needs,
 * with the configuration's own config.yaml and the space's mechanism; without a host that can
 * measure, the exploration says so.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exploreWorkspace, type Workspace } from '../../../src/core/pipeline/index.ts';

const root = resolve(import.meta.dirname, '../../..');

function example(name: string): Workspace {
  const dir = join(root, 'examples', name);
  const files: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel))) {
      const path = rel ? `${rel}/${e}` : e;
      if (statSync(join(dir, path)).isDirectory()) walk(path);
      else files[path] = readFileSync(join(dir, path), 'utf8');
    }
  };
  walk('');
  return { files, settings: { panel: 'graph' } };
}

/** A stand-in for running: a throughput that falls with compartments and hardening. */
function fakeRun(asked: { id: string; config: string; mechanism: string }[]) {
  return async (run: { id: string; config: string; mechanism: string }) => {
    asked.push(run);
    const compartments = run.id.split(' | ').length;
    const hardened = (run.id.match(/asan/g) ?? []).length;
    return 10_000 / compartments - 1000 * hardened;
  };
}

describe('runner labels', () => {
  it('measures only the frontier when there is no budget, each with its config.yaml', async () => {
    const asked: { id: string; config: string; mechanism: string }[] = [];
    const r = await exploreWorkspace(
      example('minikv'),
      { order: 'flexos', labels: 'runner', lazy: true },
      { measure: fakeRun(asked) },
    );
    expect(r.status).toBe('ok');
    if (r.status !== 'ok') return;
    expect(r.result).toMatchObject({ labels: 'measure', measured: 5, lazy: true });
    expect(asked.map((a) => a.id).sort()).toEqual(r.result.frontier.map((m) => m.id).sort());
    for (const m of r.result.frontier) expect(m).toMatchObject({ kind: 'measured' });
    for (const a of asked) {
      expect(a.mechanism).toBe('intel-mpk');
      expect(a.config).toMatch(/^name: minikv\n/);
      expect(a.config).toContain('hardening: [asan]');
    }
  });

  it('under a budget, measures fewer configurations than it considers', async () => {
    const asked: { id: string; config: string; mechanism: string }[] = [];
    const r = await exploreWorkspace(
      example('minikv'),
      { order: 'flexos', labels: 'runner', lazy: true, budget: '>=3000' },
      { measure: fakeRun(asked) },
    );
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.result.measured).toBe(asked.length);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.length).toBeLessThan(r.result.considered);
    for (const m of r.result.frontier) expect(m.value).toBeGreaterThanOrEqual(3000);
  });

  it('a run without a label leaves that configuration unlabelled, with a warning', async () => {
    const r = await exploreWorkspace(
      example('minikv'),
      { order: 'flexos', labels: 'runner', lazy: true },
      { measure: async () => Number.NaN },
    );
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.result.frontier.every((m) => m.value === undefined)).toBe(true);
    expect(r.diagnostics.filter((d) => d.code === 'explore/unlabelled')).toHaveLength(5);
  });

  it('without a host that measures, says a runner is needed', async () => {
    const r = await exploreWorkspace(example('minikv'), {
      order: 'flexos',
      labels: 'runner',
      lazy: true,
    });
    expect(r.status).toBe('invalid');
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['explore/no-runner', 'error'],
    ]);
  });
});
