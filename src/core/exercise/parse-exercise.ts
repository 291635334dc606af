import { isMap, isSeq, type ParsedNode } from 'yaml';
import type { Diagnostic, Span } from '../diagnostics.ts';
import {
  createYamlContext,
  indexPairs,
  nodeSpan,
  parseYaml,
  reportAt,
  requireKey,
  seqItems,
  spanAt,
  type YamlContext,
  type YPair,
} from '../yaml/index.ts';
import type { Exercise } from './exercise.ts';
import { readCheck } from './parse-checks.ts';
import { readText, textOf } from './read-text.ts';

/** The top-level keys of `exercise.yaml`, in the order they are printed. */
export const EXERCISE_KEYS = [
  'title',
  'instructions',
  'read-only',
  'hints',
  'checks',
  'solution',
] as const;

export interface ParsedExercise {
  /** Set whenever the file is a map with a title; checks with errors are left out. */
  exercise: Exercise | undefined;
  diagnostics: Diagnostic[];
  /** Where each `read-only` path and the solution are written, for later checks. */
  spans: { readOnly: Span[]; solution?: Span };
}

/** Reads `exercise.yaml`. Never throws; every problem is an `exercise/...` diagnostic. */
export function parseExercise(text: string, file = 'exercise.yaml'): ParsedExercise {
  const ctx = createYamlContext(text, file, 'exercise');
  const root = parseYaml(ctx).contents;
  if (!root || !isMap(root)) {
    const message = 'exercise.yaml must be a map with at least `title` and `checks`.';
    reportAt(ctx, 'not-a-map', 'error', message, root);
    return { exercise: undefined, diagnostics: ctx.diagnostics, spans: { readOnly: [] } };
  }
  const pairs = indexPairs(ctx, root.items as YPair[], EXERCISE_KEYS);
  const at = spanAt(ctx, root.range[0], root.range[0]);
  const titlePair = requireKey(ctx, pairs, 'title', at, 'exercise.yaml');
  const title = titlePair ? readText(ctx, titlePair) : undefined;
  const checksPair = requireKey(ctx, pairs, 'checks', at, 'exercise.yaml');
  const instructionsPair = pairs.get('instructions');
  const solutionPair = pairs.get('solution');
  const readOnly = readTexts(ctx, pairs.get('read-only'), 'a list of paths');
  const exercise: Exercise = {
    title: title ?? 'Exercise',
    instructions: instructionsPair ? (readText(ctx, instructionsPair) ?? '') : '',
    readOnly: readOnly.texts,
    hints: readTexts(ctx, pairs.get('hints'), 'a list of texts').texts,
    checks: [],
  };
  const spans: ParsedExercise['spans'] = { readOnly: readOnly.spans };
  const solution = solutionPair ? readText(ctx, solutionPair) : undefined;
  if (solution !== undefined && solutionPair?.value) {
    exercise.solution = solution;
    spans.solution = nodeSpan(ctx, solutionPair.value);
  }
  const items = checksPair ? seqItems(ctx, checksPair, 'a list of checks') : undefined;
  for (const item of items ?? []) {
    const check = readCheck(ctx, item);
    if (check) exercise.checks.push(check);
  }
  if (items && items.length === 0)
    reportAt(ctx, 'bad-value', 'error', 'An exercise needs at least one check.', checksPair?.key);
  const found = title === undefined ? undefined : exercise;
  return { exercise: found, diagnostics: ctx.diagnostics, spans };
}

function readTexts(
  ctx: YamlContext,
  pair: YPair | undefined,
  what: string,
): { texts: string[]; spans: Span[] } {
  const out = { texts: [] as string[], spans: [] as Span[] };
  if (!pair) return out;
  if (!pair.value || !isSeq(pair.value)) {
    reportAt(ctx, 'wrong-type', 'error', `Expected ${what}.`, pair.value, pair.key);
    return out;
  }
  for (const item of pair.value.items as (ParsedNode | null)[]) {
    const t = textOf(ctx, item, pair.key, 'a text');
    if (t === undefined || !item) continue;
    out.texts.push(t);
    out.spans.push(nodeSpan(ctx, item));
  }
  return out;
}
