import { isScalar, isSeq } from 'yaml';
import type { Fix, Span } from '../diagnostics.ts';
import {
  HARDENINGS,
  MECHANISMS,
  SHARING_MODES,
  isHardening,
  isSharingMode,
  sortHardening,
  type Hardening,
  type Mechanism,
  type SharingMode,
} from '../model.ts';
import {
  mechanismSpellings,
  nearestNames,
  resolveMechanism,
  spellMechanism,
} from '../names/index.ts';
import {
  isEmptyNode,
  nodeSpan,
  type YamlContext,
  report,
  scalarText,
  valueSpan,
  wrongType,
  type YPair,
} from '../yaml/index.ts';

/** Fixes that replace the text at `span` by each of `texts`. */
function replacements(ctx: YamlContext, span: Span, texts: string[]): Fix[] {
  return texts.map((t) => ({
    title: `Change to '${t}'`,
    edits: [{ file: ctx.file, start: span.start, end: span.end, text: t }],
  }));
}

/** A string value (`name:`, a compartment reference); anything else is `config/wrong-type`. */
export function readString(ctx: YamlContext, pair: YPair, what: string): string | undefined {
  const node = pair.value;
  if (node && isScalar(node) && typeof node.value === 'string') return node.value;
  wrongType(ctx, node, valueSpan(ctx, pair), what);
  return undefined;
}

/**
 * A hardening list `[asan, cfi]`. An empty value is an empty list; unknown entries are
 * `config/unknown-hardening` (with the closest name as a fix) and left out.
 */
export function readHardening(ctx: YamlContext, pair: YPair): Hardening[] {
  const node = pair.value;
  if (isEmptyNode(node)) return [];
  if (!node || !isSeq(node)) {
    wrongType(ctx, node, valueSpan(ctx, pair), 'a list of hardening, e.g. [asan, cfi]');
    return [];
  }
  const out: Hardening[] = [];
  for (const item of node.items) {
    const text = scalarText(item);
    if (text === undefined) {
      wrongType(ctx, item, nodeSpan(ctx, item), `one of ${HARDENINGS.join(', ')}`);
    } else if (isHardening(text)) {
      out.push(text);
    } else {
      const span = nodeSpan(ctx, item);
      const message = `Unknown hardening '${text}'; expected one of ${HARDENINGS.join(', ')}.`;
      report(
        ctx,
        'unknown-hardening',
        'error',
        message,
        span,
        replacements(ctx, span, nearestNames(text, HARDENINGS)),
      );
    }
  }
  return sortHardening(out);
}

/** A mechanism or alias; unknown ones are `config/unknown-mechanism`, spelled for `format` in fixes. */
export function readMechanism(
  ctx: YamlContext,
  pair: YPair,
  format: 'config' | 'kraft',
): { mechanism: Mechanism; span: Span } | undefined {
  const text = scalarText(pair.value);
  if (text === undefined) {
    wrongType(ctx, pair.value, valueSpan(ctx, pair), 'a mechanism name');
    return undefined;
  }
  const span = valueSpan(ctx, pair);
  const mechanism = resolveMechanism(text);
  if (mechanism) return { mechanism, span };
  const near = nearestNames(text, mechanismSpellings(), { limit: 3 }).flatMap((n) => {
    const m = resolveMechanism(n);
    return m ? [spellMechanism(m, format)] : [];
  });
  const expected = MECHANISMS.map((m) => spellMechanism(m, format)).join(', ');
  const message = `Unknown mechanism '${text}'; expected one of ${expected}.`;
  report(
    ctx,
    'unknown-mechanism',
    'error',
    message,
    span,
    replacements(ctx, span, [...new Set(near)].slice(0, 1)),
  );
  return undefined;
}

/** `sharing: heap | dss | shared-stack`; unknown values are `config/unknown-sharing` and read as heap. */
export function readSharing(ctx: YamlContext, pair: YPair): SharingMode {
  const text = scalarText(pair.value);
  if (text === undefined) {
    wrongType(ctx, pair.value, valueSpan(ctx, pair), `one of ${SHARING_MODES.join(', ')}`);
    return 'heap';
  }
  if (isSharingMode(text)) return text;
  const span = valueSpan(ctx, pair);
  const message = `Unknown sharing mode '${text}'; expected one of ${SHARING_MODES.join(', ')}.`;
  report(
    ctx,
    'unknown-sharing',
    'error',
    message,
    span,
    replacements(ctx, span, nearestNames(text, SHARING_MODES)),
  );
  return 'heap';
}
