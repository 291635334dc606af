import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../../src/core/diagnostics.ts';
import { analyzeWorkspace, checkWorkspace } from '../../../src/core/pipeline/index.ts';
import { getParser } from '../rewrite/support.ts';

const config = [
  'compartments:',
  '- comp1:',
  '  mechanism: intel-mpk',
  '  default: True',
  'libraries:',
  '- app: comp1',
  '',
].join('\n');

describe('no file floods the Problems panel', () => {
  it('caps a C file with thousands of gate problems with a summary', async () => {
    const c = Array.from(
      { length: 3000 },
      (_, i) => `int f${i}(void) { return flexos_gate_r(libnowhere${i}, r, g); }`,
    ).join('\n');
    const ws = {
      files: { 'config.yaml': config, 'libs/app/app.c': c },
      settings: { panel: 'graph' },
    };
    const parser = await getParser();
    const analysed = analyzeWorkspace(ws, { parser }).diagnostics.filter(
      (d) => d.span.file === 'libs/app/app.c',
    );
    expect(analysed).toHaveLength(251);
    expect(analysed.at(-1)?.code).toBe('workspace/too-many-problems');
    expect(analysed.at(-1)?.message).toMatch(/^\d+ more problems/);
  });

  it('keeps every diagnostic of a file under the cap, in order', () => {
    const ws = { files: { 'config.yaml': `${config}- b: comp9\n` }, settings: { panel: 'graph' } };
    const { diagnostics } = checkWorkspace(ws);
    expect(diagnostics.some((d) => d.code === 'workspace/too-many-problems')).toBe(false);
    expect(hasErrors(diagnostics)).toBe(true);
  });
});
