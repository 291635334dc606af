import { describe, expect, it } from 'vitest';
import { checkPlacement } from '../../../src/core/solver/index.ts';
import { fortyComponents } from './fixtures.ts';

describe('checkPlacement on 40 components', () => {
  // Timings are printed by tests/bench/solver.bench.ts, never asserted here.
  it('finds ~1,500 violations, each with fixes', () => {
    const { specs, config } = fortyComponents();
    const { violations } = checkPlacement(config, specs);
    expect(violations.length).toBeGreaterThan(1400);
    for (const v of violations) expect(v.fixes.length).toBeGreaterThan(0);
  });
});
