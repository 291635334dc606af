import type { Workspace } from '../../core/pipeline/index.ts';

export interface Example {
  /** Directory name: `minikv`. */
  slug: string;
  /** First heading of its README, else the slug. */
  title: string;
  workspace: Workspace;
}

/** The bundled examples, once their chunk has loaded (`load`). */
class Examples {
  list = $state.raw<readonly Example[]>([]);
  /** The example the open workspace was loaded from; null for a saved or shared playground. */
  current = $state<string | null>(null);
  private loading: Promise<readonly Example[]> | null = null;

  /** Loads the examples' chunk once; a failed load is forgotten so the next call retries. */
  load(): Promise<readonly Example[]> {
    this.loading ??= import('./example-files.ts').then(
      (m) => (this.list = m.EXAMPLES),
      (e: unknown) => {
        this.loading = null;
        throw e;
      },
    );
    return this.loading;
  }

  /** The example a first visit opens. */
  get default(): Example | undefined {
    return this.list.find((e) => e.slug === 'minikv') ?? this.list[0];
  }
}

export const examples = new Examples();

/** What an empty playground starts with when no example is bundled. */
export const EMPTY_WORKSPACE: Workspace = {
  files: {
    'config.yaml': [
      'name: untitled',
      'sharing: heap',
      'compartments:',
      '  - comp1:',
      '      mechanism: intel-mpk',
      '      default: true',
      'libraries: []',
      '',
    ].join('\n'),
  },
  settings: { panel: 'graph' },
};
