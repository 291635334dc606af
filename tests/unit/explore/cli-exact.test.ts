import { describe, expect, it } from 'vitest';
import { exploreCommand } from '../../../src/cli/commands/explore.ts';
import { enumerateConfigurations, formatId, safetyRank } from '../../../src/core/explore/index.ts';
import { createMemoryIo } from '../cli/memory-io.ts';
import { minikvSpace } from './fixtures.ts';

const SPACE = `components: [kv, libc, sched, netstack]
together: [[kv, libc]]
max-compartments: 3
hardening: {kv: [asan], libc: [asan], sched: [asan], netstack: [asan+cfi]}
requires: false
`;
const TOP = 'kv[asan],libc[asan] | netstack[asan,cfi] | sched[asan]';

/** minikv's 80 configurations, 10 less per safety level; `TOP` set to `top` when given. */
function labels(top?: number): string {
  const space = minikvSpace({ requires: false });
  const rows = enumerateConfigurations(space).map((c) => {
    const id = formatId(space, c);
    return `"${id}",${id === TOP && top !== undefined ? top : 100 - 10 * safetyRank(c)}`;
  });
  return ['config,value', ...rows].join('\n');
}

interface Json {
  frontier: string[];
  measured: number;
  exact: boolean;
  unverified: number;
  verified?: number;
  diagnostics: { code: string }[];
}

async function explore(csv: string, ...flags: string[]): Promise<{ code: number; json: Json }> {
  const io = createMemoryIo({ 'w/space.yaml': SPACE, 'w/l.csv': csv });
  const code = await exploreCommand(['w', '--labels', 'w/l.csv', '--json', ...flags], io);
  return { code, json: JSON.parse(io.stdout) as Json };
}

describe('flexos explore --lazy says whether it is exact; --verify makes it so', () => {
  it('a safer configuration faster than less safe ones: lazy misses it and says so', async () => {
    const csv = labels(80);
    const full = await explore(csv, '--budget', '>=75');
    expect(full.json.frontier).toContain(TOP);
    expect(full.json.exact).toBe(true);
    const lazy = await explore(csv, '--budget', '>=75', '--lazy');
    expect(lazy.code).toBe(0);
    expect(lazy.json.frontier).not.toContain(TOP);
    expect(lazy.json.exact).toBe(false);
    expect(lazy.json.unverified).toBeGreaterThan(0);
    const verified = await explore(csv, '--budget', '>=75', '--lazy', '--verify');
    expect(verified.json.exact).toBe(true);
    expect(verified.json.unverified).toBe(0);
    expect(verified.json.frontier).toEqual(full.json.frontier);
    expect(verified.json.verified).toBeGreaterThan(0);
    expect(verified.json.measured).toBe(lazy.json.measured + (verified.json.verified ?? 0));
  });

  it('says so in the report and names --verify', async () => {
    const io = createMemoryIo({ 'w/space.yaml': SPACE, 'w/l.csv': labels(80) });
    await exploreCommand(['w', '--labels', 'w/l.csv', '--budget', '>=75', '--lazy'], io);
    expect(io.stdout).toMatch(/Not proven exact: \d+ configurations without a label/);
    expect(io.stdout).toContain('--verify measures them.');
  });

  it('monotone labels that the measurements settle: exact', async () => {
    const lazy = await explore(labels(), '--budget', '>=30', '--lazy');
    expect(lazy.json.exact).toBe(true);
    expect(lazy.json.unverified).toBe(0);
  });

  it('refuses --verify without --lazy and a bad --max-partitions', async () => {
    for (const args of [
      ['w', '--labels', 'w/l.csv', '--verify'],
      ['w', '--max-partitions', 'many'],
    ]) {
      const io = createMemoryIo({ 'w/space.yaml': SPACE, 'w/l.csv': labels() });
      expect(await exploreCommand(args, io)).toBe(2);
    }
  });

  it('refuses 20 components in 50 compartments at once, and --max-partitions moves the bound', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `c${String(i).padStart(2, '0')}`);
    const io = createMemoryIo({
      'w/space.yaml': `components: [${names.join(', ')}]\nmax-compartments: 50\n`,
    });
    expect(await exploreCommand(['w', '--json'], io)).toBe(1);
    expect(io.stderr).toContain('explore/space-too-large');
    const eleven = names.slice(0, 11).join(', ');
    const lower = createMemoryIo({
      'w/space.yaml': `components: [${eleven}]\nhardening: {c00: [asan]}\n`,
    });
    expect(await exploreCommand(['w', '--max-partitions', '1000'], lower)).toBe(1);
    expect(lower.stderr).toContain('above 1000 partitions');
  });
});
