import { describe, expect, it } from 'vitest';
import type { TextEdit } from '../../../src/core/diagnostics.ts';
import { applyEditList, createEditList } from '../../../src/core/rewrite/edits.ts';
import { diffEdit, pointAt } from '../../../src/core/rewrite/parse-c.ts';

describe('edit lists', () => {
  it('applies replacements and keeps insertions at one offset in collection order', () => {
    const e = createEditList('f.c');
    e.insert(4, 'A');
    e.replace(4, 7, 'xyz');
    e.insert(4, 'B');
    e.insert(0, '>');
    expect(applyEditList('abc def', e.edits)).toBe('>abc ABxyz');
  });

  it('never throws on overlaps: repeats apply once, deletions merge, the rest is dropped', () => {
    const e = createEditList('f.c');
    e.replace(0, 3, 'x');
    e.replace(2, 4, 'y');
    const dropped: TextEdit[] = [];
    expect(applyEditList('abcdef', e.edits, dropped)).toBe('xdef');
    expect(dropped).toEqual([{ file: 'f.c', start: 2, end: 4, text: 'y' }]);

    const d = createEditList('f.c');
    d.replace(1, 3, '');
    d.replace(2, 5, '');
    d.replace(1, 3, '');
    d.insert(6, '!');
    d.insert(6, '!');
    const none: TextEdit[] = [];
    expect(applyEditList('abcdefg', d.edits, none)).toBe('af!!g');
    expect(none).toEqual([]);
  });
});

describe('diffEdit', () => {
  it('describes the changed range with rows and UTF-16 columns', () => {
    const before = 'int a;\n/* é */ int b;\n';
    const after = 'int a;\n/* é */ int bc;\n';
    expect(diffEdit(before, after)).toEqual({
      startIndex: 20,
      oldEndIndex: 20,
      newEndIndex: 21,
      startPosition: { row: 1, column: 13 },
      oldEndPosition: { row: 1, column: 13 },
      newEndPosition: { row: 1, column: 14 },
    });
    expect(diffEdit(before, before)).toBeUndefined();
    expect(pointAt('a\nbc', 4)).toEqual({ row: 1, column: 2 });
  });
});
