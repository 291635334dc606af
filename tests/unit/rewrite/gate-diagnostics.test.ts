import { describe, expect, it } from 'vitest';
import { instantiate } from '../../../src/core/rewrite/index.ts';
import { getParser, readConfig } from './support.ts';

const config = readConfig(`name: t
compartments:
  - a:
      mechanism: intel-mpk
      default: true
  - b:
      mechanism: intel-mpk
libraries:
  - app: a
  - net: b
`);

describe('gate diagnostics', () => {
  it('rewrite/unknown-lib leaves the file and line to its span', async () => {
    const source = 'void f(void)\n{\n\tflexos_gate(libnte, g);\n}\n';
    const file = 'libs/app/main.c';
    const r = instantiate(await getParser(), file, source, { lib: 'app', config });
    const unknown = r.diagnostics.find((d) => d.code === 'rewrite/unknown-lib');
    expect(unknown?.span).toMatchObject({ file, start: source.indexOf('libnte') });
    expect(unknown?.message).not.toContain(file);
    const ghost = instantiate(await getParser(), file, source, { lib: 'ghost', config });
    for (const d of ghost.diagnostics.filter((x) => x.code === 'rewrite/unknown-lib'))
      expect(d.message).not.toContain(file);
  });

  it('flags a gate in a for header as not a statement, whatever surrounds it', async () => {
    const parser = await getParser();
    const gates = [
      'for (;flexos_gate(libnet, g);)\n\t\t;',
      'for (i = 0; flexos_gate(libnet, g); i++)\n\t\t;',
      'for (flexos_gate(libnet, g);;)\n\t\tbreak;',
      'for (i = 0; i < 1; flexos_gate(libnet, g))\n\t\ti++;',
    ];
    for (const loop of gates) {
      const source = `void g(void);\nvoid f(void)\n{\n\tint i;\n\n\t${loop}\n\tflexos_gate(libnet, g);\n}\n`;
      const r = instantiate(parser, 'f.c', source, { lib: 'app', config });
      const flagged = r.diagnostics
        .filter((d) => d.code === 'rewrite/gate-not-statement')
        .map((d) => d.span.start);
      expect(flagged, loop).toEqual([source.indexOf('flexos_gate')]);
    }
  });
});
