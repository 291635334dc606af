import type { ConfigChange } from '../config/config-change.ts';
import { toConfigEdits } from '../config/config-edits.ts';
import { compartmentOf } from '../config/image-config.ts';
import { parseImageConfig } from '../config/parse-image-config.ts';
import type { TextEdit } from '../diagnostics.ts';
import { describeChange, freshCompartmentName } from '../solver/fixes.ts';

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
  text: string,
  file: string,
  lib: string,
  target: string | null,
): LibraryMove | null {
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
