import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ASAN_GUEST_LIBRARIES } from '../build/hardening-flags.ts';
import { guestKernel } from '../qemu/guest.ts';

/** A file of the host that goes into the guest's root directory under `name`. */
export interface GuestLibrary {
  name: string;
  path: string;
}

/**
 * What the qemu-mpk target needs on this host, or why it cannot run. `asanLibraries`: the
 * loader and libraries a program built with asan needs (null when gcc has no libasan here).
 */
export type GuestSetup =
  | { ok: true; kernel: string; init: string; asanLibraries: GuestLibrary[] | null }
  | { ok: false; reason: string };

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
  return { ok: true, kernel, init, asanLibraries: toolchainLibraries(ASAN_GUEST_LIBRARIES) };
}

/** Where gcc finds each of `names`, or null when one of them is not there. */
function toolchainLibraries(names: readonly string[]): GuestLibrary[] | null {
  const found: GuestLibrary[] = [];
  for (const name of names) {
    const r = spawnSync('gcc', [`-print-file-name=${name}`], { encoding: 'utf8' });
    const path = r.stdout.trim();
    // gcc echoes a name it cannot find without a directory.
    if (r.status !== 0 || !path.includes('/') || !existsSync(path)) return null;
    found.push({ name, path: realpathSync(path) });
  }
  return found;
}
