import type { GateSite } from '../../core/pipeline/index.ts';

/** The gate placeholder of the original text at `offset`, if any. */
export function gateAtOriginal(gates: readonly GateSite[], offset: number): GateSite | undefined {
  return gates.find((g) => g.span.start <= offset && offset <= g.span.end);
}

const INSTANTIATED = /\bflexos_\w+_gate(?:_r)?\s*\(/g;

/**
 * The gate of the instantiated text at `offset`. Instantiation keeps the order of gate calls,
 * so the n-th instantiated gate macro is the n-th placeholder gate of the file.
 */
export function gateAtInstantiated(
  gates: readonly GateSite[],
  text: string,
  offset: number,
): GateSite | undefined {
  const calls = gates.filter((g) => g.via === 'gate');
  let n = 0;
  for (const m of text.matchAll(INSTANTIATED)) {
    const end = text.indexOf(')', m.index);
    if (m.index <= offset && offset <= (end < 0 ? text.length : end)) return calls[n];
    n++;
  }
  return undefined;
}
