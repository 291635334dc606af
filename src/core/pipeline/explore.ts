import { createDiagnostic, type Diagnostic } from '../diagnostics.ts';
import type { Mechanism } from '../model.ts';
import {
  checkWorkload,
  completeWorkload,
  configurationFromId,
  createCostTable,
  createEstimator,
  createRequiresCheck,
  exploreSpace,
  parseBudget,
  parseLabelsCsv,
  parseSpace,
  parseWorkload,
  toConfigYaml,
  type ExploreResult,
  type LabelSource,
  type Order,
  type Space,
} from '../explore/index.ts';
import type { CParser } from '../rewrite/index.ts';
import { gateSources } from '../workspace/gated-sources.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { checkWorkspace } from './check.ts';
import { currentConfigurationId } from './explore-config.ts';

/** What the explore panel asks for. */
export interface ExploreRequest {
  order: Order;
  /** `>=N` or `<=N`; none when absent. */
  budget?: string;
  /**
   * Where performance labels come from: none, the cost model, an imported CSV, or runs on a
   * runner (`host.measure`, with `lazy`).
   */
  labels: 'none' | 'estimate' | 'csv' | 'runner';
  /** The CSV text, for `labels: 'csv'`. */
  csv?: string;
  /** Keep configurations that break a component's `[Requires]` (space.yaml `requires: true`). */
  ignoreRequires?: boolean;
  /** Measure only the configurations the frontier needs (labels other than `none`). */
  lazy?: boolean;
  /**
   * With `lazy`: then measure every configuration that could still be on the frontier, so the
   * result is exact even where performance increases along a safer edge.
   */
  verify?: boolean;
  /**
   * Most partitions walked for a space too large to list (default 1,000,000); beyond it the
   * exploration is refused with `explore/space-too-large`.
   */
  partitionLimit?: number;
}

/** What the host hands in besides the request. */
export interface ExploreHost {
  /**
   * A C parser: with one, estimates also count the gate sites of the sources for edges
   * `workload.yaml` leaves out (each such edge is a `workload/edge-from-sources` warning).
   * The CLI and the workers both hand one in, so their estimates agree.
   */
  parser?: CParser | null;
  /**
   * For `labels: 'runner'`: builds and runs configuration `id` (its `config.yaml` text is
   * `config`, its mechanism the space's) and returns what it measured, NaN when the run gave
   * no measurement.
   */
  measure?: (run: { id: string; config: string; mechanism: Mechanism }) => Promise<number>;
  onProgress?: (message: string) => void;
  /**
   * Asked throughout (a deadline, a flag): true ends the exploration with `explore/cancelled`.
   * The app terminates its worker instead; the CLI and the runner explore on their own thread
   * and stop it here.
   */
  shouldStop?: () => boolean;
}

/** One configuration of the Hasse diagram. */
export interface ExploreNode {
  id: string;
  /** Safety rank: compartments beyond one plus hardening options on. */
  level: number;
  value: number | null;
  frontier: boolean;
}

export type WorkspaceExploration =
  | { status: 'no-space'; diagnostics: Diagnostic[] }
  | { status: 'invalid'; diagnostics: Diagnostic[] }
  | {
      status: 'ok';
      result: ExploreResult;
      /** Nodes and covering edges, when the space is small enough to draw. */
      nodes: ExploreNode[] | null;
      edges: [number, number][] | null;
      /** The configuration the image config describes now, when it is in the space. */
      current: string | null;
      diagnostics: Diagnostic[];
    };

/**
 * Explores the workspace's `space.yaml` under the panel's order, budget and labels. Problems
 * of the inputs come back as diagnostics, never as exceptions.
 */
export async function exploreWorkspace(
  ws: Workspace,
  req: ExploreRequest,
  host: ExploreHost = {},
): Promise<WorkspaceExploration> {
  const spaceText = ws.files['space.yaml'];
  if (spaceText === undefined) return { status: 'no-space', diagnostics: [] };
  const { space, diagnostics } = parseSpace(spaceText, 'space.yaml', ws.name ?? 'space');
  if (!space) return { status: 'invalid', diagnostics };
  const budget = req.budget ? parseBudget(req.budget) : undefined;
  if (req.budget !== undefined && !budget) {
    diagnostics.push({
      code: 'explore/bad-budget',
      severity: 'error',
      message: `Bad budget '${req.budget}' (for example '>=500000' or '<=120')`,
      span: { file: 'space.yaml', start: 0, end: 0 },
    });
    return { status: 'invalid', diagnostics };
  }
  const labels = labelSource(ws, space, req, host, diagnostics);
  if (!labels) return { status: 'invalid', diagnostics };
  const specs =
    space.requires && !req.ignoreRequires
      ? checkWorkspace(ws, { fixes: false }).components.filter((c) =>
          space.components.includes(c.name),
        )
      : [];
  const result = await exploreSpace({
    space,
    order: req.order,
    labels,
    lazy: req.lazy === true,
    verify: req.verify === true,
    ...(req.partitionLimit !== undefined ? { partitionLimit: req.partitionLimit } : {}),
    ...(budget ? { budget } : {}),
    ...(specs.length > 0 ? { isAllowed: createRequiresCheck(space, specs) } : {}),
    ...(host.onProgress ? { onProgress: host.onProgress } : {}),
    ...(host.shouldStop ? { shouldStop: host.shouldStop } : {}),
  });
  const frontier = new Set(result.frontier.map((m) => m.id));
  const levels = new Map<string, number>();
  for (const r of result.ranking ?? []) for (const id of r.ids) levels.set(id, r.level);
  const nodes = result.graph
    ? result.graph.nodes.map((id, i) => ({
        id,
        level: levels.get(id) ?? 0,
        value: result.graph?.values[i] ?? null,
        frontier: frontier.has(id),
      }))
    : null;
  return {
    status: 'ok',
    result,
    nodes,
    edges: result.graph?.edges ?? null,
    current: currentConfigurationId(ws, space),
    diagnostics: [...diagnostics, ...result.diagnostics],
  };
}

/** The `config.yaml` text of configuration `id` of the space, or why there is none. */
export function configYamlFor(ws: Workspace, id: string): { text: string } | { error: string } {
  const { space } = parseSpace(ws.files['space.yaml'] ?? '', 'space.yaml');
  if (!space) return { error: 'space.yaml has errors' };
  const cfg = configurationFromId(space, id);
  if (!('blocks' in cfg)) return { error: cfg.message };
  return { text: toConfigYaml(space, cfg) };
}

/** Where problems of the exploration as a whole point: the top of space.yaml. */
const SPACE_TOP_SPAN = { file: 'space.yaml', start: 0, end: 0 };

function labelSource(
  ws: Workspace,
  space: Space,
  req: ExploreRequest,
  host: ExploreHost,
  out: Diagnostic[],
): LabelSource | null {
  if (req.labels === 'runner') {
    const measure = host.measure;
    if (!measure) {
      out.push(
        createDiagnostic('explore/no-runner', 'error', 'Measuring needs a runner', SPACE_TOP_SPAN),
      );
      return null;
    }
    return {
      kind: 'measure',
      measure: (id) => {
        const cfg = configurationFromId(space, id);
        if (!('blocks' in cfg)) return Number.NaN;
        return measure({ id, config: toConfigYaml(space, cfg), mechanism: space.mechanism });
      },
    };
  }
  const parser = host.parser ?? null;
  if (req.labels === 'csv') {
    const r = parseLabelsCsv(req.csv ?? '', 'labels.csv', space);
    out.push(...r.diagnostics);
    if (r.diagnostics.some((d) => d.severity === 'error')) return null;
    return {
      kind: 'table',
      values: new Map([...r.labels].map(([id, l]) => [id, l.value])),
      labelKind: 'imported',
    };
  }
  if (req.labels === 'estimate') {
    const text = ws.files['workload.yaml'];
    if (text === undefined) {
      out.push({
        code: 'explore/no-workload',
        severity: 'error',
        message: 'Estimates need a workload.yaml',
        span: { file: 'space.yaml', start: 0, end: 0 },
      });
      return null;
    }
    const parsed = parseWorkload(text, 'workload.yaml');
    out.push(...parsed.diagnostics);
    if (!parsed.workload) return null;
    const completed = completeWorkload(parsed.workload, gateSitesOf(ws, parser), space);
    out.push(...completed.diagnostics);
    const workload = completed.workload;
    out.push(...checkWorkload(workload, space));
    const table = createCostTable(space.mechanism, space.sharing, workload.hardeningFactors);
    return { kind: 'estimate', estimator: createEstimator(space, workload, table) };
  }
  return { kind: 'none' };
}

/**
 * The rewriter's gate sites between libraries (callbacks included, calls inside one library
 * left out), for the edges `workload.yaml` does not list. None without a parser or a config.
 */
function gateSitesOf(ws: Workspace, parser: CParser | null) {
  if (!parser) return [];
  const { config } = checkWorkspace(ws, { fixes: false });
  if (!config) return [];
  return gateSources(ws, config, parser)
    .files.flatMap((f) => f.gates)
    .filter((g) => g.caller !== g.callee)
    .map((g) => ({ from: g.caller, to: g.callee, span: g.span }));
}
