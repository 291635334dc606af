import { createDiagnostic, type Diagnostic } from '../../core/diagnostics.ts';
import type { Hardening } from '../../core/model.ts';
import type { WorkspaceBuild } from '../../core/pipeline/index.ts';

/**
 * How the runner's gcc applies each hardening to one library's translation units, or why it
 * cannot. ubsan traps (no run-time library, so it also links statically into the guest);
 * asan needs its run-time library and therefore a dynamically linked program.
 */
const FLAGS: Readonly<Record<Hardening, { cflags: string[] } | { missing: string }>> = {
  asan: { cflags: ['-fsanitize=address', '-fno-omit-frame-pointer'] },
  ubsan: { cflags: ['-fsanitize=undefined', '-fsanitize-undefined-trap-on-error'] },
  'stack-protector': { cflags: ['-fstack-protector-strong'] },
  cfi: { missing: 'gcc has no control-flow integrity checks (clang -fsanitize=cfi does)' },
  safestack: { missing: 'gcc has no SafeStack (clang -fsanitize=safe-stack does)' },
};

/**
 * What the runner passes to ld.so and packs into the guest for a program built with asan: the
 * dynamic loader and the libraries libasan and the C library need, looked up by gcc, at the
 * root of the guest's file system (`-rpath /`).
 */
export const ASAN_GUEST_LIBRARIES = [
  'ld-linux-x86-64.so.2',
  'libc.so.6',
  'libm.so.6',
  'libgcc_s.so.1',
  'libasan.so.8',
];

export interface HardeningPlan {
  /** Extra compiler flags of each library (absent: none). */
  cflags: Map<string, string[]>;
  /** Whether any library uses asan: the program links libasan, dynamically. */
  asan: boolean;
  /** `runner/hardening-not-applied` warnings for what gcc cannot do. */
  diagnostics: Diagnostic[];
}

/**
 * Why asan is not applied in the native sandbox: ASan reserves its shadow memory (about 20 TB
 * of address space) up front, and the sandbox's memory limit is a limit on address space. A
 * guest's memory is bounded by QEMU instead.
 */
const ASAN_NATIVE =
  'ASan reserves about 20 TB of address space, which the native sandbox’s memory limit forbids (qemu-mpk applies it)';

/**
 * The compiler flags of each library's hardening, and warnings for the ones left out; `guest`:
 * the program runs in a QEMU guest, where asan can be applied.
 */
export function planHardening(
  build: WorkspaceBuild,
  libs: readonly string[],
  guest: boolean,
): HardeningPlan {
  const cflags = new Map<string, string[]>();
  const missing = new Map<Hardening, { why: string; libs: string[] }>();
  let asan = false;
  for (const lib of libs) {
    const flags: string[] = [];
    for (const h of build.hardening[lib] ?? []) {
      const how: { cflags: string[] } | { missing: string } =
        h === 'asan' && !guest ? { missing: ASAN_NATIVE } : FLAGS[h];
      if ('missing' in how) {
        const known = missing.get(h) ?? { why: how.missing, libs: [] };
        missing.set(h, { ...known, libs: [...known.libs, lib] });
        continue;
      }
      flags.push(...how.cflags);
      if (h === 'asan') asan = true;
    }
    if (flags.length > 0) cflags.set(lib, [...new Set(flags)]);
  }
  const span = { file: build.files['config.yaml'] !== undefined ? 'config.yaml' : 'kraft.yaml' };
  const diagnostics = [...missing].map(([h, { why, libs: which }]) =>
    createDiagnostic(
      'runner/hardening-not-applied',
      'warning',
      `${h} of ${which.join(', ')} is not applied here: ${why}; the program runs without it`,
      { ...span, start: 0, end: 0 },
    ),
  );
  return { cflags, asan, diagnostics };
}

/**
 * Link flags of a program with asan: libasan, the runtime's hooks it calls exported (libasan's
 * own weak ones win otherwise), and in a guest the loader and `-rpath` at `/`.
 */
export function asanLinkFlags(guest: boolean): string[] {
  return [
    '-fsanitize=address',
    '-Wl,--export-dynamic-symbol=__asan_default_options',
    '-Wl,--export-dynamic-symbol=__asan_on_error',
    ...(guest
      ? ['-Wl,--dynamic-linker=/ld-linux-x86-64.so.2', '-Wl,-rpath,/', '-Wl,--disable-new-dtags']
      : []),
  ];
}
