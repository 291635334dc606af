import { describe, expect, it } from 'vitest';
import { checkPlacement } from '../../../src/core/solver/index.ts';
import { fortyComponents } from './fixtures.ts';

describe('checkPlacement on 40 components', () => {
  it('finds ~1,500 violations with their fixes well within a second', () => {
    const { specs, config } = fortyComponents();
    checkPlacement(config, specs);
    const started = performance.now();
    const { violations } = checkPlacement(config, specs);
    const elapsed = performance.now() - started;
    expect(violations.length).toBeGreaterThan(1400);
    for (const v of violations) expect(v.fixes.length).toBeGreaterThan(0);
    // About 40 ms on a laptop; each distinct change is evaluated once, in O(libraries).
    expect(elapsed).toBeLessThan(1000);
  });
});
