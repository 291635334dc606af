import { isScalar, type ParsedNode } from 'yaml';
import type { Span } from '../../diagnostics.ts';
import { isHardening, NAME_PATTERN } from '../../model.ts';
import { MAX_OPTIONS } from './space.ts';
import {
  mapItems,
  rangeOf,
  reportAt,
  scalarText,
  seqItems,
  spanAt,
  type YamlContext,
  type YPair,
} from '../../yaml/index.ts';

/** A component name (`space/wrong-type`, `space/bad-name` otherwise). */
export function readName(ctx: YamlContext, node: ParsedNode | null): string | undefined {
  const name = scalarText(node);
  if (name === undefined || !isScalar(node) || typeof node.value !== 'string') {
    reportAt(ctx, 'wrong-type', 'error', 'Expected a component name.', node);
    return undefined;
  }
  if (!NAME_PATTERN.test(name)) {
    reportAt(ctx, 'bad-name', 'error', `'${name}' is not a name ([a-z][a-z0-9_-]*).`, node);
    return undefined;
  }
  return name;
}

export function readKnown(
  ctx: YamlContext,
  node: ParsedNode | null,
  known: Set<string>,
): string | undefined {
  const name = readName(ctx, node);
  if (name !== undefined && !known.has(name)) {
    reportAt(ctx, 'unknown-component', 'error', `${name} is not in \`components\`.`, node);
    return undefined;
  }
  return name;
}

/** One option as written, with where. */
export interface OptionText {
  label: string;
  span: Span;
}

/** The `hardening` map: options per component, checked (format: `space-schema.ts`). */
export function readHardening(
  ctx: YamlContext,
  pair: YPair | undefined,
  known: Set<string>,
): Map<string, OptionText[]> {
  const out = new Map<string, OptionText[]>();
  if (!pair) return out;
  let total = 0;
  for (const entry of mapItems(ctx, pair, 'a map from component to a list of options') ?? []) {
    const comp = readKnown(ctx, entry.key, known);
    const options: OptionText[] = [];
    const used = new Map<string, string>();
    for (const node of seqItems(
      ctx,
      entry,
      'a list of options such as [asan, cfi] or [asan+cfi]',
    ) ?? []) {
      const text = scalarText(node);
      if (text === undefined) {
        reportAt(
          ctx,
          'wrong-type',
          'error',
          'An option is a hardening name or names joined by +.',
          node,
        );
        continue;
      }
      const names = text.split('+').map((s) => s.trim());
      const bad = names.filter((h) => !isHardening(h));
      if (bad.length > 0) {
        reportAt(
          ctx,
          'unknown-hardening',
          'error',
          `Unknown hardening ${bad.map((b) => `'${b}'`).join(', ')}; expected asan, ubsan, cfi, safestack or stack-protector.`,
          node,
        );
        continue;
      }
      const clash = names.find((h) => used.has(h));
      if (clash !== undefined) {
        reportAt(
          ctx,
          'overlapping-options',
          'error',
          `${clash} is already in option '${used.get(clash)}' of ${comp ?? 'this component'}; options must not overlap.`,
          node,
        );
        continue;
      }
      for (const h of names) used.set(h, text);
      const [s, e] = rangeOf(node);
      options.push({ label: names.join('+'), span: spanAt(ctx, s, e) });
    }
    total += options.length;
    if (comp !== undefined) out.set(comp, [...(out.get(comp) ?? []), ...options]);
  }
  if (total > MAX_OPTIONS)
    reportAt(
      ctx,
      'too-many-options',
      'error',
      `${total} hardening options; at most ${MAX_OPTIONS} are supported.`,
      pair.value,
      pair.key,
    );
  return out;
}
