import { ancestorsOf } from '../c-tree-queries.ts';
import type { SyntaxNode } from '../parser-types.ts';

/**
 * Where a call sits, which decides how it becomes a gate (a gate is a statement):
 * - `statement`: `f(a);` or `(void)f(a);` → `flexos_gate(libX, f, a);`
 * - `assign`: `x = f(a);` → `flexos_gate_r(libX, x, f, a);`
 * - `declare`: `T x = f(a);` → `T x; flexos_gate_r(libX, x, f, a);`
 * - `hoist`: evaluated first and unconditionally by `statement` (an `if` or `switch`
 *   condition, a `return`, an initializer, an argument): a temporary is declared and gated
 *   just before it, and the call replaced by the temporary. In a later declarator of a
 *   declaration (`int k = f(1), m = g(k);`), `declarator` is that declarator: the
 *   declaration is split before it so the gate sees the earlier declarators;
 * - `inline`: anywhere else (loop conditions, `&&`/`||`/`?:` operands, macro arguments): a
 *   statement expression `({ T t; flexos_gate_r(libX, t, f, a); t; })` in place, which keeps
 *   when and how often the call is evaluated;
 * - `unevaluated`: under `sizeof`/`__typeof__`, left alone.
 */
export type CallShape =
  | { kind: 'statement'; prefixStart: number }
  | { kind: 'assign'; assignment: SyntaxNode; lhs: SyntaxNode }
  | { kind: 'declare'; declaration: SyntaxNode; inner: SyntaxNode; name: SyntaxNode }
  | {
      kind: 'hoist';
      statement: SyntaxNode;
      valueUsed: boolean;
      wrap: boolean;
      declarator?: SyntaxNode;
    }
  | { kind: 'inline'; valueUsed: boolean }
  | { kind: 'unevaluated' };

const UNEVALUATED = [
  'sizeof_expression',
  'alignof_expression',
  'macro_type_specifier',
  'offsetof_expression',
  'type_descriptor',
];
const TYPEOF = ['typeof', '__typeof__', '__typeof', 'sizeof', '_Alignof', '__alignof__'];

/** A macro body being ported: its synthetic block, and whether a bare gate statement may stand there. */
export interface MacroScope {
  block: number;
  statementAllowed: boolean;
}
const BLOCKS = ['compound_statement'];

/**
 * `isMacro(name)`: whether a callee is a function-like macro (its arguments may be evaluated
 * any number of times). `root`, the tree's root, lets the climb through enclosing expressions
 * read all of the call's ancestors in one walk down (see `ancestorsOf`): a call at the end of a
 * comma list n long is n deep.
 */
export function callShape(
  call: SyntaxNode,
  isMacro: (name: string) => boolean,
  macro?: MacroScope,
  root?: SyntaxNode,
): CallShape {
  const topBlock = macro?.block;
  const statementOk = (s: SyntaxNode | null): boolean =>
    !inTopBlock(s, topBlock) || macro?.statementAllowed === true;
  const parent = call.parent;
  if (parent?.type === 'expression_statement' && statementOk(parent))
    return { kind: 'statement', prefixStart: call.startIndex };
  if (
    parent?.type === 'cast_expression' &&
    parent.childForFieldName('type')?.text === 'void' &&
    parent.parent?.type === 'expression_statement' &&
    statementOk(parent.parent)
  ) {
    return { kind: 'statement', prefixStart: parent.startIndex };
  }
  if (
    parent?.type === 'assignment_expression' &&
    parent.childForFieldName('operator')?.type === '=' &&
    parent.childForFieldName('right')?.id === call.id &&
    parent.parent?.type === 'expression_statement' &&
    !inTopBlock(parent.parent, topBlock)
  ) {
    const lhs = parent.childForFieldName('left');
    if (lhs) return { kind: 'assign', assignment: parent, lhs };
  }
  const declare = declareShape(call);
  if (declare && !inTopBlock(declare.declaration, topBlock)) return declare;
  return nestedShape(call, isMacro, topBlock, root ? ancestorsOf(root, call) : parentsOf(call));
}

function parentsOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let p = node.parent; p; p = p.parent) out.push(p);
  return out;
}

function inTopBlock(n: SyntaxNode | null, topBlock: number | undefined): boolean {
  return topBlock !== undefined && n?.parent?.id === topBlock;
}

function declareShape(call: SyntaxNode): Extract<CallShape, { kind: 'declare' }> | undefined {
  const init = call.parent;
  if (init?.type !== 'init_declarator' || init.childForFieldName('value')?.id !== call.id)
    return undefined;
  const decl = init.parent;
  if (decl?.type !== 'declaration' || !BLOCKS.includes(decl.parent?.type ?? '')) return undefined;
  const declarators = decl.children.filter((_, i) => decl.fieldNameForChild(i) === 'declarator');
  if (declarators.length !== 1) return undefined;
  if (
    decl.children.some(
      (c) =>
        (c.type === 'type_qualifier' && c.text === 'const') || c.type === 'storage_class_specifier',
    )
  )
    return undefined;
  const inner = init.childForFieldName('declarator');
  if (
    !inner ||
    !['identifier', 'pointer_declarator'].includes(inner.type) ||
    inner.text.includes('const')
  )
    return undefined;
  let name: SyntaxNode | null = inner;
  while (name && name.type === 'pointer_declarator') name = name.childForFieldName('declarator');
  if (!name || name.type !== 'identifier') return undefined;
  return { kind: 'declare', declaration: decl, inner, name };
}

function nestedShape(
  call: SyntaxNode,
  isMacro: (name: string) => boolean,
  topBlock: number | undefined,
  ancestors: readonly SyntaxNode[],
): CallShape {
  let hoistable = true;
  let valueUsed = true;
  /** Whether only parentheses lie between the call and `p`: then `p` discards or keeps the value itself. */
  let direct = true;
  let child = call;
  for (const [i, p] of ancestors.entries()) {
    const parentType = ancestors[i + 1]?.type ?? '';
    if (UNEVALUATED.includes(p.type)) return { kind: 'unevaluated' };
    const field = fieldOf(p, child);
    if (
      p.type === 'call_expression' &&
      TYPEOF.includes(p.childForFieldName('function')?.text ?? '')
    )
      return { kind: 'unevaluated' };
    const wasDirect = direct;
    if (p.type !== 'parenthesized_expression') direct = false;
    switch (p.type) {
      case 'generic_expression':
        // The controlling expression is never evaluated; only the selected association is.
        if (child.id === p.firstNamedChild?.id) return { kind: 'unevaluated' };
        hoistable = false;
        break;
      case 'binary_expression': {
        const op = p.childForFieldName('operator')?.type;
        if ((op === '&&' || op === '||') && field === 'right') hoistable = false;
        break;
      }
      case 'conditional_expression':
        if (field !== 'condition') hoistable = false;
        break;
      case 'comma_expression':
        if (field === 'right') hoistable = false;
        else if (wasDirect) valueUsed = false;
        break;
      case 'call_expression': {
        const fn = p.childForFieldName('function');
        if (fn && fn.type === 'identifier' && isMacro(fn.text)) hoistable = false;
        break;
      }
      case 'while_statement':
      case 'do_statement':
        return { kind: 'inline', valueUsed };
      case 'for_statement':
        if (field !== 'initializer')
          return { kind: 'inline', valueUsed: valueUsed && !(wasDirect && field === 'update') };
        return finish(p, hoistable, valueUsed, topBlock);
      case 'expression_statement':
        // At the top of a macro body the value may be used where the macro is expanded.
        return finish(
          p,
          hoistable,
          valueUsed && !(wasDirect && !inTopBlock(p, topBlock)),
          topBlock,
        );
      case 'if_statement':
      case 'switch_statement':
      case 'return_statement':
        return finish(p, hoistable, valueUsed, topBlock);
      case 'declaration':
        if (
          BLOCKS.includes(parentType) ||
          parentType === 'case_statement' ||
          parentType === 'labeled_statement'
        ) {
          return laterDeclarator(finish(p, hoistable, valueUsed, topBlock), p, child);
        }
        if (parentType !== 'for_statement') return { kind: 'inline', valueUsed };
        // A for header cannot be split: a later declarator's call stays in place.
        if (p.childForFieldName('declarator')?.id !== child.id)
          return { kind: 'inline', valueUsed };
        break;
      case 'compound_statement':
      case 'translation_unit':
      case 'function_definition':
        return { kind: 'inline', valueUsed };
      default:
        break;
    }
    child = p;
  }
  return { kind: 'inline', valueUsed };
}

function finish(
  statement: SyntaxNode,
  hoistable: boolean,
  valueUsed: boolean,
  topBlock: number | undefined,
): CallShape {
  if (!hoistable || inTopBlock(statement, topBlock)) return { kind: 'inline', valueUsed };
  const parent = statement.parent;
  if (!parent) return { kind: 'inline', valueUsed };
  if (parent.type === 'translation_unit') return { kind: 'inline', valueUsed };
  let wrap = !BLOCKS.includes(parent.type);
  if (parent.type === 'case_statement') {
    const first = parent.namedChildren.find(
      (c) => c.id !== parent.childForFieldName('value')?.id && c.type !== 'comment',
    );
    wrap = first?.id === statement.id;
  }
  if (wrap && statement.type === 'declaration') return { kind: 'inline', valueUsed };
  return { kind: 'hoist', statement, valueUsed, wrap };
}

/**
 * A hoist out of a declarator that is not the first of its declaration: the gate goes right
 * before that declarator, once the declaration is split there. A declaration whose specifiers
 * define a type cannot be repeated, so its calls stay in place.
 */
function laterDeclarator(shape: CallShape, decl: SyntaxNode, declarator: SyntaxNode): CallShape {
  if (shape.kind !== 'hoist' || decl.childForFieldName('declarator')?.id === declarator.id)
    return shape;
  const type = decl.childForFieldName('type');
  if (type?.childForFieldName('body')) return { kind: 'inline', valueUsed: shape.valueUsed };
  return { ...shape, declarator };
}

function fieldOf(parent: SyntaxNode, child: SyntaxNode): string | null {
  for (let i = 0; i < parent.childCount; i++)
    if (parent.child(i)?.id === child.id) return parent.fieldNameForChild(i);
  return null;
}
