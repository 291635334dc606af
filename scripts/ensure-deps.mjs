#!/usr/bin/env node
// Installs what `npm start` / `npm test` need and is missing, so both work on a fresh clone:
// npm packages (from the lock file), the wasm copies, and, when run as root on Debian, the
// system packages the test suites drive (chromium for the browser tests, gcc for C checks,
// bubblewrap for the runner's sandbox).
// Usage: node scripts/ensure-deps.mjs [start|test]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
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

if (npmPackagesStale()) run('npm', ['ci', '--no-audit', '--no-fund']);
if (existsSync(join(root, 'scripts', 'copy-wasm.mjs'))) run('node', ['scripts/copy-wasm.mjs']);
debianPackages();
