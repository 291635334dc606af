import { getBackend } from '../../backends/index.ts';
import type { ImageConfig } from '../../config/image-config.ts';
import {
  compareDiagnostics,
  createDiagnostic,
  type Diagnostic,
  type TextEdit,
} from '../../diagnostics.ts';
import type { SharingMode } from '../../model.ts';
import { parseErrors, withCDocument, type CDocument } from '../parse-c.ts';
import { applyEditList, conflictingEdit, createEditList } from '../edits.ts';
import { createImageView } from '../libraries.ts';
import { hiddenBranchWarnings } from '../hidden-branches.ts';
import { findPlaceholderCalls } from '../placeholders.ts';
import type { CParser } from '../parser-types.ts';
import { instantiateAllocations } from './alloc.ts';
import { instantiateCallbacks } from './callbacks.ts';
import type { GateSite, RuleContext } from './context.ts';
import { instantiateGates } from './gates.ts';
import { instantiateLiterals } from './literals.ts';
import {
  instantiateHiddenBranches,
  instantiateMacroBodies,
  macroBodiesWithPlaceholders,
} from './macros.ts';
import { findSharedSites, type SharedSite } from './shared-sites.ts';
import { instantiateWhitelist, type SharedVariable } from './whitelist.ts';
import { effectiveSharing, instantiateLocals } from './whitelist-locals.ts';

export interface InstantiateOptions {
  /** The library the file belongs to. */
  lib: string;
  config: ImageConfig;
  /** Overrides `config.sharing`. */
  sharing?: SharingMode;
}

export interface InstantiateResult {
  /** The file with every placeholder instantiated; the input itself when there are none. */
  text: string;
  diagnostics: Diagnostic[];
  gates: GateSite[];
  /** The whitelisted variables, in text order (for explanations). */
  shared: SharedSite[];
  /**
   * The edits that made `text`, in text order: maps a range of the original to the
   * instantiated text (`mapRange`).
   */
  applied: TextEdit[];
}

/** Parses `text`, instantiates it, frees the tree. */
export function instantiate(
  parser: CParser,
  file: string,
  text: string,
  options: InstantiateOptions,
): InstantiateResult {
  return withCDocument(parser, file, text, (doc) => instantiateDocument(doc, options));
}

/**
 * Instantiates every placeholder of an already parsed file for one image (its mechanism,
 * compartments and sharing mode). The rules collect edits against the original text, which
 * are applied once at the end. Does not free `doc.tree`.
 */
export function instantiateDocument(
  doc: CDocument,
  options: InstantiateOptions,
): InstantiateResult {
  const { config, lib } = options;
  const view = createImageView(config);
  const backend = getBackend(view.mechanism);
  const requested = options.sharing ?? config.sharing;
  const diagnostics: Diagnostic[] = parseErrors(doc);
  if (!config.libraries.some((l) => l.name === lib)) {
    diagnostics.push(
      createDiagnostic(
        'rewrite/unknown-lib',
        'warning',
        `library '${lib}' is not in image '${config.name}'; it is placed in the default compartment (0)`,
        { file: doc.file, start: 0, end: 0 },
      ),
    );
  }
  const counters = new Map<string, number>();
  // Names the rules generate all start with an underscore and `flexos`/`dss`; collected once
  // so that choosing a fresh one never rescans the text.
  const taken = new Set(doc.text.match(/\b_(?:flexos|dss)_\w*/g) ?? []);
  const ctx: RuleContext = {
    doc,
    lib,
    home: view.compartmentOfLib(lib),
    view,
    mechanism: view.mechanism,
    backend,
    sharing: effectiveSharing({ backend, mechanism: view.mechanism }, requested),
    edits: createEditList(doc.file),
    diagnostics,
    gates: [],
    fresh(base) {
      let n = counters.get(base) ?? 0;
      while (taken.has(`${base}${n}`)) n++;
      counters.set(base, n + 1);
      return `${base}${n}`;
    },
    scoped: (base) => (taken.has(base) ? ctx.fresh(base) : base),
    span: (node) => ({ file: doc.file, start: node.startIndex, end: node.endIndex }),
  };
  const calls = findPlaceholderCalls(doc);
  instantiateGates(ctx, calls);
  instantiateAllocations(ctx, calls);
  instantiateLiterals(ctx, calls);
  instantiateMacroBodies(ctx, macroBodiesWithPlaceholders(doc));
  if (doc.hidden.length > 0) instantiateHiddenBranches(ctx);
  const locals = instantiateWhitelist(ctx);
  instantiateLocals(ctx, locals, requested);
  instantiateCallbacks(ctx);
  if (doc.hidden.length > 0) diagnostics.push(...hiddenBranchProblems(ctx, locals));
  const dropped: TextEdit[] = [];
  const applied: TextEdit[] = [];
  const text =
    ctx.edits.edits.length > 0
      ? applyEditList(doc.text, ctx.edits.edits, dropped, applied)
      : doc.text;
  for (const e of dropped) diagnostics.push(conflictingEdit(e));
  ctx.gates.sort((a, b) => a.span.start - b.span.start);
  return {
    text,
    diagnostics: diagnostics.sort(compareDiagnostics),
    gates: ctx.gates,
    shared: findSharedSites(doc),
    applied,
  };
}

/** What the textual instantiation of hidden branches (macros.ts) cannot do: attributes. */
const PLACEHOLDER_ATTRIBUTE = /\bflexos_whitelist\b|\b\w+_callback\b/;

/** Hidden preprocessor branches (conditionals.ts) holding something this file's rules change. */
function hiddenBranchProblems(ctx: RuleContext, locals: readonly SharedVariable[]) {
  const moved = ctx.sharing === 'shared-stack' ? [] : locals;
  return hiddenBranchWarnings(
    ctx.doc,
    (text, branch) => {
      if (PLACEHOLDER_ATTRIBUTE.test(text)) return 'a whitelist or callback attribute';
      const inFn = moved.filter(
        (v) => v.fn && v.fn.startIndex <= branch.start && branch.end <= v.fn.endIndex,
      );
      const used = inFn.find((v) => new RegExp(`(?<![\\w$])${v.name.text}(?![\\w$])`).test(text));
      if (used) return `the use of the shared local '${used.name.text}'`;
      if (ctx.sharing === 'heap' && inFn.length > 0 && /\b(?:return|break|continue)\b/.test(text))
        return 'a jump that must free shared locals';
      return undefined;
    },
    'is not rewritten (gates, allocations and shared literals are). Rewrite it by hand, or put the #if around whole statements.',
  );
}
