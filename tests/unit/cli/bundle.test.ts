import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { createNodeIo } from '../../../src/cli/node-io.ts';

const root = join(import.meta.dirname, '..', '..', '..');

async function inProcess(argv: string[]) {
  const io = createNodeIo();
  const out = { stdout: '', stderr: '' };
  io.out = (t) => void (out.stdout += t);
  io.err = (t) => void (out.stderr += t);
  const code = await main(argv, io);
  return { code, ...out };
}

describe('the one-file bundle of scripts/build-cli.mjs', () => {
  // Inside the checkout, where git, ESLint and Prettier ignore it, but deeper than the real
  // bundle, so the bundled node-parser has to find the repository root by walking up.
  let dir = '';
  let bundle = '';

  beforeAll(() => {
    const cache = join(root, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    dir = mkdtempSync(join(cache, 'flexos-bundle-test-'));
    bundle = join(dir, 'out', 'flexos.mjs');
    execFileSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs'), bundle], {
      cwd: root,
      stdio: 'pipe',
    });
  }, 30_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function run(argv: string[]) {
    const r = spawnSync(process.execPath, [bundle, ...argv], { cwd: root, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('is a single module plus the list of its inputs', () => {
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['flexos.mjs', 'flexos.mjs.inputs.json']);
    const { inputs } = JSON.parse(readFileSync(`${bundle}.inputs.json`, 'utf8')) as {
      inputs: Record<string, unknown>;
    };
    expect(Object.keys(inputs)).toEqual(
      expect.arrayContaining([
        'src/cli/main.ts',
        'src/cli/node-parser.ts',
        'scripts/build-cli.mjs',
        expect.stringMatching(/^node_modules\/web-tree-sitter\//),
        expect.stringMatching(/^node_modules\/yaml\//),
      ]),
    );
  });

  it('`check examples/minikv --json` prints what the in-process main prints', async () => {
    const argv = ['check', 'examples/minikv', '--json'];
    const expected = await inProcess(argv);
    const actual = run(argv);
    expect(actual.stderr).toBe(expected.stderr);
    expect(JSON.parse(actual.stdout)).toEqual(JSON.parse(expected.stdout));
    expect(actual.code).toBe(expected.code);
  });

  it('`rewrite` loads the tree-sitter wasm from the bundle and rewrites like main', async () => {
    const argv = [
      'rewrite',
      '--config',
      'examples/minikv/config.yaml',
      '--lib',
      'kv',
      'examples/minikv/libs/kv/kv.c',
    ];
    const expected = await inProcess(argv);
    const actual = run(argv);
    expect(actual.stderr).toBe(expected.stderr);
    expect(actual.stdout).toBe(expected.stdout);
    expect(actual.stdout).not.toContain('flexos_gate_r(');
    expect(actual.code).toBe(expected.code);
  });
});
