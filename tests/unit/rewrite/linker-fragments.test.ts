/**
 * The linker fragments are real GNU ld scripts: a library's data, read-only data, bss and
 * constructors land in its compartment's sections when a program is linked with its fragment
 * (as FlexOS's per-library `flexos_extra.ld` places them).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildArtefacts } from '../../../src/core/rewrite/index.ts';
import { HAS_GCC, readConfig } from './support.ts';

const dir = mkdtempSync(join(tmpdir(), 'flexos-ld-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config = readConfig(`name: ld
compartments:
  - main: { mechanism: intel-mpk, default: true }
  - net: { mechanism: intel-mpk }
libraries:
  - app: main
  - netstack: net
`);

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}${r.stdout}`);
  return r.stdout;
}

describe('linker fragments', () => {
  it('are written for each library outside the default compartment only', () => {
    const a = buildArtefacts(config, []);
    expect(a.linkerFragments.map((f) => [f.file, f.compartment])).toEqual([['libnetstack.ld', 1]]);
    expect(
      buildArtefacts(
        {
          ...config,
          compartments: config.compartments.map((c) => ({ ...c, mechanism: 'fcalls' })),
        },
        [],
      ).linkerFragments,
    ).toEqual([]);
  });

  it.skipIf(!HAS_GCC)('place data, read-only data, bss and constructors in the compartment', () => {
    const fragment = buildArtefacts(config, []).linkerFragments[0];
    expect(fragment).toBeDefined();
    writeFileSync(join(dir, fragment?.file ?? 'x.ld'), fragment?.text ?? '');
    writeFileSync(
      join(dir, 'libnetstack.c'),
      [
        'int counter = 3;',
        'int zero;',
        'const char banner[] = "netstack";',
        '__attribute__((constructor)) static void start(void) { counter++; }',
        'int netstack_get(void) { return counter + zero + banner[0]; }',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'main.c'),
      'int netstack_get(void);\nint answer = 42;\nint main(void) { return netstack_get() == answer; }\n',
    );
    run('gcc', ['-c', '-O0', 'libnetstack.c', '-o', 'libnetstack.o']);
    run('gcc', ['-c', '-O0', 'main.c', '-o', 'main.o']);
    run('gcc', ['main.o', 'libnetstack.o', `-Wl,-T,${fragment?.file}`, '-o', 'prog']);
    const symbols = run('objdump', ['-t', 'prog']);
    const sectionOf = (name: string): string | undefined =>
      symbols
        .split('\n')
        .find((l) => l.trim().endsWith(` ${name}`))
        ?.split(/\s+/)
        .find((f) => f.startsWith('.'));
    expect(sectionOf('counter')).toBe('.data_comp1');
    expect(sectionOf('banner')).toBe('.data_comp1');
    expect(sectionOf('zero')).toBe('.bss_comp1');
    // The default compartment's own data stays where it was.
    expect(sectionOf('answer')).toBe('.data');
    const sections = run('readelf', ['-SW', 'prog']);
    const initArray = /\.init_array_comp1\s+INIT_ARRAY\s+\S+\s+\S+\s+(\S+)/.exec(sections);
    expect(initArray?.[1]).toBe('000008');
    for (const s of ['.data_comp1', '.bss_comp1']) {
      const line = sections.split('\n').find((l) => l.includes(` ${s} `)) ?? '';
      expect(Number.parseInt(/\s(\d+)\s*$/.exec(line)?.[1] ?? '0', 10), s).toBe(4096);
    }
  });
});
