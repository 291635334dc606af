import type * as MonacoApi from 'monaco-editor/editor';
import { noteRangeAt, type GatedNote } from '../../core/pipeline/index.ts';
import type { Monaco } from '../monaco/load-monaco.ts';

/** The notes of one side of the diff, and which of their ranges lie in that side's text. */
export interface SideNotes {
  notes: readonly GatedNote[];
  range: 'original' | 'instantiated';
}

/**
 * A Monaco hover for C models that shows the note (rule and reason) of the gate or shared
 * variable under the pointer. `notesOf` says which notes belong to a model (null: not ours),
 * so the editor's own C models are left alone.
 */
export function registerNoteHovers(
  monaco: Monaco,
  notesOf: (model: MonacoApi.editor.ITextModel) => SideNotes | null,
): { dispose(): void } {
  return monaco.languages.registerHoverProvider('c', {
    provideHover(model, position) {
      const side = notesOf(model);
      if (!side) return null;
      const found = noteRangeAt(side.notes, side.range, model.getOffsetAt(position));
      if (!found) return null;
      const { note, range: r } = found;
      const start = model.getPositionAt(r.start);
      const end = model.getPositionAt(r.end);
      return {
        range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column),
        contents: [{ value: `**${note.rule}**` }, { value: note.why }],
      };
    },
  });
}
