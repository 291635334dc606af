import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../src/core/diagnostics.ts';
import {
  META_CODES,
  checkComponentAgainstImage,
  parseComponent,
  severityOf,
} from '../../../src/core/metadata/index.ts';
import { located } from './helpers.ts';

const HEAD = 'component a\n[Memory access] Read(Own)\n';

/** [what, text, expected `code@line:column` in position order]. */
const CASES: [string, string, string[]][] = [
  ['no header', '# only a comment\n[Call] *\n', ['meta/missing-header@1:1']],
  [
    'header without name',
    'component\n',
    ['meta/bad-header@1:1', 'meta/missing-call@1:1', 'meta/missing-memory-access@1:1'],
  ],
  [
    'header with extra text',
    'component a b c\n',
    ['meta/missing-call@1:11', 'meta/missing-memory-access@1:11', 'meta/bad-header@1:13'],
  ],
  [
    'misspelled keyword',
    'Component a\n[Memory access]\n',
    ['meta/bad-header@1:1', 'meta/missing-call@1:11', 'meta/empty-section@2:1'],
  ],
  [
    'bad name',
    'component Sched\n',
    ['meta/bad-name@1:11', 'meta/missing-call@1:11', 'meta/missing-memory-access@1:11'],
  ],
  [
    'second header',
    `${HEAD}component b\n`,
    ['meta/missing-call@1:11', 'meta/duplicate-header@3:1'],
  ],
  [
    'near-miss section',
    'component a\n[Memory Access] Read(Own)\n',
    ['meta/missing-call@1:11', 'meta/unknown-section@2:1'],
  ],
  ['unknown section', `${HEAD}[Exports] x\n[Call] y::z\n`, ['meta/unknown-section@3:1']],
  [
    'unterminated section',
    `${HEAD}  [Call *\n`,
    ['meta/missing-call@1:11', 'meta/unknown-section@3:3'],
  ],
  ['duplicate section', `${HEAD}[Call] x::y\n[Call] x::z\n`, ['meta/duplicate-section@4:1']],
  [
    'text before the first section',
    'component a\nRead(Own)\n[Memory access]\n',
    ['meta/missing-call@1:11', 'meta/item-outside-section@2:1', 'meta/empty-section@3:1'],
  ],
  ['missing separator', `${HEAD}[Call] x::y x::z\n`, ['meta/bad-item@3:13']],
  ['wrong separator', `${HEAD}[API] f(); g()\n[Call] x::y; x::z\n`, ['meta/bad-item@4:12']],
  [
    'empty and trailing items',
    `${HEAD}[Call] , x::y,\n`,
    ['meta/bad-item@3:8', 'meta/bad-item@3:14'],
  ],
  [
    'unclosed parenthesis',
    'component a\n[Memory access] Read(Own; Write(Shared)\n',
    ['meta/missing-call@1:11', 'meta/bad-item@2:21'],
  ],
  [
    'missing comma in parentheses',
    'component a\n[Memory access] Read(Own Shared)\n',
    ['meta/missing-call@1:11', 'meta/bad-item@2:26'],
  ],
  [
    'bad region',
    'component a\n[Memory access] Read(Own, Mine); Write(*)\n',
    ['meta/missing-call@1:11', 'meta/bad-region@2:27'],
  ],
  [
    'bad memory action',
    'component a\n[Memory access] Exec(Own)\n',
    ['meta/missing-call@1:11', 'meta/bad-action@2:17'],
  ],
  [
    'bad requires action',
    `${HEAD}[Requires] *(Run,Own)\n`,
    ['meta/missing-call@1:11', 'meta/bad-action@3:14'],
  ],
  [
    'bad requires object',
    `${HEAD}[Requires] *(Write,fn), *(Call,f-g)\n`,
    ['meta/missing-call@1:11', 'meta/bad-object@3:20', 'meta/bad-object@3:32'],
  ],
  [
    'bad requires shape',
    `${HEAD}[Requires] *(Read), x\n`,
    ['meta/missing-call@1:11', 'meta/bad-item@3:12', 'meta/bad-item@3:21'],
  ],
  [
    'bad requires who',
    `${HEAD}[Requires] Lib(Read,Own)\n`,
    ['meta/missing-call@1:11', 'meta/bad-name@3:12'],
  ],
  [
    'bad calls',
    `${HEAD}[Call] lib:fn, Lib::f, x::1f, x, x::f(), *::f\n`,
    [
      'meta/bad-call@3:8',
      'meta/bad-call@3:16',
      'meta/bad-call@3:27',
      'meta/bad-call@3:31',
      'meta/bad-call@3:34',
      'meta/bad-call@3:42',
    ],
  ],
  [
    'bad api',
    `${HEAD}[API] 1f(); g; (x)\n`,
    ['meta/missing-call@1:11', 'meta/bad-api@3:7', 'meta/bad-api@3:13', 'meta/bad-api@3:16'],
  ],
  [
    'unclosed api params',
    `${HEAD}[API] f(int; g()\n`,
    ['meta/missing-call@1:11', 'meta/bad-item@3:8'],
  ],
  [
    'unknown hardening',
    `${HEAD}[Hardening] asan, kasan, stack_protector\n`,
    ['meta/missing-call@1:11', 'meta/unknown-hardening@3:19', 'meta/unknown-hardening@3:26'],
  ],
  [
    'duplicate items',
    `component a\n[Memory access] Read(Own); Read(Own)\n[Hardening] cfi, cfi\n`,
    ['meta/missing-call@1:11', 'meta/duplicate-item@2:33', 'meta/duplicate-item@3:18'],
  ],
  ['no memory access', 'component a\n[Call] *\n', ['meta/missing-memory-access@1:11']],
  ['no call', `${HEAD}[API] f()\n`, ['meta/missing-call@1:11']],
  ['misspelled call section', `${HEAD}[Calls] *\n`, ['meta/unknown-section@3:1']],
  // An empty [Call] says "calls nothing" (absent means *): a statement, not an oversight.
  ['empty section', `${HEAD}[Call]\n[Requires] # nothing\n`, ['meta/empty-section@4:1']],
];

describe('parseComponent diagnostics', () => {
  it.each(CASES)('%s', (_what, text, expected) => {
    const { diagnostics } = parseComponent(text, 'f.flexos');
    expect(located(text, diagnostics)).toEqual(expected);
    for (const d of diagnostics) {
      expect(d.severity).toBe(severityOf(d.code as (typeof META_CODES)[number]));
      expect(d.span.file).toBe('f.flexos');
    }
  });

  it('reports every parser code somewhere above', () => {
    const seen = new Set(
      CASES.flatMap(([, text]) => parseComponent(text, 'f').diagnostics.map((d) => d.code)),
    );
    // The summary past the cap needs 200 problems; tests/unit/metadata/hostile-input.test.ts.
    const elsewhere = [
      'meta/unknown-component-call',
      'meta/unknown-requires-who',
      'meta/too-many-problems',
    ];
    expect([...seen].sort()).toEqual(META_CODES.filter((c) => !elsewhere.includes(c)).sort());
  });

  it('only warns for duplicates, missing sections that mean * and empty sections', () => {
    const warnings = META_CODES.filter((c) => severityOf(c) === 'warning');
    expect(warnings).toEqual([
      'meta/duplicate-item',
      'meta/missing-memory-access',
      'meta/missing-call',
      'meta/empty-section',
      'meta/unknown-component-call',
      'meta/unknown-requires-who',
    ]);
  });

  it('keeps the good items around bad ones', () => {
    const text = `${HEAD}[Call] lib:fn, alloc::free\n[Requires] *(Read), *(Write,Shared)\n[API] 1f(); g()\n`;
    const { spec } = parseComponent(text, 'f');
    expect(spec?.calls?.map((c) => (c.kind === 'lib' ? c.fn : '*'))).toEqual(['free']);
    expect(spec?.requires?.map((r) => r.action)).toEqual(['Write']);
    expect(spec?.api.map((f) => f.name)).toEqual(['g']);
  });

  it('recovers a requirement whose ) is missing', () => {
    const text = `${HEAD}[Requires] *(Read,Own, *(Write,Shared)\n`;
    const { spec, diagnostics } = parseComponent(text, 'f');
    expect(located(text, diagnostics)).toEqual(['meta/missing-call@1:11', 'meta/bad-item@3:13']);
    expect(spec?.requires?.map((r) => `${r.action} ${r.object}`)).toEqual([
      'Read Own',
      'Write Shared',
    ]);
  });
});

describe('fixes', () => {
  const fixed = (text: string, code: string): string => {
    const d = parseComponent(text, 'f').diagnostics.find((x) => x.code === code);
    return applyEdits(text, d?.fixes?.[0]?.edits ?? []);
  };

  it('correct near-miss sections, keywords, words and separators', () => {
    expect(fixed('component a\n[Memory Access] Read(Own)\n', 'meta/unknown-section')).toBe(
      'component a\n[Memory access] Read(Own)\n',
    );
    expect(fixed(`${HEAD}[Calls] *\n`, 'meta/unknown-section')).toBe(`${HEAD}[Call] *\n`);
    expect(fixed('componnet a\n', 'meta/bad-header')).toBe('component a\n');
    expect(fixed('component a\n[Memory access] read(own)\n', 'meta/bad-action')).toBe(
      'component a\n[Memory access] Read(own)\n',
    );
    expect(fixed('component a\n[Memory access] Read(own)\n', 'meta/bad-region')).toBe(
      'component a\n[Memory access] Read(Own)\n',
    );
    expect(fixed(`${HEAD}[Hardening] safe_stack\n`, 'meta/unknown-hardening')).toBe(
      `${HEAD}[Hardening] safestack\n`,
    );
    expect(fixed(`${HEAD}[Call] a::b a::c\n`, 'meta/bad-item')).toBe(`${HEAD}[Call] a::b, a::c\n`);
    expect(fixed(`${HEAD}[Call] a::b; a::c\n`, 'meta/bad-item')).toBe(`${HEAD}[Call] a::b, a::c\n`);
    expect(fixed(`${HEAD}[Call] a:b\n`, 'meta/bad-call')).toBe(`${HEAD}[Call] a::b\n`);
  });

  it('offers nothing for far-off section names', () => {
    const d = parseComponent(`${HEAD}[Exports] x\n`, 'f').diagnostics[0];
    expect(d?.fixes).toBeUndefined();
  });
});

describe('checkComponentAgainstImage', () => {
  const text = `component a\n[Memory access] Read(Own)\n[Call] alloc::malloc, sched::*, *\n[Requires] netstak(Read,Own), *(Write,Own), a(Call,f)\n`;
  const spec = parseComponent(text, 'f').spec;

  it('warns about components the image does not contain', () => {
    if (!spec) throw new Error('no spec');
    const diagnostics = checkComponentAgainstImage(spec, ['sched', 'netstack']);
    expect(located(text, diagnostics)).toEqual([
      'meta/unknown-component-call@3:8',
      'meta/unknown-requires-who@4:12',
    ]);
    expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(applyEdits(text, diagnostics[1]?.fixes?.[0]?.edits ?? [])).toContain(
      '[Requires] netstack(Read,Own)',
    );
    expect(checkComponentAgainstImage(spec, ['sched', 'alloc', 'netstak'])).toEqual([]);
  });
});
