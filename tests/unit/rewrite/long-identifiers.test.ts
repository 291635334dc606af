import { describe, expect, it } from 'vitest';
import { instantiate, port } from '../../../src/core/rewrite/index.ts';
import { wordOccurrences } from '../../../src/core/rewrite/words.ts';
import { getParser, readConfig } from './support.ts';

const config = readConfig(
  [
    'name: long',
    'sharing: heap',
    'compartments:',
    '  - comp1:',
    '      mechanism: intel-mpk',
    '      default: true',
    '  - comp2:',
    '      mechanism: intel-mpk',
    'libraries:',
    '  - app: comp1',
    '  - other: comp2',
    '',
  ].join('\n'),
);

describe('identifiers of 60,000 characters (a RegExp of them is too large)', () => {
  const long = `f${'x'.repeat(60_000)}`;

  it('a callback with such a name is wrapped, its direct calls renamed', async () => {
    const text = `__attribute__((libother_callback))\nvoid ${long}(void) { }\nvoid g(void) { ${long}(); }\n`;
    const r = instantiate(await getParser(), 'libs/app/a.c', text, { lib: 'app', config });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.text).toContain(`_${long}();`);
  });

  it('a shared local with such a name, next to a macro, in every sharing mode', async () => {
    const text = `#define M(a) a\nvoid f(void) { int ${long} __attribute__((flexos_whitelist)) = 1; M(${long}); }\n`;
    for (const sharing of ['heap', 'dss', 'shared-stack'] as const) {
      const r = instantiate(await getParser(), 'libs/app/a.c', text, {
        lib: 'app',
        config,
        sharing,
      });
      expect(r.text.length).toBeGreaterThan(60_000);
    }
  });

  it('finds whole words only', () => {
    expect(wordOccurrences('ab a ba a_ $a a', 'a')).toEqual([3, 14]);
    expect(wordOccurrences('x', '')).toEqual([]);
  });
});

describe('a gate of thousands of arguments', () => {
  it('is ported with each repeated name resolved once (was quadratic)', async () => {
    const args = Array.from({ length: 3000 }, () => 'a').join(', ');
    const text = `void f(void) { int a = 1; flexos_gate(libother, g, ${args}); }\n`;
    const owners = new Map([['g', 'other']]);
    const r = port(await getParser(), 'libs/app/a.c', text, { lib: 'app', owners });
    expect(r.text).toBe(text);
  });
});

describe('a macro whose body is one 190,000-character token', () => {
  it('is ported in linear time (the call-name regex backtracked at every position)', async () => {
    const text = `#define N 8${'x'.repeat(190_000)}\nint main(void) { return 0; }\n`;
    const r = port(await getParser(), 'libs/app/a.c', text, {
      lib: 'app',
      owners: new Map([['g', 'other']]),
    });
    expect(r.text).toBe(text);
  });
});

describe('a declaration of thousands of names', () => {
  it('asks each declaration for its fields once, not once per name (fuzz seed 27675: 38 s)', async () => {
    const parser = await getParser();
    // A shared local missing its `;`: the names after it are read as its declaration's.
    const names = Array.from({ length: 4000 }, () => 'a').join(', ');
    const text = `void f(void) {\n\t__attribute__((flexos_whitelist)) char buf\n${names}3[0] = 1;\n}\n`;
    const node = parser.parse('int x;')?.rootNode;
    if (!node) throw new Error('no tree');
    const proto = Object.getPrototypeOf(node) as { fieldNameForChild(i: number): string | null };
    const original = proto.fieldNameForChild;
    const calls: number[] = [];
    proto.fieldNameForChild = function (this: unknown, i: number) {
      calls[calls.length - 1] = (calls.at(-1) ?? 0) + 1;
      return original.call(this, i);
    };
    try {
      for (const sharing of ['heap', 'dss'] as const) {
        calls.push(0);
        instantiate(parser, 'libs/app/a.c', text, { lib: 'app', config, sharing });
      }
    } finally {
      proto.fieldNameForChild = original;
    }
    // Once over the declaration's ~8,000 children each; once per name was 1.6 × 10⁷.
    expect(calls).toHaveLength(2);
    for (const n of calls) expect(n).toBeLessThan(100_000);
  });
});

describe('a call or an attribute at the end of a comma list thousands long', () => {
  // tree-sitter answers `parent` by walking down from the root, so climbing from a node n deep
  // costs n² steps (fuzz seeds 20344 and 23165: a port of 5.4 s, builds of 0.75 s). The
  // ancestors are read in one walk down instead; `parent` is asked a handful of times.
  async function countParents(run: () => void): Promise<number> {
    const node = (await getParser()).parse('int x;')?.rootNode;
    if (!node) throw new Error('no tree');
    const proto = Object.getPrototypeOf(node) as object;
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'parent');
    const get = descriptor?.get;
    if (!descriptor || !get) throw new Error('no parent getter');
    let calls = 0;
    Object.defineProperty(proto, 'parent', {
      ...descriptor,
      get(this: unknown) {
        calls++;
        return get.call(this) as unknown;
      },
    });
    try {
      run();
    } finally {
      Object.defineProperty(proto, 'parent', descriptor);
    }
    return calls;
  }
  const list = Array.from({ length: 4000 }, () => 'a').join(', ');

  it('ports the call climbing no parents one by one', async () => {
    const parser = await getParser();
    const text = `void f(int a) {\n\t${list}, g(a);\n}\n`;
    const owners = new Map([['g', 'other']]);
    let out = '';
    const calls = await countParents(() => {
      out = port(parser, 'libs/app/a.c', text, { lib: 'app', owners }).text;
    });
    expect(out.includes('flexos_gate_r(libother,')).toBe(true);
    expect(calls).toBeLessThan(200);
  });

  it('instantiates a shared local declared at the end of such a list', async () => {
    const parser = await getParser();
    const text = `void f(int a) {\n\t${list}, ({ int v __attribute__((flexos_whitelist)) = 1;\n\tflexos_gate(libother, g, &v); 0; });\n}\n`;
    let out = '';
    const calls = await countParents(() => {
      out = instantiate(parser, 'libs/app/a.c', text, { lib: 'app', config }).text;
    });
    expect(out.includes('flexos_intelpku_gate(0, 1, g, ')).toBe(true);
    expect(calls).toBeLessThan(200);
  });
});
