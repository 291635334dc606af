/**
 * Spans are UTF-16 code units, the unit of JavaScript strings and Monaco: pinned on text with
 * accents, CJK and astral-plane emoji (two code units each) before the nodes that matter.
 */
import { describe, expect, it } from 'vitest';
import { toLineColumn } from '../../../src/core/diagnostics.ts';
import { instantiate, parseCDocument, port } from '../../../src/core/rewrite/index.ts';
import { getParser, readConfig } from './support.ts';

const config = readConfig(`name: t
compartments:
  - a:
      mechanism: intel-mpk
      default: true
  - b:
      mechanism: intel-mpk
libraries:
  - app: a
  - net: b
`);

const TEXT = `/* é 漢字 🎉🚀 */ int send(const char *s);
void f(void) { /* ∑ 😀 */ flexos_gate(libnope, send, "🦄"); send("x"); }
`;

describe('spans', () => {
  it('tree-sitter node offsets are string indexes on non-ASCII text', async () => {
    const parser = await getParser();
    const doc = parseCDocument(parser, 'f.c', TEXT);
    try {
      const calls = doc.tree.rootNode.descendantsOfType('call_expression');
      expect(calls.map((c) => TEXT.slice(c.startIndex, c.endIndex))).toEqual([
        'flexos_gate(libnope, send, "🦄")',
        'send("x")',
      ]);
      expect(calls[0]?.startIndex).toBe(TEXT.indexOf('flexos_gate'));
      expect(calls[0]?.startPosition.column).toBe(TEXT.split('\n')[1]?.indexOf('flexos_gate'));
    } finally {
      doc.tree.delete();
    }
  });

  it('diagnostics of instantiate point at the right code units', async () => {
    const r = instantiate(await getParser(), 'f.c', TEXT, { lib: 'app', config });
    const unknown = r.diagnostics.find((d) => d.code === 'rewrite/unknown-lib');
    expect(unknown && TEXT.slice(unknown.span.start, unknown.span.end)).toBe('libnope');
    expect(unknown && toLineColumn(TEXT, unknown.span.start).line).toBe(2);
  });

  it('diagnostics and fixes of port point at the right code units', async () => {
    const r = port(await getParser(), 'f.c', TEXT, {
      lib: 'app',
      owners: new Map([['send', 'net']]),
    });
    const lits = r.diagnostics.filter((d) => d.code === 'rewrite/literal-crosses-gate');
    expect(lits.map((d) => TEXT.slice(d.span.start, d.span.end))).toEqual(['"🦄"', '"x"']);
    const fix = lits[0]?.fixes?.[0]?.edits ?? [];
    expect(fix.map((e) => e.start)).toEqual([TEXT.indexOf('"🦄"'), TEXT.indexOf('"🦄"') + 4]);
    expect(r.text).toContain('flexos_gate(libnet, send, "x");');
  });
});
