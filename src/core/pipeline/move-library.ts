import {
  compartmentOf,
  parseImageConfig,
  toConfigEdits,
  type ConfigChange,
} from '../config/index.ts';
import type { TextEdit } from '../diagnostics.ts';
import { describeChange, freshCompartmentName } from '../solver/index.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { pickConfigFile } from './config-file.ts';

/** A library move as the compartment graph asks for it, turned into edits of the config file. */
export interface LibraryMove {
  change: ConfigChange;
  /** "Move kv to compartment comp2", for undo and notices. */
  title: string;
  edits: TextEdit[];
}

/**
 * Plans moving `lib` into compartment `target`, or into a new compartment when `target` is
 * `null` (a drop on empty space). Returns `null` when nothing would change or the config
 * cannot be read; the edits touch only the entries involved.
 */
export function planLibraryMove(
  ws: Workspace,
  lib: string,
  target: string | null,
): LibraryMove | null {
  const { file } = pickConfigFile(ws);
  if (file === null) return null;
  const text = ws.files[file] ?? '';
  const { config } = parseImageConfig(text, file);
  if (!config) return null;
  if (target !== null && compartmentOf(config, lib)?.name === target) return null;
  const change: ConfigChange =
    target === null
      ? { kind: 'new-compartment', lib, compartment: freshCompartmentName(config) }
      : { kind: 'move', lib, compartment: target };
  const edits = toConfigEdits(text, file, change);
  return edits.length > 0 ? { change, title: describeChange(change), edits } : null;
}
