import { Language, Parser } from 'web-tree-sitter';
// Resolved by vite.config.ts to wasm/ (or the npm package file it is a copy of).
import runtimeUrl from '@wasm/web-tree-sitter.wasm?url';
import grammarUrl from '@wasm/tree-sitter-c.wasm?url';
import type { CParser } from '../src/core/pipeline/index.ts';

let loading: Promise<CParser> | null = null;

/**
 * The C parser of the worker: web-tree-sitter's runtime and the C grammar, fetched from this
 * origin (the very bytes of wasm/, checked against wasm/manifest.json by the unit tests).
 * Memoised; a failed load is forgotten so the next analysis tries again.
 */
export function getCParser(): Promise<CParser> {
  loading ??= (async () => {
    await Parser.init({ locateFile: () => runtimeUrl });
    const language = await Language.load(grammarUrl);
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })().catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}
