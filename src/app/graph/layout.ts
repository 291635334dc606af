import ELK from 'elkjs/lib/elk-api.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { CompartmentGraph, GateKind, GraphEdge } from '../../core/pipeline/index.ts';
import { placeLabel, type Box } from './label-place.ts';

export type { Box } from './label-place.ts';

export interface PlacedCompartment extends Box {
  name: string;
  number: number;
  isDefault: boolean;
  hardening: string[];
}

export interface PlacedLibrary extends Box {
  name: string;
  compartment: string;
  hardening: string[];
  hasMetadata: boolean;
  /** Whether a violation involves it. */
  violating: boolean;
}

export interface PlacedEdge {
  edge: GraphEdge;
  /** SVG path data of the curve, in graph coordinates. */
  d: string;
  label: { x: number; y: number; text: string };
}

export interface GraphLayout {
  width: number;
  height: number;
  compartments: PlacedCompartment[];
  libraries: PlacedLibrary[];
  edges: PlacedEdge[];
}

const KIND_LABEL: Record<GateKind, string> = {
  nop: 'call',
  mpk: 'MPK',
  ept: 'EPT',
  cheri: 'CHERI',
};
const CHAR_W = 7.4;
const TITLE_H = 30;

let elk: InstanceType<typeof ELK> | null = null;

/** ELK runs in its own (classic) worker, loaded on first use. */
function getElk(): InstanceType<typeof ELK> {
  elk ??= new ELK({ workerFactory: () => new Worker(elkWorkerUrl, { name: 'elk' }) });
  return elk;
}

/** The label of an edge: gate count and kind, or why it is drawn at all. */
export function edgeLabel(e: GraphEdge): string {
  if (e.gates > 0) return `${e.gates} gate${e.gates === 1 ? '' : 's'} · ${KIND_LABEL[e.kind]}`;
  if (e.declared) return `calls · ${KIND_LABEL[e.kind]}`;
  return 'conflict';
}

/**
 * The last ELK answer and the input it was for. ELK is deterministic, but an edit that keeps
 * the structure (a comment, a gate count, a violation) must not even risk moving a node: the
 * same structure gets the very same positions, and only the edges are drawn again.
 */
let lastLayout: { key: string; out: Promise<ElkNode> } | null = null;

function layoutOnce(root: ElkNode): Promise<ElkNode> {
  const key = JSON.stringify(root);
  if (lastLayout?.key !== key) {
    const out = getElk().layout(root);
    lastLayout = { key, out };
    // A failed layout is not remembered, so the next graph tries again.
    out.catch(() => {
      if (lastLayout?.out === out) lastLayout = null;
    });
  }
  return lastLayout.out.then((o) => structuredClone(o));
}

/** Lays the graph out: compartments as groups holding their libraries, edges between. */
export async function layoutGraph(graph: CompartmentGraph): Promise<GraphLayout> {
  const violating = new Set(
    graph.edges.filter((e) => e.violations.length > 0).flatMap((e) => [e.from, e.to]),
  );
  const root: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      // Side panels are tall: callers above callees, with room between layers for labels.
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '64',
      'elk.padding': '[top=16,left=16,bottom=16,right=16]',
    },
    children: graph.compartments.map((c) => ({
      id: `c:${c.name}`,
      layoutOptions: {
        'elk.padding': `[top=${TITLE_H + 8},left=14,bottom=14,right=14]`,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${Math.max(120, titleOf(c.name, c.number, c.hardening).length * CHAR_W + 24)}, 70)`,
      },
      children: graph.libraries
        .filter((l) => l.compartment === c.name)
        .map((l) => ({
          id: `l:${l.name}`,
          width: Math.max(
            70,
            Math.max(l.name.length, hardeningText(l.hardening).length) * CHAR_W + 26,
          ),
          height: l.hardening.length > 0 ? 44 : 32,
        })),
    })),
    // Edges only steer the layering (callers above callees); they are drawn as curves below.
    edges: graph.edges.map((e, i): ElkExtendedEdge => ({
      id: `e${i}`,
      sources: [`l:${e.from}`],
      targets: [`l:${e.to}`],
    })),
  };
  const out = await layoutOnce(root);
  const compartments: PlacedCompartment[] = [];
  const libraries: PlacedLibrary[] = [];
  for (const cn of out.children ?? []) {
    const c = graph.compartments.find((x) => `c:${x.name}` === cn.id);
    const box = boxOf(cn, { x: 0, y: 0 });
    if (c)
      compartments.push({
        ...box,
        name: c.name,
        number: c.number,
        isDefault: c.isDefault,
        hardening: c.hardening,
      });
    for (const ln of cn.children ?? []) {
      const l = graph.libraries.find((x) => `l:${x.name}` === ln.id);
      if (l) libraries.push({ ...boxOf(ln, box), ...l, violating: violating.has(l.name) });
    }
  }
  const byName = new Map(libraries.map((l) => [l.name, l]));
  const titles = compartments.map((c) => ({
    x: c.x,
    y: c.y,
    width: Math.min(c.width, titleOf(c.name, c.number, c.hardening).length * CHAR_W + 24),
    height: TITLE_H,
  }));
  const pairs = new Set(graph.edges.map((e) => `${e.from}>${e.to}`));
  const edges: PlacedEdge[] = [];
  /** Label boxes placed so far, which later labels avoid. */
  const taken: Box[] = [];
  for (const edge of graph.edges) {
    const a = byName.get(edge.from);
    const b = byName.get(edge.to);
    if (!a || !b) continue;
    // Calls both ways bend apart so neither hides the other.
    const bend = pairs.has(`${edge.to}>${edge.from}`) ? 16 : 6;
    const { d, at } = curve(a, b, bend);
    const text = edgeLabel(edge);
    edges.push({
      edge,
      d,
      label: { ...placeLabel(at, text, { titles, libraries }, taken), text },
    });
  }
  return { width: out.width ?? 0, height: out.height ?? 0, compartments, libraries, edges };
}

/** `comp2 · #1 · asan`: name, number (0 is the default) and hardening of a compartment. */
export function titleOf(name: string, number: number, hardening: readonly string[]): string {
  return [name, `#${number}${number === 0 ? ' default' : ''}`, ...hardening].join(' · ');
}

export function hardeningText(h: readonly string[]): string {
  return h.join(', ');
}

function boxOf(n: ElkNode, parent: { x: number; y: number }): Box {
  return {
    x: (n.x ?? 0) + parent.x,
    y: (n.y ?? 0) + parent.y,
    width: n.width ?? 0,
    height: n.height ?? 0,
  };
}

/**
 * A quadratic curve from the border of box `a` to the border of box `b`, bent sideways by
 * `bend` pixels, and a function giving its point at `t` (0..1), for labels.
 */
function curve(
  a: Box,
  b: Box,
  bend: number,
): { d: string; at: (t: number) => { x: number; y: number } } {
  const ca = centre(a);
  const cb = centre(b);
  const len = Math.hypot(cb.x - ca.x, cb.y - ca.y) || 1;
  const normal = { x: -(cb.y - ca.y) / len, y: (cb.x - ca.x) / len };
  const control = {
    x: (ca.x + cb.x) / 2 + normal.x * bend * 2,
    y: (ca.y + cb.y) / 2 + normal.y * bend * 2,
  };
  const start = borderPoint(a, control);
  const end = borderPoint(b, control);
  const at = (t: number) => ({
    x: (1 - t) ** 2 * start.x + 2 * (1 - t) * t * control.x + t ** 2 * end.x,
    y: (1 - t) ** 2 * start.y + 2 * (1 - t) * t * control.y + t ** 2 * end.y,
  });
  const f = (n: number) => n.toFixed(1);
  return {
    d: `M${f(start.x)},${f(start.y)} Q${f(control.x)},${f(control.y)} ${f(end.x)},${f(end.y)}`,
    at,
  };
}

function centre(b: Box): { x: number; y: number } {
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** Where the line from the centre of `b` towards `p` leaves the box (plus a small gap). */
function borderPoint(b: Box, p: { x: number; y: number }): { x: number; y: number } {
  const c = centre(b);
  const dx = p.x - c.x;
  const dy = p.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const sx = dx === 0 ? Infinity : (b.width / 2 + 3) / Math.abs(dx);
  const sy = dy === 0 ? Infinity : (b.height / 2 + 3) / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: c.x + dx * s, y: c.y + dy * s };
}
