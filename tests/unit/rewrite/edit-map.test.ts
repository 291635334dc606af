/** Mapping ranges of the original text through applied edits (edit-map.ts). */
import { describe, expect, it } from 'vitest';
import type { TextEdit } from '../../../src/core/diagnostics.ts';
import { mapRange } from '../../../src/core/rewrite/edit-map.ts';
import { applyEditList } from '../../../src/core/rewrite/edits.ts';

const TEXT = 'int a; flexos_gate(libx, f); int b;';

function mapped(edits: TextEdit[], start: number, end: number): string {
  const applied: TextEdit[] = [];
  const out = applyEditList(TEXT, edits, [], applied);
  const r = mapRange(applied, start, end);
  return out.slice(r.start, r.end);
}

const e = (start: number, end: number, text: string): TextEdit => ({
  file: 'f.c',
  start,
  end,
  text,
});
const at = (s: string) => TEXT.indexOf(s);

describe('mapRange', () => {
  it('shifts a range after edits and widens one cut by a replacement to the replacement', () => {
    const gate = [at('flexos_gate'), at('flexos_gate') + 'flexos_gate(libx, f)'.length] as const;
    const edits = [
      e(at('flexos_gate'), at('flexos_gate') + 11, 'flexos_intelpku_gate'),
      e(at('libx'), at('libx') + 4, '0, 1'),
    ];
    expect(mapped(edits, ...gate)).toBe('flexos_intelpku_gate(0, 1, f)');
    expect(mapped(edits, TEXT.lastIndexOf('b'), TEXT.length)).toBe('b;');
    expect(mapped([e(at('libx') + 1, at('libx') + 2, 'XYZ')], at('libx'), at('libx') + 4)).toBe(
      'lXYZbx',
    );
  });

  it('leaves insertions at a bound outside the range', () => {
    const edits = [e(at('int b'), at('int b'), 'free(p); '), e(at(';'), at(';'), ' /*x*/')];
    expect(mapped(edits, at('int b'), at('int b') + 5)).toBe('int b');
    expect(mapped(edits, 0, at(';'))).toBe('int a');
  });

  it('maps through the union of overlapping deletions', () => {
    const edits = [
      e(at('int a;'), at('int a;') + 4, ''),
      e(at('int a;') + 2, at('int a;') + 6, ''),
    ];
    expect(mapped(edits, at('flexos_gate'), at('flexos_gate') + 11)).toBe('flexos_gate');
  });
});
