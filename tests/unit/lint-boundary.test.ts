import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The shells (app, workers, CLI, runner) may import from core only the pipeline barrel,
 * `model.ts` and `diagnostics.ts` (eslint.config.js). Planted imports, linted as if they were
 * files of each shell, must be reported at every relative depth; the barrel must pass.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

const shells = [
  { file: 'src/app/state/x.ts', up: '../../' },
  { file: 'workers/x.ts', up: '../src/' },
  { file: 'src/cli/commands/x.ts', up: '../../../' },
  { file: 'src/runner/x.ts', up: '../' },
];

describe('the import boundary of core', () => {
  for (const { file, up } of shells) {
    it(`rejects a deep core import from ${file}`, async () => {
      const code = `import { parseComponent } from '${up}core/metadata/index.ts';\nvoid parseComponent;\n`;
      const errors = await boundaryErrors(code, file);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain('src/core/pipeline/index.ts');
    });

    it(`accepts the pipeline barrel, model.ts and diagnostics.ts from ${file}`, async () => {
      const code = [
        `import { checkWorkspace } from '${up}core/pipeline/index.ts';`,
        `import { HARDENINGS } from '${up}core/model.ts';`,
        `import type { Diagnostic } from '${up}core/diagnostics.ts';`,
        'export const used: [unknown, unknown, Diagnostic[]] = [checkWorkspace, HARDENINGS, []];',
        '',
      ].join('\n');
      expect(await boundaryErrors(code, file)).toEqual([]);
    });
  }

  it('catches type imports, re-exports, dynamic imports and a way back out of pipeline/', async () => {
    const planted = [
      `import type { Space } from '../../core/explore/index.ts';\nexport type S = Space;\n`,
      `export { parseSpace } from '../../core/explore/index.ts';\n`,
      `export const m = import('../../core/explore/index.ts');\n`,
      `import { parseSpace } from '../../core/pipeline/../explore/index.ts';\nvoid parseSpace;\n`,
    ];
    for (const code of planted)
      expect(await boundaryErrors(code, 'src/app/state/x.ts'), code).toHaveLength(1);
  });

  it('checks the script of a Svelte component too', async () => {
    const code = `<script lang="ts">\n  import { ORDERS } from '../../core/explore/orders.ts';\n</script>\n\n{ORDERS.length}\n`;
    expect(await boundaryErrors(code, 'src/app/panels/X.svelte')).toHaveLength(1);
  });

  it('leaves core itself and unrelated paths alone', async () => {
    const deep = `import { parseComponent } from '../metadata/index.ts';\nvoid parseComponent;\n`;
    expect(await boundaryErrors(deep, 'src/core/pipeline/x.ts')).toEqual([]);
    const score = `import { x } from '../score/index.ts';\nvoid x;\n`;
    expect(await boundaryErrors(score, 'src/app/state/x.ts')).toEqual([]);
  });
});
