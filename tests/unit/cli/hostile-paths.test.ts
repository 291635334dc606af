/**
 * What a hostile or unlucky file system does to the CLI: every unusable path is one line naming
 * it and exit status 2, never a stack trace, an endless read or a write outside the output.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { createNodeIo } from '../../../src/cli/node-io.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'flexos-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;
let ws = '';

beforeEach(() => {
  ws = join(scratch, `ws${++n}`);
  cpSync(join(root, 'examples', 'hello'), ws, { recursive: true });
});

async function run(...args: string[]) {
  const io = createNodeIo();
  let stdout = '';
  let stderr = '';
  io.out = (t) => void (stdout += t);
  io.err = (t) => void (stderr += t);
  const code = await main(args, io);
  return { code, stdout, stderr };
}

function expectOneLine(r: { code: number; stderr: string }, path: string): void {
  expect(r.code).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines.at(-1)).toContain(path);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('unusable inputs are one line and exit 2', () => {
  it('config.yaml that is a directory', async () => {
    rmSync(join(ws, 'config.yaml'));
    mkdirSync(join(ws, 'config.yaml'));
    expectOneLine(await run('check', ws), 'config.yaml');
  });

  it('config.yaml that is a dangling or a looping link', async () => {
    rmSync(join(ws, 'config.yaml'));
    symlinkSync(join(ws, 'nowhere'), join(ws, 'config.yaml'));
    const dangling = await run('check', ws);
    // A dangling link is no config: the workspace's own error, not a crash.
    expect(dangling.code).toBe(1);
    rmSync(join(ws, 'config.yaml'));
    symlinkSync(join(ws, 'loop'), join(ws, 'loop2'));
    symlinkSync(join(ws, 'loop2'), join(ws, 'loop'));
    expectOneLine(
      await run('rewrite', '--config', join(ws, 'loop'), '--lib', 'app', 'x.c'),
      'loop',
    );
  });

  it('a config linked to /dev/zero or /dev/urandom is refused at once', async () => {
    for (const device of ['/dev/zero', '/dev/urandom']) {
      rmSync(join(ws, 'config.yaml'), { force: true });
      symlinkSync(device, join(ws, 'config.yaml'));
      expectOneLine(await run('check', ws), 'config.yaml');
    }
  });

  it('a FILE argument that is a directory', async () => {
    const r = await run('port', '--config', join(ws, 'config.yaml'), '--lib', 'app', ws);
    expectOneLine(r, ws);
  });

  it('a source linked to a file outside the workspace is skipped, never copied', async () => {
    const secret = join(scratch, `secret${n}.c`);
    writeFileSync(secret, 'int secret = 42;\n');
    symlinkSync(secret, join(ws, 'libs', 'app', 'leak.c'));
    const out = join(scratch, `out${n}`);
    const r = await run('rewrite', ws, '--out', out);
    expect(r.stderr).toContain('leak.c');
    expect(existsSync(join(out, 'libs', 'app', 'leak.c'))).toBe(false);
  });

  it('a library directory name with a newline does not break the path:line:col format', async () => {
    mkdirSync(join(ws, 'libs', 'bad\nname'));
    writeFileSync(join(ws, 'libs', 'bad\nname', 'x.c'), 'int x = flexos_gate(libnope, f);\n');
    const r = await run('check', ws);
    for (const line of r.stdout.trim().split('\n')) expect(line).toMatch(/:\d+:\d+: /);
  });
});

describe('rewrite DIR --out OUT writes only OUT', () => {
  it('does not follow links already inside OUT and leaves no stale file', async () => {
    const out = join(scratch, `out${n}`);
    const victim = join(scratch, `victim${n}`);
    mkdirSync(join(out, 'libs'), { recursive: true });
    mkdirSync(victim);
    writeFileSync(join(victim, 'keep.txt'), 'keep');
    symlinkSync(victim, join(out, 'libs', 'app'));
    mkdirSync(join(out, 'build'));
    symlinkSync(join(victim, 'keep.txt'), join(out, 'build', 'gates.json'));
    writeFileSync(join(out, 'stale.c'), 'old');
    const r = await run('rewrite', ws, '--out', out);
    expect(r.code).toBe(0);
    expect(readdirSync(victim)).toEqual(['keep.txt']);
    expect(readFileSync(join(victim, 'keep.txt'), 'utf8')).toBe('keep');
    expect(existsSync(join(out, 'stale.c'))).toBe(false);
    expect(readFileSync(join(out, 'build', 'gates.json'), 'utf8')).toContain('"gates"');
  });

  it('refuses --out that is empty, the input, inside it, a file or /dev/null', async () => {
    const file = join(scratch, `file${n}`);
    writeFileSync(file, 'x');
    for (const out of ['', ws, join(ws, 'out'), file, '/dev/null']) {
      const before = readFileSync(join(ws, 'libs', 'app', 'main.c'), 'utf8');
      const r = await run('rewrite', ws, '--out', out);
      expect(r.code, `--out '${out}'`).toBe(2);
      expect(readFileSync(join(ws, 'libs', 'app', 'main.c'), 'utf8')).toBe(before);
    }
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});

describe('the process', () => {
  it('stops quietly when its reader goes away (flexos check | head -1)', () => {
    const packed = join(scratch, 'packed');
    cpSync(join(root, 'examples', 'minikv'), packed, { recursive: true });
    const config = join(packed, 'config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/comp[23]$/gm, 'comp1'));
    const r = spawnSync(
      'bash',
      ['-c', `node ${join(root, 'bin', 'flexos.mjs')} check ${packed} | head -c 1 >/dev/null`],
      { encoding: 'utf8' },
    );
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });
});
