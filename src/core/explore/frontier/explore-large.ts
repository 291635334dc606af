import { createDiagnostic, type Diagnostic } from '../../diagnostics.ts';
import { ENUMERATION_LIMIT } from '../space/count.ts';
import {
  failed,
  SPACE_TOP,
  type ExploreOptions,
  type ExploreResult,
  type ResultBase,
} from '../explore-types.ts';
import { meetsBudget } from './frontier.ts';
import { countCoveringEdges } from '../order/hasse.ts';
import { formatId } from '../space/ids.ts';
import { LARGE_MAX_OPTIONS, largeFrontier } from './large-frontier.ts';
import { safetyRank, type Configuration } from '../space/space.ts';
import type { Stopper } from '../stop.ts';

/**
 * Most partitions the structural path walks by default: it visits each one twice, with every
 * split of each (11 free components, 678,570 partitions: about 5 s); 12 components have 4.2
 * million and 20 have 5 × 10^13, which would never end.
 */
export const PARTITION_LIMIT = 1_000_000;

/** The partition limit of the options: a whole number ≥ 0, else the default. */
export function partitionLimitOf(opts: Pick<ExploreOptions, 'partitionLimit'>): number {
  const limit = opts.partitionLimit;
  return limit !== undefined && Number.isSafeInteger(limit) && limit >= 0 ? limit : PARTITION_LIMIT;
}

/** Explores a space too large to list, by structure (`large-frontier.ts`), under the cost model. */
export function exploreLarge(
  opts: ExploreOptions,
  base: ResultBase,
  stopper: Stopper,
): ExploreResult {
  const { space, order, budget } = opts;
  const src = opts.labels;
  if (src.kind !== 'estimate' && src.kind !== 'none')
    return failed(
      base,
      'explore/too-large-to-label',
      `The space has ${base.configurations} configurations: only the cost model (--estimate) labels spaces above ${ENUMERATION_LIMIT}.`,
    );
  if (space.options.length > LARGE_MAX_OPTIONS)
    return failed(
      base,
      'explore/too-many-options',
      `Spaces above ${ENUMERATION_LIMIT} configurations may have at most ${LARGE_MAX_OPTIONS} hardening options.`,
    );
  const limit = partitionLimitOf(opts);
  if (BigInt(base.partitions) > BigInt(limit))
    return failed(
      base,
      'explore/space-too-large',
      `The space has ${base.configurations} configurations in ${base.partitions} partitions: too many to list (above ${ENUMERATION_LIMIT} configurations) and to walk by structure (above ${limit} partitions). Group components with together:, lower max-compartments, or raise the limit (--max-partitions).`,
    );
  const est = src.kind === 'estimate' ? src.estimator : undefined;
  const useBudget = est ? budget : undefined;
  let lastReported = '';
  const r = largeFrontier({
    space,
    order,
    partitionCost: est ? est.partitionCost : () => 0,
    hardeningCost: est ? est.hardeningCost : () => 0,
    meets: (p, h) => meetsBudget(useBudget, est ? est.throughput(p, h) : 0),
    score: (p, h) => (est ? est.throughput(p, h) : 0),
    ...(opts.isAllowed
      ? { isAllowed: (cfg: Configuration) => opts.isAllowed?.(cfg) === true }
      : {}),
    stopper,
    onProgress: ({ phase, done, total }) => {
      // One line per tenth of the work and phase.
      const decile = Math.floor((10 * done) / Math.max(1, total));
      const key = `${phase}${decile}`;
      if (key === lastReported) return;
      lastReported = key;
      const what = phase === 'count' ? 'counting the frontier' : 'listing members';
      opts.onProgress?.(`${what}: ${done}/${total} partitions`);
    },
  });
  const diagnostics: Diagnostic[] = [];
  if (budget && !est)
    diagnostics.push(
      createDiagnostic(
        'explore/budget-without-labels',
        'warning',
        'A budget needs labels (--estimate for a space this large); it is ignored.',
        SPACE_TOP,
      ),
    );
  if (opts.isAllowed && !r.sizeExact)
    diagnostics.push(
      createDiagnostic(
        'explore/requires-partial',
        'warning',
        `The frontier size counts configurations before the [Requires] check; the ${r.members.length} listed members passed it (${r.disallowed} examined did not).`,
        SPACE_TOP,
      ),
    );
  return {
    ...base,
    method: 'structural',
    filtered: {
      count: r.disallowed,
      reasons:
        r.disallowed > 0
          ? [
              {
                reason: 'breaks a [Requires] (frontier members examined only)',
                count: r.disallowed,
                example: '',
              },
            ]
          : [],
    },
    considered: 0,
    // The cost model is evaluated per partition and per subset, never per configuration.
    measured: 0,
    meeting: r.meeting,
    frontier: r.members.map((m) => ({
      id: formatId(space, m.config),
      level: safetyRank(m.config),
      ...(est ? { value: m.score, kind: 'estimate' as const } : {}),
    })),
    frontierSize: r.frontierSize,
    complete: r.complete,
    // Estimates never increase along a safer edge: the structure proves the frontier.
    exact: true,
    unverified: 0,
    incomparable: [],
    ...(opts.isAllowed
      ? {}
      : {
          hasse: {
            edges: Number(countCoveringEdges(space, order)),
            minimal: [formatId(space, { blocks: space.groups.map(() => 0), hardening: 0 })],
          },
        }),
    diagnostics,
  };
}
