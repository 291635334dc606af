import { writeFile, chown } from 'node:fs/promises';
import { join } from 'node:path';
import { createDiagnostic, type Diagnostic } from '../../core/diagnostics.ts';
import { NAME_PATTERN } from '../../core/model.ts';
import type { WorkspaceBuild } from '../../core/pipeline/index.ts';
import type { ProcessLimits } from '../api/schemas.ts';
import { SANDBOX_JOB_DIR, SANDBOX_RT_DIR, type SandboxHost } from '../sandbox/bwrap-args.ts';
import { runSandboxed, type SandboxOutcome } from '../sandbox/sandbox.ts';
import { createDiagnosticMapper, type SourcePair } from './compiler-diagnostics.ts';
import { asanLinkFlags, planHardening } from './hardening-flags.ts';
import { linkerScript, objectOf, placeLibraries } from './linker-script.ts';

/** The runtime's C files linked into every program (src/runner/rt/). */
export const RUNTIME_SOURCES = ['isolation.c', 'heap-alloc.c', 'start.c', 'vmept.c', 'mpk.c'];

/** The program, once linked: its path inside the sandbox. */
export const PROGRAM = './prog';
const LAYOUT = 'flexos-layout.ld';

/**
 * The C dialect and checks every library is compiled with. GNU C, because instantiated code
 * uses statement expressions; leftover placeholders are errors (an unknown attribute, an
 * undeclared function), never silently compiled.
 */
const CFLAGS = [
  '-std=gnu11',
  '-O1',
  '-g',
  '-fno-pie',
  '-fno-common',
  '-Wall',
  '-Werror=implicit-function-declaration',
  '-Werror=attributes',
  '-fdiagnostics-format=json',
  '-fmax-errors=20',
  `-I${SANDBOX_RT_DIR}`,
  '-include',
  'flexos/isolation.h',
];

export interface CompileRequest {
  build: WorkspaceBuild;
  /** The user's files, to map compiler positions back to them. */
  originals: Readonly<Record<string, string>>;
  jobDir: string;
  host: SandboxHost;
  limits: ProcessLimits;
  user: { uid: number; gid: number } | null;
  outputBytes: number;
  signal: AbortSignal;
  /** Link statically: the program runs in a guest with nothing but itself (qemu-mpk). */
  staticLink?: boolean;
  /**
   * Whether asan can be applied: the program runs in a guest that has its run-time library
   * (`hardening-flags.ts`). Otherwise asan is left out with a warning.
   */
  asan?: boolean;
}

export type CompileOutcome =
  /** `dynamic`: linked against libasan, so a guest also needs the loader and libraries. */
  | { status: 'ok'; diagnostics: Diagnostic[]; dynamic: boolean }
  | { status: 'compile-error'; diagnostics: Diagnostic[] }
  | { status: 'timeout' | 'killed'; diagnostics: Diagnostic[]; reason: string };

/**
 * Compiles each library into one partially linked object (`obj/<lib>.o`), then links them
 * with the runtime and the generated layout script into `prog`, every step in the sandbox.
 * Compiler messages come back at the user's files and lines.
 */
export async function compileBuild(req: CompileRequest): Promise<CompileOutcome> {
  const { build } = req;
  const sources = new Map<string, SourcePair>();
  for (const s of build.sources)
    sources.set(s.path, { original: req.originals[s.path] ?? s.text, instantiated: s.text });
  const mapper = createDiagnosticMapper(sources, SANDBOX_JOB_DIR);
  const byLib = new Map<string, string[]>();
  for (const s of build.sources) {
    if (!s.path.endsWith('.c')) continue;
    byLib.set(s.lib, [...(byLib.get(s.lib) ?? []), s.path].sort());
  }
  const libs = [...byLib.keys()].sort();
  const diagnostics: Diagnostic[] = [];
  // Library names become object and linker-script file names: only plain names get there.
  const odd = libs.find((l) => !NAME_PATTERN.test(l));
  if (odd !== undefined) {
    const span = { file: byLib.get(odd)?.[0] ?? 'config.yaml', start: 0, end: 0 };
    const message = `Library folder name ${JSON.stringify(odd)} is not a name ([a-z][a-z0-9_-]*)`;
    return {
      status: 'compile-error',
      diagnostics: [createDiagnostic('runner/bad-library-name', 'error', message, span)],
    };
  }
  const step = (argv: string[]) =>
    runSandboxed({
      argv,
      jobDir: req.jobDir,
      writable: true,
      host: req.host,
      limits: req.limits,
      user: req.user,
      outputBytes: req.outputBytes,
      signal: req.signal,
    });

  // What the runtime enforces is chosen when it and the sources are compiled (isolation.h).
  const defines = runtimeDefines(build);
  const hardening = planHardening(build, libs, req.asan === true);
  diagnostics.push(...hardening.diagnostics);
  for (const lib of libs) {
    const files = byLib.get(lib) ?? [];
    const out = await step([
      'gcc',
      ...CFLAGS,
      ...defines,
      ...(hardening.cflags.get(lib) ?? []),
      '-r',
      '-nostdlib',
      '-o',
      objectOf(lib),
      ...files,
    ]);
    diagnostics.push(...mapper.fromGcc(out.stderr, files));
    const stopped = stoppedBy(out, diagnostics);
    if (stopped) return stopped;
    if (out.exitCode !== 0)
      return { status: 'compile-error', diagnostics: ensureError(diagnostics, files[0]) };
  }

  const artefacts = build.artefacts;
  if (artefacts === null) return { status: 'compile-error', diagnostics };
  const layout = join(req.jobDir, LAYOUT);
  await writeFile(layout, linkerScript(artefacts, placeLibraries(artefacts, libs)), { flag: 'wx' });
  if (req.user) await chown(layout, req.user.uid, req.user.gid);
  const objects = libs.map(objectOf);
  // With asan the link step's -fsanitize=address would instrument the runtime too: its
  // allocator writes the headers asan sees as poisoned, and its gates switch stacks under
  // asan's feet. So it is compiled on its own first, without.
  let runtime = RUNTIME_SOURCES.map((s) => `${SANDBOX_RT_DIR}/${s}`);
  if (hardening.asan) {
    const out = await step([
      'gcc',
      '-O1',
      '-g',
      '-fno-pie',
      `-I${SANDBOX_RT_DIR}`,
      ...defines,
      '-c',
      ...runtime,
    ]);
    const stopped = stoppedBy(out, diagnostics);
    if (stopped) return stopped;
    if (out.exitCode !== 0)
      return { status: 'compile-error', diagnostics: ensureError(diagnostics, undefined) };
    runtime = RUNTIME_SOURCES.map((s) => s.replace(/\.c$/, '.o'));
  }
  const link = await step([
    'gcc',
    // libasan only links dynamically; in a guest it then brings its loader along.
    ...(hardening.asan ? asanLinkFlags(req.staticLink === true) : []),
    ...(req.staticLink && !hardening.asan ? ['-static'] : []),
    '-no-pie',
    '-O1',
    '-g',
    `-I${SANDBOX_RT_DIR}`,
    ...defines,
    '-fdiagnostics-format=json',
    // The C library starts the runtime's __wrap_main, which sets up the compartments and
    // then calls the program's main (rt/start.c).
    '-Wl,--wrap=main',
    '-o',
    PROGRAM,
    ...runtime,
    ...objects,
    '-T',
    LAYOUT,
  ]);
  const firstFile = [...byLib.values()][0]?.[0] ?? 'config.yaml';
  // The runtime's own unit comes first; its messages are not the user's to fix.
  diagnostics.push(...mapper.fromGcc(link.stderr, [firstFile]));
  const stopped = stoppedBy(link, diagnostics);
  if (stopped) return stopped;
  if (link.exitCode !== 0)
    return { status: 'compile-error', diagnostics: ensureError(diagnostics, firstFile) };
  return { status: 'ok', diagnostics, dynamic: hardening.asan };
}

/** The libraries compiled: those with a `.c` source, sorted (the layout's marker order). */
export function compiledLibraries(build: WorkspaceBuild): string[] {
  return [...new Set(build.sources.filter((s) => s.path.endsWith('.c')).map((s) => s.lib))].sort();
}

/** `-D` flags of the runtime variant: vm-ept's process gates, shared stacks. */
export function runtimeDefines(build: WorkspaceBuild): string[] {
  const a = build.artefacts;
  const variant = { 'vm-ept': '-DFLEXOS_VMEPT', 'intel-mpk': '-DFLEXOS_MPK' } as const;
  const define =
    a && (a.mechanism === 'vm-ept' || a.mechanism === 'intel-mpk') ? variant[a.mechanism] : null;
  if (!a || define === null) return [];
  return [define, ...(a.sharing.effective === 'shared-stack' ? ['-DFLEXOS_SHARED_STACK'] : [])];
}

function stoppedBy(out: SandboxOutcome, diagnostics: Diagnostic[]): CompileOutcome | null {
  if (out.aborted) return { status: 'killed', diagnostics, reason: 'the runner stopped' };
  if (out.timedOut)
    return {
      status: 'timeout',
      diagnostics,
      reason: `the compiler ran past its ${out.timedOut} time limit`,
    };
  return null;
}

/** A failed step always says so, even when the compiler printed nothing we could read. */
function ensureError(diagnostics: Diagnostic[], file: string | undefined): Diagnostic[] {
  if (diagnostics.some((d) => d.severity === 'error')) return diagnostics;
  const span = { file: file ?? 'config.yaml', start: 0, end: 0 };
  return [
    ...diagnostics,
    { code: 'runner/compile-error', severity: 'error', message: 'The compiler failed', span },
  ];
}
