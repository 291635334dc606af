import { compareDiagnostics, createDiagnostic, type Diagnostic } from '../diagnostics.ts';
import { NAME_PATTERN } from '../model.ts';
import { checkImageConfig } from './check-image-config.ts';
import type { ImageConfig } from './image-config.ts';
import type { RawImage } from './image-source.ts';
import { readConfigYaml } from './parse-config.ts';
import { readKraftYaml } from './parse-kraft.ts';
import { addDiagnostic, createYamlContext, type YamlContext } from '../yaml/index.ts';

/** What a config parser returns: the image (when one could be built) and every problem found. */
export interface ConfigParseResult {
  /** `null` when the text has no map at its root or declares no compartment. */
  config: ImageConfig | null;
  /** Sorted by position; see docs/formats.md, "Diagnostics", for the rules behind each `config/` code. */
  diagnostics: Diagnostic[];
}

/** The image name used when a file gives none and neither does the workspace. */
export const DEFAULT_IMAGE_NAME = 'image';

/**
 * An image name made from a workspace's name (a directory's base name, which may hold capitals,
 * spaces or dots): lower case, every run of other characters a `-`, starting with a letter;
 * `DEFAULT_IMAGE_NAME` when nothing usable is left.
 */
export function imageNameFrom(workspaceName: string | undefined): string {
  const name = (workspaceName ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '');
  return NAME_PATTERN.test(name) ? name : DEFAULT_IMAGE_NAME;
}

/**
 * Parses `config.yaml` (docs/formats.md, "config.yaml: one image") and checks every rule of an
 * image. Never throws: problems are diagnostics with exact spans and, where obvious, fixes.
 * `workspaceName` names the image when the file has no `name:` (see `imageNameFrom`).
 */
export function parseConfigYaml(
  text: string,
  file = 'config.yaml',
  workspaceName?: string,
): ConfigParseResult {
  const name = imageNameFrom(workspaceName);
  return run(text, file, (ctx) => readConfigYaml(ctx, name));
}

/**
 * Parses a FlexOS `kraft.yaml` (specification '0.6') into the same `ImageConfig`, with the same
 * checks. Unikraft-only sections (`unikraft`, `targets`, `volumes`, ...) are accepted and kept
 * (`ImageConfig.kraft`) for writing the file again; of `unikraft: kconfig:` only the FlexOS
 * sharing options are read. `name:` is required there, as the toolchain needs it.
 */
export function parseKraftYaml(
  text: string,
  file = 'kraft.yaml',
  workspaceName?: string,
): ConfigParseResult {
  const name = imageNameFrom(workspaceName);
  return run(text, file, (ctx) => readKraftYaml(ctx, name));
}

/** True when `file` (or, for a name that does not tell, `text`) is a `kraft.yaml`. */
export function isKraftFile(file: string, text = ''): boolean {
  const base = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
  if (/^kraft\.ya?ml$/.test(base)) return true;
  if (/^config\.ya?ml$/.test(base)) return false;
  return /^specification\s*:/m.test(text);
}

/**
 * Parses either format, chosen by file name, or by content (`specification:`) when the name
 * does not tell. `workspaceName` names an image whose file has no `name:`.
 */
export function parseImageConfig(
  text: string,
  file: string,
  workspaceName?: string,
): ConfigParseResult {
  return isKraftFile(file, text)
    ? parseKraftYaml(text, file, workspaceName)
    : parseConfigYaml(text, file, workspaceName);
}

function run(
  text: string,
  file: string,
  read: (ctx: YamlContext) => RawImage | null,
): ConfigParseResult {
  const ctx = createYamlContext(text, file, 'config');
  try {
    const raw = read(ctx);
    // Through the context, so the file's diagnostics stay under one cap.
    if (raw) for (const d of checkImageConfig(raw.config, raw.source)) addDiagnostic(ctx, d);
    const config = raw && raw.config.compartments.length > 0 ? withoutDuplicates(raw.config) : null;
    return { config, diagnostics: [...ctx.diagnostics].sort(compareDiagnostics) };
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
