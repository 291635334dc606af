import { describe, expect, it } from 'vitest';
import {
  buildArtefacts,
  instantiate,
  instantiateDocument,
  parseCDocument,
  port,
  type CParser,
  type SyntaxTree,
} from '../../../src/core/rewrite/index.ts';
import { getParser, readConfig, withMechanism } from './support.ts';

const config = readConfig(`name: t
sharing: dss
compartments:
  - a:
      mechanism: intel-mpk
      default: true
  - b:
      mechanism: intel-mpk
      hardening: [asan]
libraries:
  - app: a
  - net: b
  - log: b
`);

const SOURCE = `int send(int *p);
__attribute__((libnet_callback)) int on_rx(int n) { return n; }
int f(void)
{
	int x __attribute__((flexos_whitelist)) = 1;
	int r;
	flexos_gate_r(libnet, r, send, &x);
	flexos_gate(libapp, send, &x);
	return r + x;
}
`;

/** A parser whose trees count their `delete()` calls, and can be made to fail. */
function countingParser(real: CParser, failOnRoot = false) {
  const counts = { parsed: 0, deleted: 0 };
  const parser: CParser = {
    parse(text, old) {
      const tree = real.parse(text, old);
      if (!tree) return tree;
      counts.parsed++;
      const wrapped: SyntaxTree = {
        get rootNode() {
          if (failOnRoot) throw new Error('boom');
          return tree.rootNode;
        },
        edit: (e) => tree.edit(e),
        delete: () => {
          counts.deleted++;
          tree.delete();
        },
      };
      return wrapped;
    },
  };
  return { parser, counts };
}

describe('instantiate', () => {
  it('frees every tree it parses, also when a rule throws', async () => {
    const ok = countingParser(await getParser());
    instantiate(ok.parser, 'f.c', SOURCE, { lib: 'app', config });
    port(ok.parser, 'f.c', SOURCE, { lib: 'app', owners: new Map([['send', 'net']]) });
    expect(ok.counts.parsed).toBeGreaterThan(0);
    expect(ok.counts.deleted).toBe(ok.counts.parsed);
    const failing = countingParser(await getParser(), true);
    expect(() => instantiate(failing.parser, 'f.c', SOURCE, { lib: 'app', config })).toThrow(
      'boom',
    );
    expect(failing.counts.deleted).toBe(failing.counts.parsed);
  });

  it('returns plain data that survives structuredClone', async () => {
    const r = instantiate(await getParser(), 'f.c', SOURCE, { lib: 'app', config });
    expect(structuredClone(r)).toEqual(r);
    const p = port(await getParser(), 'f.c', SOURCE, {
      lib: 'app',
      owners: new Map([['send', 'net']]),
    });
    expect(structuredClone(p)).toEqual(p);
  });

  it('reports each gate site with its compartments and kind', async () => {
    const r = instantiate(await getParser(), 'f.c', SOURCE, { lib: 'app', config });
    expect(
      r.gates.map(({ caller, callee, fn, from, to, kind, via }) => ({
        caller,
        callee,
        fn,
        from,
        to,
        kind,
        via,
      })),
    ).toEqual([
      { caller: 'net', callee: 'app', fn: 'on_rx', from: 1, to: 0, kind: 'real', via: 'callback' },
      { caller: 'app', callee: 'net', fn: 'send', from: 0, to: 1, kind: 'real', via: 'gate' },
      { caller: 'app', callee: 'app', fn: 'send', from: 0, to: 0, kind: 'nop', via: 'gate' },
    ]);
    const fcalls = instantiate(await getParser(), 'f.c', SOURCE, {
      lib: 'app',
      config: withMechanism(config, 'fcalls'),
    });
    expect(fcalls.gates.every((g) => g.kind === 'nop')).toBe(true);
    expect(fcalls.text).not.toContain('__attribute__');
  });

  it('uses the config sharing mode unless told otherwise, and the heap under vm-ept', async () => {
    const parser = await getParser();
    expect(instantiate(parser, 'f.c', SOURCE, { lib: 'app', config }).text).toContain('_dss_x');
    expect(
      instantiate(parser, 'f.c', SOURCE, { lib: 'app', config, sharing: 'heap' }).text,
    ).toContain('uk_malloc(flexos_shared_alloc, sizeof(int))');
    const vm = instantiate(parser, 'f.c', SOURCE, {
      lib: 'app',
      config: withMechanism(config, 'vm-ept'),
    });
    expect(vm.text).toContain('uk_malloc(flexos_shared_alloc, sizeof(int))');
    expect(vm.diagnostics.map((d) => d.code)).toContain('rewrite/sharing-fallback');
  });

  it('warns when the file belongs to a library the image does not have', async () => {
    const r = instantiate(await getParser(), 'f.c', SOURCE, { lib: 'ghost', config });
    expect(
      r.diagnostics.filter((d) => d.code === 'rewrite/unknown-lib').map((d) => d.span.start),
    ).toEqual([0]);
  });

  it('re-instantiates after a one-character edit from the previous tree, like a fresh parse', async () => {
    const parser = await getParser();
    const first = parseCDocument(parser, 'f.c', SOURCE);
    const edited = SOURCE.replace('= 1;', '= 2;');
    const second = parseCDocument(parser, 'f.c', edited, first);
    first.tree.delete();
    try {
      const incremental = instantiateDocument(second, { lib: 'app', config });
      expect(incremental).toEqual(instantiate(parser, 'f.c', edited, { lib: 'app', config }));
      expect(incremental.text).toContain('*_dss_x = 2;');
    } finally {
      second.tree.delete();
    }
  });
});

describe('build artefacts', () => {
  it('lays out compartments, linker fragments for isolated libraries and the gate table', async () => {
    const r = instantiate(await getParser(), 'f.c', SOURCE, { lib: 'app', config });
    const a = buildArtefacts(config, r.gates);
    expect(
      a.compartments.map((c) => [c.number, c.name, c.libraries, c.sections.data, c.heap, c.stacks]),
    ).toEqual([
      [0, 'a', ['app'], '.data_comp0', 'flexos_comp0_alloc', { name: 'stack_comp0', dss: true }],
      [
        1,
        'b',
        ['log', 'net'],
        '.data_comp1',
        'flexos_comp1_alloc',
        { name: 'stack_comp1', dss: true },
      ],
    ]);
    expect(a.linkerFragments.map((f) => f.file)).toEqual(['liblog.ld', 'libnet.ld']);
    const net = a.linkerFragments[1]?.text ?? '';
    // As FlexOS's flexos_extra.ld: read-only data with the data, constructors per compartment.
    expect(net).toContain('.data_comp1 : ALIGN(0x1000)');
    expect(net).toContain('*libnet.o(.data .data.* .rodata .rodata.*)');
    expect(net).toContain('*libnet.o(.bss .bss.* COMMON)');
    expect(net).toContain(
      '.init_array_comp1 : ALIGN(8)\n\t{\n\t\tKEEP(*libnet.o(SORT_BY_INIT_PRIORITY(.init_array.*) .init_array))',
    );
    expect(a.compartments[1]?.sections).toEqual({
      data: '.data_comp1',
      bss: '.bss_comp1',
      initArray: '.init_array_comp1',
    });
    expect(a.gates).toEqual([
      {
        caller: 'app',
        callee: 'app',
        from: 0,
        to: 0,
        kind: 'nop',
        sites: 1,
        callbacks: 0,
        functions: ['send'],
      },
      {
        caller: 'app',
        callee: 'net',
        from: 0,
        to: 1,
        kind: 'real',
        sites: 1,
        callbacks: 0,
        functions: ['send'],
      },
      {
        caller: 'net',
        callee: 'app',
        from: 1,
        to: 0,
        kind: 'real',
        sites: 1,
        callbacks: 1,
        functions: ['on_rx'],
      },
    ]);
    const shared = buildArtefacts(config, r.gates, 'shared-stack');
    expect(shared.compartments.every((c) => c.stacks === undefined)).toBe(true);
    expect(buildArtefacts(withMechanism(config, 'fcalls'), []).linkerFragments).toEqual([]);
  });
});
