import { describe, expect, it } from 'vitest';
import { parseWorkload, WORKLOAD_CODES } from '../../../src/core/explore/index.ts';

const broken = [
  'baseline: [',
  '- a\n- b\n',
  'baseline: -1\nclock-ghz: x\ncalls: {a-b: 1, a->b: 1, a->b: 2}\nshare: {a: 2}\nhardening-factors: {asan: 0.5, nope: 2}\nextra: 1\n',
  `calls: ${'['.repeat(10_000)}`,
  Array.from({ length: 400 }, (_, i) => `k${i}: 1`).join('\n'),
  'baseline: 1e-320\nclock-ghz: .nan\n',
];

describe('every workload.yaml diagnostic has a declared code', () => {
  it.each(broken.map((text, i) => [i, text] as const))('case %i', (_i, text) => {
    const codes = parseWorkload(text, 'workload.yaml').diagnostics.map((d) => d.code);
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(WORKLOAD_CODES as readonly string[]).toContain(code);
  });
});
