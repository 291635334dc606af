const HOUR_MS = 3_600_000;

/**
 * Counts events per client over the last hour (a sliding window: each event is forgotten an
 * hour after it happened), for "at most N short links per address per hour". Clients with no
 * event left in the window are dropped, so the map holds only recent ones.
 */
export function createHourlyCounter(now: () => number = Date.now) {
  const events = new Map<string, number[]>();

  function recent(client: string, t: number): number[] {
    const kept = (events.get(client) ?? []).filter((at) => t - at < HOUR_MS);
    if (kept.length === 0) events.delete(client);
    else events.set(client, kept);
    return kept;
  }

  return {
    /** Null when `client` may have one more event under `limit`; else seconds to wait. */
    wait(client: string, limit: number): number | null {
      const t = now();
      if (events.size > 10_000) for (const key of [...events.keys()]) recent(key, t);
      const kept = recent(client, t);
      if (kept.length < limit) return null;
      // The oldest event that must leave the window before one more fits.
      const oldest = kept[kept.length - limit] ?? t;
      return Math.max(1, Math.ceil((oldest + HOUR_MS - t) / 1000));
    },
    record(client: string): void {
      const t = now();
      events.set(client, [...recent(client, t), t]);
    },
  };
}
