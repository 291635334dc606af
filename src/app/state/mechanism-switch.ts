import type { Mechanism } from '../../core/model.ts';
import { analysis } from './analysis.svelte.ts';
import { errorText, notices } from './notices.svelte.ts';
import { workspace } from './workspace.svelte.ts';

/**
 * Gives every compartment of the image `mechanism`, as one edit of the config file that
 * the editor's undo reverts (the pipeline plans it in the analysis worker, keeping comments).
 */
export async function switchMechanism(mechanism: Mechanism): Promise<void> {
  const file = analysis.shown?.result.configFile;
  if (!file || workspace.files[file] === undefined) {
    notices.push('warning', 'There is no config.yaml to change.');
    return;
  }
  const before = workspace.files[file];
  try {
    const plan = await analysis.planMechanism(workspace.snapshot(), mechanism);
    if (!plan) {
      notices.push('info', `Every compartment uses ${mechanism} already (or ${file} has errors).`);
      return;
    }
    if (workspace.files[file] !== before) {
      notices.push('warning', `${file} changed while the switch was planned; try again.`);
      return;
    }
    workspace.applyEdits(plan.edits);
    notices.push('info', `${plan.title}; Ctrl+Z in the editor undoes it.`, 4000);
  } catch (e) {
    notices.push('error', `The switch failed: ${errorText(e)}`);
  }
}
