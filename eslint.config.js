import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

/**
 * Import specifiers that reach into core past its front door, at any relative depth
 * (`../../core/x`, `../src/core/x`, `../../../core/x`): anything under `core/` except the
 * pipeline folder (barrel `core/pipeline/index.ts`), `core/model.ts` and `core/diagnostics.ts`.
 * A `..` after `pipeline/` is caught too; a query such as `?raw` is allowed.
 */
const DEEP_CORE = String.raw`^\.{1,2}/(?:[^?]*/)?core/(?!(?:pipeline/(?![^?]*\.\.)[^?]*|model\.ts|diagnostics\.ts)(?:\?.*)?$)`;
const DEEP_CORE_MESSAGE =
  'The app, workers, CLI and runner use core only through src/core/pipeline/index.ts (and model.ts, diagnostics.ts); re-export what you need from the pipeline barrel.';

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'wasm/', 'public/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  {
    // The core is pure: it gets files, parsers and clocks handed in (docs/architecture.md, "Floors").
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'node:*',
            'fs',
            'path',
            'child_process',
            'os',
            '../../app/*',
            '../../cli/*',
            '../../runner/*',
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'self',
        'process',
        'localStorage',
        'indexedDB',
        'importScripts',
      ],
    },
  },
  {
    // The shells all call the same pipeline, so they give the same answer for the same
    // workspace; a deep import would let one of them drift (src/core/pipeline/index.ts).
    files: ['src/app/**', 'src/cli/**', 'src/runner/**', 'workers/**'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: DEEP_CORE, message: DEEP_CORE_MESSAGE }] },
      ],
      'no-restricted-syntax': [
        'error',
        {
          // `import()` with a literal specifier, which no-restricted-imports does not see.
          selector: `ImportExpression[source.value=/${DEEP_CORE.replaceAll('/', '\\/')}/]`,
          message: DEEP_CORE_MESSAGE,
        },
      ],
    },
  },
);
