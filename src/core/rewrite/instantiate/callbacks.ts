import { createDiagnostic } from '../../diagnostics.ts';
import { declaredName, functionDeclarator, returnTypeOf, squash } from '../c-tree-queries.ts';
import { unmaskedReader } from '../parse-c.ts';
import { resolveGateLib } from '../libraries.ts';
import {
  attributeOwner,
  attributeUnparsed,
  callbackAttributes,
  removeAttributeItem,
} from '../placeholders.ts';
import type { SyntaxNode } from '../parser-types.ts';
import { gateMacroFor, type RuleContext } from './context.ts';
import { wordOccurrences } from '../words.ts';

/**
 * `__attribute__((libX_callback)) T f(params) { body }`: library X calls `f` back through a
 * pointer, so X's compartment must be left on entry. The body is renamed `_f` and a wrapper
 * `f` in `.text_shared` (callable from X) gates from X's compartment into this one. Direct
 * calls to `f` from this file go to `_f`, since they are already in this compartment.
 */
export function instantiateCallbacks(ctx: RuleContext): void {
  const attrs = callbackAttributes(ctx.doc);
  if (attrs.length === 0) return;
  const tokens = new Map<string, { token: string; node: SyntaxNode }>();
  for (const a of attrs) {
    if (attributeUnparsed(ctx.doc, a.site)) continue;
    const cut = removeAttributeItem(ctx.doc.text, a.site, a.item);
    ctx.edits.replace(cut.start, cut.end, cut.text);
    const owner = attributeOwner(ctx.doc, a.site);
    const fn = owner ? functionDeclarator(owner) : null;
    const name = declaredName(fn);
    if (!owner || !name) {
      ctx.diagnostics.push(
        createDiagnostic(
          'rewrite/callback-target',
          'error',
          `${a.item.name} applies to functions only`,
          ctx.span({ startIndex: a.site.start, endIndex: a.site.end }),
        ),
      );
      continue;
    }
    if (!tokens.has(name.text)) tokens.set(name.text, { token: a.token, node: name });
  }
  if (tokens.size === 0) return;
  const defs = ctx.doc.tree.rootNode.descendantsOfType('function_definition');
  const protos = ctx.doc.tree.rootNode.descendantsOfType('declaration');
  for (const [fname, { token, node }] of tokens) {
    const def = defs.find((d) => declaredName(functionDeclarator(d))?.text === fname);
    if (!def) {
      ctx.diagnostics.push(
        createDiagnostic(
          'rewrite/callback-without-body',
          'warning',
          `${token}_callback on '${fname}', which this file does not define: its wrapper is written where the body is, so mark the definition (the attribute is dropped here)`,
          ctx.span(node),
        ),
      );
      continue;
    }
    wrapCallback(ctx, def, fname, token, node);
    renameDirectCalls(ctx, fname);
    declareRenamedEarly(ctx, fname, def, protos);
  }
}

function wrapCallback(
  ctx: RuleContext,
  def: SyntaxNode,
  fname: string,
  token: string,
  attrName: SyntaxNode,
): void {
  const fn = functionDeclarator(def);
  const name = declaredName(fn);
  const body = def.childForFieldName('body');
  const read = unmaskedReader(ctx.doc);
  const rt = returnTypeOf(def, read);
  if (!fn || !name || !body || !rt) return;
  const params = parameterNames(ctx, fn);
  if (!params) return;
  const caller = resolveGateLib(
    ctx.view,
    token,
    { file: ctx.doc.file, start: attrName.startIndex, end: attrName.endIndex },
    ctx.diagnostics,
  );
  const macro = gateMacroFor(ctx, caller.compartment, ctx.home, !rt.isVoid);
  const inner = `_${fname}`;
  ctx.edits.replace(name.startIndex, name.endIndex, inner);
  const header = squash(read(def.startIndex, body.startIndex));
  const section = ctx.backend.separatesMemory ? '__attribute__((section(".text_shared"))) ' : '';
  const args = [`${caller.compartment}`, `${ctx.home}`];
  const ret = ctx.scoped('_flexos_ret');
  if (!rt.isVoid) args.push(ret);
  args.push(inner, ...params);
  const call = `${macro.name}(${args.join(', ')});`;
  const lines = rt.isVoid
    ? [`\t${call}`]
    : [`\t${rt.declare(ret)};`, '', `\t${call}`, `\treturn ${ret};`];
  ctx.edits.insert(def.endIndex, `\n\n${section}${header}\n{\n${lines.join('\n')}\n}`);
  ctx.gates.push({
    caller: caller.lib ?? token,
    callee: ctx.lib,
    fn: fname,
    from: caller.compartment,
    to: ctx.home,
    kind: macro.kind,
    via: 'callback',
    span: ctx.span(name),
  });
}

/** Names of the parameters, or `undefined` (with a diagnostic) when they cannot be forwarded. */
function parameterNames(ctx: RuleContext, fn: SyntaxNode): string[] | undefined {
  const list = fn.childForFieldName('parameters');
  const params = list?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
  if (params.length === 1 && params[0]?.text === 'void') return [];
  const names: string[] = [];
  for (const p of params) {
    const name =
      p.type === 'parameter_declaration' ? declaredName(p.childForFieldName('declarator')) : null;
    if (!name) {
      ctx.diagnostics.push(
        createDiagnostic(
          p.type === 'variadic_parameter'
            ? 'rewrite/variadic-callback'
            : 'rewrite/unnamed-parameter',
          'error',
          p.type === 'variadic_parameter'
            ? 'a variadic function cannot be wrapped as a callback'
            : 'name every parameter of a callback so its wrapper can forward it',
          ctx.span(p),
        ),
      );
      return undefined;
    }
    names.push(name.text);
  }
  if (names.length > 6) {
    ctx.diagnostics.push(
      createDiagnostic(
        'rewrite/too-many-args',
        'error',
        `a callback gate passes at most 6 arguments`,
        ctx.span(fn),
      ),
    );
  }
  return names;
}

function renameDirectCalls(ctx: RuleContext, fname: string): void {
  const root = ctx.doc.tree.rootNode;
  for (const index of wordOccurrences(ctx.doc.masked, fname)) {
    const node = root.descendantForIndex(index, index + fname.length);
    if (!node || node.type !== 'identifier' || node.startIndex !== index) continue;
    const call = node.parent;
    if (call?.type !== 'call_expression' || call.childForFieldName('function')?.id !== node.id)
      continue;
    ctx.edits.replace(node.startIndex, node.endIndex, `_${fname}`);
  }
}

/** A prototype of `_f` next to the first prototype of `f`, so renamed calls above `_f` compile. */
function declareRenamedEarly(
  ctx: RuleContext,
  fname: string,
  def: SyntaxNode,
  protos: readonly SyntaxNode[],
): void {
  const first = protos.find(
    (p) =>
      p.endIndex <= def.startIndex &&
      p.parent?.type === 'translation_unit' &&
      declaredName(functionDeclarator(p))?.text === fname,
  );
  if (!first) return;
  const fn = functionDeclarator(first);
  const name = declaredName(fn);
  if (!name) return;
  const text = ctx.doc.masked;
  const renamed = squash(
    text.slice(first.startIndex, name.startIndex) +
      `_${fname}` +
      text.slice(name.endIndex, first.endIndex),
  );
  ctx.edits.insert(first.endIndex, `\n${renamed}`);
}
