import type { WorkspaceBuild } from '../../core/pipeline/index.ts';
import type { Fault } from '../api/schemas.ts';
import { compiledLibraries, PROGRAM } from '../build/compile.ts';
import { workspacePath } from '../build/compiler-diagnostics.ts';
import {
  describeFault,
  readAddr2line,
  readMarkers,
  readSymbols,
  variableAt,
  type RawFault,
} from '../build/fault-report.ts';
import { createLineMap } from '../build/line-map.ts';
import { placeLibraries } from '../build/linker-script.ts';
import { SANDBOX_JOB_DIR } from '../sandbox/bwrap-args.ts';

/** Runs a binutils command on the job's program, in the job's sandbox: its stdout, or null. */
export type ToolRunner = (argv: string[]) => Promise<string | null>;

/**
 * The runtime's fault report in the user's terms, from the program's symbols and debug
 * information: which library ran (the instruction) and whose memory it hit (the address), the
 * variable when the address is a global or static one, and the faulting line in the user's
 * own file (the instantiated copy's line mapped back).
 */
export async function explainFault(
  raw: RawFault,
  build: WorkspaceBuild,
  originals: Readonly<Record<string, string>>,
  tool: ToolRunner,
): Promise<Fault> {
  const artefacts = build.artefacts;
  const placed = artefacts ? placeLibraries(artefacts, compiledLibraries(build)) : new Map();
  const librariesOf = (c: number) =>
    [...placed]
      .filter(([, n]) => n === c)
      .map(([l]) => l as string)
      .sort();
  // A return address is the instruction after the call: one byte back is the call's line.
  const site = raw.block ? `0x${(BigInt(raw.block.site) - 1n).toString(16)}` : null;
  const [nm, where, allocatedAt] = await Promise.all([
    tool(['nm', '-n', '-S', PROGRAM]),
    tool(['addr2line', '-f', '-e', PROGRAM, raw.ip]),
    site === null ? Promise.resolve(null) : tool(['addr2line', '-f', '-e', PROGRAM, site]),
  ]);
  const markers = nm === null ? null : readMarkers(nm, [...placed.keys()].sort());
  const fault = describeFault(raw, markers, librariesOf);
  const variable =
    nm !== null && raw.region !== 'text' ? variableAt(readSymbols(nm), raw.address) : undefined;
  const source = where === null ? null : userLine(readAddr2line(where), build, originals);
  const allocated =
    allocatedAt === null ? null : userLine(readAddr2line(allocatedAt), build, originals);
  const block = raw.block && {
    size: raw.block.size,
    offset: Number(BigInt(raw.address) - BigInt(raw.block.start)),
    freed: !raw.block.live,
    ...(allocated ? { allocated } : {}),
  };
  return {
    ...fault,
    ...(variable ? { variable } : {}),
    ...(block ? { block } : {}),
    ...(source ? { source } : {}),
  };
}

function userLine(
  at: ReturnType<typeof readAddr2line>,
  build: WorkspaceBuild,
  originals: Readonly<Record<string, string>>,
): Fault['source'] | null {
  if (!at) return null;
  const file = workspacePath(at.file, SANDBOX_JOB_DIR);
  const instantiated = build.sources.find((s) => s.path === file)?.text;
  const original = file === null ? undefined : originals[file];
  if (file === null || instantiated === undefined || original === undefined) return null;
  const { line } = createLineMap(original, instantiated).toOriginal(at.line, 1);
  return { file, line, function: at.function };
}
