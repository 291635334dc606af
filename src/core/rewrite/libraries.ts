import { createDiagnostic, type Diagnostic } from '../diagnostics.ts';
import { nearestNames } from '../config/nearest-name.ts';
import {
  compartmentNumbers,
  compartmentOf,
  mechanismOf,
  type ImageConfig,
} from '../config/image-config.ts';
import type { Mechanism } from '../model.ts';

/** The gate token of a library: `lib` + its name without dashes (`lib-foo` → `liblibfoo`). */
export function gateToken(lib: string): string {
  return `lib${lib.replace(/-/g, '')}`;
}

/** Where a gate token leads: a library of the image, or the default compartment. */
export interface ResolvedLib {
  /** The library, or `undefined` when the token names none (routed to compartment 0). */
  lib: string | undefined;
  compartment: number;
}

/**
 * What the rules need to know about an image: compartment numbers of libraries, gate tokens
 * (including `aliases:`), and the mechanism.
 */
export interface ImageView {
  mechanism: Mechanism;
  /** Compartment number of a library (its own entry, else the default, 0). */
  compartmentOfLib(lib: string): number;
  /** The library a gate token names, or `undefined`. */
  resolveToken(token: string): string | undefined;
  /** Every gate token the image answers to, for suggestions. */
  tokens(): string[];
}

export function createImageView(config: ImageConfig): ImageView {
  const numbers = compartmentNumbers(config);
  const byToken = new Map<string, string>();
  for (const l of config.libraries) byToken.set(gateToken(l.name), l.name);
  for (const [alias, lib] of Object.entries(config.aliases)) {
    byToken.set(alias, lib);
    if (!alias.startsWith('lib')) byToken.set(gateToken(alias), lib);
  }
  return {
    mechanism: mechanismOf(config),
    compartmentOfLib: (lib) => numbers.get(compartmentOf(config, lib)?.name ?? '') ?? 0,
    resolveToken: (token) => byToken.get(token),
    tokens: () => [...byToken.keys()],
  };
}

/**
 * Resolves a gate token at `start..end` of `file`. An unknown token goes to the default
 * compartment, as the toolchain does, with a `rewrite/unknown-lib` warning whose span gives
 * the file and line (and a fix when a known token is a typo away or the `lib` prefix is
 * missing).
 */
export function resolveGateLib(
  view: ImageView,
  token: string,
  where: { file: string; start: number; end: number },
  diagnostics: Diagnostic[],
): ResolvedLib {
  const lib = view.resolveToken(token);
  if (lib !== undefined) return { lib, compartment: view.compartmentOfLib(lib) };
  const candidates = view.tokens();
  const suggestion = candidates.includes(`lib${token}`)
    ? `lib${token}`
    : nearestNames(token, candidates)[0];
  const span = { file: where.file, start: where.start, end: where.end };
  diagnostics.push(
    createDiagnostic(
      'rewrite/unknown-lib',
      'warning',
      `'${token}' names no library of this image; the gate goes to the default compartment (0)` +
        (suggestion ? `. Did you mean '${suggestion}'?` : ''),
      span,
      suggestion
        ? {
            fixes: [
              { title: `Replace with ${suggestion}`, edits: [{ ...span, text: suggestion }] },
            ],
          }
        : {},
    ),
  );
  return { lib: undefined, compartment: 0 };
}
