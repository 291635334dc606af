import {
  compareDiagnostics,
  createDiagnostic,
  type Diagnostic,
  type Span,
} from '../../diagnostics.ts';
import { inUnparsed, parseErrors, withCDocument, type CDocument } from '../parse-c.ts';
import { declaredName, functionDeclarator } from '../c-tree-queries.ts';
import { gateToken } from '../../names/index.ts';
import { ALLOC_PLACEHOLDERS, GATE, GATE_R, SHARED_LITERAL } from '../placeholders.ts';
import type { CParser, SyntaxNode } from '../parser-types.ts';
import { callShape, type MacroScope } from './call-shape.ts';
import { checkCrossings } from './crossings.ts';
import { emitGate, finishSplits, lineBreak, type EmitContext } from './emit-gate.ts';
import { portMacroBodies } from './macro-bodies.ts';
import { signaturesInFile, type FunctionSignature } from './ownership.ts';
import { applyOrdered, createPortEdits, type PortEdit, type PortEdits } from './port-edits.ts';
import { conflictingEdit } from '../edits.ts';
import { hiddenBranchWarnings } from '../hidden-branches.ts';
import { aggregateTypedefs, resolveVariable } from './variables.ts';

export interface PortOptions {
  /** The library the file belongs to. */
  lib: string;
  /** Function → owning library (`ownersFromComponents`, `ownersFromSources`). */
  owners: ReadonlyMap<string, string>;
  /** Known signatures, for typed temporaries and by-value checks. */
  signatures?: ReadonlyMap<string, FunctionSignature>;
  /** Also apply the whitelist and shared-literal fixes of the diagnostics. */
  applyFixes?: boolean;
}

/** One call port turned into a gate. */
export interface PortedCall {
  fn: string;
  callee: string;
  shape: 'statement' | 'assign' | 'declare' | 'hoist' | 'inline';
  span: Span;
}

export interface PortResult {
  text: string;
  diagnostics: Diagnostic[];
  calls: PortedCall[];
}

const MAX_GATE_ARGS = 6;
const PLACEHOLDER_CALLEES = new Set([SHARED_LITERAL, ...Object.keys(ALLOC_PLACEHOLDERS)]);

/** The porting helper: wraps every call into another library in a gate placeholder. */
export function port(
  parser: CParser,
  file: string,
  text: string,
  options: PortOptions,
): PortResult {
  return withCDocument(parser, file, text, (doc) => portDocument(doc, options, parser));
}

/**
 * Ports a parsed file. Internal calls (functions defined here or owned by `options.lib`) are
 * untouched; calls that cannot be gated are left as they are with a diagnostic saying why.
 * With `parser`, macro bodies calling other libraries are ported too.
 */
export function portDocument(doc: CDocument, options: PortOptions, parser?: CParser): PortResult {
  const diagnostics = parseErrors(doc);
  const root = doc.tree.rootNode;
  const localFns = new Set(
    root
      .descendantsOfType('function_definition')
      .flatMap((d) => declaredName(functionDeclarator(d))?.text ?? []),
  );
  const macros = new Set(
    root
      .descendantsOfType('preproc_function_def')
      .flatMap((d) => d.childForFieldName('name')?.text ?? []),
  );
  const isMacro = (name: string): boolean => macros.has(name) || /^[A-Z_][A-Z0-9_]*$/.test(name);
  const edits = createPortEdits(doc.text);
  // Prototypes in the file give typed temporaries; what the caller knows comes first.
  const signatures = new Map([...signaturesInFile(root), ...(options.signatures ?? [])]);
  const state: PortState = {
    doc,
    options: { ...options, signatures },
    edits,
    diagnostics,
    calls: [],
    localFns,
    isMacro,
    aggregates: aggregateTypedefs(root),
    fixed: new Set(),
    emit: {
      text: doc.text,
      edits,
      fresh: freshNames(doc.text, '_flexos_r'),
      newline: lineBreak(doc.text),
      wrapped: new Set(),
      splits: new Map(),
    },
  };
  const calls = root.descendantsOfType('call_expression');
  // A fragment the parser could not read is left as written (parseErrors says where).
  portCalls(state, root.hasError ? calls.filter((c) => !inUnparsed(c, root)) : calls);
  if (parser) portMacroBodies(state, parser);
  if (doc.hidden.length > 0) diagnostics.push(...hiddenCalls(doc, options, localFns));
  const dropped: PortEdit[] = [];
  const text = edits.list.length > 0 ? applyOrdered(doc.text, edits.list, dropped) : doc.text;
  for (const e of dropped) diagnostics.push(conflictingEdit({ ...e, file: doc.file }));
  return { text, diagnostics: diagnostics.sort(compareDiagnostics), calls: state.calls };
}

/** Everything one port run shares between calls (also used for macro bodies). */
export interface PortState {
  doc: CDocument;
  options: PortOptions;
  edits: PortEdits;
  diagnostics: Diagnostic[];
  calls: PortedCall[];
  localFns: ReadonlySet<string>;
  isMacro: (name: string) => boolean;
  aggregates: ReadonlySet<string>;
  /** Offsets where a fix was already applied (one whitelist per variable). */
  fixed: Set<string>;
  emit: EmitContext;
  /** Inside a macro body. */
  macro?: MacroScope;
}

/** Ports `calls`, innermost first so an outer call's temporary sees the inner ones done. */
export function portCalls(state: PortState, calls: readonly SyntaxNode[]): void {
  const { doc, options } = state;
  const root = doc.tree.rootNode;
  const span = (n: SyntaxNode): Span => ({ file: doc.file, start: n.startIndex, end: n.endIndex });
  for (const call of [...calls].sort((a, b) => a.endIndex - b.endIndex)) {
    const fn = call.childForFieldName('function');
    const argList = call.childForFieldName('arguments');
    if (!fn || !argList) continue;
    const args = argList.namedChildren.filter((c) => c.type !== 'comment');
    if (fn.type !== 'identifier') {
      if (callShape(call, state.isMacro, undefined, root).kind !== 'unevaluated')
        indirect(state, call, fn.text);
      continue;
    }
    const name = fn.text;
    if (name === GATE || name === GATE_R) {
      const skip = name === GATE_R ? 3 : 2;
      const target = args[skip - 1]?.text ?? name;
      record(
        state,
        checkCrossings(
          doc,
          target,
          args.slice(skip),
          options.signatures?.get(target),
          state.aggregates,
        ),
      );
      continue;
    }
    if (PLACEHOLDER_CALLEES.has(name) || state.localFns.has(name)) continue;
    const owner = options.owners.get(name);
    if (!owner || owner === options.lib) {
      const v = resolveVariable(doc, name, call, state.aggregates);
      if (
        v &&
        v.kind !== 'extern' &&
        callShape(call, state.isMacro, undefined, root).kind !== 'unevaluated'
      )
        indirect(state, call, name);
      continue;
    }
    const effective = callShape(call, state.isMacro, state.macro, root);
    if (effective.kind === 'unevaluated') continue;
    if (args.length > MAX_GATE_ARGS) {
      diagnostics(state).push(
        createDiagnostic(
          'rewrite/too-many-args',
          'error',
          `${name} takes ${args.length} arguments; a gate passes at most ${MAX_GATE_ARGS}, so this call stays ungated`,
          span(call),
        ),
      );
      continue;
    }
    const signature = options.signatures?.get(name);
    const crossing = checkCrossings(doc, name, args, signature, state.aggregates);
    record(state, crossing);
    if (crossing.nonScalar) continue;
    emitGate(state.emit, call, effective, gateToken(owner), signature);
    state.calls.push({ fn: name, callee: owner, shape: effective.kind, span: span(call) });
  }
  finishSplits(state.emit);
}

function diagnostics(state: PortState): Diagnostic[] {
  return state.diagnostics;
}

function record(state: PortState, crossing: ReturnType<typeof checkCrossings>): void {
  state.diagnostics.push(...crossing.diagnostics);
  if (!state.options.applyFixes) return;
  for (const e of crossing.fixEdits) {
    const key = `${e.start}:${e.text}`;
    if (e.text.includes('flexos_whitelist') && state.fixed.has(key)) continue;
    state.fixed.add(key);
    state.edits.insert(e.start, e.text);
  }
}

function indirect(state: PortState, call: SyntaxNode, what: string): void {
  state.diagnostics.push(
    createDiagnostic(
      'rewrite/indirect-call',
      'warning',
      `indirect call through ${what}: its target is not known here, so it cannot be gated; if it can reach another library, gate it by hand or have that library mark the target as a callback`,
      { file: state.doc.file, start: call.startIndex, end: call.endIndex },
    ),
  );
}

function freshNames(text: string, base: string): () => string {
  let n = 0;
  return () => {
    while (text.includes(`${base}${n}`)) n++;
    return `${base}${n++}`;
  };
}

/** Preprocessor branches left as written (conditionals.ts) that call into another library. */
function hiddenCalls(doc: CDocument, options: PortOptions, localFns: ReadonlySet<string>) {
  return hiddenBranchWarnings(
    doc,
    (text) => {
      for (const m of text.matchAll(/\b([A-Za-z_]\w*)\s*\(/g)) {
        const name = m[1] ?? '';
        const owner = options.owners.get(name);
        if (owner && owner !== options.lib && !localFns.has(name))
          return `the call of '${name}' into ${owner}`;
      }
      return undefined;
    },
    'is not gated. Port it by hand, or put the #if around whole statements.',
  );
}
