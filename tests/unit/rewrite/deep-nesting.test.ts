/**
 * Issue 13: deeply nested C must give diagnostics or a clean result, never a stack overflow.
 * Every walk over C trees in the rewriter is iterative (cursors, explicit stacks), and
 * ancestors of deep nodes are read from the root once instead of climbing `parent`.
 */
import { describe, expect, it } from 'vitest';
import { instantiate, port } from '../../../src/core/rewrite/index.ts';
import { getParser, readConfig } from './support.ts';

const config = readConfig(`name: deep
compartments:
  - main: { mechanism: intel-mpk, default: true }
  - net: { mechanism: intel-mpk }
libraries:
  - app: main
  - netstack: net
`);

const N = 10_000;
const GATE = 'flexos_gate(libnetstack, netstack_send, &v);';
const HEAD =
  'int netstack_send(int *p);\nint f(int x)\n{\n\tint v __attribute__((flexos_whitelist)) = 1;\n';

const shapes: Record<string, { text: string; parses: boolean }> = {
  braces: {
    text: `${HEAD}${'{'.repeat(N)}${GATE} return v;${'}'.repeat(N)}\n\treturn 0;\n}\n`,
    parses: true,
  },
  parentheses: {
    text: `${HEAD}\t${GATE}\n\treturn ${'('.repeat(N)}v${')'.repeat(N)};\n}\n`,
    parses: true,
  },
  labels: {
    text: `${HEAD}${'{a:'.repeat(N)}${GATE}${'}'.repeat(N)}\n\treturn 0;\n}\n`,
    parses: true,
  },
  'nested ifs': {
    text: `${HEAD}\t${'if (x) '.repeat(N)}${GATE}\n\t${'if (x) '.repeat(N)}return v;\n\treturn 0;\n}\n`,
    parses: true,
  },
  // The report of issue 13: unclosed `{a:` thousands deep.
  'unclosed labels': { text: `int f(void)\n{\n${'{a:'.repeat(N)}\n`, parses: false },
  'unclosed parentheses': {
    text: `int f(void)\n{\n\treturn ${'('.repeat(N)}1;\n}\n`,
    parses: false,
  },
};

describe.each(Object.entries(shapes))('%s, 10,000 deep', (_name, { text, parses }) => {
  it('instantiates in heap and dss mode without throwing', async () => {
    const parser = await getParser();
    for (const sharing of ['heap', 'dss'] as const) {
      const r = instantiate(parser, 'f.c', text, { lib: 'app', config, sharing });
      if (parses) {
        expect(r.diagnostics).toEqual([]);
        expect(r.text).toContain('flexos_intelpku_gate(0, 1, netstack_send, &(*');
      } else {
        expect(r.diagnostics.length).toBeGreaterThan(0);
        expect(r.diagnostics.every((d) => d.code === 'rewrite/parse-error')).toBe(true);
      }
    }
  });

  it('ports without throwing', async () => {
    const r = port(await getParser(), 'f.c', text.replace(GATE, 'netstack_send(&v);'), {
      lib: 'app',
      owners: new Map([['netstack_send', 'netstack']]),
    });
    if (parses) expect(r.text).toContain('flexos_gate(libnetstack, netstack_send, &v);');
    else expect(r.diagnostics.some((d) => d.code === 'rewrite/parse-error')).toBe(true);
  });
});
