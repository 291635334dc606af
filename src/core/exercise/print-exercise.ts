import { compartmentOf, mechanismOf, type ImageConfig } from '../config/image-config.ts';
import { yamlFlowList } from '../yaml/index.ts';
import type { DraftCheck } from './exercise.ts';

/** What "Make an exercise" writes; `printExercise` turns it into `exercise.yaml`. */
export interface ExerciseDraft {
  title: string;
  instructions: string;
  readOnly: string[];
  hints: string[];
  checks: DraftCheck[];
  /** An encoded solution (`encodeSolution`), if one is attached. */
  solution?: string;
}

/**
 * The goal "as it is now", from the current image: no errors; each conflicting pair that the
 * image keeps apart (`conflicts` from the solver) stays apart; at most as many compartments
 * as now; the same mechanism.
 */
export function deriveGoalChecks(
  config: ImageConfig,
  conflicts: readonly { a: string; b: string }[],
): DraftCheck[] {
  const checks: DraftCheck[] = [{ kind: 'no-errors' }];
  const seen = new Set<string>();
  for (const { a, b } of conflicts) {
    const pair = [a, b].sort();
    const key = pair.join(' ');
    if (seen.has(key) || compartmentOf(config, a)?.name === compartmentOf(config, b)?.name)
      continue;
    seen.add(key);
    checks.push({ kind: 'apart', libraries: pair });
  }
  checks.push({ kind: 'compartments', op: 'at-most', count: config.compartments.length });
  checks.push({ kind: 'mechanism', mechanism: mechanismOf(config) });
  return checks;
}

/** `exercise.yaml` for a draft, in the order and layout docs/formats.md shows. */
export function printExercise(draft: ExerciseDraft): string {
  const lines = [`title: ${JSON.stringify(draft.title)}`];
  lines.push(...block('instructions', draft.instructions));
  if (draft.readOnly.length > 0) {
    lines.push('read-only:');
    for (const p of draft.readOnly) lines.push(`  - ${JSON.stringify(p)}`);
  }
  if (draft.hints.length > 0) {
    lines.push('hints:');
    for (const h of draft.hints) lines.push(`  - ${JSON.stringify(h)}`);
  }
  lines.push('checks:');
  for (const c of draft.checks) {
    lines.push(`  - ${printCheck(c)}`);
    if (c.title !== undefined) lines.push(`    title: ${JSON.stringify(c.title)}`);
  }
  if (draft.solution !== undefined) {
    lines.push('# The teacher\'s solution, encoded (see "Load the solution" in the Lesson panel).');
    lines.push(`solution: ${draft.solution}`);
  }
  return `${lines.join('\n')}\n`;
}

function block(key: string, text: string): string[] {
  const body = text.replace(/\s+$/, '');
  if (body === '') return [];
  return [`${key}: |`, ...body.split('\n').map((l) => (l.trim() === '' ? '' : `  ${l}`))];
}

function printCheck(c: DraftCheck): string {
  switch (c.kind) {
    case 'no-errors':
      return 'no-errors: true';
    case 'apart':
    case 'together':
      return `${c.kind}: ${yamlFlowList(c.libraries)}`;
    case 'compartments':
      return `compartments: { ${c.op}: ${c.count} }`;
    case 'mechanism':
      return `mechanism: ${c.mechanism}`;
    case 'frontier':
      return `frontier: { budget: ${JSON.stringify(c.budget)}, order: ${c.order} }`;
    case 'run': {
      const parts = [
        ...(c.status !== undefined ? [`status: ${c.status}`] : []),
        ...(c.prints !== undefined ? [`prints: ${JSON.stringify(c.prints)}`] : []),
        ...(c.args.length > 0
          ? [`args: [${c.args.map((a) => JSON.stringify(a)).join(', ')}]`]
          : []),
      ];
      return `run: { ${parts.join(', ')} }`;
    }
  }
}
