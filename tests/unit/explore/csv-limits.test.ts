import { describe, expect, it } from 'vitest';
import { MAX_CSV_PROBLEMS, parseLabelsCsv } from '../../../src/core/explore/index.ts';
import { minikvSpace } from './fixtures.ts';

describe('labels CSV with many bad rows', () => {
  it('reads 20,000 duplicate rows once each, lists 200 problems and counts the rest', () => {
    const rows = ['config,value'];
    for (let i = 0; i < 20_000; i++)
      rows.push(i % 2 === 0 ? `"kv,libc,netstack,sched",${i}` : `"sched,netstack,libc,kv",${i}`);
    rows.push('"kv,libc | nope",5', '"kv,libc | sched | netstack",x');
    const text = `${rows.join('\n')}\n`;
    const { labels, diagnostics } = parseLabelsCsv(text, 'labels.csv', minikvSpace());
    expect([...labels].map(([id, l]) => [id, l.value])).toEqual([['kv,libc,netstack,sched', 0]]);
    expect(MAX_CSV_PROBLEMS).toBe(200);
    expect(diagnostics).toHaveLength(201);
    expect(diagnostics.slice(0, 200).every((d) => d.code === 'labels/duplicate')).toBe(true);
    // Each problem points at its own row; the summary at the first row left out.
    const third = text.indexOf('\n"', text.indexOf('\n"', text.indexOf('\n"') + 1) + 1) + 1;
    expect(diagnostics[1]?.span.start).toBe(third);
    const summary = diagnostics[200];
    expect(summary?.code).toBe('labels/too-many-problems');
    expect(summary?.severity).toBe('warning');
    expect(summary?.message).toContain('19801 more problems');
    const lineOf = (offset: number): number => text.slice(0, offset).split('\n').length;
    expect(lineOf(summary?.span.start ?? 0)).toBe(203);
  });

  it('lists every problem up to the cap', () => {
    const rows = [
      'config,value',
      ...Array.from({ length: 201 }, () => '"kv,libc,netstack,sched",1'),
    ];
    const { diagnostics } = parseLabelsCsv(rows.join('\n'), 'labels.csv', minikvSpace());
    expect(diagnostics.map((d) => d.code)).toEqual(Array(200).fill('labels/duplicate'));
  });
});
