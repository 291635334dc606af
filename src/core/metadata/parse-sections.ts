/**
 * The line structure of a `.flexos` file: doc comments, the `component` header and the
 * sections with the tokens of their items. Items themselves are read by `items.ts`.
 */
import { NAME_PATTERN } from '../model.ts';
import { splitLines } from './lexer.ts';
import type { Line, Token } from './lexer.ts';
import { replaceFix, report } from './meta-diagnostics.ts';
import type { ParseContext } from './meta-diagnostics.ts';
import { suggest } from './near-miss.ts';

/** Section names, in the order the printer writes them. */
export const SECTION_NAMES = ['Memory access', 'Call', 'API', 'Requires', 'Hardening'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

export interface Section {
  name: SectionName;
  /** Offsets of the `[...]` token. */
  start: number;
  end: number;
  /** Tokens after `]` up to the next section or header line, comments excluded. */
  tokens: Token[];
}

export interface Header {
  keyword: Token;
  /** The word after the keyword, or `null` when there is none. */
  name: Token | null;
}

export interface Outline {
  header: Header | null;
  doc: string[];
  sections: Section[];
  /**
   * Known sections that an unknown section was a near miss of (already reported), so their
   * absence is not reported a second time.
   */
  misspelled: Set<SectionName>;
}

function isSectionName(name: string): name is SectionName {
  return (SECTION_NAMES as readonly string[]).includes(name);
}

/** The line to read as the header: the first `component` line, else a near miss before any section. */
function findHeader(ctx: ParseContext, lines: readonly Line[]): number {
  const exact = lines.findIndex((l) => l.kind === 'header');
  if (exact >= 0) return exact;
  for (const [i, line] of lines.entries()) {
    if (line.kind === 'section') return -1;
    const first = line.tokens[0];
    if (line.kind !== 'content' || first?.kind !== 'word') continue;
    if (suggest(first.text, ['component']) === undefined) continue;
    report(
      ctx,
      'meta/bad-header',
      `Expected 'component', found '${first.text}'`,
      first.start,
      first.end,
      {
        fixes: [replaceFix(ctx, "Change to 'component'", first.start, first.end, 'component')],
      },
    );
    return i;
  }
  return -1;
}

function readHeader(ctx: ParseContext, line: Line): Header {
  const [keyword, name, ...rest] = line.tokens as [Token, ...Token[]];
  if (!name) {
    report(ctx, 'meta/bad-header', 'Expected a component name', keyword.start, keyword.end);
    return { keyword, name: null };
  }
  const last = line.tokens[line.tokens.length - 1] ?? name;
  if (name.kind !== 'word') {
    report(ctx, 'meta/bad-header', 'Expected a component name', name.start, last.end);
    return { keyword, name: null };
  }
  if (!NAME_PATTERN.test(name.text)) {
    const message = `Component names match ${String(NAME_PATTERN)}: '${name.text}'`;
    report(ctx, 'meta/bad-name', message, name.start, name.end);
  }
  const extra = rest[0];
  if (extra)
    report(ctx, 'meta/bad-header', 'Unexpected text after the name', extra.start, last.end);
  return { keyword, name };
}

function readDoc(ctx: ParseContext, lines: readonly Line[], headerIndex: number): string[] {
  // Collected bottom-up and reversed once: `unshift` per line is quadratic in the comments.
  const doc: string[] = [];
  for (let i = headerIndex - 1; i >= 0; i--) {
    const line = lines[i];
    if (line?.kind !== 'comment') break;
    const body = ctx.text.slice(line.commentStart + 1, line.end);
    doc.push(body.startsWith(' ') ? body.slice(1) : body);
  }
  return doc.reverse();
}

/**
 * Opens the section of a `[...]` line: a known section, or `null` for an unknown one whose
 * items are skipped (an error was reported, with a fix for a near miss).
 */
function openSection(
  ctx: ParseContext,
  outline: Outline,
  line: Line,
  firstOf: Map<SectionName, Section>,
): Section | null {
  const open = line.tokens[0];
  const closeIndex = line.tokens.findIndex((t) => t.kind === 'rbracket');
  const close = line.tokens[closeIndex];
  if (!open) return null;
  if (!close) {
    const last = line.tokens[line.tokens.length - 1] ?? open;
    report(ctx, 'meta/unknown-section', "Section name without ']'", open.start, last.end);
    return null;
  }
  const name = ctx.text.slice(open.end, close.start);
  if (!isSectionName(name)) {
    const near = suggest(name, SECTION_NAMES);
    if (near && isSectionName(near)) outline.misspelled.add(near);
    const known = SECTION_NAMES.map((n) => `[${n}]`).join(', ');
    const message = near
      ? `Unknown section [${name}]; did you mean [${near}]?`
      : `Unknown section [${name}]; sections are ${known}`;
    const fixes = near
      ? [replaceFix(ctx, `Change to [${near}]`, open.start, close.end, `[${near}]`)]
      : [];
    report(ctx, 'meta/unknown-section', message, open.start, close.end, { fixes });
    return null;
  }
  // By name, not by searching the sections: 20,000 repeated headers would make that quadratic.
  const first = firstOf.get(name);
  if (first) {
    report(
      ctx,
      'meta/duplicate-section',
      `Section [${name}] appears twice`,
      open.start,
      close.end,
      {
        related: [
          { span: { file: ctx.file, start: first.start, end: first.end }, message: 'First here' },
        ],
      },
    );
  }
  const section: Section = {
    name,
    start: open.start,
    end: close.end,
    tokens: line.tokens.slice(closeIndex + 1),
  };
  outline.sections.push(section);
  if (!first) firstOf.set(name, section);
  return section;
}

function reportOutside(ctx: ParseContext, line: Line): void {
  const first = line.tokens[0];
  const last = line.tokens[line.tokens.length - 1];
  if (!first || !last) return;
  report(ctx, 'meta/item-outside-section', 'Text outside of any section', first.start, last.end);
}

/** Reads the structure of `ctx.text`, reporting structural problems into `ctx.diagnostics`. */
export function parseOutline(ctx: ParseContext): Outline {
  const lines = splitLines(ctx.text);
  const outline: Outline = { header: null, doc: [], sections: [], misspelled: new Set() };
  const headerIndex = findHeader(ctx, lines);
  const firstOf = new Map<SectionName, Section>();
  // `undefined`: outside any section; `null`: inside an unknown section, whose items are skipped.
  let current: Section | null | undefined;
  for (const [i, line] of lines.entries()) {
    if (i === headerIndex) {
      outline.header = readHeader(ctx, line);
      outline.doc = readDoc(ctx, lines, i);
      current = undefined;
    } else if (line.kind === 'header') {
      const first = line.tokens[0];
      const last = line.tokens[line.tokens.length - 1];
      if (first && last) {
        report(ctx, 'meta/duplicate-header', 'One component per file', first.start, last.end);
      }
      current = undefined;
    } else if (line.kind === 'section') {
      current = openSection(ctx, outline, line, firstOf);
    } else if (line.kind === 'content') {
      // One push per token: spreading a line of 100,000 tokens overflows the call stack.
      if (current) for (const t of line.tokens) current.tokens.push(t);
      else if (current === undefined) reportOutside(ctx, line);
    }
  }
  return outline;
}
