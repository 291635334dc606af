import type { Diagnostic } from '../diagnostics.ts';
import {
  checkWorkload,
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
import { parseComponent, type ComponentSpec } from '../metadata/index.ts';
import { fileKind, type Workspace } from './workspace.ts';

/** What the explore panel asks for. */
export interface ExploreRequest {
  order: Order;
  /** `>=N` or `<=N`; none when absent. */
  budget?: string;
  /** Where performance labels come from: none, the cost model, or an imported CSV. */
  labels: 'none' | 'estimate' | 'csv';
  /** The CSV text, for `labels: 'csv'`. */
  csv?: string;
  /** Keep configurations that break a component's `[Requires]` (space.yaml `requires: true`). */
  ignoreRequires?: boolean;
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
      diagnostics: Diagnostic[];
    };

/**
 * Explores the workspace's `space.yaml` under the panel's order, budget and labels. Problems
 * of the inputs come back as diagnostics, never as exceptions.
 */
export async function exploreWorkspace(
  ws: Workspace,
  req: ExploreRequest,
): Promise<WorkspaceExploration> {
  const spaceText = ws.files['space.yaml'];
  if (spaceText === undefined) return { status: 'no-space', diagnostics: [] };
  const { space, diagnostics } = parseSpace(spaceText, 'space.yaml');
  if (!space) return { status: 'invalid', diagnostics };
  const labels = labelSource(ws, space, req, diagnostics);
  if (!labels) return { status: 'invalid', diagnostics };
  const budget = req.budget ? parseBudget(req.budget) : undefined;
  const specs = space.requires && !req.ignoreRequires ? componentsOf(ws) : [];
  const result = await exploreSpace({
    space,
    order: req.order,
    labels,
    ...(budget ? { budget } : {}),
    ...(specs.length > 0 ? { isAllowed: createRequiresCheck(space, specs) } : {}),
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

function labelSource(
  ws: Workspace,
  space: Space,
  req: ExploreRequest,
  out: Diagnostic[],
): LabelSource | null {
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
    const { workload, diagnostics } = parseWorkload(text, 'workload.yaml');
    out.push(...diagnostics);
    if (!workload) return null;
    out.push(...checkWorkload(workload, space));
    const table = createCostTable(space.mechanism, space.sharing, workload.hardeningFactors);
    return { kind: 'estimate', estimator: createEstimator(space, workload, table) };
  }
  return { kind: 'none' };
}

function componentsOf(ws: Workspace): ComponentSpec[] {
  return Object.keys(ws.files)
    .filter((p) => fileKind(p) === 'component')
    .map((p) => parseComponent(ws.files[p] ?? '', p).spec)
    .filter((s): s is ComponentSpec => s !== null && s !== undefined);
}
