import { countConfigurations, ENUMERATION_LIMIT, enumerateConfigurations } from './space/count.ts';
import { exploreLarge, partitionLimitOf } from './frontier/explore-large.ts';
import { LARGE_MAX_OPTIONS } from './frontier/large-frontier.ts';
import {
  failed,
  type ExploreOptions,
  type ExploreResult,
  type ResultBase,
} from './explore-types.ts';
import { explainIncomparable } from './order/explain.ts';
import { pruneForbiddenOptions } from './filter/forbidden-options.ts';
import { formatBudget, rankBySafety } from './frontier/frontier.ts';
import { countCoveringEdges, hasseDiagram, minimalElements } from './order/hasse.ts';
import { formatId } from './space/ids.ts';
import { labelConfigurations } from './labels/label-configs.ts';
import { safetyRank, type Configuration } from './space/space.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { FrontierMember } from './explore-types.ts';
import { createStopper, ExploreStopped, type Stopper } from './stop.ts';

/** Size from which estimates are handled by structure rather than by listing. */
export const STRUCTURAL_FROM = 20_000;

/**
 * Explores a space: count, filter, label, frontier, explanation. Pure; labels handed in. When
 * the validity check carries component metadata, options their `[Hardening]` forbids are left
 * out of the space first (`forbidden-options.ts`).
 */
export async function exploreSpace(input: ExploreOptions): Promise<ExploreResult> {
  const components = input.isAllowed?.components;
  if (!components) return explorePruned(input);
  const { opts, diagnostics } = pruneForbiddenOptions(input, components);
  const result = await explorePruned(opts);
  return diagnostics.length > 0
    ? { ...result, diagnostics: [...diagnostics, ...result.diagnostics] }
    : result;
}

async function explorePruned(opts: ExploreOptions): Promise<ExploreResult> {
  const { space, budget } = opts;
  const count = countConfigurations(space);
  const num = (n: bigint): number | string =>
    n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
  const base = {
    order: opts.order,
    configurations: num(count.total),
    partitions: num(count.partitions),
    hardeningSubsets: num(count.hardeningSubsets),
    labels: opts.labels.kind,
    lazy: opts.lazy === true && opts.labels.kind !== 'none',
    ...(budget ? { budget: formatBudget(budget) } : {}),
  };
  opts.onProgress?.(
    `${base.configurations} configurations (${base.partitions} partitions × ${base.hardeningSubsets} hardening subsets)`,
  );
  if (opts.labels.kind === 'estimate' && budget?.kind === 'at-most')
    return failed(
      base,
      'explore/budget-direction',
      'Estimates are throughput (higher is better): use a budget like >=N.',
    );
  const stopper = createStopper(opts.shouldStop);
  try {
    stopper.check();
    if (count.total > BigInt(ENUMERATION_LIMIT)) return exploreLarge(opts, base, stopper);
    // Estimates (or no labels) have the structure `largeFrontier` needs; past a few thousand
    // configurations it is much faster than listing, whose frontier search grows with its size.
    const structural =
      opts.labels.kind === 'none' || (opts.labels.kind === 'estimate' && !opts.lazy);
    if (
      structural &&
      Number(count.total) > (opts.structuralFrom ?? STRUCTURAL_FROM) &&
      space.options.length <= LARGE_MAX_OPTIONS &&
      count.partitions <= BigInt(partitionLimitOf(opts))
    )
      return exploreLarge(opts, base, stopper);
    return await exploreListed(opts, base, stopper);
  } catch (e) {
    if (!(e instanceof ExploreStopped)) throw e;
    return failed(base, 'explore/cancelled', 'The exploration was cancelled before it ended.');
  }
}

async function exploreListed(
  opts: ExploreOptions,
  base: ResultBase,
  stopper: Stopper,
): Promise<ExploreResult> {
  const { space, order, budget } = opts;
  const diagnostics: Diagnostic[] = [];
  const reasons = new Map<string, { count: number; example: string }>();
  const configs: Configuration[] = [];
  let filtered = 0;
  opts.onProgress?.(`listing ${base.configurations} configurations`);
  const all = enumerateConfigurations(space);
  const progress = createDecileProgress(all.length, (done) =>
    opts.onProgress?.(`checking [Requires]: ${done}/${all.length} configurations`),
  );
  for (const cfg of all) {
    stopper.tick();
    if (opts.isAllowed) progress();
    const verdict = opts.isAllowed?.(cfg) ?? true;
    if (verdict === true) {
      configs.push(cfg);
      continue;
    }
    filtered++;
    // A reason of several lines (one per conflict) counts under each line.
    const text = verdict === false ? 'not allowed' : verdict.reason;
    for (const reason of new Set(text.split('\n'))) {
      const r = reasons.get(reason) ?? { count: 0, example: formatId(space, cfg) };
      r.count++;
      reasons.set(reason, r);
    }
  }
  const ids = configs.map((c) => formatId(space, c));
  const labelled = await labelConfigurations(opts, configs, ids, diagnostics, stopper);
  const frontierIdx = labelled.frontier;
  const member = (i: number): FrontierMember => {
    const value = labelled.values[i];
    return {
      id: ids[i] as string,
      level: safetyRank(configs[i] as Configuration),
      ...(value !== undefined ? { value, kind: labelled.kind } : {}),
    };
  };
  const frontier = frontierIdx.map(member);
  const incomparable: ExploreResult['incomparable'] = [];
  if (frontierIdx.length <= 12)
    for (let x = 0; x < frontierIdx.length; x++)
      for (let y = x + 1; y < frontierIdx.length; y++) {
        const a = configs[frontierIdx[x] as number] as Configuration;
        const b = configs[frontierIdx[y] as number] as Configuration;
        incomparable.push({
          a: ids[frontierIdx[x] as number] as string,
          b: ids[frontierIdx[y] as number] as string,
          reason: explainIncomparable(space, a, b, order),
        });
      }
  const result: ExploreResult = {
    ...base,
    method: 'enumerated',
    filtered: {
      count: filtered,
      reasons: [...reasons]
        .map(([reason, r]) => ({ reason, ...r }))
        .sort((a, b) => b.count - a.count),
    },
    considered: configs.length,
    measured: labelled.measured,
    meeting: labelled.meeting,
    frontier,
    frontierSize: frontier.length,
    complete: labelled.complete,
    exact: labelled.unverified === 0,
    unverified: labelled.unverified,
    ...(labelled.verified !== undefined ? { verified: labelled.verified } : {}),
    incomparable,
    diagnostics,
  };
  if (configs.length <= (opts.hasseLimit ?? 2000)) {
    const edges = hasseDiagram(configs, order);
    result.hasse = {
      edges: edges.length,
      minimal: minimalElements(configs, order).map((i) => ids[i] as string),
    };
    result.graph = {
      nodes: ids,
      edges: edges.map((e) => [e.from, e.to]),
      values: configs.map((_, i) => labelled.values[i] ?? null),
    };
    result.ranking = rankBySafety(
      configs,
      configs.map((_, i) => i),
      labelled.values,
      budget,
    ).map((l) => ({ level: l.level, ids: l.members.map((i) => ids[i] as string) }));
  } else if (filtered === 0) {
    result.hasse = {
      edges: Number(countCoveringEdges(space, order)),
      minimal: configs[0] ? [ids[0] as string] : [],
    };
  }
  return result;
}

/** A callback that reports once per tenth of `total` steps (and at the end). */
function createDecileProgress(total: number, report: (done: number) => void): () => void {
  let done = 0;
  let next = Math.ceil(total / 10);
  return () => {
    if (++done < next && done !== total) return;
    report(done);
    next += Math.ceil(total / 10);
  };
}
