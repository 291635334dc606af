/** A colouring of a conflict graph: one compartment number per component. */
export interface Colouring {
  /** Number of colours (compartments) used; 0 for an empty graph. */
  count: number;
  /** Colour of each node, `0 .. count-1`. */
  assignment: Record<string, number>;
  /** False only when the search budget ran out: `count` is then an upper bound. */
  exact: boolean;
}

export interface ColouringOptions {
  /** Branch-and-bound nodes to visit before giving up on proving optimality. */
  maxSteps?: number;
}

interface Graph {
  nodes: readonly string[];
  edges: readonly { a: string; b: string }[];
}

/**
 * Work (vertices picked times graph size) the search may do: the default step budget on 64
 * vertices. Picking the next vertex scans the graph, so on 2,000 vertices the step budget
 * alone would let the search run for hours.
 */
const MAX_WORK = 20_000_000 * 64;

/** The exact search recurses once per vertex; past this many it stops at the greedy answer. */
const MAX_SEARCH_DEPTH = 1_000;

/** Up to this many vertices, adjacency is a bit matrix (n² bytes); past it, sets. */
const MATRIX_LIMIT = 2_048;

/**
 * Minimum number of compartments such that no conflicting pair shares one: an exact graph
 * colouring by DSATUR branch and bound. A maximum clique (exact, found first) is both the
 * lower bound and a symmetry break (its vertices get colours 0..q-1); a greedy DSATUR run is
 * the first upper bound; the search stops as soon as the two meet. Exact in practice for up to
 * 40 components; the step budget (default 20 million) only guards pathological inputs.
 *
 * Components in no conflict take colour 0 and are left out of the search, which is what
 * DSATUR would give them anyway (they are picked last and nothing forbids colour 0): an image
 * of 10,000 libraries with a few hundred in conflict costs the few hundred. Past
 * `MAX_SEARCH_DEPTH` conflicting components, or when the work budget runs out, the answer
 * is the greedy one, exact only when it meets the clique.
 */
export function minimumCompartments(graph: Graph, options: ColouringOptions = {}): Colouring {
  const index = new Map(graph.nodes.map((name, i) => [name, i]));
  const neighbours: Set<number>[] = graph.nodes.map(() => new Set());
  for (const { a, b } of graph.edges) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined || i === j) continue;
    (neighbours[i] as Set<number>).add(j);
    (neighbours[j] as Set<number>).add(i);
  }
  // The conflicting components, in node order; `local` numbers them 0..n-1.
  const vertices = graph.nodes.map((_, i) => i).filter((i) => (neighbours[i] as Set<number>).size);
  const local = new Map(vertices.map((v, i) => [v, i]));
  const n = vertices.length;
  const adj = vertices.map((v) =>
    [...(neighbours[v] as Set<number>)].map((u) => local.get(u) as number).sort((x, y) => x - y),
  );
  const adjacent = createAdjacency(n, adj);
  const maxSteps = Math.min(options.maxSteps ?? 20_000_000, Math.floor(MAX_WORK / Math.max(n, 1)));
  const clique = maximumClique(n, adj, adjacent, maxSteps);
  const search = createSearch(n, adj, maxSteps);
  clique.forEach((v, c) => search.assign(v, c));
  let best = search.greedy(clique.length);
  let exact = best.count === clique.length;
  if (!exact && n <= MAX_SEARCH_DEPTH) {
    const found = search.branch(clique.length, clique.length, best.count);
    if (found) best = found;
    exact = !search.aborted();
  }
  const assignment: Record<string, number> = {};
  graph.nodes.forEach((name) => (assignment[name] = 0));
  vertices.forEach((v, i) => (assignment[graph.nodes[v] as string] = best.colours[i] as number));
  const count = n > 0 ? best.count : graph.nodes.length > 0 ? 1 : 0;
  return { count, assignment, exact };
}

/** `adjacent(u, v)` of a graph given by sorted neighbour lists. */
function createAdjacency(n: number, adj: readonly number[][]): (u: number, v: number) => boolean {
  if (n <= MATRIX_LIMIT) {
    const matrix = new Uint8Array(n * n);
    adj.forEach((list, u) => list.forEach((v) => (matrix[u * n + v] = 1)));
    return (u, v) => matrix[u * n + v] === 1;
  }
  const sets = adj.map((list) => new Set(list));
  return (u, v) => (sets[u] as Set<number>).has(v);
}

/**
 * A maximum clique by branch and bound on candidate sets (bounds: |clique| + |candidates|, and
 * 1 + the degree of the vertex added, since every member is its neighbour). After `maxSteps`
 * steps (candidates looked at) it returns the largest found so far: still a clique, so still a lower bound,
 * just perhaps not the best one. Candidates are narrowed through the neighbour list when it
 * is the shorter, so a sparse graph of 10,000 vertices costs its edges, not 10⁸ tests.
 */
export function maximumClique(
  n: number,
  adj: readonly (readonly number[])[],
  adjacent: (u: number, v: number) => boolean,
  maxSteps = Infinity,
): number[] {
  let best: number[] = [];
  let steps = 0;
  const order = [...Array(n).keys()].sort((x, y) => adj[y]!.length - adj[x]!.length);
  // Recursion depth is the clique's size, which the edges bound (a clique of k has k²/2).
  const expand = (clique: number[], candidates: number[]): void => {
    if (candidates.length === 0) {
      if (clique.length > best.length) best = [...clique];
      return;
    }
    let rank: Map<number, number> | undefined;
    for (let k = 0; k < candidates.length; k++) {
      if (clique.length + candidates.length - k <= best.length || steps > maxSteps) return;
      const v = candidates[k]!;
      const neighbours = adj[v]!;
      if (neighbours.length + 1 <= best.length) continue;
      // Counted in candidates looked at, not expansions: on a dense graph of 50 vertices an
      // expansion scans them all, and 20 million expansions took seconds (fuzz seed 11712).
      steps += Math.min(neighbours.length, candidates.length - k);
      let next: number[];
      if (neighbours.length < candidates.length - k - 1) {
        rank ??= new Map(candidates.map((u, i) => [u, i]));
        const after = rank;
        next = neighbours
          .filter((u) => (after.get(u) ?? -1) > k)
          .sort((x, y) => after.get(x)! - after.get(y)!);
      } else next = candidates.slice(k + 1).filter((u) => adjacent(v, u));
      clique.push(v);
      expand(clique, next);
      clique.pop();
    }
  };
  expand([], order);
  return best;
}

interface Solution {
  count: number;
  colours: number[];
}

/** DSATUR state: colours, per-vertex counts of neighbours of each colour, saturation degrees. */
function createSearch(n: number, adj: readonly number[][], maxSteps: number) {
  const colour = new Int32Array(n).fill(-1);
  // seen[u * width + c]: neighbours of u with colour c. Colours stay below the greedy count,
  // far fewer than n in a large sparse graph, so rows grow as colours are used (n² would be
  // 400 MB for 10,000 components).
  let width = Math.min(Math.max(n, 1), 16);
  let seen = new Int32Array(n * width);
  const grow = (c: number): void => {
    const wider = Math.max(c + 1, width * 2);
    const next = new Int32Array(n * wider);
    for (let u = 0; u < n; u++) next.set(seen.subarray(u * width, (u + 1) * width), u * wider);
    seen = next;
    width = wider;
  };
  /** Whether a neighbour of `v` has colour `c`. */
  const blocked = (v: number, c: number): boolean => c < width && seen[v * width + c]! > 0;
  const saturation = new Int32Array(n);
  let coloured = 0;
  let steps = 0;
  let aborted = false;

  const assign = (v: number, c: number): void => {
    if (c >= width) grow(c);
    colour[v] = c;
    coloured++;
    for (const u of adj[v]!) if (seen[u * width + c]!++ === 0) saturation[u]!++;
  };
  const unassign = (v: number): void => {
    const c = colour[v]!;
    colour[v] = -1;
    coloured--;
    for (const u of adj[v]!) if (--seen[u * width + c]! === 0) saturation[u]!--;
  };
  /** The uncoloured vertex of highest saturation, ties to highest degree, then lowest index. */
  const pick = (): number => {
    let best = -1;
    for (let v = 0; v < n; v++) {
      if (colour[v] !== -1) continue;
      if (
        best < 0 ||
        saturation[v]! > saturation[best]! ||
        (saturation[v] === saturation[best] && adj[v]!.length > adj[best]!.length)
      )
        best = v;
    }
    return best;
  };
  const snapshot = (count: number): Solution => ({ count, colours: Array.from(colour) });

  /**
   * Plain DSATUR from the current state, undone afterwards. It picks as `pick` does, from a
   * heap (saturation only grows here): scanning every vertex per pick is n² on 10,000.
   */
  const greedy = (used: number): Solution => {
    const stack: number[] = [];
    let count = used;
    const queue = createPickQueue(adj, saturation);
    for (let v = 0; v < n; v++) if (colour[v] === -1) queue.push(v);
    while (coloured < n) {
      let v = queue.pop();
      while (v >= 0 && colour[v] !== -1) v = queue.pop();
      if (v < 0) break; // Cannot happen: every uncoloured vertex has a current entry.
      let c = 0;
      while (blocked(v, c)) c++;
      const before = adj[v]!.map((u) => saturation[u]!);
      assign(v, c);
      adj[v]!.forEach((u, i) => {
        if (colour[u] === -1 && saturation[u] !== before[i]) queue.push(u);
      });
      stack.push(v);
      count = Math.max(count, c + 1);
    }
    const result = snapshot(count);
    while (stack.length > 0) unassign(stack.pop()!);
    return result;
  };

  /** Best solution with fewer than `upper` colours, or undefined; stops early at `lower`. */
  const branch = (used: number, lower: number, upper: number): Solution | undefined => {
    let best: Solution | undefined;
    const visit = (k: number): void => {
      if (k >= upper || aborted) return;
      if (coloured === n) {
        best = snapshot(k);
        upper = k;
        return;
      }
      if (++steps > maxSteps) {
        aborted = true;
        return;
      }
      const v = pick();
      for (let c = 0; c < k && upper > lower; c++) {
        if (blocked(v, c)) continue;
        assign(v, c);
        visit(k);
        unassign(v);
      }
      if (k + 1 < upper && upper > lower) {
        assign(v, k);
        visit(k + 1);
        unassign(v);
      }
    };
    visit(used);
    return best;
  };

  return { assign, greedy, branch, aborted: () => aborted };
}

/**
 * A max-heap of vertices in `pick`'s order (saturation, then degree, then lowest index), with
 * stale entries: a vertex is pushed again when its saturation grows, and `pop` skips entries
 * whose saturation is out of date.
 */
function createPickQueue(adj: readonly number[][], saturation: Int32Array) {
  const heap: { v: number; sat: number }[] = [];
  const better = (a: { v: number; sat: number }, b: { v: number; sat: number }): boolean =>
    a.sat > b.sat ||
    (a.sat === b.sat &&
      (adj[a.v]!.length > adj[b.v]!.length ||
        (adj[a.v]!.length === adj[b.v]!.length && a.v < b.v)));
  const swap = (i: number, j: number): void => {
    const t = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = t;
  };
  const push = (v: number): void => {
    heap.push({ v, sat: saturation[v]! });
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!better(heap[i]!, heap[parent]!)) break;
      swap(i, parent);
      i = parent;
    }
  };
  const popTop = (): { v: number; sat: number } | undefined => {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && better(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && better(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
    return top;
  };
  /** The best vertex whose entry is current; the caller skips coloured ones. */
  const pop = (): number => {
    for (let e = popTop(); e; e = popTop()) if (e.sat === saturation[e.v]) return e.v;
    return -1;
  };
  return { push, pop };
}
