import {
  GATED_VARIANT_LABELS,
  type GatedFile,
  type GatedVariant,
  type Workspace,
} from '../../core/pipeline/index.ts';
import { analysis } from '../state/analysis.svelte.ts';
import { errorText } from '../state/notices.svelte.ts';
import { workspace } from '../state/workspace.svelte.ts';
import type { SideNotes } from './hover-notes.ts';

/** What one side of the comparison shows: the image as analysed, or a variant. */
export type CompareChoice = 'image' | GatedVariant;

/** One side's text and the notes its hover shows. */
export interface SideView {
  text: string;
  notes: SideNotes;
  /** Still asking the worker; the text is the side's previous one meanwhile. */
  pending: boolean;
  /** Why the variant could not be made. */
  problem: string | null;
}

export function choiceLabel(choice: CompareChoice, imageLabel: string): string {
  return choice === 'image' ? imageLabel : GATED_VARIANT_LABELS[choice];
}

/**
 * The two sides of the gated-C comparison. `source` and `image` come from the shown analysis;
 * other variants are asked of the analysis worker for the shown revision, and an answer for
 * an older revision, file or choice is dropped.
 */
class GatedCompare {
  left = $state<CompareChoice>('source');
  right = $state<CompareChoice>('image');
  /** Answers by `revision|path|variant`. */
  private answers = $state.raw<Record<string, { file: GatedFile | null; problem: string | null }>>(
    {},
  );
  private last: Record<'left' | 'right', SideView | null> = { left: null, right: null };

  /** What side `side` shows for C file `file` (the image's instantiation of it). */
  view(side: 'left' | 'right', file: GatedFile, original: string): SideView {
    const choice = this[side];
    let view: SideView;
    if (choice === 'source')
      view = {
        text: original,
        notes: { notes: file.notes, range: 'original' },
        pending: false,
        problem: null,
      };
    else if (choice === 'image')
      view = {
        text: file.text,
        notes: { notes: file.notes, range: 'instantiated' },
        pending: false,
        problem: null,
      };
    else {
      const answer = this.answers[this.key(file.path, choice)];
      if (!answer) {
        this.ask(file.path, choice);
        const before = this.last[side];
        view = before
          ? { ...before, pending: true }
          : { text: '', notes: { notes: [], range: 'instantiated' }, pending: true, problem: null };
      } else
        view = {
          text: answer.file?.text ?? '',
          notes: { notes: answer.file?.notes ?? [], range: 'instantiated' },
          pending: false,
          problem: answer.problem,
        };
    }
    this.last[side] = view;
    return view;
  }

  private key(path: string, variant: GatedVariant): string {
    return `${analysis.shown?.revision ?? -1}|${path}|${variant}`;
  }

  private readonly asked = new Set<string>();

  private ask(path: string, variant: GatedVariant): void {
    const key = this.key(path, variant);
    if (this.asked.has(key)) return;
    this.asked.add(key);
    // The shown analysis was made from these texts: the variant must match it.
    const ws = analysis.shown?.analysed ?? workspace.snapshot();
    // Asked while a view is derived: the request (and any state it touches) starts after.
    queueMicrotask(() => this.request(key, ws, path, variant));
  }

  private request(key: string, ws: Workspace, path: string, variant: GatedVariant): void {
    analysis.variant(ws, path, variant).then(
      (v) =>
        this.answer(key, v.status === 'ok' ? v.file : null, v.status === 'ok' ? null : v.reason),
      (e: unknown) => this.answer(key, null, errorText(e)),
    );
  }

  private answer(key: string, file: GatedFile | null, problem: string | null): void {
    // Keep only answers for the shown revision: older ones can never be shown again.
    const revision = key.slice(0, key.indexOf('|'));
    const kept = Object.fromEntries(
      Object.entries(this.answers).filter(([k]) => k.startsWith(`${revision}|`)),
    );
    this.answers = { ...kept, [key]: { file, problem } };
  }
}

export const gatedCompare = new GatedCompare();
