import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maximumClique } from '../../../src/core/solver/colouring.ts';
import { minimumCompartments } from '../../../src/core/solver/index.ts';

interface Graph {
  nodes: string[];
  edges: { a: string; b: string }[];
}

/** Deterministic PRNG (mulberry32) so the planted graphs are the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 40 nodes split into k parts, edges only between parts (density p), plus a clique through
 * one node of each part: the chromatic number is exactly k (k parts colour it, the clique
 * needs k). Node names are shuffled so the planted structure is not in input order.
 */
function planted(k: number, p: number, seed: number): Graph {
  const random = rng(seed);
  const n = 40;
  const part = Array.from({ length: n }, (_, i) => i % k);
  const order = Array.from({ length: n }, (_, i) => i).sort(() => random() - 0.5);
  const name = (i: number) => `n${order[i]}`;
  const edges: Graph['edges'] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      if (part[i] === part[j]) continue;
      const inClique = i < k && j < k;
      if (inClique || random() < p) edges.push({ a: name(i), b: name(j) });
    }
  return { nodes: Array.from({ length: n }, (_, i) => name(i)), edges };
}

function isProper(g: Graph, assignment: Record<string, number>, count: number): boolean {
  const coloursOk = g.nodes.every((v) => {
    const c = assignment[v];
    return c !== undefined && Number.isInteger(c) && c >= 0 && c < count;
  });
  return coloursOk && g.edges.every(({ a, b }) => assignment[a] !== assignment[b]);
}

/** Smallest k with a proper k-colouring, by trying every assignment (small graphs only). */
function bruteChromatic(g: Graph): number {
  const n = g.nodes.length;
  const idx = new Map(g.nodes.map((v, i) => [v, i]));
  const edges = g.edges.map(({ a, b }) => [idx.get(a)!, idx.get(b)!] as const);
  for (let k = 0; k <= n; k++) {
    const colour = new Array<number>(n).fill(0);
    const tryColour = (v: number): boolean => {
      if (v === n) return edges.every(([x, y]) => colour[x] !== colour[y]);
      for (let c = 0; c < k; c++) {
        colour[v] = c;
        if (tryColour(v + 1)) return true;
      }
      return false;
    };
    if (n === 0 ? k === 0 : tryColour(0)) return k;
  }
  return n;
}

describe('minimumCompartments', () => {
  it('colours an empty graph with zero colours and isolated nodes with one', () => {
    expect(minimumCompartments({ nodes: [], edges: [] })).toEqual({
      count: 0,
      assignment: {},
      exact: true,
    });
    expect(minimumCompartments({ nodes: ['a', 'b'], edges: [] })).toEqual({
      count: 1,
      assignment: { a: 0, b: 0 },
      exact: true,
    });
  });

  it('finds the planted chromatic number of 40-node graphs of several densities', () => {
    for (const k of [2, 3, 5, 8, 13]) {
      for (const p of [0.1, 0.3, 0.5, 0.7, 0.9]) {
        const g = planted(k, p, k * 100 + p * 10);
        const result = minimumCompartments(g);
        expect(result.exact).toBe(true);
        expect(result.count, `k=${k} p=${p}`).toBe(k);
        expect(isProper(g, result.assignment, result.count)).toBe(true);
      }
    }
  });

  it('gives the same count for uniform random 40-node graphs whatever the node order', () => {
    for (const p of [0.1, 0.25, 0.5, 0.75, 0.9]) {
      const random = rng(p * 1000);
      const nodes = Array.from({ length: 40 }, (_, i) => `v${i}`);
      const edges: Graph['edges'] = [];
      for (let i = 0; i < 40; i++)
        for (let j = i + 1; j < 40; j++)
          if (random() < p) edges.push({ a: nodes[i]!, b: nodes[j]! });
      const g = { nodes, edges };
      const result = minimumCompartments(g);
      expect(result.exact).toBe(true);
      expect(isProper(g, result.assignment, result.count)).toBe(true);
      // A heuristic answer depends on the order it visits nodes in; an optimal one does not.
      for (let round = 0; round < 3; round++) {
        const shuffled = {
          nodes: [...nodes].sort(() => random() - 0.5),
          edges: [...edges].reverse(),
        };
        expect(minimumCompartments(shuffled).count, `p=${p}`).toBe(result.count);
      }
    }
  });

  it('needs more colours than the largest clique where the graph says so', () => {
    const cycle = (n: number): Graph => ({
      nodes: Array.from({ length: n }, (_, i) => `c${i}`),
      edges: Array.from({ length: n }, (_, i) => ({ a: `c${i}`, b: `c${(i + 1) % n}` })),
    });
    expect(minimumCompartments(cycle(5)).count).toBe(3);
    expect(minimumCompartments(cycle(6)).count).toBe(2);
    // The Grötzsch graph: triangle-free, chromatic number 4.
    const outer = [0, 1, 2, 3, 4];
    const edges: Graph['edges'] = [];
    for (const i of outer) {
      const next = (i + 1) % 5;
      const prev = (i + 4) % 5;
      edges.push(
        { a: `o${i}`, b: `o${next}` },
        { a: `i${i}`, b: `o${next}` },
        { a: `i${i}`, b: `o${prev}` },
      );
      edges.push({ a: `i${i}`, b: 'hub' });
    }
    const groetzsch = {
      nodes: [...outer.map((i) => `o${i}`), ...outer.map((i) => `i${i}`), 'hub'],
      edges,
    };
    const result = minimumCompartments(groetzsch);
    expect(result).toMatchObject({ count: 4, exact: true });
    expect(isProper(groetzsch, result.assignment, 4)).toBe(true);
  });

  it('agrees with brute force on small random graphs', () => {
    const graph = fc.integer({ min: 0, max: 7 }).chain((n) =>
      fc.record({
        nodes: fc.constant(Array.from({ length: n }, (_, i) => `v${i}`)),
        edges: fc.subarray(
          Array.from({ length: n }, (_, i) =>
            Array.from({ length: i }, (_, j) => ({ a: `v${j}`, b: `v${i}` })),
          ).flat(),
        ),
      }),
    );
    fc.assert(
      fc.property(graph, (g) => {
        const result = minimumCompartments(g);
        expect(result.exact).toBe(true);
        expect(isProper(g, result.assignment, result.count)).toBe(true);
        expect(result.count).toBe(bruteChromatic(g));
      }),
      { numRuns: 300 },
    );
  });

  it('finds a maximum clique (the lower bound) on small random graphs', () => {
    const graph = fc
      .integer({ min: 0, max: 9 })
      .chain((n) =>
        fc.tuple(fc.constant(n), fc.array(fc.boolean(), { minLength: n * n, maxLength: n * n })),
      );
    fc.assert(
      fc.property(graph, ([n, bits]) => {
        const matrix = new Uint8Array(n * n);
        const adj: number[][] = Array.from({ length: n }, () => []);
        for (let i = 0; i < n; i++)
          for (let j = i + 1; j < n; j++)
            if (bits[i * n + j]) {
              matrix[i * n + j] = matrix[j * n + i] = 1;
              adj[i]!.push(j);
              adj[j]!.push(i);
            }
        const clique = maximumClique(n, adj, (a, b) => matrix[a * n + b] === 1);
        for (const a of clique)
          for (const b of clique) if (a !== b) expect(matrix[a * n + b]).toBe(1);
        let best = 0;
        for (let mask = 0; mask < 1 << n; mask++) {
          const members = [...Array(n).keys()].filter((i) => mask & (1 << i));
          if (members.every((a) => members.every((b) => a === b || matrix[a * n + b])))
            best = Math.max(best, members.length);
        }
        expect(clique.length).toBe(best);
      }),
      { numRuns: 200 },
    );
  });

  it('reports a non-exact answer when the search budget runs out', () => {
    // C5: the largest clique (2) is below the chromatic number (3), so only the search can
    // prove greedy's 3 optimal; with no budget it cannot.
    const c5 = {
      nodes: ['a', 'b', 'c', 'd', 'e'],
      edges: ['ab', 'bc', 'cd', 'de', 'ea'].map(([a, b]) => ({ a: a!, b: b! })),
    };
    const result = minimumCompartments(c5, { maxSteps: 0 });
    expect(result.exact).toBe(false);
    expect(isProper(c5, result.assignment, result.count)).toBe(true);
    expect(minimumCompartments(c5)).toMatchObject({ count: 3, exact: true });
  });
});
