/**
 * Per-client token buckets: each client may start `burst` jobs at once and then
 * `jobsPerMinute` a minute. Buckets that have filled up again are forgotten, so the map holds
 * only clients seen recently.
 */
export function createRateLimiter(
  rate: { jobsPerMinute: number; burst: number },
  now: () => number = Date.now,
) {
  const perMs = rate.jobsPerMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();

  function level(key: string, t: number): number {
    const b = buckets.get(key);
    if (!b) return rate.burst;
    return Math.min(rate.burst, b.tokens + (t - b.at) * perMs);
  }

  return {
    /** Takes one token of `key`: allowed, or how many seconds until one is back. */
    take(key: string): { ok: true } | { ok: false; retryAfterS: number } {
      const t = now();
      if (buckets.size > 10_000) {
        for (const k of buckets.keys()) if (level(k, t) >= rate.burst) buckets.delete(k);
      }
      const tokens = level(key, t);
      if (tokens < 1) {
        const wait = perMs > 0 ? (1 - tokens) / perMs / 1000 : 3600;
        return { ok: false, retryAfterS: Math.max(1, Math.ceil(wait)) };
      }
      buckets.set(key, { tokens: tokens - 1, at: t });
      return { ok: true };
    },
  };
}
