import { createDiagnostic, type Diagnostic } from '../../diagnostics.ts';
import { computeFrontier, type LabelKind } from '../frontier/frontier.ts';
import { LAZY_LIMIT, lazyFrontier } from '../frontier/lazy.ts';
import { SPACE_TOP, type ExploreOptions } from '../explore-types.ts';
import type { Configuration } from '../space/space.ts';

/** Labels of listed configurations and the frontier they give. */
export interface Labelled {
  values: (number | undefined)[];
  kind: LabelKind;
  frontier: number[];
  measured: number;
  meeting: number;
  complete: boolean;
}

/**
 * Labels listed configurations from the options' source and finds their frontier: lazily
 * (`lazy.ts`), or by labelling everything and keeping the maximal ones under the budget.
 * Problems (unlabelled configurations the frontier needs, a space too large for lazy mode) are
 * added to `diagnostics`.
 */
export async function labelConfigurations(
  opts: ExploreOptions,
  configs: Configuration[],
  ids: string[],
  diagnostics: Diagnostic[],
): Promise<Labelled> {
  const { order, budget } = opts;
  const src = opts.labels;
  const kind: LabelKind =
    src.kind === 'estimate' ? 'estimate' : src.kind === 'table' ? src.labelKind : 'measured';
  const lookup = (id: string, i: number): number | Promise<number> => {
    if (src.kind === 'table') return src.values.get(id) ?? Number.NaN;
    if (src.kind === 'estimate') return src.estimator.estimate(configs[i] as Configuration).value;
    if (src.kind === 'measure') return src.measure(id);
    return Number.NaN;
  };
  if (opts.lazy && src.kind !== 'none') {
    if (configs.length > LAZY_LIMIT) {
      diagnostics.push(
        createDiagnostic(
          'explore/too-large-for-lazy',
          'error',
          `Lazy labelling takes at most ${LAZY_LIMIT} configurations; this space has ${configs.length}.`,
          SPACE_TOP,
        ),
      );
      return { values: [], kind, frontier: [], measured: 0, meeting: 0, complete: false };
    }
    const index = new Map(ids.map((id, i) => [id, i]));
    const r = await lazyFrontier({
      configs,
      ids,
      order,
      budget,
      measure: (id) => lookup(id, index.get(id) as number),
      onMeasure: (e) =>
        opts.onProgress?.(
          `measured ${e.id} = ${e.value} (${e.measured} so far, ${e.undecided} undecided)`,
        ),
    });
    for (const i of r.missing)
      diagnostics.push(
        createDiagnostic(
          'explore/unlabelled',
          'warning',
          `No label for ${ids[i]}, which the frontier needs.`,
          SPACE_TOP,
        ),
      );
    return {
      values: r.labels,
      kind,
      frontier: r.frontier,
      measured: r.measured,
      meeting: r.meeting,
      complete: r.status === 'complete',
    };
  }
  if (src.kind === 'measure') {
    diagnostics.push(
      createDiagnostic(
        'explore/measure-needs-lazy',
        'error',
        'Measuring on demand needs lazy mode.',
        SPACE_TOP,
      ),
    );
    return { values: [], kind, frontier: [], measured: 0, meeting: 0, complete: false };
  }
  const values = configs.map((_, i) => {
    const v = src.kind === 'none' ? undefined : (lookup(ids[i] as string, i) as number);
    return v === undefined || Number.isNaN(v) ? undefined : v;
  });
  if (src.kind === 'none') {
    if (budget)
      diagnostics.push(
        createDiagnostic(
          'explore/budget-without-labels',
          'warning',
          'A budget needs labels (--labels or --estimate); it is ignored.',
          SPACE_TOP,
        ),
      );
    const r = computeFrontier(
      configs,
      configs.map(() => 0),
      undefined,
      order,
    );
    return { values, kind, frontier: r.frontier, measured: 0, meeting: r.meeting, complete: true };
  }
  const r = computeFrontier(configs, values, budget, order);
  if (r.unlabelled.length > 0)
    diagnostics.push(
      createDiagnostic(
        'explore/unlabelled',
        'warning',
        `${r.unlabelled.length} configurations have no label (e.g. ${ids[r.unlabelled[0] as number]}); the frontier ignores them. --lazy says which ones it needs.`,
        SPACE_TOP,
      ),
    );
  return {
    values,
    kind,
    frontier: r.frontier,
    measured: configs.length - r.unlabelled.length,
    meeting: r.meeting,
    complete: r.unlabelled.length === 0,
  };
}
