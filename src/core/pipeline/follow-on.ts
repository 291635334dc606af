import { createDiagnostic, type Diagnostic } from '../diagnostics.ts';

/**
 * Warnings (and notes) whose finding depends on what the image config says: which libraries
 * the image holds, where each one sits, which mechanism separates them. While the config file
 * itself has errors, these describe a half-read image (a misspelled library is "without
 * metadata", its gates "route to compartment 0"), so they are held back until the config is
 * fixed. Errors are never held back: a violation stays visible even next to a config error.
 */
export const FOLLOW_ON_CODES: ReadonlySet<string> = new Set([
  'meta/unknown-component-call',
  'meta/unknown-requires-who',
  'solver/call-not-in-api',
  'solver/missing-component',
  'rewrite/unknown-lib',
  'rewrite/sharing-fallback',
  'rewrite/address-crosses-gate',
]);

/**
 * Config errors that leave the image completely read: an empty compartment is drawn as it is,
 * and it is the usual state halfway through moving a library by hand, when the violations it
 * causes are exactly what the user wants to see.
 */
const WHOLE_IMAGE_CODES: ReadonlySet<string> = new Set(['config/unused-compartment']);

/**
 * Whether `d` is an error of the image config file that leaves the image half read (not a
 * violation reported there, not a rule broken by a completely read image).
 */
export function isConfigError(d: Diagnostic, configFile: string | null): boolean {
  return (
    d.severity === 'error' &&
    !WHOLE_IMAGE_CODES.has(d.code) &&
    ((configFile !== null && d.span.file === configFile && d.code.startsWith('config/')) ||
      d.code === 'workspace/no-config')
  );
}

/** How many errors the image config has; 0 means the graph and gated C can be trusted. */
export function countConfigErrors(
  diagnostics: readonly Diagnostic[],
  configFile: string | null,
): number {
  return diagnostics.filter((d) => isConfigError(d, configFile)).length;
}

/**
 * Drops the follow-on warnings of `diagnostics` while the config file has errors, and says
 * how many were held back in one `workspace/follow-on-hidden` note at the first config error,
 * so the Problems panel and `flexos check` never hide them silently.
 */
export function holdFollowOns(
  diagnostics: readonly Diagnostic[],
  configFile: string | null,
): Diagnostic[] {
  const first = diagnostics.find((d) => isConfigError(d, configFile));
  if (!first) return [...diagnostics];
  const kept = diagnostics.filter((d) => d.severity === 'error' || !FOLLOW_ON_CODES.has(d.code));
  const hidden = diagnostics.length - kept.length;
  if (hidden === 0) return kept;
  const what = hidden === 1 ? 'warning that follows' : `${hidden} warnings that follow`;
  kept.push(
    createDiagnostic(
      'workspace/follow-on-hidden',
      'info',
      `${hidden === 1 ? 'One' : ''} ${what} from this error ${hidden === 1 ? 'is' : 'are'} hidden until ${first.span.file} is fixed`.trim(),
      { ...first.span },
    ),
  );
  return kept;
}
