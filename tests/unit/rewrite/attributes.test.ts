import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskAttributes } from '../../../src/core/rewrite/attributes.ts';

describe('maskAttributes', () => {
  it('blanks attributes in any position and lists their items', () => {
    const text =
      'static int x __attribute__((flexos_whitelist, aligned(8))) = 1;\n__attribute((a)) int y;';
    const { masked, attributes } = maskAttributes(text);
    expect(masked.length).toBe(text.length);
    expect(masked).toBe(`static int x ${' '.repeat(45)} = 1;\n${' '.repeat(16)} int y;`);
    expect(attributes.map((a) => a.items.map((i) => i.name))).toEqual([
      ['flexos_whitelist', 'aligned'],
      ['a'],
    ]);
    const first = attributes[0]?.items[1];
    expect(first && text.slice(first.start, first.end)).toBe('aligned(8)');
  });

  it('ignores attributes in comments, strings and character constants, and keeps newlines', () => {
    const text =
      '/* __attribute__((x)) */ char *s = "__attribute__((y))"; // __attribute__((z))\nint __attribute__((\nw\n)) v;';
    const { masked, attributes } = maskAttributes(text);
    expect(attributes).toHaveLength(1);
    expect(attributes[0]?.items[0]?.name).toBe('w');
    expect(masked.split('\n').length).toBe(text.split('\n').length);
  });

  it('masks typeof as int of the same length', () => {
    const text = '__typeof__(f(&a, b + 1)) t;';
    const { masked, typeofs } = maskAttributes(text);
    expect(masked).toBe(`int${' '.repeat('__typeof__(f(&a, b + 1))'.length - 3)} t;`);
    expect(text.slice(typeofs[0]?.innerStart, typeofs[0]?.innerEnd)).toBe('f(&a, b + 1)');
  });

  it('never throws, keeps length and line breaks (property)', () => {
    const pieces = fc.constantFrom(
      '__attribute__((',
      'x',
      ')',
      '(',
      '"',
      "'",
      '/*',
      '*/',
      '//',
      '\n',
      ' ',
      'typeof(',
      ',',
      '\\',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const { masked } = maskAttributes(text);
        expect(masked.length).toBe(text.length);
        for (let i = 0; i < text.length; i++) if (text[i] === '\n') expect(masked[i]).toBe('\n');
      }),
    );
  });
});
