/**
 * Shared memory (whitelisted data, the shared heap and stacks) is open to every compartment,
 * so a Shared [Requires] is checked against every component, whatever the placement: `check`
 * reports it with no placement fix, and `solve` lists it among what remains.
 */
import { describe, expect, it } from 'vitest';
import { toLineColumn } from '../../../src/core/diagnostics.ts';
import {
  checkWorkspace,
  solveWorkspace,
  type Workspace,
} from '../../../src/core/pipeline/index.ts';

const CONFIG = `name: shared
compartments:
  - comp1:
      mechanism: intel-mpk
      default: true
  - comp2:
      mechanism: intel-mpk
libraries:
  - app: comp1
  - parser: comp2
`;

// The app lets others read what it shares, never write it; the parser writes anywhere.
const APP = `component app
[Memory access] Read(Own,Shared); Write(Own,Shared)
[Call] parser::decode
[Requires] *(Read,Shared)
`;
const PARSER = `component parser
[Memory access] Read(*); Write(*)
[Call]
[API] decode(...)
`;

const ws: Workspace = {
  files: {
    'config.yaml': CONFIG,
    'components/app.flexos': APP,
    'components/parser.flexos': PARSER,
  },
  settings: { panel: 'graph' },
};

describe('a Shared [Requires] broken from another compartment', () => {
  it('is an error at the actor in config.yaml, with no quick fix', () => {
    const check = checkWorkspace(ws);
    const found = check.diagnostics
      .filter((d) => d.severity !== 'info')
      .map((d) => {
        const { line, column } = toLineColumn(ws.files[d.span.file] ?? '', d.span.start);
        return [d.code, `${d.span.file}:${line}:${column}`, d.fixes ?? []];
      });
    expect(found).toEqual([['solver/violation-write-shared', 'config.yaml:10:5', []]]);
    expect(check.violations.map((v) => [v.actor, v.target, v.rule, v.fixes])).toEqual([
      ['parser', 'app', 'write-shared', []],
    ]);
  });

  it('is no conflict, and remains after solve', () => {
    const s = solveWorkspace(ws);
    if (s.status !== 'ok') throw new Error(s.status);
    // Private memory needs the two apart; the shared write is no reason for an edge.
    expect(s.conflicts.map((c) => [c.a, c.b, c.reasons.length])).toEqual([['app', 'parser', 2]]);
    expect(s.minCompartments).toBe(2);
    expect(s.remaining.map((d) => d.code)).toEqual(['solver/violation-write-shared']);
  });
});
