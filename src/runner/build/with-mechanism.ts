import { parseDocument, isMap, isSeq } from 'yaml';
import { convertConfig, pickConfigFile, type Workspace } from '../../core/pipeline/index.ts';
import type { Mechanism } from '../../core/model.ts';

/**
 * The workspace with every compartment switched to `mechanism`, for a job that asks to run
 * the image under another mechanism than its file says (a class runs the MPK image under
 * `fcalls` to see what separation prevents).
 *
 * The image description is first normalised by the pipeline (`convertConfig` → `config.yaml`,
 * in its canonical nested form), so the only edit here is the value of each `mechanism:` key.
 * The result is then checked and instantiated by the pipeline like any workspace. Positions in
 * the replaced `config.yaml` are not the user's: callers report configuration problems from
 * the original workspace.
 *
 * Null when the workspace has no usable image description (the original check says why).
 */
export function withMechanism(ws: Workspace, mechanism: Mechanism): Workspace | null {
  const file = pickConfigFile(ws).file;
  const text = file === null ? undefined : ws.files[file];
  if (file === null || text === undefined) return null;
  const converted = convertConfig(text, file, 'config');
  if (converted.status !== 'ok') return null;
  const doc = parseDocument(converted.text);
  const compartments = doc.get('compartments');
  if (!isSeq(compartments)) return null;
  for (const item of compartments.items) {
    // `- name: { mechanism: ..., default: ... }`: one key, the compartment's name.
    const pair = isMap(item) ? item.items[0] : undefined;
    if (pair && isMap(pair.value)) pair.value.set('mechanism', mechanism);
  }
  const files: Record<string, string> = { ...ws.files, 'config.yaml': doc.toString() };
  delete files['kraft.yaml'];
  return { ...ws, files };
}
