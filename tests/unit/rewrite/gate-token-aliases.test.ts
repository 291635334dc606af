import { describe, expect, it } from 'vitest';
import { createLibraryNames } from '../../../src/core/names/index.ts';
import { instantiate } from '../../../src/core/rewrite/index.ts';
import { toCompartmentGraph } from '../../../src/core/workspace/compartment-graph.ts';
import { scanGateCalls, type GateCall } from '../../../src/core/workspace/gate-scan.ts';
import { getParser, readConfig } from './support.ts';

const config = readConfig(`name: t
compartments:
  - a:
      mechanism: intel-mpk
      default: true
  - b:
      mechanism: intel-mpk
libraries:
  - kv: a
  - newlib: b
aliases:
  libc: newlib
`);

const FILE = 'libs/kv/kv.c';

/** Where each way of reading `flexos_gate(token, f)` in kv's source says the gate goes. */
async function targetsOf(token: string) {
  const text = `int f(void);\nvoid g(void)\n{\n\tflexos_gate(${token}, f);\n}\n`;
  const rewritten = instantiate(await getParser(), FILE, text, { lib: 'kv', config });
  const [site] = rewritten.gates;
  const scanned = scanGateCalls(FILE, text);
  const fromSites: GateCall[] = rewritten.gates.map((g) => ({
    caller: g.caller,
    target: g.callee,
    fn: g.fn,
    span: g.span,
  }));
  const edgesOf = (gates: GateCall[]) =>
    toCompartmentGraph(config, [], gates, [])
      .edges.filter((e) => e.gates > 0)
      .map((e) => `${e.from}->${e.to}`);
  return {
    instantiate: { callee: site?.callee, to: site?.to, kind: site?.kind },
    warnings: rewritten.diagnostics.map((d) => d.code),
    scan: createLibraryNames(['kv', 'newlib'], config.aliases).resolveTarget(
      scanned[0]?.target ?? '',
    ),
    graphFromScan: edgesOf(scanned),
    graphFromRewriter: edgesOf(fromSites),
  };
}

describe('gate tokens and aliases resolve the same everywhere', () => {
  it.each(['liblibc', 'libc', 'libnewlib'])(
    '%s with `aliases: {libc: newlib}` is newlib in instantiate, the gate scan and the graph',
    async (token) => {
      expect(await targetsOf(token)).toEqual({
        instantiate: { callee: 'newlib', to: 1, kind: 'real' },
        warnings: [],
        scan: 'newlib',
        graphFromScan: ['kv->newlib'],
        graphFromRewriter: ['kv->newlib'],
      });
    },
  );

  it('an unknown token is no library anywhere', async () => {
    const r = await targetsOf('libnope');
    expect(r.instantiate).toEqual({ callee: 'libnope', to: 0, kind: 'nop' });
    expect(r.warnings).toEqual(['rewrite/unknown-lib']);
    expect(r.scan).toBeUndefined();
    expect(r.graphFromScan).toEqual([]);
    expect(r.graphFromRewriter).toEqual([]);
  });
});

describe('libc without an alias', () => {
  it('names the image’s one C library, as FlexOS’s own sources expect', () => {
    for (const c of ['newlib', 'musl', 'nolibc'])
      expect(createLibraryNames(['flexos-example', 'tlsf', c], {}).resolveToken('libc')).toBe(c);
  });
  it('names nothing when the image has no C library or two, and an alias or a library wins', () => {
    expect(createLibraryNames(['kv', 'tlsf'], {}).resolveToken('libc')).toBeUndefined();
    expect(createLibraryNames(['newlib', 'musl'], {}).resolveToken('libc')).toBeUndefined();
    expect(createLibraryNames(['newlib', 'musl'], { libc: 'musl' }).resolveToken('libc')).toBe(
      'musl',
    );
    // minikv's own library called libc answers to liblibc; `libc` alone stays unknown there.
    expect(createLibraryNames(['kv', 'libc'], {}).resolveToken('libc')).toBeUndefined();
    expect(createLibraryNames(['kv', 'libc'], {}).resolveToken('liblibc')).toBe('libc');
  });
});
