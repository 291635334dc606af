import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkShareExtras } from './share-extras.ts';
import { fromSharePayload, readSharePayload, toSharePayload } from './share-link.ts';

const ws = {
  files: { 'config.yaml': 'name: x\n' },
  settings: { panel: 'explore' },
};

describe('share extras', () => {
  it('carry the Explore budget and order and an exercise state through a payload', () => {
    const exercise = { step: 2, done: ['a', 'b'], hints: { shown: 1 }, note: null };
    const extras = { explore: { budget: '>=1200', order: 'product' }, exercise };
    const back = fromSharePayload(1, toSharePayload(ws, extras));
    expect(back).toEqual({ status: 'ok', workspace: ws, extras });
  });

  it('keep any JSON exercise state unchanged, falsy values included', () => {
    for (const exercise of [0, false, '', null, [1, [2]], 'état ✓']) {
      const back = fromSharePayload(1, toSharePayload(ws, { exercise }));
      expect(back).toMatchObject({ status: 'ok', extras: { exercise } });
    }
  });

  it('are absent from payloads without them, as links made before extras', () => {
    expect(toSharePayload(ws)).toBe(JSON.stringify({ files: ws.files, settings: ws.settings }));
    expect(toSharePayload(ws, {})).not.toContain('extras');
    expect(fromSharePayload(1, toSharePayload(ws))).toEqual({ status: 'ok', workspace: ws });
  });

  it('drop what they do not understand instead of refusing the link', () => {
    expect(checkShareExtras('x')).toBeUndefined();
    expect(checkShareExtras([{ explore: {} }])).toBeUndefined();
    expect(checkShareExtras({ explore: { budget: 5, order: 'flexos', colour: 'red' } })).toEqual({
      explore: { order: 'flexos' },
    });
    expect(
      checkShareExtras({ explore: { budget: 'x'.repeat(65) }, theme: 'dark' }),
    ).toBeUndefined();
    const raw = { files: ws.files, settings: ws.settings, extras: { explore: 'fast' } };
    expect(readSharePayload(1, raw)).toEqual({ status: 'ok', workspace: ws });
  });

  it('never rescue a payload whose workspace is refused', () => {
    const raw = { files: { '../x': '' }, extras: { exercise: 1 } };
    expect(readSharePayload(1, raw)).toMatchObject({
      status: 'invalid',
      code: 'workspace/bad-path',
    });
  });
});

describe('reading payloads', () => {
  it('never throws, whatever a link or a snapshot holds', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1, max: 3 }), fc.anything(), (version, raw) => {
        const r = readSharePayload(version, raw);
        expect(['ok', 'invalid']).toContain(r.status);
        const withExtras = readSharePayload(version, { files: {}, extras: raw });
        if (withExtras.status === 'ok' && withExtras.extras)
          expect(JSON.parse(JSON.stringify(withExtras.extras))).toBeTruthy();
      }),
    );
  });
});
