import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../src/core/diagnostics.ts';
import {
  parseImageConfig,
  sameImageConfig,
  toConfigEdits,
  type ImageConfig,
} from '../../../src/core/config/index.ts';
import {
  checkWorkspace,
  planLibraryMove,
  solveWorkspace,
  type Workspace,
} from '../../../src/core/pipeline/index.ts';
import { diagnosticsAt, MINIKV } from './helpers.ts';

/** config.yaml exactly as the FlexOS talks write it. */
const TALK = `compartments:
- comp1:
  mechanism: intel-mpk
  default: True
- comp2:
  mechanism: intel-mpk
  hardening: [cfi, asan]
libraries:
- libredis: comp1
- libopenjpeg: comp2
- lwip: comp2
`;

/** The same image in the nested form. */
const TALK_NESTED = `compartments:
  - comp1:
      mechanism: intel-mpk
      default: true
  - comp2:
      mechanism: intel-mpk
      hardening: [asan, cfi]
libraries:
  - libredis: comp1
  - libopenjpeg: comp2
  - lwip: comp2
`;

function talkWorkspace(config = TALK): Workspace {
  return {
    name: 'redis-talk',
    files: {
      'config.yaml': config,
      'libs/libredis/server.c': 'int main(void) { return 0; }\n',
      'libs/libopenjpeg/j2k.c': 'int j2k;\n',
      'libs/lwip/tcp.c': 'int tcp;\n',
    },
    settings: { panel: 'graph' },
  };
}

const config = (text: string, name?: string): ImageConfig => {
  const c = parseImageConfig(text, 'config.yaml', name).config;
  if (!c) throw new Error('no config');
  return c;
};

describe('the flat form of the FlexOS talks', () => {
  it('checks with no error and means what it says', () => {
    const check = checkWorkspace(talkWorkspace());
    expect(check.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(check.config?.name).toBe('redis-talk');
    expect(check.config?.compartments).toMatchObject([
      { name: 'comp1', mechanism: 'intel-mpk', default: true, hardening: [] },
      { name: 'comp2', mechanism: 'intel-mpk', default: false, hardening: ['asan', 'cfi'] },
    ]);
    expect(check.config?.libraries.map((l) => [l.name, l.compartment])).toEqual([
      ['libredis', 'comp1'],
      ['libopenjpeg', 'comp2'],
      ['lwip', 'comp2'],
    ]);
    expect(sameImageConfig(config(TALK), config(TALK_NESTED))).toBe(true);
  });

  it('reads per-library properties written flat, and a compartment indented under its dash', () => {
    const text = MINIKV.replace(
      '  - sched: { compartment: comp2, hardening: [safestack] }',
      '  - sched:\n    compartment: comp2\n    hardening: [safestack]',
    ).replace(
      '      mechanism: intel-mpk\n      hardening',
      '    mechanism: intel-mpk\n    hardening',
    );
    expect(diagnosticsAt(text)).toEqual([]);
    expect(sameImageConfig(config(text), config(MINIKV))).toBe(true);
  });

  it('reports a misspelt property of a flat entry as an unknown key, not as a second entry', () => {
    const text = TALK.replace('  hardening: [cfi, asan]', '  hardenin: [cfi, asan]');
    expect(diagnosticsAt(text)).toEqual(['config/unknown-key@7:3']);
  });

  it('keeps the flat form when the graph moves a library', () => {
    const ws = talkWorkspace();
    const move = planLibraryMove(ws, 'lwip', 'comp1');
    expect(applyEdits(TALK, move?.edits ?? [])).toBe(
      TALK.replace('- lwip: comp2', '- lwip: comp1'),
    );
    const fresh = planLibraryMove(ws, 'lwip', null);
    const moved = applyEdits(TALK, fresh?.edits ?? []);
    expect(moved).toBe(
      TALK.replace('libraries:', '- comp3:\n  mechanism: intel-mpk\nlibraries:').replace(
        '- lwip: comp2',
        '- lwip: comp3',
      ),
    );
    expect(diagnosticsAt(moved)).toEqual([]);
  });

  it('keeps the flat form in fixes that add a compartment, harden or remove one', () => {
    const added = applyEdits(
      TALK,
      toConfigEdits(TALK, 'config.yaml', {
        kind: 'new-compartment',
        lib: 'libopenjpeg',
        compartment: 'comp3',
      }),
    );
    expect(added).toContain('- comp3:\n  mechanism: intel-mpk\nlibraries:');
    const perLibrary = TALK.replace(
      '- lwip: comp2',
      '- lwip:\n  compartment: comp2\n  hardening: [asan]',
    );
    const hardened = applyEdits(
      perLibrary,
      toConfigEdits(perLibrary, 'config.yaml', { kind: 'harden', lib: 'lwip', hardening: 'ubsan' }),
    );
    expect(hardened).toBe(perLibrary.replace('[asan]', '[asan, ubsan]'));
    const newEntry = applyEdits(
      perLibrary,
      toConfigEdits(perLibrary, 'config.yaml', { kind: 'harden', lib: 'newlib', hardening: 'cfi' }),
    );
    expect(newEntry).toBe(`${perLibrary}- newlib:\n  compartment: comp1\n  hardening: [cfi]\n`);
    const unused = TALK.replace('- lwip: comp2', '- lwip: comp1').replace(
      '- libopenjpeg: comp2',
      '- libopenjpeg: comp1',
    );
    const [d] = parseImageConfig(unused, 'config.yaml').diagnostics;
    expect(d?.code).toBe('config/unused-compartment');
    expect(applyEdits(unused, d?.fixes?.[0]?.edits ?? [])).toBe(
      unused.replace('- comp2:\n  mechanism: intel-mpk\n  hardening: [cfi, asan]\n', ''),
    );
  });

  it('adds and removes `default:` in the flat form', () => {
    const none = TALK.replace('  default: True\n', '');
    const [missing] = parseImageConfig(none, 'config.yaml').diagnostics;
    expect(missing?.code).toBe('config/no-default');
    expect(applyEdits(none, missing?.fixes?.[0]?.edits ?? [])).toBe(
      TALK.replace('default: True', 'default: true'),
    );
    const two = TALK.replace(
      '  hardening: [cfi, asan]',
      '  hardening: [cfi, asan]\n  default: true',
    );
    const [second] = parseImageConfig(two, 'config.yaml').diagnostics;
    expect(second?.code).toBe('config/multiple-defaults');
    expect(applyEdits(two, second?.fixes?.[0]?.edits ?? [])).toBe(TALK);
  });

  it('solves a flat file into a flat file', () => {
    // Without comp2's own hardening, which moving libopenjpeg out of it would take away.
    const ws = talkWorkspace(
      TALK.replace('- lwip: comp2', '- lwip: comp1').replace('  hardening: [cfi, asan]\n', ''),
    );
    ws.files['components/lwip.flexos'] =
      'component lwip\n[Memory access] Read(*); Write(*)\n[Call] *\n[API] tcp(...)\n';
    ws.files['components/libredis.flexos'] =
      'component libredis\n[Memory access] Read(Own,Shared); Write(Own,Shared)\n[Call] lwip::tcp\n[API] serve(...)\n[Requires] *(Read,Shared), *(Write,Shared), *(Call,serve)\n';
    const s = solveWorkspace(ws);
    if (s.status !== 'ok') throw new Error(s.status);
    expect(s.reprinted).toBe(false);
    expect(s.text).toBe(ws.files['config.yaml']?.replace('- lwip: comp1', '- lwip: comp2'));
    expect(s.remaining).toEqual([]);
  });
});

describe('the image name', () => {
  it('defaults to the workspace name, made a valid name, else to "image"', () => {
    expect(config(TALK, 'redis').name).toBe('redis');
    expect(config(TALK, 'My Redis.v2').name).toBe('my-redis-v2');
    expect(config(TALK, '42').name).toBe('image');
    expect(config(TALK).name).toBe('image');
    expect(config(`name: kv\n${TALK}`, 'redis').name).toBe('kv');
  });

  it('is required in kraft.yaml, which the toolchain reads', () => {
    const kraft =
      "specification: '0.6'\ncompartments:\n  - name: c\n    mechanism: { driver: fcalls }\n    default: true\nlibraries: {}\n";
    expect(diagnosticsAt(kraft, 'kraft.yaml')).toEqual(['config/missing-key@1:1']);
  });
});
