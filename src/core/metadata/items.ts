/**
 * Items of each section, read into a `ComponentSpec` under construction. Only well-formed
 * items enter the spec; every malformed part is reported with the span of its token.
 */
import { HARDENINGS, NAME_PATTERN, isHardening } from '../model.ts';
import type { Action } from './component-spec.ts';
import {
  ACTIONS,
  IDENTIFIER_PATTERN,
  REGIONS,
  badItem,
  firstTime,
  region,
  reportWord,
  span,
} from './item-builder.ts';
import type { Builder } from './item-builder.ts';
import { flatGroup, parseList, peek, rawGroup, skipItem } from './item-list.ts';
import type { Cursor } from './item-list.ts';
import type { Token } from './lexer.ts';
import { replaceFix, report } from './meta-diagnostics.ts';
import { suggest } from './near-miss.ts';
import type { Section, SectionName } from './parse-sections.ts';

function memoryItem(b: Builder, cur: Cursor): boolean {
  const first = peek(cur) as Token;
  const memory = (b.spec.memory ??= { read: [], write: [] });
  if (first.kind !== 'word')
    return badItem(b, cur, 'meta/bad-item', 'Expected Read(...) or Write(...)', first);
  cur.pos++;
  const valid = first.text === 'Read' || first.text === 'Write';
  if (!valid)
    reportWord(b, 'meta/bad-action', 'Memory access is Read or Write', first, ['Read', 'Write']);
  if (peek(cur)?.kind !== 'lparen')
    return badItem(b, cur, 'meta/bad-item', `Expected '(' after ${first.text}`, first);
  const group = flatGroup(b.ctx, cur);
  if (group.args.length === 0 && group.closed) {
    report(b.ctx, 'meta/bad-item', 'Expected Own, Shared or *', group.open.start, group.end);
  }
  const list = first.text === 'Read' ? memory.read : memory.write;
  for (const arg of group.args) {
    const r = region(arg);
    if (!r) reportWord(b, 'meta/bad-region', 'Regions are Own, Shared and *', arg, REGIONS);
    else if (valid && firstTime(b, `mem:${first.text}(${r})`, arg.start, arg.end)) list.push(r);
  }
  return !valid || !group.closed;
}

function callItem(b: Builder, cur: Cursor): boolean {
  const first = peek(cur) as Token;
  cur.pos++;
  const [colons, fn] = [peek(cur), cur.tokens[cur.pos + 1]];
  if (first.kind === 'star' && colons?.kind !== 'colons') {
    if (firstTime(b, 'call:*', first.start, first.end))
      (b.spec.calls ??= []).push({ kind: 'any', span: span(b, first.start, first.end) });
    return false;
  }
  const expected = 'Expected lib::fn, lib::* or *';
  if (first.kind !== 'word') return badItem(b, cur, 'meta/bad-call', expected, first);
  if (colons?.kind === 'other' && colons.text === ':') {
    const end = skipItem(cur, first.end);
    report(b.ctx, 'meta/bad-call', expected, first.start, end, {
      fixes: [replaceFix(b.ctx, "Change to '::'", colons.start, colons.end, '::')],
    });
    return true;
  }
  if (colons?.kind !== 'colons' || (fn?.kind !== 'word' && fn?.kind !== 'star')) {
    return badItem(b, cur, 'meta/bad-call', expected, first);
  }
  cur.pos += 2;
  const after = peek(cur)?.kind;
  if (after === 'colons' || after === 'lparen')
    return badItem(b, cur, 'meta/bad-call', expected, first);
  let ok = true;
  if (!NAME_PATTERN.test(first.text)) {
    report(
      b.ctx,
      'meta/bad-call',
      `'${first.text}' is not a component name`,
      first.start,
      first.end,
    );
    ok = false;
  }
  if (fn.kind === 'word' && !IDENTIFIER_PATTERN.test(fn.text)) {
    report(b.ctx, 'meta/bad-call', `'${fn.text}' is not a function name`, fn.start, fn.end);
    ok = false;
  }
  if (ok && firstTime(b, `call:${first.text}::${fn.text}`, first.start, fn.end)) {
    (b.spec.calls ??= []).push({
      kind: 'lib',
      lib: first.text,
      fn: fn.text,
      span: span(b, first.start, fn.end),
    });
  }
  return !ok;
}

function apiItem(b: Builder, cur: Cursor): boolean {
  const first = peek(cur) as Token;
  if (first.kind !== 'word') return badItem(b, cur, 'meta/bad-api', 'Expected name(params)', first);
  cur.pos++;
  let ok = IDENTIFIER_PATTERN.test(first.text);
  if (!ok)
    report(b.ctx, 'meta/bad-api', `'${first.text}' is not a function name`, first.start, first.end);
  let params = { text: '', end: first.end, closed: true };
  if (peek(cur)?.kind === 'lparen') {
    params = rawGroup(b.ctx, cur);
    ok &&= params.closed;
  } else {
    report(b.ctx, 'meta/bad-api', `Expected '(' after ${first.text}`, first.start, first.end, {
      fixes: [replaceFix(b.ctx, "Add '(...)'", first.end, first.end, '(...)')],
    });
    ok = false;
  }
  if (
    IDENTIFIER_PATTERN.test(first.text) &&
    firstTime(b, `api:${first.text}`, first.start, params.end)
  ) {
    b.spec.api.push({
      name: first.text,
      params: params.text,
      span: span(b, first.start, params.end),
    });
  }
  return !ok;
}

function requiresObject(b: Builder, action: Action | undefined, object: Token): boolean {
  if (action === 'Call') {
    if (object.kind === 'star' || IDENTIFIER_PATTERN.test(object.text)) return true;
    report(
      b.ctx,
      'meta/bad-object',
      'Call objects are a function name or *',
      object.start,
      object.end,
    );
    return false;
  }
  if (region(object)) return true;
  reportWord(
    b,
    'meta/bad-object',
    `${action ?? 'Read/Write'} objects are Own, Shared or *`,
    object,
    REGIONS,
  );
  return false;
}

function requiresItem(b: Builder, cur: Cursor): boolean {
  const who = peek(cur) as Token;
  const requires = (b.spec.requires ??= []);
  if (who.kind !== 'word' && who.kind !== 'star') {
    return badItem(b, cur, 'meta/bad-item', 'Expected who(Action,Object)', who);
  }
  cur.pos++;
  if (peek(cur)?.kind !== 'lparen')
    return badItem(b, cur, 'meta/bad-item', 'Expected who(Action,Object)', who);
  let ok = who.kind === 'star' || NAME_PATTERN.test(who.text);
  if (!ok)
    report(
      b.ctx,
      'meta/bad-name',
      `'${who.text}' is not * or a component name`,
      who.start,
      who.end,
    );
  const group = flatGroup(b.ctx, cur);
  const [actionToken, object] = group.args;
  if (group.args.length !== 2 || !actionToken || !object) {
    report(b.ctx, 'meta/bad-item', 'Expected who(Action,Object)', who.start, group.end);
    return true;
  }
  const action = ACTIONS.find((a) => a === actionToken.text);
  if (!action)
    reportWord(b, 'meta/bad-action', 'Actions are Read, Write and Call', actionToken, ACTIONS);
  ok = requiresObject(b, action, object) && ok && action !== undefined;
  const key = `req:${who.text}(${action ?? ''},${object.text})`;
  if (ok && action && firstTime(b, key, who.start, group.end)) {
    requires.push({
      who: who.text,
      action,
      object: object.text,
      span: span(b, who.start, group.end),
    });
  }
  return !ok || !group.closed;
}

function hardeningItem(b: Builder, cur: Cursor): boolean {
  const t = peek(cur) as Token;
  cur.pos++;
  const hardening = (b.spec.hardening ??= []);
  if (isHardening(t.text)) {
    if (firstTime(b, `hardening:${t.text}`, t.start, t.end)) hardening.push(t.text);
    return false;
  }
  const near = suggest(t.text, HARDENINGS);
  const message = `Unknown hardening '${t.text}'; known: ${HARDENINGS.join(', ')}`;
  const fixes = near ? [replaceFix(b.ctx, `Change to '${near}'`, t.start, t.end, near)] : [];
  report(b.ctx, 'meta/unknown-hardening', message, t.start, t.end, { fixes });
  return true;
}

const PARSERS: Record<
  SectionName,
  { separator: ',' | ';'; item: (b: Builder, cur: Cursor) => boolean }
> = {
  'Memory access': { separator: ';', item: memoryItem },
  Call: { separator: ',', item: callItem },
  API: { separator: ';', item: apiItem },
  Requires: { separator: ',', item: requiresItem },
  Hardening: { separator: ',', item: hardeningItem },
};

/**
 * Reads the items of `section` into `b.spec`. An empty section is a warning, except `[Call]`:
 * an empty one is how a component says it calls nothing (an absent one means `*`).
 */
export function parseSectionItems(b: Builder, section: Section): void {
  const { spec } = b;
  if (section.name === 'Memory access') spec.memory ??= { read: [], write: [] };
  if (section.name === 'Call') spec.calls ??= [];
  if (section.name === 'Requires') spec.requires ??= [];
  if (section.name === 'Hardening') spec.hardening ??= [];
  if (section.tokens.length === 0) {
    if (section.name !== 'Call') {
      const message = `[${section.name}] lists nothing`;
      report(b.ctx, 'meta/empty-section', message, section.start, section.end);
    }
    return;
  }
  const parser = PARSERS[section.name];
  parseList(b.ctx, section.tokens, parser.separator, section.name, (cur) => parser.item(b, cur));
}
