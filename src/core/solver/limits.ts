import { getBackend } from '../backends/index.ts';
import { createDiagnostic, type Diagnostic, type Span } from '../diagnostics.ts';
import { mechanismOf, type ImageConfig } from '../config/image-config.ts';

/** A span for a diagnostic about the image as a whole: its first written span, else the top of config.yaml. */
export function imageSpan(config: ImageConfig): Span {
  const first =
    config.compartments.find((c) => c.span)?.span ?? config.libraries.find((l) => l.span)?.span;
  return first ? { file: first.file, start: 0, end: 0 } : { file: 'config.yaml', start: 0, end: 0 };
}

/**
 * Limits of the image's mechanism that the config breaks: `solver/limit-exceeded` (error) when
 * it declares more compartments than the backend supports (MPK 15 besides the shared domain,
 * VM/EPT 16), on the first compartment past the limit.
 */
export function checkLimits(config: ImageConfig): Diagnostic[] {
  const backend = getBackend(mechanismOf(config));
  const count = config.compartments.length;
  if (count <= backend.maxCompartments) return [];
  const over = config.compartments[backend.maxCompartments];
  return [
    createDiagnostic(
      'solver/limit-exceeded',
      'error',
      `${backend.label} supports at most ${backend.maxCompartments} compartments; this image declares ${count}`,
      over?.span ?? imageSpan(config),
    ),
  ];
}
