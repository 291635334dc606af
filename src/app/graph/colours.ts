import type { GateKind } from '../../core/pipeline/index.ts';

/** Hues of compartments by number; readable on light and dark backgrounds alike. */
const HUES = [212, 140, 32, 280, 350, 180, 60, 310, 100, 250, 20, 160, 230, 80, 300, 0];

export function compartmentHue(number: number): number {
  return HUES[number % HUES.length] ?? 0;
}

/** Stroke colour per gate kind (violations are drawn in the error colour instead). */
export const KIND_COLOUR: Record<GateKind, string> = {
  nop: 'var(--fg-2)',
  mpk: 'hsl(212 70% 50%)',
  ept: 'hsl(280 55% 55%)',
  cheri: 'hsl(32 85% 48%)',
};
