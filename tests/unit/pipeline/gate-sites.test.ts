/**
 * The gates of the C against [Call] and [API] (docs/formats.md, "Component metadata"), as the
 * Problems panel, the editor markers and `flexos check` see them: through analyzeWorkspace,
 * with the rewriter's gate sites (a parser) and with the textual scan (none).
 */
import { describe, expect, it } from 'vitest';
import { applyEdits, toLineColumn, type Diagnostic } from '../../../src/core/diagnostics.ts';
import { analyzeWorkspace, type Workspace } from '../../../src/core/pipeline/index.ts';
import type { CParser } from '../../../src/core/rewrite/parser-types.ts';
import { getParser } from '../rewrite/support.ts';

const CONFIG = `name: gates
compartments:
  - comp1:
      mechanism: intel-mpk
      default: true
  - comp2:
      mechanism: intel-mpk
libraries:
  - app: comp1
  - greeter: comp2
aliases:
  hi: greeter
`;

const APP = `component app
[Memory access] Read(Own,Shared); Write(Own,Shared)
[Call] greeter::greet
[API] on_line(...)
`;

// greeter calls app back (print_line) without naming it: callbacks are exempt from [Call].
const GREETER = `component greeter
[Memory access] Read(Own,Shared); Write(Own,Shared)
[Call]
[API] greet(...)
`;

const MAIN = `__attribute__((libgreeter_callback))
void print_line(const char *s)
{
	(void)s;
}

int main(void)
{
	int rc;

	flexos_gate(libgreeter, greet, 1);
	flexos_gate(libgreeter, reset, 2);
	flexos_gate_r(hi, rc, greet, 3);
	flexos_gate_r(libhi, rc, wave, 4);
	return rc;
}
`;

function workspace(config = CONFIG, app = APP): Workspace {
  return {
    files: {
      'config.yaml': config,
      'components/app.flexos': app,
      'components/greeter.flexos': GREETER,
      'libs/app/main.c': MAIN,
      'libs/greeter/greeter.c': 'int greet(int n) { return n; }\n',
    },
    settings: { panel: 'graph' },
  };
}

/** `code@file:line:column` of the gate-site diagnostics. */
function gateProblems(ws: Workspace, parser: CParser | null): string[] {
  return analyzeWorkspace(ws, { parser })
    .diagnostics.filter((d) => d.code.startsWith('solver/gate-'))
    .map((d) => at(ws, d));
}

function at(ws: Workspace, d: Diagnostic): string {
  const { line, column } = toLineColumn(ws.files[d.span.file] ?? '', d.span.start);
  return `${d.code}@${d.span.file}:${line}:${column}`;
}

const parsers: [string, () => Promise<CParser | null>][] = [
  ['rewriter', getParser],
  ['textual scan', () => Promise.resolve(null)],
];

describe.each(parsers)('gate sites from the %s', (_name, parserOf) => {
  it('errors at each gate outside [Call] or the callee [API], and at a callback outside [API]', async () => {
    const parser = await parserOf();
    expect(gateProblems(workspace(), parser)).toEqual([
      // print_line is entered from greeter's compartment but app's [API] is on_line only.
      'solver/gate-not-in-api@libs/app/main.c:2:6',
      // reset: neither in app's [Call] nor in greeter's [API].
      'solver/gate-not-in-api@libs/app/main.c:12:2',
      'solver/gate-not-in-call@libs/app/main.c:12:2',
      // The alias `hi` (and `libhi`) leads to greeter: wave is in neither list.
      'solver/gate-not-in-api@libs/app/main.c:14:2',
      'solver/gate-not-in-call@libs/app/main.c:14:2',
    ]);
  });

  it('keeps [Call] agreement in one compartment, where [API] does not apply', async () => {
    const parser = await parserOf();
    const together = CONFIG.replace('greeter: comp2', 'greeter: comp1').replace(
      / {2}- comp2:\n {6}mechanism: intel-mpk\n/,
      '',
    );
    expect(gateProblems(workspace(together), parser)).toEqual([
      'solver/gate-not-in-call@libs/app/main.c:12:2',
      'solver/gate-not-in-call@libs/app/main.c:14:2',
    ]);
    // fcalls separates nothing either.
    const fcalls = CONFIG.replace(/intel-mpk/g, 'fcalls');
    expect(gateProblems(workspace(fcalls), parser)).toEqual([
      'solver/gate-not-in-call@libs/app/main.c:12:2',
      'solver/gate-not-in-call@libs/app/main.c:14:2',
    ]);
  });

  it('takes a missing [Call] as [Call] *, and no metadata as plain C', async () => {
    const parser = await parserOf();
    const noCall = APP.replace('[Call] greeter::greet\n', '');
    const ws = workspace(CONFIG, noCall);
    const diagnostics = analyzeWorkspace(ws, { parser }).diagnostics;
    expect(diagnostics.filter((d) => d.code === 'meta/missing-call').map((d) => at(ws, d))).toEqual(
      ['meta/missing-call@components/app.flexos:1:11'],
    );
    expect(gateProblems(ws, parser)).toEqual([
      'solver/gate-not-in-api@libs/app/main.c:2:6',
      'solver/gate-not-in-api@libs/app/main.c:12:2',
      'solver/gate-not-in-api@libs/app/main.c:14:2',
    ]);
    const bare = workspace();
    delete bare.files['components/app.flexos'];
    delete bare.files['components/greeter.flexos'];
    expect(gateProblems(bare, parser)).toEqual([]);
  });
});

describe('gate-site fixes', () => {
  it('declare the call or the entry point in the metadata, and the error goes', async () => {
    const parser = await getParser();
    const ws = workspace();
    const errors = analyzeWorkspace(ws, { parser }).diagnostics.filter((d) =>
      d.code.startsWith('solver/gate-'),
    );
    const titles = errors.map((d) => d.fixes?.[0]?.title);
    expect(titles).toEqual([
      "Add print_line to app's [API]",
      "Add reset to greeter's [API]",
      "Add greeter::reset to app's [Call]",
      "Add wave to greeter's [API]",
      "Add greeter::wave to app's [Call]",
    ]);
    const edits = errors.flatMap((d) => d.fixes?.[0]?.edits ?? []);
    const files = { ...ws.files };
    for (const file of new Set(edits.map((e) => e.file)))
      files[file] = applyEdits(
        files[file] ?? '',
        edits.filter((e) => e.file === file),
      );
    expect(files['components/app.flexos']).toMatch(
      /\[Call\] greeter::greet, greeter::\w+, greeter::\w+\n\[API\] on_line\(\.\.\.\); print_line\(\.\.\.\)\n/,
    );
    expect(files['components/greeter.flexos']).toMatch(
      /\[API\] greet\(\.\.\.\); \w+\(\.\.\.\); \w+\(\.\.\.\)\n/,
    );
    const fixed = analyzeWorkspace({ ...ws, files }, { parser }).diagnostics;
    expect(fixed.filter((d) => d.severity === 'error').map((d) => at(ws, d))).toEqual([]);
  });
});
