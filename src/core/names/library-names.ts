/** The gate token of a library: `lib` + its name without dashes (`lib-foo` → `liblibfoo`). */
export function gateToken(lib: string): string {
  return `lib${lib.replace(/-/g, '')}`;
}

/**
 * How the names a source writes lead to the libraries of one image. Every place that reads a
 * gate token (the rewriter, the textual gate scan, the compartment graph) asks this, so a token
 * means the same library everywhere.
 */
export interface LibraryNames {
  /** The library a gate token names, or `undefined` (see `createLibraryNames`). */
  resolveToken(token: string): string | undefined;
  /**
   * The library a gate target names: a gate token, else a library of exactly that name (the
   * rewriter reports the callees it resolved by name).
   */
  resolveTarget(target: string): string | undefined;
  /** Every gate token the image answers to, for suggestions. */
  tokens(): string[];
}

/** Unikraft's C libraries: FlexOS sources write `libc` for whichever the image has. */
const C_LIBRARIES = ['newlib', 'musl', 'nolibc'];

/**
 * Gate tokens of `libraries` and of `aliases:` (docs/formats.md, "Gate tokens and
 * aliases"). A library answers to `gateToken(name)`; an alias key answers both as written
 * (`libc`) and as a library name would (`liblibc`), and an alias wins over a library with the
 * same token, so `aliases: {libc: newlib}` sends both `libc` and `liblibc` to `newlib`.
 * Without such an alias, `libc` names the image's C library when it has exactly one
 * (`newlib`, `musl` or `nolibc`), as FlexOS's own sources expect (`flexos_gate(libc, ...)`).
 */
export function createLibraryNames(
  libraries: readonly string[],
  aliases: Readonly<Record<string, string>>,
): LibraryNames {
  const byToken = new Map<string, string>();
  for (const lib of libraries) byToken.set(gateToken(lib), lib);
  for (const [alias, lib] of Object.entries(aliases)) {
    byToken.set(alias, lib);
    byToken.set(gateToken(alias), lib);
  }
  const cLibraries = C_LIBRARIES.filter((c) => libraries.includes(c));
  if (!byToken.has('libc') && cLibraries.length === 1) byToken.set('libc', cLibraries[0] as string);
  const known = new Set(libraries);
  const resolveToken = (token: string): string | undefined => byToken.get(token);
  return {
    resolveToken,
    resolveTarget: (target) => resolveToken(target) ?? (known.has(target) ? target : undefined),
    tokens: () => [...byToken.keys()],
  };
}
