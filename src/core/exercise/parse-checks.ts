import { isMap, isScalar, isSeq, type ParsedNode } from 'yaml';
import { parseBudget } from '../explore/frontier/frontier.ts';
import { MECHANISMS, NAME_PATTERN } from '../model.ts';
import { mechanismSpellings, resolveMechanism } from '../names/index.ts';
import {
  indexPairs,
  keyText,
  numberValue,
  pairSpan,
  reportAt,
  scalarText,
  spanAt,
  type YamlContext,
  type YPair,
} from '../yaml/index.ts';
import {
  CHECK_KINDS,
  RUN_STATUSES,
  type CheckKind,
  type CountOp,
  type DraftCheck,
  type ExerciseCheck,
  type RunStatus,
} from './exercise.ts';
import { readText, reportBadValue } from './read-text.ts';

const COUNT_OPS: readonly CountOp[] = ['at-most', 'exactly', 'at-least'];
const ORDERS = ['flexos', 'product'] as const;

/** The value read for one kind; `undefined` when it was reported as wrong. */
type Body = DraftCheck;

/**
 * One item of `checks:`: a map with exactly one check key (`apart: [a, b]`) and an optional
 * `title`. Unknown keys get "did you mean" like every key of every file.
 */
export function readCheck(ctx: YamlContext, item: ParsedNode | null): ExerciseCheck | undefined {
  if (!item || !isMap(item)) {
    const message = `A check is a map with one of ${CHECK_KINDS.map((k) => `'${k}'`).join(', ')}.`;
    reportAt(ctx, 'wrong-type', 'error', message, item);
    return undefined;
  }
  const pairs = item.items as YPair[];
  const byKey = indexPairs(ctx, pairs, [...CHECK_KINDS, 'title']);
  const kinds = pairs.filter((p) => (CHECK_KINDS as readonly string[]).includes(keyText(p) ?? ''));
  if (kinds.length === 0) {
    // An unknown key was already reported with its fix; say nothing more then.
    if (byKey.size === pairs.length) {
      const message = `The check has no kind: add one of ${CHECK_KINDS.join(', ')}.`;
      reportAt(ctx, 'unknown-check', 'error', message, pairs[0]?.key ?? item);
    }
    return undefined;
  }
  for (const extra of kinds.slice(1))
    reportAt(ctx, 'one-check-per-item', 'error', 'One check per list item.', extra.key);
  const pair = kinds[0] as YPair;
  const body = readBody(ctx, keyText(pair) as CheckKind, pair);
  if (!body) return undefined;
  const titlePair = byKey.get('title');
  const title = titlePair ? readText(ctx, titlePair) : undefined;
  // From the first key to the end of the last value: the map's own range runs on to the next line.
  const last = pairs[pairs.length - 1];
  const end = last ? pairSpan(ctx, last).end : item.range[1];
  const check = { ...body, span: spanAt(ctx, item.range[0], end) } as ExerciseCheck;
  if (title !== undefined) check.title = title;
  return check;
}

function readBody(ctx: YamlContext, kind: CheckKind, pair: YPair): Body | undefined {
  const v = pair.value;
  switch (kind) {
    case 'no-errors':
      if (v && isScalar(v) && v.value === true) return { kind };
      reportBadValue(ctx, v, pair.key, "Write 'no-errors: true'.");
      return undefined;
    case 'apart':
    case 'together': {
      const libraries = readNames(ctx, pair);
      return libraries ? { kind, libraries } : undefined;
    }
    case 'compartments':
      return readCount(ctx, pair);
    case 'mechanism': {
      const word = scalarText(v);
      const mechanism = word === undefined ? undefined : resolveMechanism(word);
      if (mechanism) return { kind, mechanism };
      const message = `Expected a mechanism: ${MECHANISMS.join(', ')}.`;
      reportBadValue(ctx, v, pair.key, message, word, mechanismSpellings());
      return undefined;
    }
    case 'frontier':
      return readFrontier(ctx, pair);
    case 'run':
      return readRun(ctx, pair);
  }
}

/** Two or more distinct library names. */
function readNames(ctx: YamlContext, pair: YPair): string[] | undefined {
  const v = pair.value;
  const names = v && isSeq(v) ? (v.items as (ParsedNode | null)[]).map((n) => scalarText(n)) : [];
  const ok = names.length >= 2 && names.every((n) => n !== undefined && NAME_PATTERN.test(n));
  if (ok && new Set(names).size === names.length) return names as string[];
  reportBadValue(ctx, v, pair.key, 'Expected a list of two or more different library names.');
  return undefined;
}

function readCount(ctx: YamlContext, pair: YPair): Body | undefined {
  const v = pair.value;
  if (v && isMap(v)) {
    const inner = v.items as YPair[];
    const byKey = indexPairs(ctx, inner, COUNT_OPS);
    const found = [...byKey.entries()];
    if (found.length !== 1 || inner.length !== 1) {
      if (inner.length === byKey.size)
        reportBadValue(ctx, v, pair.key, 'Write one of at-most, exactly, at-least: N.');
      return undefined;
    }
    const [op, p] = found[0] as [string, YPair];
    const count = positiveInteger(ctx, p.value, p.key);
    return count === undefined ? undefined : { kind: 'compartments', op: op as CountOp, count };
  }
  const count = positiveInteger(ctx, v, pair.key);
  return count === undefined ? undefined : { kind: 'compartments', op: 'exactly', count };
}

function positiveInteger(
  ctx: YamlContext,
  node: ParsedNode | null,
  fallback: ParsedNode | null,
): number | undefined {
  const n = numberValue(node);
  if (n !== undefined && Number.isInteger(n) && n >= 1) return n;
  reportBadValue(ctx, node, fallback, 'Expected a whole number of compartments, at least 1.');
  return undefined;
}

function readFrontier(ctx: YamlContext, pair: YPair): Body | undefined {
  const v = pair.value;
  let budgetNode: ParsedNode | null = v;
  let order: 'flexos' | 'product' = 'flexos';
  if (v && isMap(v)) {
    const byKey = indexPairs(ctx, v.items as YPair[], ['budget', 'order']);
    const b = byKey.get('budget');
    if (!b) {
      reportAt(ctx, 'missing-key', 'error', "The frontier check has no 'budget'.", pair.key);
      return undefined;
    }
    budgetNode = b.value;
    const o = byKey.get('order');
    if (o) {
      const word = scalarText(o.value);
      if (word !== 'flexos' && word !== 'product') {
        reportBadValue(ctx, o.value, o.key, 'Expected flexos or product.', word, ORDERS);
        return undefined;
      }
      order = word;
    }
  }
  const budget = scalarText(budgetNode);
  if (budget !== undefined && parseBudget(budget)) return { kind: 'frontier', budget, order };
  reportBadValue(ctx, budgetNode, pair.key, "Expected a budget such as '>=300000' or '<=120'.");
  return undefined;
}

function readRun(ctx: YamlContext, pair: YPair): Body | undefined {
  const v = pair.value;
  if (!v || !isMap(v)) {
    reportBadValue(ctx, v, pair.key, 'Expected a map with status, prints and args.');
    return undefined;
  }
  const byKey = indexPairs(ctx, v.items as YPair[], ['status', 'prints', 'args']);
  const body: Extract<Body, { kind: 'run' }> = { kind: 'run', args: [] };
  let ok = true;
  const s = byKey.get('status');
  if (s) {
    const word = scalarText(s.value);
    if (word !== undefined && (RUN_STATUSES as readonly string[]).includes(word))
      body.status = word as RunStatus;
    else {
      const message = `Expected a run status: ${RUN_STATUSES.join(', ')}.`;
      reportBadValue(ctx, s.value, s.key, message, word, RUN_STATUSES);
      ok = false;
    }
  }
  const p = byKey.get('prints');
  if (p) {
    const text = readText(ctx, p);
    if (text === undefined || text === '') ok = false;
    else body.prints = text;
  }
  const a = byKey.get('args');
  if (a) {
    const items = a.value && isSeq(a.value) ? (a.value.items as (ParsedNode | null)[]) : null;
    const words = items?.map((n) => scalarText(n));
    if (words?.every((w) => w !== undefined)) body.args = words as string[];
    else {
      reportBadValue(ctx, a.value, a.key, 'Expected a list of arguments.');
      ok = false;
    }
  }
  if (!s && !p) {
    reportAt(ctx, 'missing-key', 'error', "A run check needs 'status' or 'prints'.", pair.key);
    return undefined;
  }
  return ok ? body : undefined;
}
