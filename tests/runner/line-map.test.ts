import { describe, expect, it } from 'vitest';
import { alignLines, createLineMap } from '../../src/runner/build/line-map.ts';

describe('line map (instantiated → original)', () => {
  it('keeps unchanged lines and columns', () => {
    const text = 'a\nb\nc\n';
    const m = createLineMap(text, text);
    expect(m.toOriginal(2, 1)).toEqual({ line: 2, column: 1 });
  });

  it('maps lines after inserted ones back to where they came from', () => {
    const original = [
      'int f(void)',
      '{',
      '\treturn 1;',
      '}',
      '',
      'int main(void)',
      '{',
      '\treturn oops;',
      '}',
    ];
    const instantiated = [
      ...original.slice(0, 5),
      'int g(void)',
      '{',
      '\treturn 2;',
      '}',
      '',
      ...original.slice(5),
    ];
    const m = createLineMap(original.join('\n'), instantiated.join('\n'));
    expect(m.toOriginal(13, 9)).toEqual({ line: 8, column: 9 });
    // An added line maps to the user's line before it.
    expect(m.toOriginal(6, 1).line).toBe(5);
  });

  it('maps columns of a line changed in place by its unchanged start and end', () => {
    const original =
      'x;\n\tflexos_gate(libgreeter, set_salutation, FLEXOS_SHARED_LITERAL("Hi"), oops);\ny;';
    const instantiated = 'x;\n\tflexos_nop_gate(0, 1, set_salutation, "Hi", oops);\ny;';
    const m = createLineMap(original, instantiated);
    const compiledColumn = '\tflexos_nop_gate(0, 1, set_salutation, "Hi", '.length + 1;
    const userColumn =
      '\tflexos_gate(libgreeter, set_salutation, FLEXOS_SHARED_LITERAL("Hi"), '.length + 1;
    expect(m.toOriginal(2, compiledColumn)).toEqual({ line: 2, column: userColumn });
    // Inside the changed part: the start of the change.
    expect(m.toOriginal(2, 8)).toEqual({ line: 2, column: 8 });
  });

  it('pairs lines changed in place even when lines repeat', () => {
    const a = ['{', 'A', '}', '{', 'B', '}'];
    const b = ['{', 'A2', '}', '{', 'B', '}'];
    expect(alignLines(a, b)).toEqual([0, -1, 2, 3, 4, 5]);
    const m = createLineMap(a.join('\n'), b.join('\n'));
    expect(m.toOriginal(2, 1).line).toBe(2);
  });

  it('never maps outside the original', () => {
    const m = createLineMap('one line', 'x\ny\nz\none line\nw');
    for (let l = 1; l <= 5; l++) {
      const at = m.toOriginal(l, 3);
      expect(at.line).toBe(1);
      expect(at.column).toBeGreaterThanOrEqual(1);
    }
  });
});
