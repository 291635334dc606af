import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { createNodeIo } from '../../../src/cli/node-io.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const examples = readdirSync(join(root, 'examples'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

function capture() {
  const io = createNodeIo();
  const out = { stdout: '', stderr: '' };
  io.out = (t) => void (out.stdout += t);
  io.err = (t) => void (out.stderr += t);
  return { io, out };
}

describe('every example is a workspace that `flexos check` accepts', () => {
  it('has the four teaching examples', () => {
    expect(examples).toEqual(expect.arrayContaining(['hello', 'imgparse', 'iperf', 'minikv']));
  });

  for (const name of examples) {
    it(`${name}: no errors and no warnings`, async () => {
      const { io, out } = capture();
      const code = await main(['check', join(root, 'examples', name), '--json'], io);
      const { diagnostics } = JSON.parse(out.stdout) as { diagnostics: { code: string }[] };
      expect(diagnostics.map((d) => d.code)).toEqual([]);
      expect(code).toBe(0);
    });
  }
});

describe('the installed bin', () => {
  it('runs `flexos check` as a process and exits 0 on minikv', () => {
    const stdout = execFileSync(
      process.execPath,
      [join(root, 'bin', 'flexos.mjs'), 'check', 'examples/minikv'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(stdout).toBe('');
  });

  it('exits 2 with usage on an unknown command', () => {
    let status = 0;
    try {
      execFileSync(process.execPath, [join(root, 'bin', 'flexos.mjs'), 'frobnicate'], {
        cwd: root,
        stdio: 'pipe',
      });
    } catch (e) {
      status = (e as { status: number }).status;
    }
    expect(status).toBe(2);
  });
});
