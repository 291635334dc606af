import { describe, expect, it } from 'vitest';
import { checkPlacement, separationCanRemove } from '../../../src/core/solver/index.ts';
import { fortyComponents } from './fixtures.ts';

describe('checkPlacement on 40 components', () => {
  // Timings are printed by tests/bench/solver.bench.ts, never asserted here.
  it('finds ~1,500 violations; those on private memory have fixes, shared memory none', () => {
    const { specs, config } = fortyComponents();
    const { violations } = checkPlacement(config, specs);
    expect(violations.length).toBeGreaterThan(1400);
    for (const v of violations) {
      // Shared memory is open to every compartment, and no hardening takes Write(Shared) away.
      if (separationCanRemove(v.rule)) expect(v.fixes.length).toBeGreaterThan(0);
      else expect(v.fixes).toEqual([]);
    }
  });
});
