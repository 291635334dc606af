#!/usr/bin/env node
// `npm start`: builds the playground and serves the production build on http://127.0.0.1:4173.
// (The local runner joins here once it exists.) PORT overrides the port.
import { spawnSync, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vite = join(root, 'node_modules', '.bin', 'vite');
const port = process.env.PORT ?? '4173';

const build = spawnSync(vite, ['build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

console.log(`\nFlexOS Playground: http://127.0.0.1:${port}/  (Ctrl+C to stop)\n`);
const server = spawn(vite, ['preview', '--host', '127.0.0.1', '--port', port, '--strictPort'], {
  cwd: root,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
