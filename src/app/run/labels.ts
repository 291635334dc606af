import type { Fault, JobResult, JobStatus, Phase } from '../../runner/api/schemas.ts';

/** A job status in words. */
export const STATUS_LABELS: Record<JobStatus, string> = {
  ok: 'ok',
  'config-error': 'configuration error',
  'compile-error': 'compile error',
  'runtime-error': 'runtime error',
  fault: 'separation fault',
  timeout: 'timed out',
  killed: 'killed',
};

/** What each phase does, for the status line. */
export const PHASE_LABELS: Record<Phase, string> = {
  check: 'checking the configuration',
  rewrite: 'instantiating the gates',
  compile: 'compiling',
  run: 'running the program',
};

/** `ok, exit code 0`, `runtime error, killed by SIGSEGV`. */
export function outcomeText(r: JobResult): string {
  const parts = [STATUS_LABELS[r.status]];
  if (r.exitCode !== null) parts.push(`exit code ${r.exitCode}`);
  if (r.signal !== null) parts.push(`signal ${r.signal}`);
  return parts.join(', ');
}

/** Milliseconds for people: `23 ms`, `1.4 s`. */
export function msText(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

const ACCESS: Record<Fault['access'], string> = {
  read: 'read',
  write: 'write',
  execute: 'execute',
};

/**
 * The fault in one sentence: "library imgparse (compartment 2) tried to write data memory of
 * library app (compartment 1) at 0x…".
 */
export function faultText(f: Fault): string {
  return (
    `library ${f.library} (compartment ${f.compartment}) tried to ${ACCESS[f.access]} ` +
    `${f.region} memory of library ${f.ownerLibrary} (compartment ${f.ownerCompartment}) ` +
    `at ${f.address}`
  );
}
