import { describe, expect, it } from 'vitest';
import {
  decodeBase64Url,
  encodeBase64Url,
  formatShareFragment,
  fromSharePayload,
  parseShareFragment,
  toSharePayload,
} from './share-link.ts';
import { toWorkspace } from './workspace-schema.ts';

describe('base64url', () => {
  it('round-trips every length and byte value', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 13) % 256);
      const text = encodeBase64Url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(decodeBase64Url(text)).toEqual(bytes);
    }
  });

  it('refuses characters and lengths base64url cannot have', () => {
    expect(decodeBase64Url('ab$d')).toBeNull();
    expect(decodeBase64Url('abcde')).toBeNull();
    expect(decodeBase64Url('ab+/')).toBeNull();
  });
});

describe('share fragments', () => {
  it('tells links from other fragments', () => {
    expect(parseShareFragment('')).toEqual({ status: 'none' });
    expect(parseShareFragment('#')).toEqual({ status: 'none' });
    expect(parseShareFragment('#section-2')).toEqual({ status: 'none' });
    expect(parseShareFragment(formatShareFragment('abc'))).toEqual({
      status: 'ok',
      version: 1,
      data: 'abc',
    });
    expect(parseShareFragment('#v12/xyz')).toEqual({ status: 'ok', version: 12, data: 'xyz' });
  });

  it('reports cut or malformed links', () => {
    expect(parseShareFragment('#v1/')).toMatchObject({
      status: 'invalid',
      code: 'share/not-a-link',
    });
    expect(parseShareFragment('#v1/ab%20c')).toMatchObject({ status: 'invalid' });
    expect(parseShareFragment('#v1')).toMatchObject({ status: 'invalid' });
  });
});

describe('share payloads', () => {
  const ws = {
    files: { 'config.yaml': 'name: x\n', 'libs/kv/kv.c': 'int main(void) { return 0; }\n' },
    settings: { panel: 'explore', openFile: 'libs/kv/kv.c', sharing: 'dss' as const },
  };

  it('round-trips a workspace', () => {
    expect(fromSharePayload(1, toSharePayload(ws))).toEqual({ status: 'ok', workspace: ws });
  });

  it('drops settings it does not know and an open file that is not there', () => {
    const json = JSON.stringify({
      files: ws.files,
      settings: { panel: 'graph', openFile: 'nope.c', theme: 1 },
    });
    expect(fromSharePayload(1, json)).toEqual({
      status: 'ok',
      workspace: { files: ws.files, settings: { panel: 'graph' } },
    });
  });

  it('refuses damaged data with a code, never throwing', () => {
    expect(fromSharePayload(1, '{"files":')).toMatchObject({ code: 'share/bad-json' });
    expect(fromSharePayload(1, '[]')).toMatchObject({ code: 'workspace/bad-shape' });
    expect(fromSharePayload(1, '{"files":{"a":1}}')).toMatchObject({ code: 'workspace/bad-shape' });
    expect(fromSharePayload(1, '{"files":{"../etc/passwd":""}}')).toMatchObject({
      code: 'workspace/bad-path',
    });
    expect(fromSharePayload(1, '{"files":{"/abs":""}}')).toMatchObject({
      code: 'workspace/bad-path',
    });
    expect(fromSharePayload(2, toSharePayload(ws))).toMatchObject({
      code: 'workspace/newer-version',
    });
    expect(fromSharePayload(0, toSharePayload(ws))).toMatchObject({
      code: 'workspace/unknown-version',
    });
  });
});

describe('migrations', () => {
  // A made-up v1 → v2 change that adds a field the shape check does not keep.
  const toV2 = (raw: unknown) => {
    const v1 = raw as { files: Record<string, string>; settings: unknown };
    return { files: v1.files, settings: v1.settings, extra: true };
  };

  it('brings old payloads up to date and says from which version', () => {
    const r = toWorkspace(
      1,
      { files: { 'a.yaml': 'x' }, settings: { panel: 'graph' } },
      { 1: toV2 },
      2,
    );
    expect(r).toEqual({
      status: 'ok',
      workspace: { files: { 'a.yaml': 'x' }, settings: { panel: 'graph' } },
      migratedFrom: 1,
    });
  });

  it('reports a missing or failing migration', () => {
    expect(toWorkspace(1, { files: {} }, {}, 2)).toMatchObject({
      code: 'workspace/unknown-version',
    });
    const boom = () => {
      throw new Error('bad');
    };
    expect(toWorkspace(1, { files: {} }, { 1: boom }, 2)).toMatchObject({
      code: 'workspace/bad-shape',
    });
  });
});
