import { NAME_PATTERN } from '../../model.ts';
import {
  componentBlocks,
  compareNames,
  hardeningByComponent,
  type Configuration,
  type Space,
} from './space.ts';
import { toRgs } from './partitions.ts';

/**
 * Configuration ids (docs/formats.md, "Configuration ids"): compartments joined by ` | `, each a
 * comma-separated list of its library names, a hardened name followed by its hardening in
 * brackets. Names, hardening and compartments are sorted (compartments by their first name),
 * so one configuration has exactly one id: `lwip[asan] | newlib,redis,uksched[asan]`.
 */

/** One library of a parsed id with the hardening written after it. */
export interface IdItem {
  name: string;
  hardening: string[];
}

/** An id read back from text: compartments of items, in the order written. */
export type ParsedId = IdItem[][];

/** Why a text is not the id of a configuration of a space; `code` is a `labels/...` code. */
export interface IdError {
  code: 'labels/bad-id' | 'labels/not-in-space';
  message: string;
}

/** The canonical id of a configuration. */
export function formatId(space: Space, cfg: Configuration): string {
  const blockOf = componentBlocks(space, cfg);
  const hardening = hardeningByComponent(space, cfg.hardening);
  const blocks: IdItem[][] = [];
  space.components.forEach((name, c) => {
    const b = blockOf[c] as number;
    (blocks[b] ??= []).push({ name, hardening: hardening[c] ?? [] });
  });
  return formatParsedId(blocks);
}

/** Formats items canonically, sorting everything. */
export function formatParsedId(blocks: ParsedId): string {
  const items = blocks
    .filter((b) => b.length > 0)
    .map((b) => [...b].sort((x, y) => compareNames(x.name, y.name)));
  items.sort((x, y) => compareNames(x[0]?.name ?? '', y[0]?.name ?? ''));
  return items
    .map((b) =>
      b
        .map((i) => {
          const h = [...new Set(i.hardening)].sort(compareNames);
          return h.length > 0 ? `${i.name}[${h.join(',')}]` : i.name;
        })
        .join(','),
    )
    .join(' | ');
}

/** Reads an id written with blocks and names in any order and optional spaces. */
export function parseId(text: string): ParsedId | IdError {
  const tokens = text.match(/[a-z][a-z0-9_-]*|[[\],|]|\S/g) ?? [];
  const blocks: ParsedId = [[]];
  let i = 0;
  const bad = (why: string): IdError => ({
    code: 'labels/bad-id',
    message: `'${text}' is not a configuration id: ${why}`,
  });
  const expectName = (): string | undefined => {
    const t = tokens[i];
    if (t === undefined || !NAME_PATTERN.test(t)) return undefined;
    i++;
    return t;
  };
  for (;;) {
    const name = expectName();
    if (name === undefined) return bad(`expected a library name at '${tokens[i] ?? 'end'}'`);
    const item: IdItem = { name, hardening: [] };
    if (tokens[i] === '[') {
      i++;
      while (tokens[i] !== ']') {
        const h = expectName();
        if (h === undefined) return bad(`expected a hardening name at '${tokens[i] ?? 'end'}'`);
        item.hardening.push(h);
        if (tokens[i] === ',') i++;
        else if (tokens[i] !== ']') return bad(`expected ',' or ']' at '${tokens[i] ?? 'end'}'`);
      }
      i++;
    }
    blocks[blocks.length - 1]?.push(item);
    const sep = tokens[i++];
    if (sep === undefined) return blocks;
    if (sep === '|') blocks.push([]);
    else if (sep !== ',') return bad(`unexpected '${sep}'`);
  }
}

/** The canonical form of an id in any order, or why it is not an id. */
export function normalizeId(text: string): string | IdError {
  const parsed = parseId(text);
  return Array.isArray(parsed) ? formatParsedId(parsed) : parsed;
}

/** The configuration of `space` an id names, or why it names none. */
export function configurationFromId(space: Space, text: string): Configuration | IdError {
  const parsed = parseId(text);
  if (!Array.isArray(parsed)) return parsed;
  const not = (why: string): IdError => ({
    code: 'labels/not-in-space',
    message: `'${text}' is not in the space: ${why}`,
  });
  const index = new Map(space.components.map((c, i) => [c, i]));
  const blockOf: number[] = space.components.map(() => -1);
  const hardeningOf: string[][] = space.components.map(() => []);
  for (let b = 0; b < parsed.length; b++) {
    for (const item of parsed[b] ?? []) {
      const c = index.get(item.name);
      if (c === undefined) return not(`no component '${item.name}'`);
      if (blockOf[c] !== -1) return not(`'${item.name}' appears twice`);
      blockOf[c] = b;
      hardeningOf[c] = item.hardening;
    }
  }
  const missing = space.components.filter((_, c) => blockOf[c] === -1);
  if (missing.length > 0) return not(`${missing.join(', ')} missing`);
  const groupBlocks: number[] = [];
  for (const g of space.groups) {
    const b = blockOf[g[0] as number] as number;
    if (g.some((c) => blockOf[c] !== b))
      return not(`${g.map((c) => space.components[c]).join(', ')} must share a compartment`);
    groupBlocks.push(b);
  }
  const blocks = toRgs(groupBlocks);
  if (Math.max(...blocks) + 1 > space.maxCompartments)
    return not(`more than ${space.maxCompartments} compartments`);
  let hardening = 0;
  for (let c = 0; c < space.components.length; c++) {
    const wanted = new Set(hardeningOf[c]);
    const got = new Set<string>();
    space.options.forEach((o, i) => {
      if (o.component === c && o.hardening.every((h) => wanted.has(h))) {
        hardening |= 1 << i;
        for (const h of o.hardening) got.add(h);
      }
    });
    if (got.size !== wanted.size)
      return not(
        `${space.components[c]}[${[...wanted].join(',')}] is no combination of its options`,
      );
  }
  return { blocks, hardening };
}
