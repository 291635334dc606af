import { Lexer, type Token, type Tokens } from 'marked';

/**
 * Markdown for READMEs and exercise instructions, read with marked's lexer and drawn by Svelte
 * components (`Markdown.svelte`), never through `{@html}`: raw HTML in a README shows as its
 * text, so a shared workspace cannot put markup or script into the page.
 */
export interface ReadMarkdown {
  tokens: Token[];
  /**
   * The lesson's steps, numbered in document order: every item of an ordered list and every
   * task item (`- [ ] ...`). A tick is remembered by this number.
   */
  steps: Map<Tokens.ListItem, number>;
}

export function readMarkdown(source: string): ReadMarkdown {
  const tokens = new Lexer({ gfm: true }).lex(source);
  const steps = new Map<Tokens.ListItem, number>();
  const stack: Token[] = [...tokens].reverse();
  while (stack.length > 0) {
    const t = stack.pop() as Token;
    if (t.type === 'list') {
      const list = t as Tokens.List;
      for (const item of list.items) if (list.ordered || item.task) steps.set(item, steps.size);
      for (const item of [...list.items].reverse()) stack.push(...[...item.tokens].reverse());
    } else if (t.type === 'blockquote') {
      stack.push(...[...(t as Tokens.Blockquote).tokens].reverse());
    }
  }
  return { tokens, steps };
}

/** Where a link may go: a web page (new tab), a file of the workspace, or nowhere. */
export type LinkTarget = { kind: 'web'; href: string } | { kind: 'file'; path: string } | null;

/**
 * `http(s)` and `mailto` links open; a relative link to a file of the workspace opens it in
 * the editor; anything else (`javascript:`, `data:`, a path out of the workspace) is text.
 */
export function linkTarget(href: string, base: string, paths: readonly string[]): LinkTarget {
  const h = href.trim();
  if (/^(https?:|mailto:)/i.test(h)) return { kind: 'web', href: h };
  if (/^[a-z][a-z0-9+.-]*:/i.test(h) || h.startsWith('//') || h.startsWith('#')) return null;
  const dir = base.includes('/') ? base.slice(0, base.lastIndexOf('/') + 1) : '';
  const parts: string[] = [];
  for (const part of `${dir}${h.split('#')[0] ?? ''}`.split('/')) {
    if (part === '..') {
      if (parts.pop() === undefined) return null;
    } else if (part !== '.' && part !== '') parts.push(part);
  }
  const path = parts.join('/');
  return paths.includes(path) ? { kind: 'file', path } : null;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** The lexer's text with its HTML escapes undone: Svelte escapes what it draws itself. */
export function plainText(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);
}

/** The inline tokens inside a token, if it has any (text tokens may or may not). */
export function childTokens(t: Token): Token[] | undefined {
  return 'tokens' in t && Array.isArray(t.tokens) ? (t.tokens as Token[]) : undefined;
}
