#!/usr/bin/env node
// `npm start`: builds the playground with Vite, then serves the build and the runner's API
// (/api/...) from this one Node process on http://127.0.0.1:4173 (PORT overrides), so the
// page's Run panel calls the runner on its own origin. Ctrl+C stops the jobs and the server and
// removes the job directories.
//
// The runner is TypeScript: tsx is registered here instead of spawning `tsx` as a child, so a
// Ctrl+C reaches one process that cleans up, not a parent and a child racing to exit.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vite = join(root, 'node_modules', '.bin', 'vite');
const portText = process.env.PORT ?? '4173';
const port = Number(portText);
if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
  console.error(`npm start: PORT=${portText} is not a port number (1-65535)`);
  process.exit(2);
}

const build = spawnSync(vite, ['build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const { register } = await import('tsx/esm/api');
register();
const { serve } = await import('../src/runner/main.ts');
const code = await serve({
  title: 'FlexOS Playground',
  host: '127.0.0.1',
  port,
  appDir: join(root, 'dist'),
  logger: true,
  quiet: true,
});
process.exit(code);
