import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineDiff, type DiffRow } from './line-diff.ts';

const side = (rows: readonly DiffRow[], drop: 'add' | 'del'): string =>
  rows.flatMap((r) => (r.kind === 'skip' || r.kind === drop ? [] : [r.text])).join('\n');

describe('lineDiff', () => {
  it('gives back both texts of a change when no context is folded', () => {
    const text = fc
      .array(fc.constantFrom('a', 'b', 'c', '', '  - x: comp1'), { maxLength: 12 })
      .map((l) => l.join('\n'));
    fc.assert(
      fc.property(text, text, (before, after) => {
        // Equal texts have no change to give context to: they fold whole (the test below).
        fc.pre(before !== after);
        const rows = lineDiff(before, after, Infinity);
        expect(side(rows, 'add')).toBe(before);
        expect(side(rows, 'del')).toBe(after);
      }),
    );
  });

  it('keeps only the changed lines and their context', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8'].join('\n');
    const after = ['1', '2', '3', '4', 'five', '6', '7', '8'].join('\n');
    expect(lineDiff(before, after, 1)).toEqual([
      { kind: 'skip', count: 3 },
      { kind: 'same', text: '4', line: 4 },
      { kind: 'del', text: '5', line: 5 },
      { kind: 'add', text: 'five', line: 5 },
      { kind: 'same', text: '6', line: 6 },
      { kind: 'skip', count: 2 },
    ]);
  });

  it('has no changed row for equal texts', () => {
    expect(lineDiff('a\nb', 'a\nb')).toEqual([{ kind: 'skip', count: 2 }]);
  });
});
