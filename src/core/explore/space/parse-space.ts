import { isMap, isScalar, type ParsedNode } from 'yaml';
import { resolveMechanism } from '../../names/index.ts';
import { hasErrors, type Diagnostic, type Span } from '../../diagnostics.ts';
import { isSharingMode, NAME_PATTERN, type Mechanism, type SharingMode } from '../../model.ts';
import { createSpace, type Space } from './space.ts';
import { readHardening, readKnown, readName } from './parse-space-items.ts';
import { SPACE_KEYS } from './space-schema.ts';
import {
  createYamlContext,
  indexPairs,
  numberValue,
  parseYaml,
  rangeOf,
  reportAt,
  scalarText,
  seqItems,
  spanAt,
  type YamlContext,
  type YPair,
} from '../../yaml/index.ts';

/** What `parseSpace` returns: the space when there is no error, and every diagnostic. */
export interface ParsedSpace {
  space: Space | undefined;
  diagnostics: Diagnostic[];
  /** Where each component is declared, for diagnostics of later stages. */
  componentSpans: Record<string, Span>;
}

/** Reads `space.yaml` (format: `space-schema.ts`). Never throws. */
export function parseSpace(text: string, file = 'space.yaml', defaultName = 'space'): ParsedSpace {
  const ctx = createYamlContext(text, file, 'space');
  const componentSpans: Record<string, Span> = {};
  const root = parseYaml(ctx).contents;
  if (!root || !isMap(root)) {
    reportAt(
      ctx,
      'not-a-map',
      'error',
      'space.yaml must be a map with at least `components`.',
      root,
    );
    return { space: undefined, diagnostics: ctx.diagnostics, componentSpans };
  }
  const pairs = indexPairs(ctx, root.items as YPair[], SPACE_KEYS, 'warning');
  const components = readComponents(ctx, pairs.get('components'), root, componentSpans);
  const known = new Set(components);
  const together = readTogether(ctx, pairs.get('together'), known);
  const hardening = readHardening(ctx, pairs.get('hardening'), known);
  const maxCompartments = readMax(ctx, pairs.get('max-compartments'));
  const mechanism =
    readEnum(ctx, pairs.get('mechanism'), 'mechanism', resolveMechanism) ?? 'intel-mpk';
  const sharing = readEnum(ctx, pairs.get('sharing'), 'sharing', (s): SharingMode | undefined =>
    isSharingMode(s) ? s : undefined,
  );
  const requires = readBool(ctx, pairs.get('requires'));
  const nameNode = pairs.get('name')?.value;
  // A string scalar, as for components: `name: null` or `name: true` names nothing.
  const name =
    isScalar(nameNode) && typeof nameNode.value === 'string' ? nameNode.value : undefined;
  if (nameNode && (name === undefined || !NAME_PATTERN.test(name)))
    reportAt(ctx, 'bad-name', 'error', 'The name must match [a-z][a-z0-9_-]*.', nameNode);
  if (hasErrors(ctx.diagnostics))
    return { space: undefined, diagnostics: ctx.diagnostics, componentSpans };
  const space = createSpace({
    components,
    together,
    hardening: Object.fromEntries([...hardening].map(([c, opts]) => [c, opts.map((o) => o.label)])),
    mechanism: mechanism as Mechanism,
    sharing: sharing ?? 'heap',
    requires: requires ?? true,
    name: name ?? defaultName,
    ...(maxCompartments !== undefined ? { maxCompartments } : {}),
  });
  for (const o of space.options) {
    const span = hardening
      .get(space.components[o.component] as string)
      ?.find((x) => x.label === o.label)?.span;
    if (span) o.span = span;
  }
  return { space, diagnostics: ctx.diagnostics, componentSpans };
}

function readComponents(
  ctx: YamlContext,
  pair: YPair | undefined,
  root: ParsedNode,
  spans: Record<string, Span>,
): string[] {
  if (!pair) {
    reportAt(ctx, 'missing-key', 'error', 'space.yaml has no `components` list.', root);
    return [];
  }
  const out: string[] = [];
  for (const item of seqItems(ctx, pair, 'a list of component names') ?? []) {
    const name = readName(ctx, item);
    if (name === undefined) continue;
    if (out.includes(name))
      reportAt(ctx, 'duplicate-component', 'error', `${name} is listed twice.`, item);
    else {
      out.push(name);
      const [s, e] = rangeOf(item);
      spans[name] = spanAt(ctx, s, e);
    }
  }
  if (out.length === 0 && pair.value && !hasErrors(ctx.diagnostics))
    reportAt(
      ctx,
      'missing-key',
      'error',
      'A space needs at least one component.',
      pair.value,
      pair.key,
    );
  return out;
}

function readTogether(ctx: YamlContext, pair: YPair | undefined, known: Set<string>): string[][] {
  if (!pair) return [];
  const seen = new Set<string>();
  const groups: string[][] = [];
  for (const item of seqItems(ctx, pair, 'a list of groups (lists of names)') ?? []) {
    if (!item || !('items' in item) || isMap(item)) {
      reportAt(
        ctx,
        'wrong-type',
        'error',
        'A group is a list of component names: [kv, libc].',
        item,
      );
      continue;
    }
    const group: string[] = [];
    for (const n of item.items as (ParsedNode | null)[]) {
      const name = readKnown(ctx, n, known);
      if (name === undefined) continue;
      if (seen.has(name))
        reportAt(ctx, 'group-overlap', 'error', `${name} is in more than one group.`, n);
      else group.push(name);
      seen.add(name);
    }
    groups.push(group);
  }
  return groups;
}

function readMax(ctx: YamlContext, pair: YPair | undefined): number | undefined {
  if (!pair) return undefined;
  const v = pair.value;
  const n = numberValue(v);
  if (n !== undefined && Number.isInteger(n) && n >= 1) return n;
  reportAt(
    ctx,
    'bad-max-compartments',
    'error',
    '`max-compartments` must be a whole number of at least 1.',
    v,
    pair.key,
  );
  return undefined;
}

function readEnum<T>(
  ctx: YamlContext,
  pair: YPair | undefined,
  key: 'mechanism' | 'sharing',
  resolve: (s: string) => T | undefined,
): T | undefined {
  if (!pair) return undefined;
  const text = scalarText(pair.value);
  const value = text === undefined ? undefined : resolve(text);
  if (value === undefined) {
    const expected =
      key === 'mechanism' ? 'fcalls, intel-mpk, vm-ept or cheri' : 'heap, dss or shared-stack';
    reportAt(
      ctx,
      `unknown-${key}`,
      'error',
      `Unknown ${key} '${text ?? ''}'; expected ${expected}.`,
      pair.value,
      pair.key,
    );
  }
  return value;
}

function readBool(ctx: YamlContext, pair: YPair | undefined): boolean | undefined {
  if (!pair) return undefined;
  const v = pair.value;
  if (v && isScalar(v) && typeof v.value === 'boolean') return v.value;
  reportAt(ctx, 'wrong-type', 'error', '`requires` must be true or false.', v, pair.key);
  return undefined;
}
