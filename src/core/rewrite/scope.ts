import { isDeclaratorName } from './c-syntax.ts';
import type { CDocument } from './document.ts';
import type { SyntaxNode } from './syntax.ts';

/** An offset range of the text. */
export interface Range {
  startIndex: number;
  endIndex: number;
}

const SCOPES = ['compound_statement', 'for_statement', 'function_definition', 'translation_unit'];

/**
 * The uses of the variable `name` declared in `scope` that come after offset `after`:
 * identifiers in expressions (also the operand of `sizeof` and `__typeof__`), not member
 * names, labels or declarations, and not where an inner declaration shadows it.
 */
export function findUses(doc: CDocument, name: string, after: number, scope: SyntaxNode): Range[] {
  const root = doc.tree.rootNode;
  // The original text: masked typeof operands must be searched too.
  const body = doc.text.slice(after, scope.endIndex);
  const pattern = new RegExp(`(?<![\\w$])${escape(name)}(?![\\w$])`, 'g');
  const shadows: [number, number][] = [];
  const uses: Range[] = [];
  for (const m of body.matchAll(pattern)) {
    const start = after + m.index;
    if (shadows.some(([a, b]) => start >= a && start < b)) continue;
    if (doc.typeofs.some((t) => start >= t.innerStart && start < t.innerEnd)) {
      // Masked from the parser (attributes.ts): a name not after `.` or `->` is the variable.
      if (!/(\.|->)\s*$/.test(doc.text.slice(Math.max(0, start - 8), start))) {
        uses.push({ startIndex: start, endIndex: start + name.length });
      }
      continue;
    }
    const node = root.descendantForIndex(start, start + name.length);
    if (!node || node.startIndex !== start || node.endIndex !== start + name.length) continue;
    if (node.type === 'identifier') {
      if (isDeclaratorName(node)) {
        const inner = innerScope(node);
        if (inner) shadows.push([start, inner.endIndex]);
        continue;
      }
      if (isLabel(node)) continue;
      uses.push(node);
    } else if (node.type === 'type_identifier') {
      // `sizeof(x)`/`__typeof__(x)` may parse x as a type name; a variable in scope hides any
      // type of that name, so it is the variable.
      uses.push(node);
    }
  }
  return uses;
}

function innerScope(node: SyntaxNode): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'parameter_list') return null;
    if (SCOPES.includes(p.type)) return p;
  }
  return null;
}

function isLabel(node: SyntaxNode): boolean {
  const p = node.parent;
  return !!p && (p.type === 'goto_statement' || p.type === 'labeled_statement');
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
