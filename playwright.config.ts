import { defineConfig } from '@playwright/test';

/**
 * Browser feature specs (tests/e2e/*.spec.ts), one feature per file, against the server of
 * `npm start`: the production build (`npx vite build` first) and the runner's API from one
 * process, so a spec can press Run. Debian's chromium is used as installed; browsers are never
 * downloaded. Two CPU cores: one worker.
 */
const port = Number(process.env['FLEXOS_E2E_PORT'] ?? 4391);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results/artifacts',
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 720 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env['FLEXOS_CHROMIUM'] ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    // One Node process (tsx as a loader, not a parent process) on 127.0.0.1 only; it serves
    // dist/ as built, without building again.
    // Short links are kept in memory: a run of the specs leaves nothing behind.
    command: `node --import tsx src/runner/main.ts --app dist --host 127.0.0.1 --port ${port} --store :memory:`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    // SIGTERM lets the runner stop its jobs and remove their directories; SIGKILL after 10 s.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
