import { describe, expect, it } from 'vitest';
import { parseComponent } from '../../../src/core/metadata/index.ts';
import { located, withoutSpans } from './helpers.ts';

const SCHED = `# the formally verified scheduler
component sched
[Memory access] Read(Own,Shared); Write(Own,Shared)
[Call] alloc::malloc, alloc::free
[API] thread_add(...); thread_rm(...); yield(...)
[Requires] *(Read,Own), *(Write,Shared), *(Call,thread_add), *(Call,thread_rm), *(Call,yield)
`;

const NETSTACK = `# a plain-C network stack
component netstack
[Memory access] Read(*); Write(*)
[Call] *
[API] socket(...); bind(...); recv(...); send(...)
`;

const api = (...names: string[]) => names.map((name) => ({ name, params: '...' }));

describe('parseComponent on the examples of docs/formats.md', () => {
  it('reads sched', () => {
    const { spec, diagnostics } = parseComponent(SCHED, 'components/sched.flexos');
    expect(diagnostics).toEqual([]);
    expect(withoutSpans(spec)).toEqual({
      name: 'sched',
      doc: ['the formally verified scheduler'],
      memory: { read: ['Own', 'Shared'], write: ['Own', 'Shared'] },
      calls: [
        { kind: 'lib', lib: 'alloc', fn: 'malloc' },
        { kind: 'lib', lib: 'alloc', fn: 'free' },
      ],
      api: api('thread_add', 'thread_rm', 'yield'),
      requires: [
        { who: '*', action: 'Read', object: 'Own' },
        { who: '*', action: 'Write', object: 'Shared' },
        { who: '*', action: 'Call', object: 'thread_add' },
        { who: '*', action: 'Call', object: 'thread_rm' },
        { who: '*', action: 'Call', object: 'yield' },
      ],
      hardening: null,
    });
  });

  it('reads netstack', () => {
    const { spec, diagnostics } = parseComponent(NETSTACK, 'components/netstack.flexos');
    expect(diagnostics).toEqual([]);
    expect(withoutSpans(spec)).toEqual({
      name: 'netstack',
      doc: ['a plain-C network stack'],
      memory: { read: ['*'], write: ['*'] },
      calls: [{ kind: 'any' }],
      api: api('socket', 'bind', 'recv', 'send'),
      requires: null,
      hardening: null,
    });
  });

  it('gives spans of names and items in the file', () => {
    const { spec } = parseComponent(SCHED, 'components/sched.flexos');
    const slice = (s: { start: number; end: number }) => SCHED.slice(s.start, s.end);
    expect(spec && slice(spec.span)).toBe('sched');
    expect(spec?.span.file).toBe('components/sched.flexos');
    expect(spec?.calls?.map((c) => slice(c.span))).toEqual(['alloc::malloc', 'alloc::free']);
    expect(spec?.api.map((f) => slice(f.span))[0]).toBe('thread_add(...)');
    expect(spec?.requires?.map((r) => slice(r.span))[2]).toBe('*(Call,thread_add)');
  });
});

describe('parseComponent layout', () => {
  it('reads lists wrapped over lines, whitespace inside parentheses', () => {
    const text = [
      'component sched',
      '[Memory access] Read(Own,',
      '    Shared);',
      '  Write( Own )',
      '[Requires] *(Read,Own), *(Write,Shared),',
      '  *(Call,thread_add)',
      '[Hardening]',
      '  asan,',
      '  cfi',
      '[API] thread_add (int a,',
      '    int b); yield()',
    ].join('\n');
    const { spec, diagnostics } = parseComponent(text, 'f');
    // No [Call]: it calls anything, and the header says so.
    expect(located(text, diagnostics)).toEqual(['meta/missing-call@1:11']);
    expect(spec?.calls).toBeNull();
    expect(spec?.memory).toEqual({ read: ['Own', 'Shared'], write: ['Own'] });
    expect(spec?.requires?.map((r) => r.object)).toEqual(['Own', 'Shared', 'thread_add']);
    expect(spec?.hardening).toEqual(['asan', 'cfi']);
    expect(withoutSpans(spec?.api)).toEqual([
      { name: 'thread_add', params: 'int a, int b' },
      { name: 'yield', params: '' },
    ]);
  });

  it('skips comments anywhere; only comments right above the header are doc', () => {
    const text = [
      '# licence',
      '',
      '#first',
      '  #  second # line',
      'component sched # trailing',
      '# between',
      '[Call] alloc::malloc, # alloc::bogus,',
      '  # a whole comment line inside the list',
      '  alloc::free # done',
      '[Memory access] Read(Own # not closed here',
      '  ) # closed here',
    ].join('\n');
    const { spec, diagnostics } = parseComponent(text, 'f');
    expect(diagnostics).toEqual([]);
    expect(spec?.doc).toEqual(['first', ' second # line']);
    expect(spec?.calls?.map((c) => (c.kind === 'lib' ? c.fn : '*'))).toEqual(['malloc', 'free']);
    expect(spec?.memory).toEqual({ read: ['Own'], write: [] });
  });

  it('counts offsets in UTF-16 code units through non-ASCII text and CRLF', () => {
    const text =
      '# 调度器 🦀 écrit\r\ncomponent sched\r\n[API] f(größe 🦀); g(…)\r\n[Call] 𝔵::f\r\n';
    const { spec, diagnostics } = parseComponent(text, 'f');
    expect(spec?.doc).toEqual(['调度器 🦀 écrit']);
    expect(spec?.api.map((f) => f.params)).toEqual(['größe 🦀', '…']);
    expect(located(text, diagnostics)).toEqual([
      'meta/missing-memory-access@2:11',
      'meta/bad-call@4:8',
    ]);
    const bad = diagnostics.find((d) => d.code === 'meta/bad-call');
    expect(bad && text.slice(bad.span.start, bad.span.end)).toBe('𝔵');
    expect(bad?.span.end).toBe((bad?.span.start ?? 0) + 2);
  });

  it('returns no spec only when there is no header at all', () => {
    const none = parseComponent('[Call] *\n', 'f');
    expect(none.spec).toBeNull();
    expect(located('', none.diagnostics)).toEqual(['meta/missing-header@1:1']);
    expect(parseComponent('', 'f').spec).toBeNull();
    const nameless = parseComponent('component\n[Memory access] Read(Own)\n', 'f');
    expect(nameless.spec?.name).toBe('');
    expect(nameless.spec?.memory?.read).toEqual(['Own']);
  });

  it('keeps empty sections as "nothing", distinct from absent ones', () => {
    const text = 'component a\n[Memory access]\n[Call]\n[Requires]\n[Hardening]\n';
    const { spec, diagnostics } = parseComponent(text, 'f');
    expect(withoutSpans(spec)).toMatchObject({
      memory: { read: [], write: [] },
      calls: [],
      requires: [],
      hardening: [],
    });
    // An empty [Call] is the one way to say "calls nothing", so it alone is not warned about.
    expect(located(text, diagnostics)).toEqual([
      'meta/empty-section@2:1',
      'meta/empty-section@4:1',
      'meta/empty-section@5:1',
    ]);
    const absent = parseComponent('component a\n', 'f').spec;
    expect(absent).toMatchObject({ memory: null, calls: null, requires: null, hardening: null });
  });
});
