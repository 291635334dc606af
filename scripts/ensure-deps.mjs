#!/usr/bin/env node
// Installs what `npm start` / `npm test` need and is missing, so both work on a fresh clone:
// npm packages (from the lock file), the wasm copies, and, when run as root on Debian, the
// system packages the test suites drive (chromium for the browser tests, gcc for C checks,
// bubblewrap for the runner's sandbox, QEMU for the Intel MPK guest), and the guest's kernel.
// Usage: node scripts/ensure-deps.mjs [start|test]
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const purpose = process.argv[2] ?? 'test';
const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };

function run(cmd, args) {
  console.log(`[ensure-deps] ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
}

function npmPackagesStale() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(marker)) return true;
  return statSync(join(root, 'package-lock.json')).mtimeMs > statSync(marker).mtimeMs + 1000;
}

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function debianPackages() {
  /** command → Debian package providing it (bwrap: the runner's sandbox, tests/runner/) */
  const wanted = { gcc: 'gcc', bwrap: 'bubblewrap' };
  // The runner's qemu-mpk target boots a small Linux guest with emulated protection keys.
  wanted['qemu-system-x86_64'] = 'qemu-system-x86';
  if (purpose === 'test') wanted.chromium = 'chromium';
  const missing = Object.entries(wanted)
    .filter(([cmd]) => !has(cmd))
    .map(([, pkg]) => pkg);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !has('apt-get')) {
    console.log(
      `[ensure-deps] missing system packages: ${missing.join(' ')} (not root or no apt-get: the suites that need them will say they are skipped)`,
    );
    return;
  }
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => {
    console.log(`[ensure-deps] apt-get ${args.join(' ')}`);
    execFileSync('apt-get', args, { stdio: 'inherit', env: aptEnv });
  };
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', ...missing]);
}

/**
 * The Linux kernel the QEMU guest boots: Debian's cloud kernel, fetched with `apt-get download`
 * and unpacked into a cache outside the repository (never committed), as
 * `<cache>/guest-kernel/vmlinuz`. Best effort: without it the guest's tests say they are
 * skipped.
 */
function guestKernel() {
  if (!has('apt-get') || !has('dpkg-deb')) return;
  const dir = join(
    env.FLEXOS_CACHE ?? join(homedir(), '.cache', 'flexos-playground'),
    'guest-kernel',
  );
  if (existsSync(join(dir, 'vmlinuz'))) return;
  try {
    const depends = execFileSync('apt-cache', ['depends', 'linux-image-cloud-amd64'], {
      encoding: 'utf8',
    });
    const pkg = /Depends: (linux-image-[\w.+-]+-cloud-amd64)\b/.exec(depends)?.[1];
    if (!pkg) throw new Error('no linux-image-*-cloud-amd64 package is known to apt');
    const work = mkdtempSync(join(tmpdir(), 'flexos-kernel-'));
    try {
      console.log(`[ensure-deps] apt-get download ${pkg} (the QEMU guest's kernel)`);
      execFileSync('apt-get', ['download', pkg], { cwd: work, stdio: 'inherit' });
      const deb = readdirSync(work).find((f) => f.endsWith('.deb'));
      if (!deb) throw new Error('apt-get download left no .deb');
      execFileSync('dpkg-deb', ['-x', join(work, deb), join(work, 'x')]);
      const boot = join(work, 'x', 'boot');
      const vmlinuz = readdirSync(boot).find((f) => f.startsWith('vmlinuz-'));
      if (!vmlinuz) throw new Error(`${deb} holds no vmlinuz`);
      mkdirSync(dir, { recursive: true });
      copyFileSync(join(boot, vmlinuz), join(dir, 'vmlinuz.part'));
      renameSync(join(dir, 'vmlinuz.part'), join(dir, 'vmlinuz'));
      writeFileSync(join(dir, 'version'), `${pkg}\n`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  } catch (e) {
    console.log(`[ensure-deps] no guest kernel (${e.message}): the QEMU tests will be skipped`);
  }
}

if (npmPackagesStale()) run('npm', ['ci', '--no-audit', '--no-fund']);
if (existsSync(join(root, 'scripts', 'copy-wasm.mjs'))) run('node', ['scripts/copy-wasm.mjs']);
debianPackages();
guestKernel();
