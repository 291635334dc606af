import { errorText, notices } from './notices.svelte.ts';
import { openAsNew } from './session.ts';
import { workspace } from './workspace.svelte.ts';
import { downloadBytes, fromZip, toZip } from './zip.ts';

/** Downloads the workspace as `<title>.zip`. */
export function downloadZip(): void {
  const name = workspace.title.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'playground';
  downloadBytes(toZip(workspace.snapshot(), workspace.title), `${name}.zip`);
}

/** Opens a .zip chosen by the user as a new playground; a bad file is explained. */
export async function uploadZip(file: File): Promise<void> {
  try {
    const result = fromZip(
      new Uint8Array(await file.arrayBuffer()),
      file.name.replace(/\.zip$/i, ''),
    );
    if (result.status === 'ok') openAsNew(result.workspace, result.title);
    else notices.push('error', `${file.name} cannot be opened: ${result.reason}.`);
  } catch (e) {
    notices.push('error', `${file.name} cannot be read: ${errorText(e)}`);
  }
}
