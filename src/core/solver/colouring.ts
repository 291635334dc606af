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
 * Minimum number of compartments such that no conflicting pair shares one: an exact graph
 * colouring by DSATUR branch and bound. A maximum clique (exact, found first) is both the
 * lower bound and a symmetry break (its vertices get colours 0..q-1); a greedy DSATUR run is
 * the first upper bound; the search stops as soon as the two meet. Exact in practice for up to
 * 40 components; the step budget (default 20 million) only guards pathological inputs.
 */
export function minimumCompartments(graph: Graph, options: ColouringOptions = {}): Colouring {
  const n = graph.nodes.length;
  const index = new Map(graph.nodes.map((name, i) => [name, i]));
  const adj: number[][] = graph.nodes.map(() => []);
  const matrix = new Uint8Array(n * n);
  for (const { a, b } of graph.edges) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined || i === j || matrix[i * n + j]) continue;
    matrix[i * n + j] = matrix[j * n + i] = 1;
    adj[i]!.push(j);
    adj[j]!.push(i);
  }
  const clique = maximumClique(n, adj, matrix);
  const search = createSearch(n, adj, options.maxSteps ?? 20_000_000);
  clique.forEach((v, c) => search.assign(v, c));
  let best = search.greedy(clique.length);
  if (best.count > clique.length) {
    const found = search.branch(clique.length, clique.length, best.count);
    if (found) best = found;
  }
  const assignment: Record<string, number> = {};
  graph.nodes.forEach((name, i) => (assignment[name] = best.colours[i]!));
  return { count: best.count, assignment, exact: !search.aborted() };
}

/** A maximum clique by branch and bound on candidate sets (bound: |clique| + |candidates|). */
export function maximumClique(n: number, adj: readonly number[][], matrix: Uint8Array): number[] {
  let best: number[] = [];
  const order = [...Array(n).keys()].sort((x, y) => adj[y]!.length - adj[x]!.length);
  const expand = (clique: number[], candidates: number[]): void => {
    if (candidates.length === 0) {
      if (clique.length > best.length) best = [...clique];
      return;
    }
    for (let k = 0; k < candidates.length; k++) {
      if (clique.length + candidates.length - k <= best.length) return;
      const v = candidates[k]!;
      clique.push(v);
      expand(
        clique,
        candidates.slice(k + 1).filter((u) => matrix[v * n + u]),
      );
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
  const seen = new Int32Array(n * Math.max(n, 1));
  const saturation = new Int32Array(n);
  let coloured = 0;
  let steps = 0;
  let aborted = false;

  const assign = (v: number, c: number): void => {
    colour[v] = c;
    coloured++;
    for (const u of adj[v]!) if (seen[u * n + c]!++ === 0) saturation[u]!++;
  };
  const unassign = (v: number): void => {
    const c = colour[v]!;
    colour[v] = -1;
    coloured--;
    for (const u of adj[v]!) if (--seen[u * n + c]! === 0) saturation[u]!--;
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

  /** Plain DSATUR from the current state, undone afterwards. */
  const greedy = (used: number): Solution => {
    const stack: number[] = [];
    let count = used;
    while (coloured < n) {
      const v = pick();
      let c = 0;
      while (seen[v * n + c]! > 0) c++;
      assign(v, c);
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
        if (seen[v * n + c]! > 0) continue;
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
