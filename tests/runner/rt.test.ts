/**
 * The runner's C runtime and layout, built directly with gcc (no sandbox: this is the
 * project's own code): the heaps behave and refuse misuse, and the generated linker script
 * gives each compartment's data its own page-aligned range.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeCParser } from '../../src/cli/node-parser.ts';
import { buildWorkspace } from '../../src/core/pipeline/index.ts';
import { withMechanism } from '../../src/runner/build/with-mechanism.ts';
import { gccBuild } from './gcc-build.ts';
import { loadExample, root } from './native-helpers.ts';

const hasGcc = !spawnSync('gcc', ['--version'], { stdio: 'ignore' }).error;
const rt = join(root, 'src/runner/rt');
const tmp = mkdtempSync(join(tmpdir(), 'flexos-rt-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(!hasGcc)(hasGcc ? 'runner runtime' : 'runner runtime (skipped: no gcc)', () => {
  const prog = join(tmp, 'heaps');

  it('allocates from per-heap ranges, aligns, reuses and reallocates', () => {
    execFileSync('gcc', [
      '-std=gnu11',
      '-O1',
      '-Wall',
      '-Werror',
      `-I${rt}`,
      join(rt, 'isolation.c'),
      join(rt, 'heap-alloc.c'),
      join(root, 'tests/runner/fixtures/rt-heaps.c'),
      '-o',
      prog,
    ]);
    const r = spawnSync(prog, { encoding: 'utf8' });
    expect(r.stdout).toBe('heaps ok\n');
    expect(r.status).toBe(0);
  });

  it.each([
    ['wrong-heap', /belongs to flexos_shared_alloc/],
    ['double-free', /double free/],
    ['foreign', /not allocated by a FlexOS heap/],
  ])('stops on %s with a message', (misuse, message) => {
    const r = spawnSync(prog, [misuse], { encoding: 'utf8' });
    expect(r.signal).toBe('SIGABRT');
    expect(r.stderr).toMatch(message);
  });

  it('gives every compartment’s data and bss their own page-aligned ranges', async () => {
    const parser = await createNodeCParser();
    try {
      const ws = withMechanism(
        { files: loadExample('hello'), settings: { panel: 'graph' } },
        'fcalls',
      );
      if (!ws) throw new Error('no image');
      const build = buildWorkspace(ws, parser);
      if (!build.artefacts) throw new Error('no artefacts');
      const dir = join(tmp, 'hello');
      gccBuild(build, dir);
      const run = spawnSync(join(dir, 'prog'), { encoding: 'utf8' });
      expect(run.stdout).toMatch(/greeted 4 guests, printed 4 lines: ok/);

      const symbols = new Map(
        execFileSync('nm', [join(dir, 'prog')], { encoding: 'utf8' })
          .split('\n')
          .map((l) => l.trim().split(/\s+/))
          .filter((p) => p.length === 3)
          .map((p) => [p[2] as string, BigInt(`0x${p[0]}`)]),
      );
      const at = (s: string) => {
        const v = symbols.get(s);
        if (v === undefined) throw new Error(`no symbol ${s}`);
        return v;
      };
      const inside = (sym: string, range: string) =>
        at(sym) >= at(`__flexos_${range}_start`) && at(sym) < at(`__flexos_${range}_end`);
      // app (compartment 0): guests in .data, lines_printed in .bss; greeter (1): salutation, lines_made.
      expect(inside('guests', 'comp0_data')).toBe(true);
      expect(inside('lines_printed', 'comp0_bss')).toBe(true);
      expect(inside('salutation', 'comp1_data')).toBe(true);
      expect(inside('lines_made', 'comp1_bss')).toBe(true);
      for (const range of ['comp0_data', 'comp1_data', 'comp0_bss', 'comp1_bss', 'shared_data']) {
        expect(at(`__flexos_${range}_start`) % 4096n, range).toBe(0n);
        expect(at(`__flexos_${range}_end`) % 4096n, range).toBe(0n);
      }
      expect(at('__flexos_comp0_data_end') <= at('__flexos_comp1_data_start')).toBe(true);
    } finally {
      parser.delete();
    }
  });
});
