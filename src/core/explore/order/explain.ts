import type { Order } from './orders.ts';
import { refines, samePartition } from '../space/partitions.ts';
import type { Configuration, Space } from '../space/space.ts';

/**
 * Why two configurations are incomparable in an order, in one sentence naming what each has
 * that the other lacks ("A" and "B" are the two arguments). Meant for frontier members, which
 * are pairwise incomparable.
 */
export function explainIncomparable(
  space: Space,
  a: Configuration,
  b: Configuration,
  order: Order,
): string {
  const aFiner = refines(a.blocks, b.blocks);
  const bFiner = refines(b.blocks, a.blocks);
  const same = samePartition(a.blocks, b.blocks);
  const onlyA = optionNames(space, a.hardening & ~b.hardening);
  const onlyB = optionNames(space, b.hardening & ~a.hardening);
  const splitA = separations(space, a, b);
  const splitB = separations(space, b, a);
  if (same) return `same compartments; A alone has ${list(onlyA)}, B alone has ${list(onlyB)}`;
  if (order === 'flexos' && a.hardening !== 0 && b.hardening !== 0)
    return `both are hardened and their compartments differ (${partitionDiff(splitA, splitB)}); the flexos order compares hardened configurations only with the same compartments`;
  if (!aFiner && !bFiner)
    return `neither compartmentalization refines the other: ${partitionDiff(splitA, splitB)}`;
  const [finer, coarser, split, extra] = aFiner
    ? ['A', 'B', splitA, onlyB]
    : ['B', 'A', splitB, onlyA];
  if (extra.length > 0)
    return `${finer} has more compartments (separates ${split.join('; ')}), but ${coarser} has ${list(extra)}`;
  // flexos only: the coarser one is hardened, so refinement alone does not make the finer safer.
  return `${finer} has more compartments (separates ${split.join('; ')}), but ${coarser} is hardened, and the flexos order compares hardened configurations only with the same compartments`;
}

function list(options: string[]): string {
  return options.length > 0 ? options.join(', ') : 'no extra hardening';
}

/** Pairs of groups apart in `x` and together in `y`, as `kv+libc from sched`. */
function separations(space: Space, x: Configuration, y: Configuration): string[] {
  const out: string[] = [];
  const name = (g: number): string =>
    (space.groups[g] ?? []).map((c) => space.components[c]).join('+');
  for (let i = 0; i < space.groups.length; i++)
    for (let j = i + 1; j < space.groups.length; j++)
      if (x.blocks[i] !== x.blocks[j] && y.blocks[i] === y.blocks[j])
        out.push(`${name(i)} from ${name(j)}`);
  return out;
}

function partitionDiff(splitA: string[], splitB: string[]): string {
  const parts: string[] = [];
  if (splitA.length > 0) parts.push(`A separates ${splitA.join('; ')}`);
  if (splitB.length > 0) parts.push(`B separates ${splitB.join('; ')}`);
  return parts.join(', ');
}

/** Options of a mask as `netstack[asan+cfi]`. */
export function optionNames(space: Space, mask: number): string[] {
  return space.options.flatMap((o, i) =>
    mask & (1 << i) ? [`${space.components[o.component]}[${o.label}]`] : [],
  );
}
