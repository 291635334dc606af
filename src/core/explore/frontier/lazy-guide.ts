import type { Budget } from './frontier.ts';
import type { Configuration } from '../space/space.ts';

/**
 * What guides lazy labelling towards the measurements that decide the most: an additive model
 * of cost fitted to what was measured so far (ridge least squares on one feature per pair of
 * groups in different compartments and one per option on, the shape of the cost model), which
 * turns into a probability that an undecided configuration meets the budget. Correctness never
 * depends on it: only measurements and monotonicity decide; the model only orders them.
 */
export interface LazyGuide {
  /** Records a measured value. */
  add(index: number, value: number): void;
  /** Probability that a configuration meets the budget, or `undefined` before any fit. */
  chance(index: number): number | undefined;
}

/** Ridge strength, relative to the number of measurements. */
const RIDGE = 1e-3;
/** Floor of the model's uncertainty, as a fraction of the budget's cost. */
const MIN_SPREAD = 0.05;

export function createLazyGuide(configs: readonly Configuration[], budget: Budget): LazyGuide {
  const groups = configs[0]?.blocks.length ?? 0;
  let all = 0;
  for (const c of configs) all |= c.hardening;
  const options = 32 - Math.clz32(all);
  const features = configs.map((c) => {
    const f = [1];
    for (let i = 0; i < groups; i++)
      for (let j = i + 1; j < groups; j++) f.push(c.blocks[i] !== c.blocks[j] ? 1 : 0);
    for (let o = 0; o < options; o++) f.push(c.hardening & (1 << o) ? 1 : 0);
    return f;
  });
  // Throughput budgets are fitted as time (1/value), which adds up; latency as is.
  const toCost = (v: number): number => (budget.kind === 'at-least' ? 1 / v : v);
  const limit = toCost(budget.value);
  const xs: number[] = [];
  const ys: number[] = [];
  let weights: number[] | undefined;
  let spread = 0;
  const predict = (i: number): number =>
    (features[i] as number[]).reduce((s, f, k) => s + f * ((weights as number[])[k] as number), 0);
  return {
    add(index, value) {
      const y = toCost(value);
      if (!Number.isFinite(y)) return;
      xs.push(index);
      ys.push(y);
      if (xs.length < 2) return;
      weights = fitRidge(
        xs.map((x) => features[x] as number[]),
        ys,
      );
      const residual = Math.sqrt(
        xs.reduce((s, x, t) => s + ((ys[t] as number) - predict(x)) ** 2, 0) / xs.length,
      );
      spread = residual + MIN_SPREAD * Math.abs(limit);
    },
    chance(index) {
      if (!weights || !(spread > 0) || !Number.isFinite(spread)) return undefined;
      const margin = (limit - predict(index)) / spread;
      // A logistic approximation of the normal distribution function.
      const p = 1 / (1 + Math.exp(-1.7 * margin));
      return Number.isNaN(p) ? undefined : p;
    },
  };
}

/** Least squares with a small ridge on every weight but the intercept (normal equations). */
function fitRidge(rows: number[][], ys: number[]): number[] {
  const k = rows[0]?.length ?? 0;
  const a = Array.from({ length: k }, () => new Array<number>(k + 1).fill(0));
  rows.forEach((f, t) => {
    for (let i = 0; i < k; i++) {
      const row = a[i] as number[];
      row[k] = (row[k] as number) + (f[i] as number) * (ys[t] as number);
      for (let j = 0; j < k; j++) row[j] = (row[j] as number) + (f[i] as number) * (f[j] as number);
    }
  });
  const scale = Math.max(1e-300, ...a.map((r, i) => Math.abs(r[i] as number)));
  for (let i = 1; i < k; i++)
    (a[i] as number[])[i] = ((a[i] as number[])[i] as number) + RIDGE * scale;
  (a[0] as number[])[0] = ((a[0] as number[])[0] as number) + 1e-12 * scale;
  return gaussSolve(a, k);
}

function gaussSolve(a: number[][], k: number): number[] {
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++)
      if (Math.abs((a[r] as number[])[c] as number) > Math.abs((a[p] as number[])[c] as number))
        p = r;
    [a[c], a[p]] = [a[p] as number[], a[c] as number[]];
    const pivot = (a[c] as number[])[c] as number;
    if (pivot === 0) continue;
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const row = a[r] as number[];
      const f = (row[c] as number) / pivot;
      if (f === 0) continue;
      for (let j = c; j <= k; j++)
        row[j] = (row[j] as number) - f * ((a[c] as number[])[j] as number);
    }
  }
  return a.map((row, i) => {
    const d = row[i] as number;
    return d === 0 ? 0 : (row[k] as number) / d;
  });
}
