import { createDiagnostic, type Diagnostic, type TextEdit } from '../../diagnostics.ts';
import type { CDocument } from '../parse-c.ts';
import type { SyntaxNode } from '../parser-types.ts';
import type { FunctionSignature } from './ownership.ts';
import { resolveVariable, type VariableInfo } from './variables.ts';

/** What crosses a gate through one call's arguments. */
export interface CrossingReport {
  diagnostics: Diagnostic[];
  /** The fixes' edits, to apply with `--fix` (whitelist insertions deduplicated by the caller). */
  fixEdits: TextEdit[];
  /** A struct or union passed by value: the call cannot be gated. */
  nonScalar: boolean;
}

const WRAPPERS = ['parenthesized_expression', 'cast_expression'];

/**
 * Looks at the arguments `args` of a call to `fn` that will go through a gate: the address of
 * a local or global of this file (`&x`, an array) must point to shared memory, a string
 * literal must be a shared literal, and aggregates cannot be passed in registers.
 */
export function checkCrossings(
  doc: CDocument,
  fn: string,
  args: readonly SyntaxNode[],
  signature: FunctionSignature | undefined,
  aggregates: ReadonlySet<string>,
): CrossingReport {
  const report: CrossingReport = { diagnostics: [], fixEdits: [], nonScalar: false };
  const span = (n: SyntaxNode) => ({ file: doc.file, start: n.startIndex, end: n.endIndex });
  // Every argument is in the call's scope: a name resolves once per call, however many
  // arguments repeat it (a hostile gate of thousands of arguments was quadratic).
  const resolved = new Map<string, VariableInfo | undefined>();
  const resolve: Resolve = (name, node) => {
    if (!resolved.has(name)) resolved.set(name, resolveVariable(doc, name, node, aggregates));
    return resolved.get(name);
  };
  args.forEach((arg, i) => {
    const core = unwrap(arg);
    if (core.type === 'string_literal' || core.type === 'concatenated_string') {
      const edits = [
        {
          file: doc.file,
          start: core.startIndex,
          end: core.startIndex,
          text: 'FLEXOS_SHARED_LITERAL(',
        },
        { file: doc.file, start: core.endIndex, end: core.endIndex, text: ')' },
      ];
      report.fixEdits.push(...edits);
      report.diagnostics.push(
        createDiagnostic(
          'rewrite/literal-crosses-gate',
          'warning',
          `a string literal passed to ${fn} lives in this library's private memory`,
          span(core),
          { fixes: [{ title: 'Wrap in FLEXOS_SHARED_LITERAL', edits }] },
        ),
      );
      return;
    }
    const paramType = signature?.params[i];
    const byValue =
      paramType !== undefined &&
      /^(const |volatile )*(struct|union) /.test(paramType) &&
      !paramType.includes('*');
    const direct = core.type === 'identifier' ? resolve(core.text, core) : undefined;
    if (byValue || direct?.isAggregate || isAggregateLiteral(core)) {
      report.nonScalar = true;
      report.diagnostics.push(
        createDiagnostic(
          'rewrite/non-scalar-arg',
          'error',
          `${fn} gets a struct or union by value; a gate passes only scalars and pointers: pass a pointer to shared memory instead`,
          span(arg),
        ),
      );
      return;
    }
    const target = addressedVariable(core, resolve);
    if (!target || target.whitelisted || target.kind === 'extern') return;
    const what =
      target.kind === 'parameter' ? 'parameter' : target.kind === 'global' ? 'global' : 'local';
    const insert = {
      file: doc.file,
      start: target.inner.endIndex,
      end: target.inner.endIndex,
      text: ' __attribute__((flexos_whitelist))',
    };
    const fixable = target.kind !== 'parameter';
    if (fixable) report.fixEdits.push(insert);
    report.diagnostics.push(
      createDiagnostic(
        'rewrite/address-crosses-gate',
        'warning',
        fixable
          ? `the address of ${what} '${target.name.text}' is passed to ${fn}; it must be in shared memory`
          : `the address of parameter '${target.name.text}' is passed to ${fn}; copy it into a whitelisted local first`,
        span(arg),
        {
          ...(fixable
            ? { fixes: [{ title: `Whitelist '${target.name.text}'`, edits: [insert] }] }
            : {}),
          related: [{ span: span(target.name), message: `'${target.name.text}' is declared here` }],
        },
      ),
    );
  });
  return report;
}

function unwrap(n: SyntaxNode): SyntaxNode {
  let x = n;
  while (WRAPPERS.includes(x.type)) {
    const inner =
      x.type === 'cast_expression'
        ? x.childForFieldName('value')
        : x.namedChildren.find((c) => c.type !== 'comment');
    if (!inner) break;
    x = inner;
  }
  return x;
}

function isAggregateLiteral(n: SyntaxNode): boolean {
  if (n.type !== 'compound_literal_expression') return false;
  const t = n.childForFieldName('type');
  const spec = t?.childForFieldName('type');
  return (
    !!spec &&
    (spec.type === 'struct_specifier' || spec.type === 'union_specifier') &&
    !t?.childForFieldName('declarator')
  );
}

/** The variable of this file whose address an argument passes, if any. */
type Resolve = (name: string, node: SyntaxNode) => VariableInfo | undefined;

function addressedVariable(expression: SyntaxNode, resolve: Resolve): VariableInfo | undefined {
  let core = expression;
  // `buf + 1 + n`: the left operand, followed in a loop (no recursion depth on long chains).
  while (
    core.type === 'binary_expression' &&
    ['+', '-'].includes(core.childForFieldName('operator')?.type ?? '')
  ) {
    const left = core.childForFieldName('left');
    if (!left) return undefined;
    core = unwrap(left);
  }
  if (core.type === 'identifier') {
    const v = resolve(core.text, core);
    return v && v.isArray && v.kind !== 'parameter' ? v : undefined;
  }
  if (core.type === 'pointer_expression' && core.childForFieldName('operator')?.type === '&') {
    let x = core.childForFieldName('argument');
    while (x) {
      x = unwrap(x);
      if (x.type === 'identifier') return resolve(x.text, x);
      if (x.type === 'field_expression' && x.childForFieldName('operator')?.type === '.')
        x = x.childForFieldName('argument');
      else if (x.type === 'subscript_expression') {
        const base = x.childForFieldName('argument');
        const v =
          base && unwrap(base).type === 'identifier' ? resolve(unwrap(base).text, base) : undefined;
        return v?.isArray ? v : undefined;
      } else return undefined;
    }
  }
  return undefined;
}
