import type { Fault, JobEvent, JobResult } from '../runner/api/index.ts';
import { countSummary, diagnosticToJson, formatDiagnostic } from './format.ts';
import type { CliIo } from './io.ts';
import type { CliWorkspace } from './load-workspace.ts';

/** How `flexos run` shows a job: each event as it arrives, then the result. */
export interface RunPrinter {
  event(e: JobEvent): void;
  result(job: string, r: JobResult): void;
}

/**
 * For people: the program's stdout and stderr on the command's own, everything else on stderr
 * (progress as short `[...]` lines, a fault as a block, diagnostics as `path:line:col: severity
 * code: message` like `flexos check`, then one status line), so `flexos run ws > out.txt`
 * keeps exactly what the program printed.
 */
export function textPrinter(io: CliIo, loaded: CliWorkspace): RunPrinter {
  let lineOpen = false;
  let faultShown = false;
  const note = (text: string) => {
    if (lineOpen) io.err('\n');
    lineOpen = false;
    io.err(`${text}\n`);
  };
  return {
    event(e) {
      switch (e.event) {
        case 'queued':
          // Every job is announced as queued; position 0 starts as soon as a slot is free,
          // which is at once unless the runner is busy, so only a wait is worth a line.
          if (e.data.position > 0) note(`[queued: ${e.data.position} jobs ahead]`);
          return;
        case 'phase':
          return note(`[${e.data.phase}]`);
        case 'stdout':
        case 'stderr':
          if (e.data.text === '') return;
          if (e.event === 'stdout') io.out(e.data.text);
          else io.err(e.data.text);
          lineOpen = !e.data.text.endsWith('\n');
          return;
        case 'fault':
          faultShown = true;
          return note(faultBlock(e.data));
        default:
          // `metric` (the run's wall time) is in the status line; `done` comes to `result`.
          return;
      }
    },
    result(_job, r) {
      for (const d of r.diagnostics) note(formatDiagnostic(loaded, d));
      if (r.fault && !faultShown) note(faultBlock(r.fault));
      note(statusLine(r));
    },
  };
}

/**
 * For programs: one JSON object per line, each event as `{event, data}` as the runner
 * streamed it (in order, none lost or repeated when the stream was resumed), then `{event: "result", job, result, diagnostics}` where `diagnostics` are in
 * `flexos check --json`'s form (the user's paths, 1-based lines and columns).
 */
export function jsonPrinter(io: CliIo, loaded: CliWorkspace): RunPrinter {
  return {
    event(e) {
      io.out(`${JSON.stringify({ event: e.event, data: e.data })}\n`);
    },
    result(job, r) {
      const diagnostics = r.diagnostics.map((d) => diagnosticToJson(loaded, d));
      io.out(`${JSON.stringify({ event: 'result', job, result: r, diagnostics })}\n`);
    },
  };
}

/** Who touched what, of whom: the separation the image promised and the program broke. */
export function faultBlock(f: Fault): string {
  const verb = { read: 'read', write: 'wrote to', execute: 'jumped to' }[f.access];
  const region = f.region === 'text' ? 'code' : f.region;
  const hit = f.variable ? ` (${f.variable})` : '';
  return [
    'separation fault:',
    `  library ${f.library} (compartment ${f.compartment}) ${verb} ${f.address}${hit},`,
    `  in the ${region} of library ${f.ownerLibrary} (compartment ${f.ownerCompartment})`,
    ...(f.source ? [`  at ${f.source.file}:${f.source.line}, in ${f.source.function}`] : []),
    ...(f.suspect
      ? [
          `  a pointer to ${f.suspect.variable} (${f.suspect.file}:${f.suspect.line}) crossed a gate unshared: mark it flexos_whitelist`,
        ]
      : f.region === 'stack'
        ? [`  a pointer to a local of ${f.ownerLibrary} crossed a gate: mark it flexos_whitelist`]
        : []),
  ].join('\n');
}

/**
 * `flexos run: ok (native, fcalls, exit status 0); 0 errors, 1 warning; check 4 ms, ...`: how
 * the job ended, why when it needs saying, and where the time went.
 */
export function statusLine(r: JobResult): string {
  const how = [r.target, r.mechanism ?? 'no mechanism'];
  if (r.exitCode !== null) how.push(`exit status ${r.exitCode}`);
  else if (r.signal !== null) how.push(`signal ${r.signal}`);
  // The reason when it says more than the exit status or signal already shown.
  const said = [`exit status ${r.exitCode}`, `died of ${r.signal}`];
  if (r.reason !== undefined && !said.includes(r.reason)) how.push(r.reason);
  const parts = [`flexos run: ${r.status} (${how.join(', ')})`];
  if (r.diagnostics.length > 0) parts.push(countSummary(r.diagnostics));
  const times = (['check', 'rewrite', 'compile', 'run'] as const)
    .filter((p) => r.durations[p] !== undefined)
    .map((p) => `${p} ${formatMs(r.durations[p] as number)}`);
  if (times.length > 0) parts.push(times.join(', '));
  if (r.truncated) parts.push('output truncated at the runner’s limit');
  return parts.join('; ');
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
