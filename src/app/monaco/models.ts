import type { Monaco } from './load-monaco.ts';
import type * as MonacoApi from 'monaco-editor/editor';
import { fileKind } from '../../core/pipeline/index.ts';
import { minimalEdit } from '../../core/diagnostics.ts';

/** The URI of a workspace file's model: `file:///components/sched.flexos`. */
export function uriOf(monaco: Monaco, path: string): MonacoApi.Uri {
  return monaco.Uri.from({ scheme: 'file', path: `/${path}` });
}

/** The workspace path of a model, or `undefined` for models that are not ours (diff views). */
export function pathOf(model: MonacoApi.editor.ITextModel): string | undefined {
  return model.uri.scheme === 'file' ? model.uri.path.slice(1) : undefined;
}

export function languageOf(path: string): string {
  const kind = fileKind(path);
  if (kind === 'component') return 'flexos';
  if (kind === 'c' || /\.[ch]$/.test(path)) return 'c';
  if (/\.ya?ml$/.test(path)) return 'yaml';
  if (/\.md$/i.test(path)) return 'markdown';
  return 'plaintext';
}

/**
 * Keeps one model per workspace file, in step with the store. Text typed in a model is
 * reported through `onEdit`; text changed elsewhere is pushed into the model as one undoable
 * edit of the changed middle, so Ctrl+Z in the editor undoes a quick fix or a graph move.
 */
export function createModelSync(monaco: Monaco, onEdit: (path: string, text: string) => void) {
  const models = new Map<string, MonacoApi.editor.ITextModel>();
  let pushing = false;

  function ensure(path: string, text: string): MonacoApi.editor.ITextModel {
    let model = models.get(path);
    if (!model) {
      const uri = uriOf(monaco, path);
      model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(text, languageOf(path), uri);
      const m = model;
      m.onDidChangeContent(() => {
        if (!pushing) onEdit(path, m.getValue());
      });
      models.set(path, model);
    }
    return model;
  }

  /**
   * Brings models in line with `files`: creates, updates and disposes. With `fresh`, every
   * model is replaced, so undo cannot reach back into another workspace.
   */
  function sync(files: Readonly<Record<string, string>>, fresh = false): void {
    if (fresh) {
      for (const model of models.values()) model.dispose();
      models.clear();
    }
    for (const [path, text] of Object.entries(files)) {
      const model = ensure(path, text);
      if (model.getValue() !== text) replaceMiddle(model, text);
    }
    for (const [path, model] of models) {
      if (!(path in files)) {
        model.dispose();
        models.delete(path);
      }
    }
  }

  function replaceMiddle(model: MonacoApi.editor.ITextModel, text: string): void {
    const old = model.getValue();
    const edit = minimalEdit('', old, text);
    const range = monaco.Range.fromPositions(
      model.getPositionAt(edit.start),
      model.getPositionAt(edit.end),
    );
    pushing = true;
    try {
      model.pushStackElement();
      model.pushEditOperations([], [{ range, text: edit.text }], () => null);
      model.pushStackElement();
    } finally {
      pushing = false;
    }
  }

  return {
    sync,
    get: (path: string) => models.get(path),
    dispose(): void {
      for (const m of models.values()) m.dispose();
      models.clear();
    },
  };
}

export type ModelSync = ReturnType<typeof createModelSync>;
