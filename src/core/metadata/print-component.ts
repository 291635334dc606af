/**
 * `ComponentSpec` -> canonical `*.flexos` text.
 */
import type { ComponentSpec } from './component-spec.ts';

function section(name: string, items: readonly string[], separator: string): string {
  return items.length === 0 ? `[${name}]` : `[${name}] ${items.join(separator)}`;
}

/**
 * Writes `spec` in canonical form: doc comments, the header, then one line per present
 * section in the order Memory access, Call, API, Requires, Hardening. An empty `api` is left
 * out; an empty `calls`, `requires` or `hardening` list is written as an empty section, which
 * means "nothing", not "absent".
 *
 * For a spec that `parseComponent` returned without errors, parsing the output gives the
 * same spec back (spans aside). Doc lines must not contain line breaks.
 */
export function printComponent(spec: ComponentSpec): string {
  const lines = spec.doc.map((line) => (line === '' ? '#' : `# ${line}`));
  lines.push(`component ${spec.name}`);
  if (spec.memory) {
    const { read, write } = spec.memory;
    const items = [];
    if (read.length > 0) items.push(`Read(${read.join(',')})`);
    if (write.length > 0) items.push(`Write(${write.join(',')})`);
    lines.push(section('Memory access', items, '; '));
  }
  if (spec.calls) {
    const calls = spec.calls.map((c) => (c.kind === 'any' ? '*' : `${c.lib}::${c.fn}`));
    lines.push(section('Call', calls, ', '));
  }
  if (spec.api.length > 0) {
    lines.push(
      section(
        'API',
        spec.api.map((f) => `${f.name}(${f.params})`),
        '; ',
      ),
    );
  }
  if (spec.requires) {
    const items = spec.requires.map((r) => `${r.who}(${r.action},${r.object})`);
    lines.push(section('Requires', items, ', '));
  }
  if (spec.hardening) lines.push(section('Hardening', spec.hardening, ', '));
  return `${lines.join('\n')}\n`;
}
