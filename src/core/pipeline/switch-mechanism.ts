import { mechanismOf, parseImageConfig, toConfigEdits } from '../config/index.ts';
import type { TextEdit } from '../diagnostics.ts';
import type { Mechanism } from '../model.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { pickConfigFile } from './config-file.ts';

/** The mechanism of the whole image switched, as edits of its config file. */
export interface MechanismSwitch {
  file: string;
  /** "Switch the image to vm-ept", for undo and notices. */
  title: string;
  edits: TextEdit[];
}

/**
 * Plans giving every compartment of the image `mechanism` (one mechanism per image, so it
 * switches as a whole): the `mechanism:` of each compartment is rewritten in place, keeping
 * comments and the form of the file. `null` when the config cannot be read or every
 * compartment has that mechanism already.
 */
export function planMechanismSwitch(ws: Workspace, mechanism: Mechanism): MechanismSwitch | null {
  const { file } = pickConfigFile(ws);
  if (file === null) return null;
  const text = ws.files[file] ?? '';
  const { config } = parseImageConfig(text, file);
  if (!config || config.compartments.every((c) => c.mechanism === mechanism)) return null;
  const edits = toConfigEdits(text, file, { kind: 'set-mechanism', mechanism });
  if (edits.length === 0) return null;
  const from = mechanismOf(config);
  return { file, title: `Switch the image from ${from} to ${mechanism}`, edits };
}
