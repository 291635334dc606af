import { applyEdits, type TextEdit } from '../diagnostics.ts';
import { applyConfigChange } from './apply-config-change.ts';
import type { ConfigChange } from './config-change.ts';
import { sameImageConfig } from './config-equality.ts';
import { createConfigYamlEditor } from './config-yaml-editor.ts';
import type { FormatEditor } from './format-editor.ts';
import type { ImageConfig } from './image-config.ts';
import { createKraftYamlEditor } from './kraft-yaml-editor.ts';
import { isKraftFile, parseImageConfig } from './parse-image-config.ts';
import { printConfigYaml } from './print-config.ts';
import { printKraftYaml } from './print-kraft.ts';
import { replaceAll } from './yaml-edits.ts';

/**
 * Text edits that make `change` in `config.yaml` (or `kraft.yaml`, by file name or content),
 * touching only the entries involved so comments and formatting elsewhere stay. Applying them
 * and parsing again gives `applyConfigChange` of the parsed config; when the text is in a shape
 * the in-place edits cannot handle, one edit rewrites the part that differs instead.
 * Returns no edits when the text holds no usable config or the change changes nothing.
 */
export function toConfigEdits(text: string, file: string, change: ConfigChange): TextEdit[] {
  const result = editsFor(text, file, change);
  if (!result) return [];
  if (result.inPlace) return result.inPlace;
  const next = isKraftFile(file, text)
    ? printKraftYaml(result.after)
    : printConfigYaml(result.after);
  return [replaceAll({ text, file }, next)];
}

/**
 * Only the in-place edits of `toConfigEdits`: `undefined` when the text has no usable config
 * or its shape would need a rewrite. Lets a caller (and the tests) tell the two apart.
 */
export function toInPlaceConfigEdits(
  text: string,
  file: string,
  change: ConfigChange,
): TextEdit[] | undefined {
  return editsFor(text, file, change)?.inPlace;
}

function editsFor(
  text: string,
  file: string,
  change: ConfigChange,
): { after: ImageConfig; inPlace: TextEdit[] | undefined } | undefined {
  const before = parseImageConfig(text, file).config;
  if (!before) return undefined;
  const after = applyConfigChange(before, change);
  if (sameImageConfig(before, after)) return { after, inPlace: [] };
  const ctx = { text, file };
  const editor = isKraftFile(file, text) ? createKraftYamlEditor(ctx) : createConfigYamlEditor(ctx);
  const edits = editor ? plan(editor, before, after, change) : undefined;
  // Re-parsing is the proof: an edit that misreads an unusual layout falls back to a rewrite.
  const edited = edits ? parseImageConfig(applyEdits(text, edits), file).config : null;
  return { after, inPlace: edits && edited && sameImageConfig(edited, after) ? edits : undefined };
}

function plan(
  editor: FormatEditor,
  before: ImageConfig,
  after: ImageConfig,
  change: ConfigChange,
): TextEdit[] | undefined {
  const has = (config: ImageConfig, name: string): boolean =>
    config.compartments.some((c) => c.name === name);
  const edits: (TextEdit | undefined)[] = [];
  for (const c of after.compartments)
    if (!has(before, c.name)) edits.push(editor.appendCompartment(c.name, c.mechanism));
  for (const c of before.compartments)
    if (!has(after, c.name)) edits.push(editor.removeCompartment(c.name));
  const entry = after.libraries.find((l) => l.name === change.lib);
  if (!entry) return undefined;
  if (change.kind === 'harden')
    edits.push(editor.addHardening(change.lib, change.hardening, entry.compartment));
  else edits.push(editor.setCompartment(change.lib, change.compartment));
  return edits.every((e) => e !== undefined) ? edits : undefined;
}
