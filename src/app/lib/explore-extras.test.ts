import { describe, expect, it } from 'vitest';
import { fromExploreExtras, toExploreExtras } from './explore-extras.ts';

describe('Explore settings in links', () => {
  it('round-trip the order and the budget', () => {
    for (const s of [
      { order: 'flexos' as const, budget: null },
      { order: 'product' as const, budget: 1234.5 },
      { order: 'flexos' as const, budget: 0 },
    ])
      expect(fromExploreExtras(toExploreExtras(s))).toEqual(s);
    expect(toExploreExtras({ order: 'product', budget: 80 })).toEqual({
      order: 'product',
      budget: '>=80',
    });
  });

  it('take only what the panel can use', () => {
    expect(fromExploreExtras({ order: 'safest', budget: '<=5' })).toEqual({ budget: null });
    expect(fromExploreExtras({ budget: '>= 2e3' })).toEqual({ budget: 2000 });
    expect(fromExploreExtras({ budget: '>=Infinity' })).toEqual({ budget: null });
  });
});
