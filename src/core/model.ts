/**
 * The vocabulary shared by every part of core: mechanisms, hardening, sharing modes.
 */

/** Canonical mechanism names; aliases are resolved by `backends/`. */
export const MECHANISMS = ['fcalls', 'intel-mpk', 'vm-ept', 'cheri'] as const;
export type Mechanism = (typeof MECHANISMS)[number];

/** Standard software hardening (docs/semantics.md). */
export const HARDENINGS = ['asan', 'ubsan', 'cfi', 'safestack', 'stack-protector'] as const;
export type Hardening = (typeof HARDENINGS)[number];

/** How stack data crosses an MPK gate. */
export const SHARING_MODES = ['heap', 'dss', 'shared-stack'] as const;
export type SharingMode = (typeof SHARING_MODES)[number];

/** Library and compartment names. */
export const NAME_PATTERN = /^[a-z][a-z0-9_-]*$/;

export function isMechanism(s: string): s is Mechanism {
  return (MECHANISMS as readonly string[]).includes(s);
}
export function isHardening(s: string): s is Hardening {
  return (HARDENINGS as readonly string[]).includes(s);
}
export function isSharingMode(s: string): s is SharingMode {
  return (SHARING_MODES as readonly string[]).includes(s);
}

/** Hardening in canonical order, without duplicates. */
export function sortHardening(list: readonly Hardening[]): Hardening[] {
  return HARDENINGS.filter((h) => list.includes(h));
}
