import { createDiagnostic, type Diagnostic } from '../../diagnostics.ts';
import {
  computeFrontier,
  maximalElements,
  undominated,
  type LabelKind,
} from '../frontier/frontier.ts';
import { LAZY_LIMIT, lazyFrontier } from '../frontier/lazy.ts';
import { SPACE_TOP, type ExploreOptions } from '../explore-types.ts';
import type { Configuration } from '../space/space.ts';
import type { Stopper } from '../stop.ts';

/** Labels of listed configurations and the frontier they give. */
export interface Labelled {
  values: (number | undefined)[];
  kind: LabelKind;
  frontier: number[];
  measured: number;
  meeting: number;
  complete: boolean;
  /** Unlabelled configurations that could still be on the frontier (`ExploreResult.unverified`). */
  unverified: number;
  /** Measurements `verify` took, when asked for. */
  verified?: number;
}

const NOTHING = { values: [], frontier: [], measured: 0, meeting: 0, complete: false };

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
  stopper: Stopper,
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
  const problem = (code: string, severity: 'error' | 'warning', message: string): void =>
    void diagnostics.push(createDiagnostic(code, severity, message, SPACE_TOP));
  if (src.kind === 'none') {
    if (budget)
      problem(
        'explore/budget-without-labels',
        'warning',
        'A budget needs labels (--labels or --estimate); it is ignored.',
      );
    return { ...allMeet(configs, order, stopper), values: configs.map(() => undefined), kind };
  }
  if (opts.lazy) {
    if (configs.length > LAZY_LIMIT) {
      problem(
        'explore/too-large-for-lazy',
        'error',
        `Lazy labelling takes at most ${LAZY_LIMIT} configurations; this space has ${configs.length}.`,
      );
      return { ...NOTHING, kind, unverified: 0 };
    }
    const index = new Map(ids.map((id, i) => [id, i]));
    // The cost model never increases along a safer edge, so its inferences are proofs.
    const monotone = src.kind === 'estimate';
    const r = await lazyFrontier({
      configs,
      ids,
      order,
      budget,
      stopper,
      verify: opts.verify === true && !monotone,
      measureFrontier: src.kind === 'measure',
      measure: (id) => lookup(id, index.get(id) as number),
      onMeasure: (e) =>
        opts.onProgress?.(
          e.verifying
            ? `verified ${e.id} = ${e.value} (${e.measured} so far, ${e.undecided} could still be on the frontier)`
            : `measured ${e.id} = ${e.value} (${e.measured} so far, ${e.undecided} undecided)`,
        ),
    });
    for (const i of r.missing)
      problem('explore/unlabelled', 'warning', `No label for ${ids[i]}, which the frontier needs.`);
    return {
      values: r.labels,
      kind,
      frontier: r.frontier,
      measured: r.measured,
      meeting: r.meeting,
      complete: r.status === 'complete',
      unverified: monotone ? 0 : r.unverified.length,
      ...(opts.verify ? { verified: r.verified } : {}),
    };
  }
  if (src.kind === 'measure') {
    problem('explore/measure-needs-lazy', 'error', 'Measuring on demand needs lazy mode.');
    return { ...NOTHING, kind, unverified: 0 };
  }
  const values = configs.map((_, i) => {
    stopper.tick();
    const v = lookup(ids[i] as string, i) as number;
    return Number.isNaN(v) ? undefined : v;
  });
  const labelled = values.filter((v) => v !== undefined).length;
  // Without a budget every configuration meets it: the labels are shown, they decide nothing.
  if (!budget) return { ...allMeet(configs, order, stopper), values, kind, measured: labelled };
  const r = computeFrontier(configs, values, budget, order, stopper);
  if (r.unlabelled.length > 0)
    problem(
      'explore/unlabelled',
      'warning',
      `${r.unlabelled.length} configurations have no label (e.g. ${ids[r.unlabelled[0] as number]}); the frontier ignores them. --lazy says which ones it needs.`,
    );
  return {
    values,
    kind,
    frontier: r.frontier,
    measured: labelled,
    meeting: r.meeting,
    complete: r.unlabelled.length === 0,
    unverified: undominated(configs, r.unlabelled, r.frontier, order, stopper).length,
  };
}

/** The frontier when every configuration meets the budget: the safest ones, exactly. */
function allMeet(
  configs: readonly Configuration[],
  order: ExploreOptions['order'],
  stopper: Stopper,
): Omit<Labelled, 'values' | 'kind'> {
  const all = configs.map((_, i) => i);
  return {
    frontier: maximalElements(configs, all, order, stopper),
    measured: 0,
    meeting: configs.length,
    complete: true,
    unverified: 0,
  };
}
