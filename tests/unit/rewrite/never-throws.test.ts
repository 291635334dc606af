/**
 * Expected failures are diagnostics, never exceptions: instantiate and port on random
 * fragments of FlexOS-flavoured C (valid or not) do not throw, and what they return for a file
 * that parses is stable under a second run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MECHANISMS, SHARING_MODES } from '../../../src/core/model.ts';
import { instantiate, parseCDocument, port } from '../../../src/core/rewrite/index.ts';
import { getParser, readConfig, withMechanism } from './support.ts';

const config = readConfig(`name: p
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

const STATEMENTS = [
  'int x __attribute__((flexos_whitelist)) = 1;',
  'char b[4] __attribute__((flexos_whitelist));',
  'static int s __attribute__((flexos_whitelist));',
  'int r;',
  'flexos_gate_r(libnet, r, send, &x, b);',
  'flexos_gate(libnet, send, FLEXOS_SHARED_LITERAL("hi"), 2);',
  'flexos_gate(libghost, send);',
  'r = send(&x, b);',
  'send("lit", r);',
  'if (r) return x;',
  'if (r) { return r + 1; }',
  'while (send(0, 0) > 0) { x++; if (x) break; continue; }',
  'for (int i = 0; i < 2; i++) { int y __attribute__((flexos_whitelist)) = i; if (y) break; }',
  'switch (r) { case 1: return send(0, 0); default: break; }',
  'void *p = flexos_malloc_whitelist(8); flexos_free_whitelist(p);',
  'r = sizeof(b) + sizeof x;',
  'goto out; out: ;',
  'return;',
  '{',
  '}',
  '(',
  'x = ;',
  // What ported Unikraft/FlexOS libraries contain (issues 9 and 13).
  '#if CONFIG_A',
  '#else',
  '#endif',
  'if (r) {',
  'int __unused u;',
  'char __maybe_unused *t = 0;',
  'long __attribute__((flexos_whitelist)) d __attribute__((flexos_whitelist));',
  'register __attribute__((flexos_whitelist)) long q;',
  'int nf(int k) { int z __attribute__((flexos_whitelist)) = k; return z + x; }',
  'void *m = flexos_malloc_whitelist(8, libnet);',
];

const TOP = [
  'int send(int *a, char *b);',
  '__attribute__((libnet_callback)) int cb(int a) { return a; }',
  '#define G() flexos_gate(libnet, send, 0, 0)',
  'static char g[8] __attribute__((flexos_whitelist));',
  '#ifndef CONFIG_B\nstatic\n#endif',
  'DECLARE_THING(g)',
];

const programs = fc
  .tuple(
    fc.subarray(TOP),
    fc.array(fc.constantFrom(...STATEMENTS), { maxLength: 12 }),
    fc.boolean(),
  )
  .map(
    ([top, body, isVoid]) =>
      `${top.join('\n')}\n${isVoid ? 'void' : 'int'} f(void)\n{\n\t${body.join('\n\t')}\n}\n`,
  );

describe('the rewriter never throws', () => {
  it('instantiate, for every mechanism and sharing mode', async () => {
    const parser = await getParser();
    fc.assert(
      fc.property(
        programs,
        fc.constantFrom(...MECHANISMS),
        fc.constantFrom(...SHARING_MODES),
        (text, m, s) => {
          const options = { lib: 'app', config: withMechanism(config, m), sharing: s };
          const once = instantiate(parser, 'f.c', text, options);
          // Overlapping rewrites are reported, never thrown; on any input they are a bug.
          expect(once.diagnostics.map((d) => d.code)).not.toContain('rewrite/conflicting-edits');
          const doc = parseCDocument(parser, 'f.c', text);
          const parses = !doc.tree.rootNode.hasError;
          doc.tree.delete();
          if (parses) expect(instantiate(parser, 'f.c', once.text, options).text).toBe(once.text);
        },
      ),
      { numRuns: Number(process.env.RUNS ?? 150) },
    );
  });

  it('port, with and without fixes', async () => {
    const parser = await getParser();
    const owners = new Map([['send', 'net']]);
    fc.assert(
      fc.property(programs, fc.boolean(), (text, applyFixes) => {
        const once = port(parser, 'f.c', text, { lib: 'app', owners, applyFixes });
        expect(once.diagnostics.map((d) => d.code)).not.toContain('rewrite/conflicting-edits');
        const doc = parseCDocument(parser, 'f.c', text);
        const parses = !doc.tree.rootNode.hasError;
        doc.tree.delete();
        if (parses)
          expect(port(parser, 'f.c', once.text, { lib: 'app', owners, applyFixes }).text).toBe(
            once.text,
          );
      }),
      { numRuns: Number(process.env.RUNS ?? 150) },
    );
  });
});
