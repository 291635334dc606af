/** `FLEXOS-METRIC name=value [unit]` lines of a program's stdout become metric events. */
import { describe, expect, it } from 'vitest';
import { createMetricScanner, type Metric } from '../../src/runner/targets/metrics.ts';

function scan(chunks: string[]): Metric[] {
  const out: Metric[] = [];
  const s = createMetricScanner((m) => out.push(m));
  for (const c of chunks) s.push(c);
  s.end();
  return out;
}

describe('the metric scanner', () => {
  const text =
    'hello\nFLEXOS-METRIC gate_ns=8629.4 ns\nFLEXOS-METRIC throughput=480.9 MiB/s\nbye\n';

  it('reads metric lines, wherever the output was cut into chunks', () => {
    const want = [
      { name: 'gate_ns', value: 8629.4, unit: 'ns' },
      { name: 'throughput', value: 480.9, unit: 'MiB/s' },
    ];
    expect(scan([text])).toEqual(want);
    for (let i = 1; i < text.length; i++)
      expect(scan([text.slice(0, i), text.slice(i)])).toEqual(want);
    expect(scan([...text])).toEqual(want);
  });

  it('takes a last line without a newline, a value without unit, exponents', () => {
    expect(scan(['FLEXOS-METRIC ops=1e6'])).toEqual([{ name: 'ops', value: 1e6, unit: '' }]);
  });

  it('ignores what is not exactly a metric line', () => {
    expect(
      scan([
        ' FLEXOS-METRIC a=1\nFLEXOS-METRIC a=x\nFLEXOS-METRIC =1\nFLEXOS-METRIC a=1 b c\n',
        `FLEXOS-METRIC a=${'9'.repeat(400)}\nFLEXOS-METRIC ok=2\n`,
      ]),
    ).toEqual([{ name: 'ok', value: 2, unit: '' }]);
  });
});
