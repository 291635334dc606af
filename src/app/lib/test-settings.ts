/**
 * Test-only settings read from the page URL (`?analysisTimeoutMs=500`), so end-to-end tests
 * can shorten timeouts without a special build. Unknown or malformed values are ignored.
 */
export function testSetting(name: string, fallback: number): number {
  if (typeof location === 'undefined') return fallback;
  const raw = new URLSearchParams(location.search).get(name);
  const n = raw === null ? NaN : Number(raw);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

declare global {
  interface Window {
    /** Set by the end-to-end harness before any page script runs (tests/e2e/fixtures.ts). */
    __flexosTestHooks?: boolean;
  }
}

/**
 * Whether the page may carry test hooks: the end-to-end harness sets a flag, a person checking
 * the page by hand adds `?debug`. Only then are `window.flexosDebug` and the workers' test-only
 * entries (`workers/*-debug.worker.ts`, which can crash and hang) used.
 */
export function testHooksWanted(): boolean {
  if (typeof window === 'undefined') return false;
  return window.__flexosTestHooks === true || new URLSearchParams(location.search).has('debug');
}
