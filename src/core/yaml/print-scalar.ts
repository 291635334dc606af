import { NAME_PATTERN } from '../model.ts';

/** Plain words that YAML readers (PyYAML, used by kraft, reads YAML 1.1) take for booleans or null. */
const RESERVED = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n']);

/** A string as a YAML scalar: plain when it is a safe name, double-quoted otherwise. */
export function yamlScalar(s: string): string {
  return NAME_PATTERN.test(s) && !RESERVED.has(s) ? s : JSON.stringify(s);
}

/** A flow list of plain words: `[asan, cfi]`. */
export function yamlFlowList(items: readonly string[]): string {
  return `[${items.map(yamlScalar).join(', ')}]`;
}
