/**
 * Everything Monaco, in one lazily imported module: the editor API with its standard features,
 * the languages the workspace uses (YAML, C, Markdown, our `flexos`), their workers, YAML
 * schemas and the FlexOS commands. Imported only through `load-monaco.ts`.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/definitions/cpp/register';
import 'monaco-editor/languages/definitions/markdown/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import YamlWorker from '../../../workers/yaml.worker.ts?worker';
import { analysis } from '../state/analysis.svelte.ts';
import { registerFlexosLanguage } from './flexos-language.ts';
import { registerQuickFixes } from './quick-fixes.ts';
import { defineThemes } from './themes.ts';
import { YAML_SCHEMAS } from './yaml-schemas.ts';

self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string): Worker {
    return new EditorWorker({ name: label });
  },
};

/**
 * monaco-yaml (through monaco-worker-manager) still calls `createWebWorker` the pre-0.55 way,
 * with `{ label, moduleId, createData }`. Monaco 0.57 takes a ready worker instead and expects
 * the page to send `'ignore'` and then the create data as the worker's first two messages
 * (see monaco's own `internal/common/workers.js`). This adapter does exactly that.
 */
type LegacyWorkerOptions = {
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
};
const yamlMonaco = {
  ...monaco,
  editor: {
    ...monaco.editor,
    createWebWorker(opts: LegacyWorkerOptions) {
      const worker = new YamlWorker({ name: 'yaml' });
      worker.postMessage('ignore');
      worker.postMessage(opts.createData);
      return monaco.editor.createWebWorker({ worker, ...(opts.host ? { host: opts.host } : {}) });
    },
  },
} as unknown as typeof monaco;

defineThemes(monaco);

configureMonacoYaml(yamlMonaco, {
  enableSchemaRequest: false,
  hover: true,
  completion: true,
  validate: true,
  schemas: YAML_SCHEMAS,
});

registerFlexosLanguage(monaco, () => {
  const r = analysis.shown?.result;
  const components = r?.components ?? [];
  const libraries = [
    ...new Set([
      ...(r?.config?.libraries.map((l) => l.name) ?? []),
      ...components.map((c) => c.name),
    ]),
  ];
  return { components, libraries };
});
registerQuickFixes(monaco);

export { monaco };
export type Monaco = typeof monaco;
