import { fingerprintFiles } from '../workspace/fingerprint.ts';

/**
 * A key naming an exercise's starting state: the same files give the same key in every browser,
 * so opening the same exercise link twice finds the student's saved copy instead of making a
 * second one.
 */
export function exerciseKey(files: Readonly<Record<string, string>>): string {
  return `ex-${fingerprintFiles(files)}`;
}
