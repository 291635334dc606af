import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../src/core/diagnostics.ts';
import { checkWorkspace } from '../../../src/core/pipeline/check.ts';
import type { Workspace } from '../../../src/core/workspace/workspace.ts';

const SCHED = `component sched
[Memory access] Read(Own,Shared); Write(Own,Shared)
[API] thread_add(...); thread_rm(...); yield(...)
[Requires] *(Read,Own), *(Write,Shared), *(Call,thread_add), *(Call,thread_rm), *(Call,yield)
`;
const NETSTACK = `component netstack
[Memory access] Read(*); Write(*)
[Call] *
[API] socket(...); recv(...)
`;
const CONFIG = `# two libraries, one compartment
name: pair
compartments:
  - comp1:
      mechanism: intel-mpk
      default: true
  - comp2:
      mechanism: intel-mpk
libraries:
  - app: comp2
  - sched: comp1
  - netstack: comp1   # the plain-C stack
`;

function ws(config: string): Workspace {
  return {
    files: {
      'config.yaml': config,
      'components/sched.flexos': SCHED,
      'components/netstack.flexos': NETSTACK,
    },
    settings: { panel: 'graph' },
  };
}

describe('solver fixes as config.yaml edits', () => {
  const before = checkWorkspace(ws(CONFIG));
  const violations = before.diagnostics.filter((d) => d.code.startsWith('solver/violation-'));

  it('finds the two violations, each with quick fixes', () => {
    expect(violations.map((d) => d.code).sort()).toEqual([
      'solver/violation-call',
      'solver/violation-write-own',
    ]);
    for (const v of violations) expect(v.fixes?.length ?? 0).toBeGreaterThanOrEqual(3);
  });

  for (const code of ['solver/violation-call', 'solver/violation-write-own']) {
    it(`every fix of ${code}, applied to the text, removes it and keeps the comments`, () => {
      const v = violations.find((d) => d.code === code);
      for (const fix of v?.fixes ?? []) {
        const text = applyEdits(CONFIG, fix.edits);
        const after = checkWorkspace(ws(text));
        expect(after.config, fix.title).not.toBeNull();
        expect(
          after.diagnostics.filter((d) => d.code.startsWith('config/')),
          fix.title,
        ).toEqual([]);
        expect(
          after.diagnostics.some((d) => d.code === code && d.message === v?.message),
          fix.title,
        ).toBe(false);
        expect(text).toContain('# the plain-C stack');
        expect(text).toContain('# two libraries, one compartment');
      }
    });
  }
});
