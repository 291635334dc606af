import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  configurationFromId,
  createSpace,
  enumerateConfigurations,
  formatId,
  normalizeId,
  parseId,
} from '../../../src/core/explore/index.ts';
import { arbitrarySpace, minikvSpace } from './fixtures.ts';

describe('configuration ids', () => {
  it('writes the docs/formats.md example canonically, whatever the input order', () => {
    const space = createSpace({
      components: ['redis', 'newlib', 'uksched', 'lwip'],
      hardening: { lwip: ['asan'], uksched: ['asan'] },
    });
    const cfg = configurationFromId(space, 'uksched[asan], redis ,newlib|lwip[ asan ]');
    expect('blocks' in cfg && formatId(space, cfg)).toBe('lwip[asan] | newlib,redis,uksched[asan]');
    expect(normalizeId('uksched[asan],redis,newlib | lwip[asan]')).toBe(
      'lwip[asan] | newlib,redis,uksched[asan]',
    );
  });

  it('sorts hardening and blocks by their first name', () => {
    expect(normalizeId('b | a-b | a[cfi,asan]')).toBe('a[asan,cfi] | a-b | b');
  });

  it('reads back every configuration of random spaces, in any order of blocks and names', () => {
    fc.assert(
      fc.property(arbitrarySpace(), fc.nat(), fc.nat(), (space, pick, shuffle) => {
        const all = enumerateConfigurations(space);
        const cfg = all[pick % all.length];
        if (!cfg) return;
        const id = formatId(space, cfg);
        const blocks = id.split(' | ').map((b) => b.match(/[a-z0-9_-]+(\[[^\]]*\])?/g) ?? []);
        const rotate = <T>(xs: T[], k: number): T[] =>
          xs.map((_, i) => xs[(i + k) % xs.length] as T);
        const scrambled = rotate(
          blocks.map((b) => rotate(b, shuffle).join(' , ')),
          shuffle,
        ).join('|');
        const back = configurationFromId(space, scrambled);
        expect(back).toEqual(cfg);
        expect(normalizeId(scrambled)).toBe(id);
      }),
    );
  });

  it('gives distinct ids to distinct configurations', () => {
    const space = minikvSpace();
    const ids = enumerateConfigurations(space).map((c) => formatId(space, c));
    expect(new Set(ids).size).toBe(80);
    expect(ids[0]).toBe('kv,libc,netstack,sched');
    expect(ids).toContain('kv[asan],libc[asan] | netstack[asan,cfi] | sched[asan]');
  });

  it('says why a text names no configuration of the space', () => {
    const space = minikvSpace();
    const code = (t: string): string | undefined => {
      const r = configurationFromId(space, t);
      return 'code' in r ? r.code : undefined;
    };
    expect(code('kv,libc | sched | netstack')).toBeUndefined();
    expect(code('kv,libc | sched |')).toBe('labels/bad-id');
    expect(code('kv[asan')).toBe('labels/bad-id');
    expect(code('Kv,libc,sched,netstack')).toBe('labels/bad-id');
    expect(code('kv | libc,sched,netstack')).toBe('labels/not-in-space'); // kv and libc are together
    expect(code('kv,libc | sched | netstack | x')).toBe('labels/not-in-space');
    expect(code('kv,libc,sched')).toBe('labels/not-in-space');
    expect(code('kv,libc,sched,netstack[asan]')).toBe('labels/not-in-space'); // asan alone is no option
    expect(code('kv,libc,sched,netstack,kv')).toBe('labels/not-in-space');
    expect(Array.isArray(parseId(''))).toBe(false);
  });

  it('rejects more compartments than the maximum', () => {
    const space = minikvSpace({ maxCompartments: 2 });
    const r = configurationFromId(space, 'kv,libc | sched | netstack');
    expect('code' in r && r.code).toBe('labels/not-in-space');
  });
});
