/**
 * The teaching examples under examples/ are real programs: every one compiles with gcc
 * (C11, -Wall -Werror) once its FlexOS placeholders are read as plain C
 * (tests/fixtures/flexos-placeholders.h), runs to completion and prints what its README says.
 *
 * Next to that, a light consistency check that needs no parser from src/core: every gate
 * names a library of the image, calls a function that library declares in its [API], and is
 * covered by the caller's [Call]; every callback is an [API] entry point; and no library calls
 * another library's entry point without a gate.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const examplesDir = path.join(root, 'examples');
const placeholders = path.join(root, 'tests/fixtures/flexos-placeholders.h');

function hasCommand(cmd: string): boolean {
  try {
    execFileSync(cmd, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const hasGcc = hasCommand('gcc');

interface Run {
  args: string[];
  status: number;
  output: RegExp[];
}

/** What each example must print when run natively, without any isolation. */
const RUNS: Record<string, Run[]> = {
  hello: [{ args: [], status: 0, output: [/greeted 4 guests, printed 4 lines: ok/] }],
  gatebench: [
    {
      args: [],
      status: 0,
      output: [
        /plain call in one compartment: +[\d.]+ ns per call/,
        /a gate costs \d+ plain calls/,
      ],
    },
  ],
  iperf: [{ args: [], status: 0, output: [/8\.00 MiB in \d+ recv calls/, /data verified/] }],
  minikv: [
    {
      args: [],
      status: 0,
      output: [/520 replies as expected, 0 wrong/, /520 commands served.*clean shutdown/],
    },
  ],
  imgparse: [
    { args: [], status: 0, output: [/decoded a 16x8 image/, /secret intact: yes/] },
    // Without isolation the crafted image overwrites the key: the attack succeeds.
    { args: ['--crafted'], status: 2, output: [/api key PWNED by/, /secret intact: no/] },
  ],
};
// The exercises are minikv's and imgparse's programs with another config.yaml.
RUNS['exercise-fewest'] = RUNS['minikv'] ?? [];
RUNS['exercise-frontier'] = RUNS['minikv'] ?? [];
RUNS['exercise-fault'] = RUNS['imgparse'] ?? [];

const examples = readdirSync(examplesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** `lib` + the library name without dashes (docs/formats.md, "Gate tokens and aliases"). */
function gateName(lib: string): string {
  return 'lib' + lib.replace(/-/g, '');
}

interface Meta {
  name: string;
  calls: string[];
  api: string[];
}

/** Just enough of the metadata language for these checks: one-line sections. */
function readMeta(file: string): Meta {
  const meta: Meta = { name: '', calls: [], api: [] };
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const header = /^component\s+(\S+)$/.exec(line);
    if (header) meta.name = header[1] ?? '';
    const section = /^\[([^\]]+)\]\s*(.*)$/.exec(line);
    if (!section) continue;
    const body = section[2] ?? '';
    if (section[1] === 'Call') meta.calls = body.split(',').map((s) => s.trim());
    if (section[1] === 'API') {
      meta.api = body.split(';').map((s) => s.trim().replace(/\s*\(.*$/, ''));
    }
  }
  return meta;
}

function libraries(example: string): string[] {
  const config = parse(readFileSync(path.join(examplesDir, example, 'config.yaml'), 'utf8')) as {
    libraries: Record<string, unknown>[];
  };
  return config.libraries.map((entry) => Object.keys(entry)[0] ?? '');
}

function cFiles(example: string, lib: string): string[] {
  const dir = path.join(examplesDir, example, 'libs', lib);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.c'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** C source with comments and string/char literals blanked out. */
function code(file: string): string {
  return readFileSync(file, 'utf8').replace(
    /\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g,
    (m) => m.replace(/[^\n]/g, ' '),
  );
}

/** The top-level comma-separated arguments of the call whose '(' is at `open`. */
function callArgs(src: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) {
      args.push(src.slice(start, i).trim());
      return args;
    } else if (c === ',' && depth === 1) {
      args.push(src.slice(start, i).trim());
      start = i + 1;
    }
  }
  throw new Error(`unbalanced call at ${open}`);
}

interface Gate {
  file: string;
  target: string;
  fn: string;
}

function gates(file: string): Gate[] {
  const src = code(file);
  const found: Gate[] = [];
  for (const m of src.matchAll(/\bflexos_gate(_r)?\s*\(/g)) {
    const args = callArgs(src, (m.index ?? 0) + m[0].length - 1);
    const fn = args[m[1] ? 2 : 1] ?? '';
    found.push({ file, target: args[0] ?? '', fn });
  }
  return found;
}

function covers(calls: string[], lib: string, fn: string): boolean {
  return calls.some((c) => c === '*' || c === `${lib}::*` || c === `${lib}::${fn}`);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'flexos-examples-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('examples', () => {
  it('every example directory has expected runs', () => {
    expect(examples).toEqual(Object.keys(RUNS).sort());
  });
});

describe.each(examples)('example %s', (example) => {
  const dir = path.join(examplesDir, example);
  const libs = libraries(example);
  const metas = new Map(
    libs.map((l) => [l, readMeta(path.join(dir, 'components', `${l}.flexos`))]),
  );
  const byGateName = new Map(libs.map((l) => [gateName(l), l]));

  it('has a README, and metadata and C sources for every library of its config', () => {
    expect(existsSync(path.join(dir, 'README.md'))).toBe(true);
    for (const lib of libs) {
      expect(lib).toMatch(/^[a-z][a-z0-9_-]*$/);
      expect(metas.get(lib)?.name).toBe(lib);
      expect(cFiles(example, lib).length).toBeGreaterThan(0);
    }
    expect(readdirSync(path.join(dir, 'components')).sort()).toEqual(
      libs.map((l) => `${l}.flexos`).sort(),
    );
  });

  it('gates only cross-library calls, into [API] functions its [Call] lists', () => {
    for (const lib of libs) {
      const caller = metas.get(lib);
      for (const file of cFiles(example, lib)) {
        for (const g of gates(file)) {
          const where = `${path.relative(root, file)}: ${g.target} ${g.fn}`;
          const target = byGateName.get(g.target);
          expect(target, `${where}: gate into a library of the image`).toBeDefined();
          if (target === undefined) continue;
          expect(target, `${where}: gate crosses a library boundary`).not.toBe(lib);
          expect(metas.get(target)?.api, `${where}: callee [API]`).toContain(g.fn);
          expect(covers(caller?.calls ?? [], target, g.fn), `${where}: caller [Call]`).toBe(true);
        }
      }
    }
  });

  it('declares every callback as an [API] entry point of its library', () => {
    for (const lib of libs) {
      for (const file of cFiles(example, lib)) {
        const src = code(file);
        const re = /__attribute__\s*\(\(\s*(\w+)_callback\s*\)\)[^;{(]*?\b(\w+)\s*\(/g;
        for (const m of src.matchAll(re)) {
          const where = `${path.relative(root, file)}: callback ${m[2]}`;
          expect(byGateName.has(m[1] ?? ''), `${where}: calling library`).toBe(true);
          expect(metas.get(lib)?.api, where).toContain(m[2]);
        }
      }
    }
  });

  it("never calls another library's entry point without a gate", () => {
    for (const lib of libs) {
      const foreign = libs
        .filter((l) => l !== lib)
        .flatMap((l) => metas.get(l)?.api ?? [])
        .filter((fn) => fn !== '');
      for (const file of cFiles(example, lib)) {
        const src = code(file);
        for (const fn of foreign) {
          const plain = new RegExp(`(?<![\\w.>])${fn}\\s*\\(`);
          expect(plain.test(src), `${path.relative(root, file)} calls ${fn} directly`).toBe(false);
        }
      }
    }
  });

  it.skipIf(!hasGcc)(
    hasGcc
      ? 'compiles with gcc -std=c11 -Wall -Werror and runs to completion'
      : 'compiles with gcc and runs (skipped: gcc not found on PATH)',
    () => {
      // Sorted paths: imgparse's demo relies on the linker placing libs/app/main.c's data
      // before libs/app/vault.c's, as GNU ld does in command-line order.
      const sources = libs.flatMap((l) => cFiles(example, l)).sort();
      const binary = path.join(tmp, example);
      execFileSync(
        'gcc',
        ['-std=c11', '-Wall', '-Werror', '-include', placeholders, ...sources, '-o', binary],
        { stdio: 'pipe' },
      );
      for (const run of RUNS[example] ?? []) {
        const result = spawnSync(binary, run.args, { encoding: 'utf8', timeout: 10_000 });
        const output = `${result.stdout}${result.stderr}`;
        expect(result.error, output).toBeUndefined();
        expect(result.status, `${example} ${run.args.join(' ')}\n${output}`).toBe(run.status);
        for (const re of run.output) expect(output).toMatch(re);
      }
    },
  );
});
