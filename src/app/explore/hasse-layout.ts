import type { ExploreNode } from '../../core/pipeline/index.ts';

/** Horizontal distance between nodes of a row, and vertical distance between rows. */
export const HASSE_GAP = 22;
export const HASSE_ROW = 56;

/**
 * Positions for a Hasse diagram: one row per safety level, safest on top, each row centred
 * and sorted by performance (fastest first) so the frontier tends to sit on the left.
 */
export function layoutHasse(nodes: readonly ExploreNode[]): {
  width: number;
  height: number;
  maxLevel: number;
  pos: { x: number; y: number }[];
} {
  const maxLevel = Math.max(0, ...nodes.map((n) => n.level));
  const rows = new Map<number, number[]>();
  nodes.forEach((n, i) => rows.set(n.level, [...(rows.get(n.level) ?? []), i]));
  const widest = Math.max(1, ...[...rows.values()].map((r) => r.length));
  const width = widest * HASSE_GAP + 40;
  const pos: { x: number; y: number }[] = [];
  for (const [level, members] of rows) {
    members.sort((a, b) => (nodes[b]?.value ?? -Infinity) - (nodes[a]?.value ?? -Infinity));
    members.forEach((i, k) => {
      pos[i] = {
        x: width / 2 + (k - (members.length - 1) / 2) * HASSE_GAP,
        y: 24 + (maxLevel - level) * HASSE_ROW,
      };
    });
  }
  return { width, height: 48 + maxLevel * HASSE_ROW, maxLevel, pos };
}
