import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { createMemoryIo } from './memory-io.ts';

// The two components exactly as docs/formats.md writes them.
const SCHED = `# the formally verified scheduler
component sched
[Memory access] Read(Own,Shared); Write(Own,Shared)
[Call] alloc::malloc, alloc::free
[API] thread_add(...); thread_rm(...); yield(...)
[Requires] *(Read,Own), *(Write,Shared), *(Call,thread_add), *(Call,thread_rm), *(Call,yield)
`;
const NETSTACK = `# a plain-C network stack
component netstack
[Memory access] Read(*); Write(*)
[Call] *
[API] socket(...); bind(...); recv(...); send(...)
`;

function workspace(netstackLine: string): Record<string, string> {
  return {
    'ws/config.yaml': `name: pair
compartments:
  - comp1:
      mechanism: intel-mpk
      default: true
libraries:
  - sched: comp1
${netstackLine}
`,
    'ws/components/sched.flexos': SCHED,
    'ws/components/netstack.flexos': NETSTACK,
  };
}

interface JsonDiagnostic {
  code: string;
  line: number;
  column: number;
  fixes: { title: string; edits: { text: string }[] }[];
}

async function check(files: Record<string, string>) {
  const io = createMemoryIo(files);
  const code = await main(['check', 'ws', '--json'], io);
  return {
    code,
    diagnostics: (JSON.parse(io.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics,
  };
}

describe('sched and netstack in one MPK compartment (docs/formats.md metadata)', () => {
  it('reports exactly two violations with move and harden fixes', async () => {
    const { code, diagnostics } = await check(workspace('  - netstack: comp1'));
    expect(code).toBe(1);
    const violations = diagnostics.filter((d) => d.code.startsWith('solver/violation-'));
    expect(violations.map((d) => d.code).sort()).toEqual([
      'solver/violation-call',
      'solver/violation-write-own',
    ]);
    for (const v of violations) {
      // At the netstack entry of config.yaml (line 8, after `  - `).
      expect([v.line, v.column]).toEqual([8, 5]);
      const titles = v.fixes.map((f) => f.title).join('\n');
      expect(titles).toMatch(/netstack/);
      expect(titles).toMatch(/sched/);
      expect(v.fixes.some((f) => /new compartment/i.test(f.title))).toBe(true);
    }
    const writeOwn = violations.find((d) => d.code === 'solver/violation-write-own');
    const call = violations.find((d) => d.code === 'solver/violation-call');
    expect(writeOwn?.fixes.some((f) => /asan/.test(f.title))).toBe(true);
    expect(writeOwn?.fixes.some((f) => /cfi/.test(f.title))).toBe(false);
    expect(call?.fixes.some((f) => /cfi/.test(f.title))).toBe(true);
    expect(call?.fixes.some((f) => /asan/.test(f.title))).toBe(false);
  });

  it('accepts the same placement with asan and cfi on netstack', async () => {
    const { code, diagnostics } = await check(
      workspace('  - netstack: { compartment: comp1, hardening: [asan, cfi] }'),
    );
    expect(diagnostics.filter((d) => d.code.startsWith('solver/violation-'))).toEqual([]);
    expect(code).toBe(0);
  });

  it('solve answers two compartments for the unhardened pair', async () => {
    const io = createMemoryIo(workspace('  - netstack: comp1'));
    expect(await main(['solve', 'ws', '--json'], io)).toBe(0);
    const out = JSON.parse(io.stdout) as {
      minCompartments: number;
      conflicts: { a: string; b: string }[];
      assignment: Record<string, number>;
      config: string;
    };
    expect(out.minCompartments).toBe(2);
    expect(out.conflicts.map((c) => [c.a, c.b].sort())).toEqual([['netstack', 'sched']]);
    expect(out.assignment['sched']).not.toBe(out.assignment['netstack']);
    expect(out.config).toMatch(/intel-mpk/);
  });
});
