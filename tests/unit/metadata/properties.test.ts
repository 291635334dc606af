import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../../src/core/diagnostics.ts';
import {
  META_CODES,
  parseComponent,
  printComponent,
  tokenizeMetadata,
} from '../../../src/core/metadata/index.ts';
import type { ParsedComponent } from '../../../src/core/metadata/index.ts';
import { componentSpec } from './arbitraries.ts';
import { withoutSpans } from './helpers.ts';

/** Characters that matter to the grammar, plus some that do not. */
const interesting = fc.constantFrom(
  ...'[]();,:*#\n\r \t-_aA1'.split(''),
  'component ',
  '[Call]',
  '[Memory access]',
  '::',
  'é',
  '🦀',
  '\uD800',
);

/** One edit of a printed file: a character or line deleted, inserted or duplicated. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete-char' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: interesting }),
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % text.length;
  if (m.kind === 'delete-char') return text.slice(0, at) + text.slice(at + 1);
  if (m.kind === 'insert') return text.slice(0, at) + m.text + text.slice(at);
  const lines = text.split('\n');
  const line = m.at % lines.length;
  if (m.kind === 'delete-line') lines.splice(line, 1);
  else lines.splice(line, 0, lines[line] ?? '');
  return lines.join('\n');
}

function expectWellFormed(text: string, parsed: ParsedComponent): void {
  const { spec, diagnostics } = parsed;
  const spans = spec
    ? [spec.span, ...(spec.calls ?? []), ...spec.api, ...(spec.requires ?? [])]
    : [];
  for (const s of spans.map((x) => ('span' in x ? x.span : x))) {
    expect(0 <= s.start && s.start <= s.end && s.end <= text.length).toBe(true);
  }
  for (const d of diagnostics) {
    expect(META_CODES).toContain(d.code);
    expect(d.span.file).toBe('f');
    expect(0 <= d.span.start && d.span.start <= d.span.end && d.span.end <= text.length).toBe(true);
  }
}

function expectTokensCover(text: string): void {
  let previous = 0;
  let covered = '';
  for (const t of tokenizeMetadata(text)) {
    expect(t.start).toBeGreaterThanOrEqual(previous);
    expect(t.end).toBeGreaterThan(t.start);
    covered += text.slice(previous, t.start).replace(/\S/g, '!');
    previous = t.end;
  }
  covered += text.slice(previous).replace(/\S/g, '!');
  expect(covered).not.toContain('!');
}

describe('metadata properties', () => {
  it('parse(print(spec)) == spec, without errors', () => {
    fc.assert(
      fc.property(componentSpec, (spec) => {
        const text = printComponent(spec);
        const parsed = parseComponent(text, 'f');
        expect(hasErrors(parsed.diagnostics)).toBe(false);
        expect(withoutSpans(parsed.spec)).toEqual(withoutSpans(spec));
        expect(printComponent(parsed.spec ?? spec)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on random text, and spans stay in the text', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.array(interesting).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(text, (t) => {
        expectWellFormed(t, parseComponent(t, 'f'));
        expectTokensCover(t);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on mutated valid files', () => {
    fc.assert(
      fc.property(componentSpec, fc.array(mutation, { minLength: 1, maxLength: 6 }), (spec, ms) => {
        const text = ms.reduce(mutate, printComponent(spec));
        expectWellFormed(text, parseComponent(text, 'f'));
        expectTokensCover(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('stays fast on large inputs', () => {
    const big = `component a\n[API] ${'f(int); '.repeat(20000)}\n${'x\n'.repeat(20000)}`;
    const started = Date.now();
    parseComponent(big, 'f');
    tokenizeMetadata(big);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
