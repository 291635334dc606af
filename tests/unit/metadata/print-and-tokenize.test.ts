import { describe, expect, it } from 'vitest';
import {
  parseComponent,
  printComponent,
  tokenizeMetadata,
} from '../../../src/core/metadata/index.ts';
import type { ComponentSpec } from '../../../src/core/metadata/index.ts';

const span = { file: 'f', start: 0, end: 0 };

describe('printComponent', () => {
  it('writes the canonical form, absent sections left out', () => {
    const spec: ComponentSpec = {
      name: 'sched',
      doc: ['the scheduler', ''],
      memory: { read: ['Own'], write: [] },
      calls: [
        { kind: 'lib', lib: 'alloc', fn: '*', span },
        { kind: 'any', span },
      ],
      api: [{ name: 'yield', params: '', span }],
      requires: [],
      hardening: ['cfi', 'asan'],
      span,
    };
    expect(printComponent(spec)).toBe(
      [
        '# the scheduler',
        '#',
        'component sched',
        '[Memory access] Read(Own)',
        '[Call] alloc::*, *',
        '[API] yield()',
        '[Requires]',
        '[Hardening] cfi, asan',
        '',
      ].join('\n'),
    );
    const bare = {
      ...spec,
      doc: [],
      memory: null,
      calls: [],
      api: [],
      requires: null,
      hardening: null,
    };
    expect(printComponent({ ...bare, calls: null })).toBe('component sched\n');
    // An empty [Call] (calls nothing) differs from an absent one (calls anything).
    expect(printComponent(bare)).toBe('component sched\n[Call]\n');
  });

  it('normalises a messy file', () => {
    const messy = 'component  a\n[Call]   x::y ,\n  x::z # c\n[Memory access] Write( * )\n';
    const { spec } = parseComponent(messy, 'f');
    expect(spec && printComponent(spec)).toBe(
      'component a\n[Memory access] Write(*)\n[Call] x::y, x::z\n',
    );
  });
});

describe('tokenizeMetadata', () => {
  it('classifies each part of a file', () => {
    const text = '# doc\ncomponent sched\n[Requires] *(Read,Own), lib(Call,f)\n[Bogus] :';
    const tokens = tokenizeMetadata(text).map((t) => `${t.kind}:${text.slice(t.start, t.end)}`);
    expect(tokens).toEqual([
      'comment:# doc',
      'keyword:component',
      'name:sched',
      'section:[Requires]',
      'region:*',
      'punct:(',
      'action:Read',
      'punct:,',
      'region:Own',
      'punct:)',
      'punct:,',
      'name:lib',
      'punct:(',
      'action:Call',
      'punct:,',
      'name:f',
      'punct:)',
      'section:[Bogus]',
      'unknown::',
    ]);
  });

  it('ends a comment before a CR', () => {
    const [comment] = tokenizeMetadata('# x\r\n');
    expect(comment).toEqual({ kind: 'comment', start: 0, end: 3 });
  });
});
