/**
 * The fuzz suite's own seeded randomness: mulberry32 behind a small API, so a case is a pure
 * function of its seed (no Math.random, no clock, no fast-check shrinking state).
 */

/** A deterministic source of choices. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One of `[weight, value]` pairs, by weight. */
  weighted<T>(items: readonly (readonly [number, T])[]): T;
  /** A random subset in random order, of `min`..`max` items (bounded by the list). */
  some<T>(items: readonly T[], min?: number, max?: number): T[];
  shuffle<T>(items: readonly T[]): T[];
  /** An independent stream, so adding draws in one part keeps the others' values. */
  fork(label: string): Rng;
}

/** Mixes a 32-bit seed (splitmix32 finaliser) so neighbouring seeds start far apart. */
export function mixSeed(seed: number): number {
  let z = (seed + 0x9e3779b9) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function createRng(seed: number): Rng {
  let state = mixSeed(seed >>> 0);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('rng.pick of an empty list');
    return items[int(0, items.length - 1)] as T;
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick,
    weighted: (items) => {
      const total = items.reduce((s, [w]) => s + w, 0);
      let r = next() * total;
      for (const [w, v] of items) {
        r -= w;
        if (r < 0) return v;
      }
      return (items[items.length - 1] as readonly [number, never])[1];
    },
    some: (items, min = 0, max = items.length) => {
      const n = int(Math.min(min, items.length), Math.min(max, items.length));
      return shuffle(items).slice(0, n);
    },
    shuffle,
    fork: (label) => createRng((state ^ hashLabel(label)) >>> 0),
  };
}
