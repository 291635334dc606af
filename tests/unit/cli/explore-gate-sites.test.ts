import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { createNodeIo } from '../../../src/cli/node-io.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'flexos-explore-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function explore(args: string[]) {
  const io = createNodeIo();
  let stdout = '';
  let stderr = '';
  io.out = (t) => void (stdout += t);
  io.err = (t) => void (stderr += t);
  const code = await main(['explore', dir, ...args], io);
  return { code, stdout, stderr };
}

describe('explore --estimate takes edges missing from workload.yaml from the gate sites', () => {
  it('warns about each edge the sources gate through and counts its sites', async () => {
    cpSync(join(root, 'examples', 'minikv'), dir, { recursive: true });
    const clean = await explore(['--estimate', '--json']);
    expect(clean.stderr).not.toContain('workload/edge-from-sources');
    const path = join(dir, 'workload.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^ {2}netstack->sched:.*\n/m, ''));
    const { code, stderr } = await explore(['--estimate', '--json']);
    expect(code).toBe(0);
    // thread_add and thread_rm are the two netstack -> sched gates in netstack.c.
    expect(stderr).toMatch(
      /libs\/netstack\/netstack\.c:\d+:\d+: warning workload\/edge-from-sources: netstack->sched .* 2 gate sites/,
    );
  });
});
