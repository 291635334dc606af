import { tick } from 'svelte';
import { analysis } from './analysis.svelte.ts';
import { editorBridge } from './editor-bridge.svelte.ts';
import { saver } from './autosave.svelte.ts';
import { examples } from './examples.svelte.ts';
import { lesson } from './exercise.svelte.ts';
import { canInsertGates, insertGates } from './insert-gates.svelte.ts';
import { notices } from './notices.svelte.ts';
import { startRun } from './run.svelte.ts';
import { openExample } from './session.ts';
import { shareUi } from './share-ui.svelte.ts';
import { solveUi } from './solve.svelte.ts';
import { theme } from './theme.svelte.ts';
import { MECHANISMS } from '../../core/model.ts';
import { switchMechanism } from './mechanism-switch.ts';
import { downloadBuild, downloadZip } from './transfer.ts';
import { ui } from './ui.svelte.ts';
import { PANELS, workspace } from './workspace.svelte.ts';

/** One entry of the command list (Ctrl/Cmd+K). */
export interface Command {
  id: string;
  title: string;
  /** Shown next to the title, e.g. `Ctrl+S`. */
  shortcut?: string;
  run(): void;
}

/**
 * Moves focus to what a command showed, once the page has drawn it: the command list gives
 * focus back to where it was opened from when it closes, which would leave a keyboard user
 * far from the result.
 */
export function focusSoon(find: () => HTMLElement | null | undefined): void {
  void tick().then(() => requestAnimationFrame(() => find()?.focus()));
}

/** Focuses the side panel `panel` once shown. */
function showPanel(panel: (typeof PANELS)[number]): void {
  workspace.settings.panel = panel;
  focusSoon(() => document.getElementById(`panel-${panel}`));
}

/** Focuses the editor once it shows what was opened. */
function focusEditor(): void {
  void tick().then(() => requestAnimationFrame(() => editorBridge.focus()));
}

const PANEL_TITLES = {
  graph: 'compartment graph',
  gated: 'gated C',
  explore: 'design space',
  run: 'Run panel (program output)',
  lesson: 'lesson (README, exercise instructions and checklist)',
};

/** Everything the command list offers, built when it opens (examples and files may change). */
export function listCommands(mod: string): Command[] {
  const active = workspace.active;
  return [
    {
      id: 'run',
      title: 'Run: build the program and run it on the runner',
      shortcut: `${mod}+Enter`,
      run: () => {
        startRun();
        focusSoon(() => document.getElementById('panel-run'));
      },
    },
    {
      id: 'solve',
      title: 'Solve: the fewest compartments that separate every conflict…',
      shortcut: `${mod}+Shift+S`,
      run: () => solveUi.start(),
    },
    ...(canInsertGates(active)
      ? [
          {
            id: 'insert-gates',
            title: `Insert gates into ${active} (calls into other libraries)`,
            run: () => {
              void insertGates.insert(active);
              focusSoon(() => document.getElementById('problems'));
            },
          },
        ]
      : []),
    {
      id: 'save',
      title: 'Save now',
      shortcut: `${mod}+S`,
      run: () =>
        void saver
          .saveNow()
          .then((ok) => ok && notices.push('info', 'Saved in this browser.', 2000)),
    },
    {
      id: 'share',
      title: 'Share: copy a link to this playground',
      run: () => void shareUi.share(),
    },
    { id: 'playgrounds', title: 'My playgrounds…', run: () => (ui.playgrounds = true) },
    {
      id: 'make-exercise',
      title: 'Make an exercise from this playground…',
      run: () => (lesson.making = true),
    },
    { id: 'new-file', title: 'New file…', run: () => (ui.treeRequest = 'file') },
    {
      id: 'new-library',
      title: 'New library (C file and metadata)…',
      run: () => (ui.treeRequest = 'library'),
    },
    { id: 'download', title: 'Download as .zip', run: downloadZip },
    {
      id: 'download-build',
      title: 'Download the build for the FlexOS toolchain (kraft.yaml, gated C)',
      run: () => void downloadBuild(),
    },
    ...MECHANISMS.map((m) => ({
      id: `mechanism-${m}`,
      title: `Mechanism: switch the whole image to ${m} (one undoable edit of config.yaml)`,
      run: () => void switchMechanism(m),
    })),
    {
      id: 'upload',
      title: 'Upload a .zip…',
      run: () => document.querySelector<HTMLInputElement>('[data-testid="upload-input"]')?.click(),
    },
    ...PANELS.map((p) => ({
      id: `panel-${p}`,
      title: `Show the ${PANEL_TITLES[p]}`,
      run: () => showPanel(p),
    })),
    ...examples.list.map((e) => ({
      id: `example-${e.slug}`,
      title: `Open example: ${e.slug}${e.title !== e.slug ? ` — ${e.title}` : ''}`,
      run: () => {
        openExample(e.slug);
        focusEditor();
      },
    })),
    ...workspace.paths.map((p) => ({
      id: `open-${p}`,
      title: `Open file: ${p}`,
      run: () => {
        workspace.open(p);
        focusEditor();
      },
    })),
    { id: 'theme-system', title: 'Theme: follow the system', run: () => theme.set('system') },
    { id: 'theme-light', title: 'Theme: light', run: () => theme.set('light') },
    { id: 'theme-dark', title: 'Theme: dark', run: () => theme.set('dark') },
    {
      id: 'restart-worker',
      title: 'Restart the analysis worker',
      run: () => analysis.restart('The analysis worker was restarted from the command list.'),
    },
  ];
}

/** Case-insensitive match of every word of `query`, in any order. */
export function matches(command: Command, query: string): boolean {
  const title = command.title.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => title.includes(w));
}
