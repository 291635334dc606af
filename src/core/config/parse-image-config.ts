import { compareDiagnostics, createDiagnostic, type Diagnostic } from '../diagnostics.ts';
import { checkImageConfig } from './check-image-config.ts';
import type { ImageConfig } from './image-config.ts';
import type { RawImage } from './image-source.ts';
import { readConfigYaml } from './parse-config.ts';
import { readKraftYaml } from './parse-kraft.ts';
import { createYamlContext, type YamlContext } from '../yaml/index.ts';

/** What a config parser returns: the image (when one could be built) and every problem found. */
export interface ConfigParseResult {
  /** `null` when the text has no map at its root or declares no compartment. */
  config: ImageConfig | null;
  /** Sorted by position; see docs/formats.md, "Diagnostics", for the rules behind each `config/` code. */
  diagnostics: Diagnostic[];
}

/**
 * Parses `config.yaml` (docs/formats.md, "config.yaml: one image") and checks every rule of an
 * image. Never throws: problems are diagnostics with exact spans and, where obvious, fixes.
 */
export function parseConfigYaml(text: string, file = 'config.yaml'): ConfigParseResult {
  return run(text, file, readConfigYaml);
}

/**
 * Parses a FlexOS `kraft.yaml` (specification '0.6') into the same `ImageConfig`, with the same
 * checks. Unikraft-only sections (`unikraft`, `targets`, `volumes`, ...) are accepted and ignored,
 * except the FlexOS sharing options in `unikraft: kconfig:`.
 */
export function parseKraftYaml(text: string, file = 'kraft.yaml'): ConfigParseResult {
  return run(text, file, readKraftYaml);
}

/** True when `file` (or, for a name that does not tell, `text`) is a `kraft.yaml`. */
export function isKraftFile(file: string, text = ''): boolean {
  const base = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
  if (/^kraft\.ya?ml$/.test(base)) return true;
  if (/^config\.ya?ml$/.test(base)) return false;
  return /^specification\s*:/m.test(text);
}

/** Parses either format, chosen by file name, or by content (`specification:`) when the name does not tell. */
export function parseImageConfig(text: string, file: string): ConfigParseResult {
  return isKraftFile(file, text) ? parseKraftYaml(text, file) : parseConfigYaml(text, file);
}

function run(
  text: string,
  file: string,
  read: (ctx: YamlContext) => RawImage | null,
): ConfigParseResult {
  const ctx = createYamlContext(text, file, 'config');
  try {
    const raw = read(ctx);
    const diagnostics = raw
      ? [...ctx.diagnostics, ...checkImageConfig(raw.config, raw.source)]
      : ctx.diagnostics;
    const config = raw && raw.config.compartments.length > 0 ? withoutDuplicates(raw.config) : null;
    return { config, diagnostics: diagnostics.sort(compareDiagnostics) };
  } catch (error) {
    // Only a bug gets here; a user's file must still get an answer, and tests look for this code.
    const message = `Internal error while reading ${file}: ${error instanceof Error ? error.message : String(error)}`;
    const span = { file, start: 0, end: 0 };
    return {
      config: null,
      diagnostics: [createDiagnostic('config/internal-error', 'error', message, span)],
    };
  }
}

/** Keeps the first of duplicated compartments and libraries (the others are reported). */
function withoutDuplicates(config: ImageConfig): ImageConfig {
  const first = <T extends { name: string }>(list: T[]): T[] => {
    const seen = new Set<string>();
    return list.filter((x) => !seen.has(x.name) && seen.add(x.name));
  };
  return {
    ...config,
    compartments: first(config.compartments),
    libraries: first(config.libraries),
  };
}
