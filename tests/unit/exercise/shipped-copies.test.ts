/**
 * The shipped exercises are whole workspaces (a teacher's exercise is one, and `flexos check`
 * reads a directory), so they hold copies of their example's sources and metadata. Those
 * copies must not drift from the example: every file of `libs/` and `components/` is the same.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const examples = resolve(import.meta.dirname, '../../../examples');
const BASES: Record<string, string> = {
  'exercise-fewest': 'minikv',
  'exercise-frontier': 'minikv',
  'exercise-fault': 'imgparse',
};

function filesUnder(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel)).flatMap((e) => {
    const path = rel ? `${rel}/${e}` : e;
    return statSync(join(dir, path)).isDirectory() ? filesUnder(dir, path) : [path];
  });
}

describe('the shipped exercises’ sources', () => {
  it('every exercise example is listed with the example it copies', () => {
    const exercises = readdirSync(examples).filter((d) => d.startsWith('exercise-'));
    expect(exercises.sort()).toEqual(Object.keys(BASES).sort());
  });
  for (const [exercise, base] of Object.entries(BASES))
    it(`${exercise} has ${base}'s libs/ and components/, byte for byte`, () => {
      for (const folder of ['libs', 'components']) {
        const mine = filesUnder(join(examples, exercise, folder)).sort();
        expect(mine).toEqual(filesUnder(join(examples, base, folder)).sort());
        for (const f of mine)
          expect(readFileSync(join(examples, exercise, folder, f), 'utf8'), f).toBe(
            readFileSync(join(examples, base, folder, f), 'utf8'),
          );
      }
    });
});
