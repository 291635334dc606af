import type { Monaco } from './setup.ts';

export type { Monaco };

let loading: Promise<Monaco> | null = null;

/**
 * Loads Monaco once, after first paint. The promise is memoised, and forgotten when it fails,
 * so the next call (another click, a reload of the panel) tries again.
 */
export function loadMonaco(): Promise<Monaco> {
  loading ??= import('./setup.ts').then(
    (m) => {
      performance.mark('flexos:monaco-loaded');
      return m.monaco;
    },
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}
