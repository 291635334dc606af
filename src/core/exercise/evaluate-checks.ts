import { compartmentOf, mechanismOf, type ImageConfig } from '../config/image-config.ts';
import type { CheckResult, CheckStatus, Exercise, ExerciseCheck, RunFacts } from './exercise.ts';

/** What the frontier exploration said about the current configuration, per frontier check. */
export type FrontierFact =
  | { status: 'ok'; id: string; onFrontier: boolean; frontierSize: number }
  | { status: 'unavailable'; reason: string };

/** Everything the checks are decided from; plain data, so any shell can gather it. */
export interface ExerciseFacts {
  /** Errors of the whole workspace, as the Problems panel counts them. */
  errors: number;
  /** The image, when its config file can be read. */
  config: ImageConfig | null;
  /** By index of the check in `checks:`. */
  frontier: Record<number, FrontierFact>;
  /** The last run, if any. */
  run: RunFacts | null;
}

/** Decides every check of `exercise` from `facts`. Pure and total. */
export function evaluateChecks(exercise: Exercise, facts: ExerciseFacts): CheckResult[] {
  return exercise.checks.map((check, index) => {
    const [status, detail] = decide(check, index, facts);
    const result: CheckResult = { index, kind: check.kind, label: labelOf(check), status };
    if (detail !== undefined && status !== 'pass') result.detail = detail;
    return result;
  });
}

type Decision = [CheckStatus, string?];

function decide(check: ExerciseCheck, index: number, facts: ExerciseFacts): Decision {
  if (check.kind === 'no-errors') {
    const n = facts.errors;
    return n === 0 ? ['pass'] : ['fail', `${n} error${n === 1 ? '' : 's'} in Problems.`];
  }
  if (check.kind === 'run') return decideRun(check, facts.run);
  if (check.kind === 'frontier') {
    const f = facts.frontier[index];
    if (!f) return ['pending', 'The design space has not been explored yet.'];
    if (f.status !== 'ok') return ['pending', f.reason];
    return f.onFrontier
      ? ['pass']
      : ['fail', `${f.id} is not one of the ${f.frontierSize} configurations of the frontier.`];
  }
  const config = facts.config;
  if (!config) return ['pending', 'The image cannot be read: fix its config file first.'];
  switch (check.kind) {
    case 'apart': {
      const where = check.libraries.map((l) => compartmentOf(config, l)?.name ?? '?');
      for (let i = 0; i < where.length; i++)
        for (let j = i + 1; j < where.length; j++)
          if (where[i] === where[j])
            return ['fail', `${check.libraries[i]} and ${check.libraries[j]} share ${where[i]}.`];
      return ['pass'];
    }
    case 'together': {
      const where = check.libraries.map((l) => compartmentOf(config, l)?.name ?? '?');
      const first = where[0];
      const other = where.findIndex((w) => w !== first);
      if (other < 0) return ['pass'];
      return [
        'fail',
        `${check.libraries[0]} is in ${first}, ${check.libraries[other]} in ${where[other]}.`,
      ];
    }
    case 'compartments': {
      const n = config.compartments.length;
      const ok =
        check.op === 'at-most'
          ? n <= check.count
          : check.op === 'exactly'
            ? n === check.count
            : n >= check.count;
      return ok ? ['pass'] : ['fail', `The image has ${n} compartment${n === 1 ? '' : 's'}.`];
    }
    case 'mechanism': {
      const m = mechanismOf(config);
      return m === check.mechanism ? ['pass'] : ['fail', `The image uses ${m}.`];
    }
  }
}

function decideRun(check: ExerciseCheck & { kind: 'run' }, run: RunFacts | null): Decision {
  const withArgs = check.args.length > 0 ? ` with ${check.args.join(' ')}` : '';
  if (!run) return ['pending', `Run the program${withArgs}.`];
  if (check.args.length > 0 && run.args.join('\u0000') !== check.args.join('\u0000'))
    return [
      'pending',
      `Run the program${withArgs} (the last run had ${run.args.join(' ') || 'no arguments'}).`,
    ];
  if (!run.current) return ['pending', 'The files changed since the last run: run it again.'];
  if (check.status !== undefined && run.status !== check.status)
    return ['fail', `The last run ended with ${run.status}.`];
  if (check.prints !== undefined && !printsLine(run.output, check.prints))
    return ['fail', 'The last run did not print that line.'];
  return ['pass'];
}

/** A line of the output contains `text` (trailing spaces and carriage returns ignored). */
function printsLine(output: string, text: string): boolean {
  const wanted = text.trim();
  return output.split('\n').some((line) => line.trimEnd().includes(wanted));
}

/** The checklist's words for a check: its title, or what it asks. */
export function labelOf(check: ExerciseCheck): string {
  if (check.title !== undefined) return check.title;
  switch (check.kind) {
    case 'no-errors':
      return 'No errors';
    case 'apart':
      return `${listWords(check.libraries)} in different compartments`;
    case 'together':
      return `${listWords(check.libraries)} in one compartment`;
    case 'compartments':
      return `${check.op === 'at-most' ? 'At most' : check.op === 'at-least' ? 'At least' : 'Exactly'} ${check.count} compartment${check.count === 1 ? '' : 's'}`;
    case 'mechanism':
      return `The mechanism is ${check.mechanism}`;
    case 'frontier':
      return `The configuration is on the frontier under the budget ${check.budget}${check.order === 'product' ? ' (product order)' : ''}`;
    case 'run': {
      const withArgs = check.args.length > 0 ? ` with ${check.args.join(' ')}` : '';
      const parts = [
        ...(check.status !== undefined ? [`ends with ${check.status}`] : []),
        ...(check.prints !== undefined ? [`prints “${check.prints}”`] : []),
      ];
      return `A run${withArgs} ${parts.join(' and ')}`;
    }
  }
}

function listWords(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
