import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  configurationFromId,
  createRequiresCheck,
  enumerateConfigurations,
  exploreSpace,
  formatId,
  parseCsv,
  parseLabelsCsv,
  toConfigYaml,
  toImageConfig,
  type Configuration,
} from '../../../src/core/explore/index.ts';
import { parseConfigYaml } from '../../../src/core/config/parse-image-config.ts';
import { stripSpans } from '../../../src/core/config/config-equality.ts';
import { parseComponent } from '../../../src/core/metadata/parse-component.ts';
import { arbitrarySpace, minikvSpace } from './fixtures.ts';

describe('labels CSV', () => {
  it('splits quoted fields, doubled quotes, CRLF, a BOM and blank lines', () => {
    const rows = parseCsv('\ufeffa,"b,c"\r\n\r\n"x""y",z\n');
    expect(rows.map((r) => r.map((f) => f.text))).toEqual([
      ['a', 'b,c'],
      ['x"y', 'z'],
    ]);
    expect(parseCsv('')).toEqual([]);
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (s) => void parseCsv(s)));
  });

  it('reads config,value in any column order, ignores other columns, normalises ids', () => {
    const space = minikvSpace();
    const text =
      'run,value,config\n1,350000,"sched | netstack | libc,kv"\n2,"200,5","kv,libc,netstack,sched"\n3,310000,"netstack[cfi,asan] ,sched,kv[asan],libc"\n4,1,"kv,libc | netstack | sched"\n';
    const { labels, diagnostics } = parseLabelsCsv(text, 'labels.csv', space);
    expect([...labels].map(([id, l]) => [id, l.value])).toEqual([
      ['kv,libc | netstack | sched', 350000],
      ['kv[asan],libc,netstack[asan,cfi],sched', 310000],
    ]);
    expect(diagnostics.map((d) => [d.code, text.slice(d.span.start, d.span.end)])).toEqual([
      ['labels/bad-value', '"200,5"'],
      ['labels/duplicate', '"kv,libc | netstack | sched"'],
    ]);
    expect(
      parseLabelsCsv('config,perf\nkv,1\n', 'l.csv', space).diagnostics.map((d) => d.code),
    ).toEqual(['labels/missing-column']);
    expect(
      parseLabelsCsv('config,value\nkv | libc,1\n', 'l.csv', space).diagnostics.map((d) => d.code),
    ).toEqual(['labels/not-in-space']);
  });

  it('feeds exploreSpace: the frontier of imported labels', async () => {
    const space = minikvSpace();
    const cs = enumerateConfigurations(space);
    const values = new Map(cs.map((c, i) => [formatId(space, c), 1000 - 10 * i]));
    const r = await exploreSpace({
      space,
      order: 'product',
      budget: { kind: 'at-least', value: 900 },
      labels: { kind: 'table', values, labelKind: 'imported' },
    });
    expect(r.measured).toBe(80);
    expect(r.frontier.every((m) => m.kind === 'imported' && (m.value as number) >= 900)).toBe(true);
  });
});

describe('configurations as images', () => {
  it('turns every configuration into a config.yaml that parses back to the same image', () => {
    fc.assert(
      fc.property(arbitrarySpace(), fc.nat(), (space, pick) => {
        const cs = enumerateConfigurations(space);
        const cfg = cs[pick % cs.length] as Configuration;
        const parsed = parseConfigYaml(toConfigYaml(space, cfg));
        expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(parsed.config && stripSpans(parsed.config)).toEqual(
          stripSpans(toImageConfig(space, cfg)),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('puts the compartment with the first library first, as the default', () => {
    const space = minikvSpace();
    const image = toImageConfig(
      space,
      configurationFromId(space, 'sched[asan] | netstack | kv,libc') as Configuration,
    );
    expect(image.compartments.map((c) => [c.name, c.default])).toEqual([
      ['comp1', true],
      ['comp2', false],
      ['comp3', false],
    ]);
    expect(image.libraries).toEqual([
      { name: 'kv', compartment: 'comp1', hardening: [] },
      { name: 'libc', compartment: 'comp1', hardening: [] },
      { name: 'netstack', compartment: 'comp2', hardening: [] },
      { name: 'sched', compartment: 'comp3', hardening: ['asan'] },
    ]);
  });
});

describe('[Requires] filter on minikv', () => {
  it('leaves out the 16 configurations where netstack shares with sched unhardened (and libc alike), saying why', async () => {
    const space = minikvSpace();
    const specs = ['kv', 'libc', 'sched', 'netstack'].map((c) => {
      const text = readFileSync(
        new URL(`../../../examples/minikv/components/${c}.flexos`, import.meta.url),
        'utf8',
      );
      return parseComponent(text, `components/${c}.flexos`).spec;
    });
    const isAllowed = createRequiresCheck(
      space,
      specs.flatMap((s) => (s ? [s] : [])),
    );
    const r = await exploreSpace({ space, order: 'flexos', labels: { kind: 'none' }, isAllowed });
    const net = r.filtered.reasons.find((x) => x.reason.startsWith('netstack → sched'));
    expect(net?.count).toBe(16);
    const libc = r.filtered.reasons.find((x) => x.reason.startsWith('libc → sched'));
    expect(libc?.count).toBe(16);
    expect(r.filtered.count).toBe(28);
    expect(r.considered).toBe(52);
    // netstack with asan+cfi may join sched; without, never.
    const cs = enumerateConfigurations(space);
    for (const c of cs) {
      const id = formatId(space, c);
      const withSched = id.split(' | ').some((b) => b.includes('netstack') && b.includes('sched'));
      if (withSched && !id.includes('netstack[asan,cfi]')) expect(isAllowed(c)).not.toBe(true);
      if (!withSched && !id.split(' | ').some((b) => b.includes('libc,') && b.includes('sched')))
        expect(isAllowed(c)).toBe(true);
    }
  });
});
