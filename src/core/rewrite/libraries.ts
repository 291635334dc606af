import { createDiagnostic, type Diagnostic } from '../diagnostics.ts';
import {
  compartmentNumbers,
  compartmentOf,
  mechanismOf,
  type ImageConfig,
} from '../config/image-config.ts';
import type { Mechanism } from '../model.ts';
import { createLibraryNames, nearestNames } from '../names/index.ts';

/** Where a gate token leads: a library of the image, or the default compartment. */
export interface ResolvedLib {
  /** The library, or `undefined` when the token names none (routed to compartment 0). */
  lib: string | undefined;
  compartment: number;
}

/**
 * What the rules need to know about an image: compartment numbers of libraries, gate tokens
 * (including `aliases:`, resolved by `names/`), and the mechanism.
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
  const names = createLibraryNames(
    config.libraries.map((l) => l.name),
    config.aliases,
  );
  return {
    mechanism: mechanismOf(config),
    compartmentOfLib: (lib) => numbers.get(compartmentOf(config, lib)?.name ?? '') ?? 0,
    resolveToken: names.resolveToken,
    tokens: names.tokens,
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
