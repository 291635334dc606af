import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { guestKernel } from '../qemu/guest.ts';

/** What the qemu-mpk target needs on this host, or why it cannot run. */
export type GuestSetup = { ok: true; kernel: string; init: string } | { ok: false; reason: string };

/**
 * Finds QEMU and the guest's kernel and compiles guest-init (statically, into `dir`): the
 * qemu-mpk target runs where all three are there. The setup of `npm test` and `npm start`
 * installs QEMU (as root) and fetches the kernel (scripts/ensure-deps.mjs).
 */
export function setUpGuest(dir: string): GuestSetup {
  if (spawnSync('qemu-system-x86_64', ['--version'], { stdio: 'ignore' }).status !== 0)
    return { ok: false, reason: 'QEMU (qemu-system-x86_64) is not installed' };
  const kernel = guestKernel();
  if (kernel === null)
    return {
      ok: false,
      reason: 'no guest kernel: run npm test or node scripts/ensure-deps.mjs test to fetch it',
    };
  const init = join(dir, 'guest-init');
  const source = fileURLToPath(new URL('../rt/guest-init.c', import.meta.url));
  const r = spawnSync('gcc', ['-static', '-O1', '-o', init, source], { encoding: 'utf8' });
  if (r.status !== 0)
    return {
      ok: false,
      reason: `gcc cannot link statically here: ${r.stderr.trim().split('\n')[0] ?? ''}`,
    };
  return { ok: true, kernel, init };
}
