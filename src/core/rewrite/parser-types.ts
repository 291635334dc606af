/**
 * The part of web-tree-sitter's API that the rewriter uses, written out structurally so core
 * never imports the package (whose declarations reach for DOM types) and tests can hand in
 * any parser with the same shape. The host creates the real parser and passes it in.
 *
 * Offsets (`startIndex`, `endIndex`) and columns are in UTF-16 code units: web-tree-sitter
 * parses a JavaScript string as UTF-16, so its indexes are string indexes, the unit of
 * `Span` and Monaco. `tests/unit/rewrite/spans.test.ts` pins this on non-ASCII text.
 */

export interface SyntaxPoint {
  row: number;
  column: number;
}

export interface SyntaxNode {
  readonly id: number;
  readonly type: string;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly startPosition: SyntaxPoint;
  readonly text: string;
  readonly isNamed: boolean;
  readonly isMissing: boolean;
  readonly hasError: boolean;
  readonly parent: SyntaxNode | null;
  readonly childCount: number;
  readonly namedChildCount: number;
  readonly firstChild: SyntaxNode | null;
  readonly lastChild: SyntaxNode | null;
  readonly firstNamedChild: SyntaxNode | null;
  readonly lastNamedChild: SyntaxNode | null;
  readonly nextSibling: SyntaxNode | null;
  readonly previousSibling: SyntaxNode | null;
  readonly nextNamedSibling: SyntaxNode | null;
  readonly previousNamedSibling: SyntaxNode | null;
  readonly children: SyntaxNode[];
  readonly namedChildren: SyntaxNode[];
  child(index: number): SyntaxNode | null;
  namedChild(index: number): SyntaxNode | null;
  childForFieldName(name: string): SyntaxNode | null;
  childrenForFieldName(name: string): SyntaxNode[];
  fieldNameForChild(index: number): string | null;
  descendantForIndex(start: number, end?: number): SyntaxNode | null;
  namedDescendantForIndex(start: number, end?: number): SyntaxNode | null;
  descendantsOfType(types: string | string[]): SyntaxNode[];
  walk(): SyntaxCursor;
}

export interface SyntaxCursor {
  readonly nodeType: string;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly currentNode: SyntaxNode;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
  delete(): void;
}

/** The change `SyntaxTree.edit` needs, in UTF-16 code units (see the note above). */
export interface SyntaxEdit {
  startIndex: number;
  oldEndIndex: number;
  newEndIndex: number;
  startPosition: SyntaxPoint;
  oldEndPosition: SyntaxPoint;
  newEndPosition: SyntaxPoint;
}

export interface SyntaxTree {
  readonly rootNode: SyntaxNode;
  edit(edit: SyntaxEdit): void;
  delete(): void;
}

/** A web-tree-sitter `Parser` with the C grammar already set. */
export interface CParser {
  parse(text: string, oldTree?: SyntaxTree | null): SyntaxTree | null;
}
