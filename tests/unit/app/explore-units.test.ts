/** Units and rounding of the explore panel's labels (src/app/explore/units.ts). */
import { describe, expect, it } from 'vitest';
import { formatLabel, formatLabelFull, labelUnit } from '../../../src/app/explore/units.ts';

describe('explore label units', () => {
  it('names the unit of each label source', () => {
    expect(labelUnit('estimate', undefined)).toBe('requests/s');
    expect(labelUnit('runner', 'req/s')).toBe('req/s');
    expect(labelUnit('runner', undefined)).toBeNull();
    expect(labelUnit('csv', 'req/s')).toBeNull();
    expect(labelUnit('none', undefined)).toBeNull();
  });

  it('rounds for reading, in short and in full', () => {
    expect(formatLabel(321062.4, 'requests/s')).toBe('321k requests/s');
    expect(formatLabel(1234, null)).toBe('1.2k');
    expect(formatLabelFull(321062.4, 'requests/s')).toBe('321,062 requests/s');
    expect(formatLabelFull(12.345, null)).toBe('12.3');
  });
});
