/** Colour of a performance value within [min, max]: red (slow) through yellow to green (fast). */
export function perfColour(value: number | null, min: number, max: number): string {
  if (value === null) return 'var(--bg-3)';
  const t = max > min ? (value - min) / (max - min) : 1;
  return `hsl(${Math.round(t * 120)} 65% 48%)`;
}

/** Short number: 321062 → 321k. */
export function shortNumber(n: number): string {
  if (Math.abs(n) >= 1e6) return `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)}M`;
  if (Math.abs(n) >= 1e3) return `${(n / 1e3).toFixed(n >= 1e4 ? 0 : 1)}k`;
  return n.toFixed(n >= 100 ? 0 : 1);
}
