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
