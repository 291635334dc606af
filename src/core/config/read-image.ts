import { isMap, type Document, type YAMLMap } from 'yaml';
import type { Mechanism } from '../model.ts';
import type { CompartmentConfig, ImageConfig } from './image-config.ts';
import type { ImageSource } from './image-source.ts';
import {
  isEmptyNode,
  keySpan,
  keyText,
  nodeSpan,
  type YamlContext,
  parseYaml,
  report,
  valueSpan,
  wrongType,
  type YPair,
} from '../yaml/index.ts';
import { readString } from './read-fields.ts';

/** Parses the document; its root must be a map (`config/empty` or `config/wrong-type` otherwise). */
export function readRoot(ctx: YamlContext): YAMLMap.Parsed | undefined {
  return readRootDocument(ctx)?.root;
}

/** As `readRoot`, with the document the root belongs to. */
export function readRootDocument(
  ctx: YamlContext,
): { doc: Document.Parsed; root: YAMLMap.Parsed } | undefined {
  const doc = parseYaml(ctx);
  const root = doc.contents;
  if (root && isMap(root)) return { doc, root };
  if (!root || isEmptyNode(root)) {
    report(ctx, 'empty', 'error', 'The file is empty.', { start: 0, end: ctx.text.length });
  } else {
    wrongType(ctx, root, nodeSpan(ctx, root), 'a map of `name:`, `compartments:`, `libraries:`');
  }
  return undefined;
}

/** Sets a property without ever touching a prototype (`__proto__` is just a bad name here). */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** `aliases:` — a map from a gate's `libX` name to a library. */
export function readAliases(
  ctx: YamlContext,
  pair: YPair,
  config: ImageConfig,
  source: ImageSource,
): void {
  const map = pair.value;
  if (isEmptyNode(map)) return;
  if (!map || !isMap(map)) {
    wrongType(ctx, map, valueSpan(ctx, pair), 'a map such as `libc: newlib`');
    return;
  }
  for (const p of map.items as YPair[]) {
    const key = keyText(p);
    if (key === undefined) {
      wrongType(ctx, p.key, keySpan(ctx, p), 'an alias name');
      continue;
    }
    const target = readString(ctx, p, 'a library name');
    if (target === undefined || Object.hasOwn(config.aliases, key)) continue;
    setOwn(config.aliases, key, target);
    setOwn(source.aliases, key, { key: keySpan(ctx, p), value: valueSpan(ctx, p) });
  }
}

/** Where libraries without a readable compartment go: the default, else the first compartment. */
export function defaultCompartmentName(compartments: readonly CompartmentConfig[]): string {
  return (compartments.find((c) => c.default) ?? compartments[0])?.name ?? '';
}

/**
 * Gives compartments whose mechanism was missing or unknown (already reported) the image's
 * mechanism, so one typo is one diagnostic rather than a cascade of mixed-mechanism errors.
 */
export function fillMechanisms(
  compartments: CompartmentConfig[],
  read: readonly (Mechanism | undefined)[],
): void {
  const known = compartments.flatMap((c, i) => (read[i] ? [{ c, m: read[i] }] : []));
  const image = (known.find(({ c }) => c.default) ?? known[0])?.m ?? 'fcalls';
  compartments.forEach((c, i) => {
    c.mechanism = read[i] ?? image;
  });
}
