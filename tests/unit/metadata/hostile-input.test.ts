import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  capDiagnostics,
  createDiagnostic,
  createLineIndex,
  hasErrors,
  toLineColumn,
  type Diagnostic,
} from '../../../src/core/diagnostics.ts';
import { checkComponentAgainstImage, parseComponent } from '../../../src/core/metadata/index.ts';

// Hostile input never crashes or hangs, and a file's problems are capped at 200 plus one
// summary. Counts and codes are asserted here; times are printed by
// tests/bench/scaling.bench.ts.

const codes = (ds: readonly Diagnostic[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const d of ds) out[d.code] = (out[d.code] ?? 0) + 1;
  return out;
};

describe('a .flexos file with thousands of problems', () => {
  it('lists the first 200, then one error counting the rest', () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => `junk${i} here`);
    const text = ['component a', ...lines].join('\n');
    const { spec, diagnostics } = parseComponent(text, 'f');
    expect(spec?.name).toBe('a');
    expect(diagnostics).toHaveLength(201);
    // Two warnings at the header, then 198 of the 40,000 lines outside any section.
    expect(codes(diagnostics.slice(0, 200))).toEqual({
      'meta/missing-memory-access': 1,
      'meta/missing-call': 1,
      'meta/item-outside-section': 198,
    });
    const summary = diagnostics[200]!;
    expect(summary.code).toBe('meta/too-many-problems');
    expect(summary.severity).toBe('error');
    expect(summary.message).toContain('39802 more problems');
    // At the first problem left out: the 199th junk line.
    expect(summary.span.start).toBe(text.indexOf('junk198 '));
    expect(hasErrors(diagnostics)).toBe(true);
  });

  it('counts only warnings past the cap as a warning', () => {
    const text = `component a\n[Call]\n[Hardening] ${Array(500).fill('cfi').join(', ')}\n`;
    const { diagnostics } = parseComponent(text, 'f');
    expect(diagnostics).toHaveLength(201);
    expect(codes(diagnostics)).toEqual({
      'meta/missing-memory-access': 1,
      'meta/duplicate-item': 199,
      'meta/too-many-problems': 1,
    });
    expect(diagnostics[200]?.severity).toBe('warning');
    expect(hasErrors(diagnostics)).toBe(false);
  });

  it('reads an 80 KB [Requires] line', () => {
    const items = Array.from({ length: 7_000 }, (_, i) => `c${i}(Read,Own)`);
    const text = `component a\n[Memory access] Read(Own)\n[Call]\n[Requires] ${items.join(', ')}\n`;
    expect(text.length).toBeGreaterThan(80_000);
    const { spec, diagnostics } = parseComponent(text, 'f');
    expect(diagnostics).toEqual([]);
    expect(spec?.requires).toHaveLength(7_000);
    const unknown = checkComponentAgainstImage(spec!, ['a', 'c1']);
    expect(unknown).toHaveLength(201);
    expect(codes(unknown)).toEqual({
      'meta/unknown-requires-who': 200,
      'meta/too-many-problems': 1,
    });
    // `c0` is one edit from `c1`: listed warnings carry the fix, the summary none.
    expect(unknown[0]?.fixes?.[0]?.title).toBe("Change to 'c1'");
    expect(unknown[200]).toMatchObject({ severity: 'warning', span: spec!.requires![201]!.span });
    expect(unknown[200]?.fixes).toBeUndefined();
  });

  it('points every repeated section at the first of its name', () => {
    const text = `component a\n${'[Call]\n'.repeat(20_000)}${'[API]\n'.repeat(20_000)}`;
    const { diagnostics } = parseComponent(text, 'f');
    expect(diagnostics).toHaveLength(201);
    const duplicates = diagnostics.filter((d) => d.code === 'meta/duplicate-section');
    expect(duplicates).toHaveLength(199);
    for (const d of duplicates) expect(d.related?.[0]?.span.start).toBe(text.indexOf('[Call]'));
    // 39,998 duplicates, 20,000 empty [API] sections and the missing [Memory access].
    expect(diagnostics[200]?.message).toContain(`${39_998 + 20_000 + 1 - 200} more problems`);
  });

  it.each([
    ['commas', ','],
    ['open parentheses', '('],
    ['close parentheses', ')'],
    ['Read(', 'Read('],
    ['words', 'a '],
  ])('reads a line of 200,000 tokens (%s) under a section', (_what, unit) => {
    // Spreading one line's tokens into a section's overflowed the call stack.
    const text = `component a\n[Requires]\n${unit.repeat(200_000)}\n`;
    const { spec, diagnostics } = parseComponent(text, 'f');
    expect(spec?.name).toBe('a');
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.length).toBeLessThanOrEqual(201);
  });
});

describe('10,000 nested parentheses', () => {
  const deep = (open: string) => `${open.repeat(10_000)}${')'.repeat(10_000)}`;
  it.each([
    ['[Memory access]', `Read${deep('(')}`, 'meta/bad-item'],
    ['[Memory access]', `Read${deep('Read(')}`, 'meta/bad-action'],
    ['[Requires]', `*${deep('(')}`, 'meta/bad-item'],
    ['[Requires]', `*${deep('*(Read,')}`, 'meta/bad-item'],
    ['[Call]', `a::f${deep('(')}`, 'meta/bad-call'],
    ['[Hardening]', deep('('), 'meta/unknown-hardening'],
  ])('in %s are diagnostics, not an exception', (section, items, code) => {
    const text = `component a\n[Call]\n${section} ${items}\n`;
    const { diagnostics } = parseComponent(text, 'f');
    expect(diagnostics.map((d) => d.code)).toContain(code);
    expect(diagnostics.length).toBeLessThanOrEqual(201);
  });

  it('in [API] parameters are kept as text', () => {
    const params = `${'('.repeat(10_000)}x${')'.repeat(10_000)}`;
    const { spec, diagnostics } = parseComponent(
      `component a\n[Memory access] Read(Own)\n[Call]\n[API] f${params}\n`,
      'f',
    );
    expect(diagnostics).toEqual([]);
    expect(spec?.api[0]?.params).toBe(params.slice(1, -1));
  });
});

describe('40,000 comment lines above the header', () => {
  it('are the description, in order', () => {
    const doc = Array.from({ length: 40_000 }, (_, i) => `line ${i}`);
    const text = `${doc.map((l) => `# ${l}`).join('\n')}\ncomponent a\n`;
    expect(parseComponent(text, 'f').spec?.doc).toEqual(doc);
  });
});

describe('positions and caps', () => {
  it('createLineIndex and toLineColumn agree with counting line breaks', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '\n', '\r', 'é') }),
        fc.nat(),
        (text, at) => {
          const offset = at % (text.length + 2);
          const clamped = Math.min(offset, text.length);
          const before = text.slice(0, clamped);
          const line = before.split('\n').length;
          const column = clamped - (before.lastIndexOf('\n') + 1) + 1;
          expect(createLineIndex(text).toLineColumn(offset)).toEqual({ line, column });
          expect(toLineColumn(text, offset)).toEqual({ line, column });
          expect(toLineColumn(text, -5)).toEqual({ line: 1, column: 1 });
        },
      ),
    );
  });

  it('capDiagnostics keeps up to the cap and summarises the rest at the first left out', () => {
    const at = (start: number, severity: 'error' | 'warning' | 'info') =>
      createDiagnostic('x/y', severity, 'm', { file: 'f', start, end: start });
    const list = [at(0, 'info'), at(1, 'warning'), at(2, 'info'), at(3, 'warning')];
    expect(capDiagnostics(list, 'x/too-many-problems', 4)).toEqual(list);
    const capped = capDiagnostics(list, 'x/too-many-problems', 2);
    expect(capped.slice(0, 2)).toEqual(list.slice(0, 2));
    expect(capped[2]).toMatchObject({
      code: 'x/too-many-problems',
      severity: 'warning',
      span: { start: 2 },
    });
    expect(capped[2]?.message).toContain('2 more problems');
    expect(capped).toHaveLength(3);
  });
});
