/**
 * Hover explanations of gated C (gated-notes.ts) and the variants the gated-C panel compares
 * (gated-variant.ts): each note names the rule that ran, the compartments and the sharing mode,
 * and its ranges point at the placeholder and at what it became.
 */
import { describe, expect, it } from 'vitest';
import {
  gatedVariant,
  noteAt,
  type GatedNote,
  type Workspace,
} from '../../../src/core/pipeline/index.ts';
import { gateSources } from '../../../src/core/workspace/gated-sources.ts';
import { getParser, readConfig } from '../rewrite/support.ts';

const CONFIG = `name: notes
sharing: dss
compartments:
  - comp1:
      mechanism: intel-mpk
      default: true
  - comp2:
      mechanism: intel-mpk
libraries:
  - app: comp1
  - net: comp2
  - sched: comp1
`;

const MAIN = `static int counter __attribute__((flexos_whitelist));

int main(void)
{
	int buf[4] __attribute__((flexos_whitelist)) = { 0 };
	int rc;

	flexos_gate_r(libnet, rc, net_send, buf);
	flexos_gate(libsched, yield);
	return rc + counter;
}
`;

function workspace(config = CONFIG): Workspace {
  return {
    files: { 'config.yaml': config, 'libs/app/main.c': MAIN, 'libs/net/net.c': 'int x;\n' },
    settings: { panel: 'gated' },
  };
}

async function notesOf(config: string, sharing?: 'heap' | 'dss' | 'shared-stack') {
  const ws = workspace(config);
  const image = readConfig(config);
  const gated = gateSources(ws, image, await getParser(), sharing ?? image.sharing);
  const file = gated.files.find((f) => f.path === 'libs/app/main.c');
  if (!file) throw new Error('no gated main.c');
  return file;
}

const slice = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

describe('notes of a gated file', () => {
  it('explains a real gate, a nop gate and shared data, with exact ranges on both sides', async () => {
    const file = await notesOf(CONFIG);
    const byKind = (k: GatedNote['kind']) => file.notes.filter((n) => n.kind === k);
    expect(file.notes.map((n) => [n.kind, n.rule])).toEqual([
      ['shared-global', 'shared data: .data_shared'],
      ['shared-local', 'shared local: dss'],
      ['gate', 'Intel MPK gate'],
      ['gate', 'nop gate: same compartment'],
    ]);
    const [real, nop] = byKind('gate') as [GatedNote, GatedNote];
    expect(slice(MAIN, real.original)).toBe('flexos_gate_r(libnet, rc, net_send, buf)');
    expect(slice(file.text, real.instantiated)).toMatch(
      /^flexos_intelpku_gate_r\(0, 1, rc, net_send, /,
    );
    expect(real.why).toContain('compartment 0 (`comp1`)');
    expect(real.why).toContain('compartment 1 (`comp2`)');
    expect(slice(file.text, nop.instantiated)).toMatch(/^flexos_nop_gate\(0, 0, yield/);
    const [global] = byKind('shared-global') as [GatedNote];
    expect(slice(MAIN, global.original)).toBe('counter');
    expect(slice(file.text, global.instantiated)).toBe('counter');
    const [local] = byKind('shared-local') as [GatedNote];
    expect(local.why).toContain('_dss_buf');
    expect(local.why).toContain('`main`');
    // Its rewritten use, the gate's argument, is explained too.
    expect(local.uses?.map((u) => slice(file.text, u))).toEqual(['(*_dss_buf)']);
    const use = local.uses?.[0];
    expect(use && noteAt(file.notes, 'instantiated', use.start + 3)).toBe(local);
  });

  it('follows the sharing mode and says when the mechanism overrides it', async () => {
    const heap = await notesOf(CONFIG, 'heap');
    const onHeap = heap.notes.find((n) => n.kind === 'shared-local');
    expect(onHeap?.why).toContain('shared heap');
    expect(onHeap?.uses?.map((u) => slice(heap.text, u))).toEqual(['(*buf)']);
    const ept = await notesOf(CONFIG.replace(/intel-mpk/g, 'vm-ept'), 'dss');
    const local = ept.notes.find((n) => n.kind === 'shared-local');
    expect(local?.rule).toBe('shared local: heap');
    expect(local?.why).toContain('`dss` was asked for');
    const fcalls = await notesOf(CONFIG.replace(/intel-mpk/g, 'fcalls'));
    expect(fcalls.notes.map((n) => n.rule)).toEqual([
      'shared data: nothing to do',
      'shared local: shared-stack',
      'nop gate: fcalls',
      'nop gate: same compartment',
    ]);
  });

  it('finds the innermost note at an offset on either side', async () => {
    const file = await notesOf(CONFIG);
    const inCall = MAIN.indexOf('net_send');
    expect(noteAt(file.notes, 'original', inCall)?.rule).toBe('Intel MPK gate');
    const inGated = file.text.indexOf('flexos_nop_gate') + 3;
    expect(noteAt(file.notes, 'instantiated', inGated)?.rule).toBe('nop gate: same compartment');
    expect(noteAt(file.notes, 'original', MAIN.indexOf('int rc'))).toBeUndefined();
  });
});

describe('gated variants', () => {
  it('instantiates one file under each mechanism and sharing mode of the picker', async () => {
    const parser = await getParser();
    const ws = workspace();
    const text = (v: Parameters<typeof gatedVariant>[3]) => {
      const r = gatedVariant(ws, parser, 'libs/app/main.c', v);
      if (r.status !== 'ok') throw new Error(r.reason);
      return r.file.text;
    };
    expect(text('source')).toBe(MAIN);
    expect(text('fcalls')).toContain('flexos_nop_gate_r(0, 1, rc, net_send');
    expect(text('vm-ept')).toContain('flexos_vmept_gate_r(0, 1, rc, net_send');
    expect(text('intel-mpk/heap')).toContain('uk_malloc(flexos_shared_alloc');
    expect(text('intel-mpk/dss')).toContain('_dss_buf');
    expect(text('intel-mpk/shared-stack')).not.toMatch(/_dss_buf|uk_malloc/);
    const source = gatedVariant(ws, parser, 'libs/app/main.c', 'source');
    expect(source.status === 'ok' && source.file.notes.length).toBe(4);
  });

  it('is unavailable without a usable config or for a file outside libs/', async () => {
    const parser = await getParser();
    const broken = workspace('compartments: [');
    expect(gatedVariant(broken, parser, 'libs/app/main.c', 'fcalls').status).toBe('unavailable');
    expect(gatedVariant(workspace(), parser, 'config.yaml', 'fcalls').status).toBe('unavailable');
  });
});
