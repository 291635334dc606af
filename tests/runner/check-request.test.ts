import { describe, expect, it } from 'vitest';
import { checkJobRequest } from '../../src/runner/api/check-request.ts';
import { DEFAULT_LIMITS } from '../../src/runner/limits.ts';

const limits = DEFAULT_LIMITS.request;
const job = (files: Record<string, string>, extra: object = {}) => ({
  files,
  target: 'native',
  ...extra,
});

describe('checkJobRequest', () => {
  it('accepts a workspace', () => {
    const r = checkJobRequest(job({ 'config.yaml': 'x', 'libs/app/main.c': 'int main;' }), limits);
    expect(r.ok).toBe(true);
  });

  it.each([
    ['../etc/passwd'],
    ['/etc/passwd'],
    ['libs/../../x.c'],
    ['libs/app/\0.c'],
    ['libs//x.c'],
    ['./config.yaml'],
    [''],
  ])('refuses the file name %j as bad-path', (path) => {
    const r = checkJobRequest(job({ [path]: 'x' }), limits);
    expect(r.ok ? null : r.problem).toMatchObject({ code: 'bad-path', httpStatus: 400 });
  });

  it('refuses what does not match the schema', () => {
    for (const body of [
      null,
      [],
      'x',
      { files: {} },
      job({ a: 1 } as never),
      job({}, { extra: 1 }),
      job({}, { mechanism: 'mpk' }),
    ]) {
      const r = checkJobRequest(body, limits);
      expect(r.ok ? null : r.problem.code).toBe('bad-request');
    }
  });

  it('refuses too many files (400) and too much text (413)', () => {
    const many = Object.fromEntries(
      Array.from({ length: limits.files + 1 }, (_, i) => [`f${i}`, '']),
    );
    expect(checkJobRequest(job(many), limits)).toMatchObject({
      ok: false,
      problem: { code: 'too-many-files' },
    });
    const big = checkJobRequest(job({ a: 'x'.repeat(limits.fileChars + 1) }), limits);
    expect(big).toMatchObject({ ok: false, problem: { code: 'too-large', httpStatus: 413 } });
    const stdin = checkJobRequest(job({}, { stdin: 'x'.repeat(limits.stdinChars + 1) }), limits);
    expect(stdin).toMatchObject({ ok: false, problem: { httpStatus: 413 } });
  });

  it('refuses arguments holding NUL', () => {
    const r = checkJobRequest(job({}, { args: ['a\0b'] }), limits);
    expect(r.ok ? null : r.problem.code).toBe('bad-request');
  });
});
