import { applyEdits, type TextEdit } from '../diagnostics.ts';
import { applyConfigChange } from './apply-config-change.ts';
import type { ImageChange } from './config-change.ts';
import { sameImageConfig } from './config-equality.ts';
import { createConfigYamlEditor } from './config-yaml-editor.ts';
import type { FormatEditor } from './format-editor.ts';
import type { ImageConfig } from './image-config.ts';
import { createKraftYamlEditor } from './kraft-yaml-editor.ts';
import { isKraftFile, parseImageConfig } from './parse-image-config.ts';
import { printConfigYaml } from './print-config.ts';
import { printKraftYaml } from './print-kraft.ts';
import { replaceAll } from '../yaml/index.ts';

/**
 * Text edits that make `change` in `config.yaml` (or `kraft.yaml`, by file name or content),
 * touching only the entries involved so comments and formatting elsewhere stay. Applying them
 * and parsing again gives `applyConfigChange` of the parsed config; when the text is in a shape
 * the in-place edits cannot handle, one edit rewrites the part that differs instead.
 * Returns no edits when the text holds no usable config or the change changes nothing.
 * Successive calls on the same text parse it once (`createConfigEdits`).
 */
export function toConfigEdits(text: string, file: string, change: ImageChange): TextEdit[] {
  return configEditsOf(text, file).edits(change);
}

/**
 * Only the in-place edits of `toConfigEdits`: `undefined` when the text has no usable config
 * or its shape would need a rewrite. Lets a caller (and the tests) tell the two apart.
 */
export function toInPlaceConfigEdits(
  text: string,
  file: string,
  change: ImageChange,
): TextEdit[] | undefined {
  return configEditsOf(text, file).inPlace(change);
}

/** Edits of one config text for any number of changes. */
export interface ConfigEdits {
  /** As `toConfigEdits`. */
  edits(change: ImageChange): TextEdit[];
  /** As `toInPlaceConfigEdits`. */
  inPlace(change: ImageChange): TextEdit[] | undefined;
}

/**
 * Edits of `text` for many changes (the fixes of every violation of a check): the text is
 * parsed once, and each distinct change is planned and verified once. Verifying is one parse
 * of the edited text: an edit that misreads an unusual layout falls back to a rewrite.
 */
export function createConfigEdits(
  text: string,
  file: string,
  parsed?: { config: ImageConfig | null; workspaceName: string | undefined },
): ConfigEdits {
  const kraft = isKraftFile(file, text);
  // A caller that parsed the text already (a whole check) hands the result in: on a
  // 10,000-library image each parse costs a few hundred milliseconds.
  const name = parsed?.workspaceName;
  const before = parsed ? parsed.config : parseImageConfig(text, file).config;
  const ctx = { text, file };
  let editor: FormatEditor | undefined | null = null;
  const getEditor = (): FormatEditor | undefined =>
    editor === null
      ? (editor = kraft ? createKraftYamlEditor(ctx) : createConfigYamlEditor(ctx))
      : editor;
  const memo = new Map<string, { after: ImageConfig; inPlace: TextEdit[] | undefined }>();

  const editsFor = (change: ImageChange) => {
    if (!before) return undefined;
    const key = JSON.stringify(change);
    let r = memo.get(key);
    if (!r) {
      const after = applyConfigChange(before, change);
      if (sameImageConfig(before, after)) r = { after, inPlace: [] };
      else {
        const e = getEditor();
        const edits = e ? plan(e, before, after, change) : undefined;
        const edited = edits ? parseImageConfig(applyEdits(text, edits), file, name).config : null;
        r = {
          after,
          inPlace: edits && edited && sameImageConfig(edited, after) ? edits : undefined,
        };
      }
      memo.set(key, r);
    }
    return r;
  };

  return {
    edits(change) {
      const r = editsFor(change);
      if (!r) return [];
      if (r.inPlace) return r.inPlace.map((e) => ({ ...e }));
      const next = kraft ? printKraftYaml(r.after) : printConfigYaml(r.after);
      return [replaceAll(ctx, next)];
    },
    inPlace(change) {
      return editsFor(change)?.inPlace?.map((e) => ({ ...e }));
    },
  };
}

/** The edits of the text seen last, so a caller asking change by change parses it once. */
let last: { text: string; file: string; edits: ConfigEdits } | undefined;

function configEditsOf(text: string, file: string): ConfigEdits {
  if (last?.text !== text || last.file !== file)
    last = { text, file, edits: createConfigEdits(text, file) };
  return last.edits;
}

function plan(
  editor: FormatEditor,
  before: ImageConfig,
  after: ImageConfig,
  change: ImageChange,
): TextEdit[] | undefined {
  const has = (config: ImageConfig, name: string): boolean =>
    config.compartments.some((c) => c.name === name);
  const edits: (TextEdit | undefined)[] = [];
  for (const c of after.compartments)
    if (!has(before, c.name)) edits.push(editor.appendCompartment(c.name, c.mechanism));
  for (const c of before.compartments)
    if (!has(after, c.name)) edits.push(editor.removeCompartment(c.name));
  if (change.kind === 'set-mechanism') {
    for (const c of after.compartments) {
      const was = before.compartments.find((b) => b.name === c.name);
      if (was && was.mechanism !== c.mechanism)
        edits.push(editor.setMechanism(c.name, c.mechanism));
    }
    return edits.every((e) => e !== undefined) ? (edits as TextEdit[]) : undefined;
  }
  if (change.kind === 'set-compartment-hardening')
    return one(editor.setCompartmentHardening(change.compartment, change.hardening));
  if (change.kind === 'remove-compartment')
    return edits.every((e) => e !== undefined) ? joinInsertions(edits) : undefined;
  const entry = after.libraries.find((l) => l.name === change.lib);
  if (!entry) return undefined;
  if (change.kind === 'set-hardening')
    edits.push(editor.setHardening(change.lib, change.hardening, entry.compartment));
  else if (change.kind === 'harden')
    edits.push(editor.addHardening(change.lib, change.hardening, entry.compartment));
  else edits.push(editor.setCompartment(change.lib, change.compartment));
  return edits.every((e) => e !== undefined) ? joinInsertions(edits) : undefined;
}

function one(edit: TextEdit | undefined): TextEdit[] | undefined {
  return edit ? joinInsertions([edit]) : undefined;
}

/**
 * Joins insertions at one offset into one edit, in plan order. A new compartment and a new
 * `libraries:` key both go after the last line of the compartments when nothing follows them:
 * applied separately their order would be arbitrary, and the library key could land first.
 */
function joinInsertions(edits: TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edits) {
    if (e.start === e.end && e.text === '') continue;
    const same = out.find((o) => o.start === o.end && e.start === e.end && o.start === e.start);
    if (same) same.text += e.text;
    else out.push({ ...e });
  }
  return out;
}
