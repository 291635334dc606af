import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../src/core/diagnostics.ts';
import { checkWorkspace } from '../../../src/core/pipeline/check.ts';
import { main } from '../../../src/cli/main.ts';
import { createMemoryIo } from './memory-io.ts';

const SCHED = `component sched
[Memory access] Read(Own,Shared); Write(Own,Shared)
[API] thread_add(...); thread_rm(...); yield(...)
[Requires] *(Read,Own), *(Write,Shared), *(Call,thread_add), *(Call,thread_rm), *(Call,yield)
`;
const NETSTACK = `component netstack
[Memory access] Read(*); Write(*)
[Call] *
`;

function pair(mechanism: string): Record<string, string> {
  return {
    'ws/config.yaml': `name: pair\ncompartments:\n  - comp1:\n      mechanism: ${mechanism}\n      default: true\nlibraries:\n  - sched: comp1\n  - netstack: comp1\n`,
    'ws/components/sched.flexos': SCHED,
    'ws/components/netstack.flexos': NETSTACK,
  };
}

async function solve(files: Record<string, string>) {
  const io = createMemoryIo(files);
  const code = await main(['solve', 'ws', '--json'], io);
  return {
    code,
    out: JSON.parse(io.stdout) as { minCompartments: number; remaining: { code: string }[] },
  };
}

describe('solve says what separation cannot fix', () => {
  it('a real mechanism: the proposal is valid', async () => {
    const { code, out } = await solve(pair('intel-mpk'));
    expect(out.remaining).toEqual([]);
    expect(code).toBe(0);
  });

  it('fcalls separates nothing: the violations remain and the exit code says so', async () => {
    const { code, out } = await solve(pair('fcalls'));
    expect(out.minCompartments).toBe(2);
    expect(out.remaining.map((r) => r.code).sort()).toEqual([
      'solver/violation-call',
      'solver/violation-write-own',
    ]);
    expect(code).toBe(1);
  });

  it('more conflicting components than MPK has keys: limit-exceeded remains', async () => {
    const files: Record<string, string> = {};
    const names = Array.from({ length: 16 }, (_, i) => `l${i}`);
    for (const n of names) {
      files[`ws/components/${n}.flexos`] =
        `component ${n}\n[Memory access] Read(*); Write(*)\n[Requires] *(Read,*)\n`;
    }
    files['ws/config.yaml'] =
      `name: many\ncompartments:\n  - c:\n      mechanism: intel-mpk\n      default: true\nlibraries:\n` +
      names.map((n) => `  - ${n}: c\n`).join('');
    const { code, out } = await solve(files);
    expect(out.minCompartments).toBe(16);
    expect(out.remaining.map((r) => r.code)).toContain('solver/limit-exceeded');
    expect(code).toBe(1);
  });
});

describe('kraft.yaml workspaces get quick fixes too', () => {
  it('every fix edits kraft.yaml and removes its violation', () => {
    const kraft = `specification: '0.6'
name: pair
compartments:
  - name: comp1
    mechanism:
      driver: intel-pku
    default: true
libraries:
  sched:
    compartment: comp1
  netstack:
    compartment: comp1
`;
    const ws = (text: string) => ({
      files: {
        'kraft.yaml': text,
        'components/sched.flexos': SCHED,
        'components/netstack.flexos': NETSTACK,
      },
      settings: { panel: 'graph' },
    });
    const violations = checkWorkspace(ws(kraft)).diagnostics.filter((d) =>
      d.code.startsWith('solver/violation-'),
    );
    expect(violations).toHaveLength(2);
    for (const v of violations) {
      expect(v.fixes?.length ?? 0).toBeGreaterThan(0);
      for (const fix of v.fixes ?? []) {
        expect(fix.edits.every((e) => e.file === 'kraft.yaml')).toBe(true);
        const after = checkWorkspace(ws(applyEdits(kraft, fix.edits)));
        expect(
          after.diagnostics.some((d) => d.code === v.code && d.message === v.message),
          fix.title,
        ).toBe(false);
      }
    }
  });
});
