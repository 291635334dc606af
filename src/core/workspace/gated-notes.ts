import { getBackend } from '../backends/index.ts';
import {
  compartmentNumbers,
  compartmentOf,
  mechanismOf,
  type ImageConfig,
} from '../config/image-config.ts';
import type { TextEdit } from '../diagnostics.ts';
import type { SharingMode } from '../model.ts';
import { mapRange } from '../rewrite/edit-map.ts';
import type { GateSite } from '../rewrite/index.ts';
import type { SharedSite } from '../rewrite/instantiate/shared-sites.ts';

/** A range of a text, as UTF-16 offsets. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * Why one piece of a gated file looks the way it does: which rule produced it, between which
 * compartments, in which sharing mode. The gated-C panel shows it when either side is hovered.
 */
export interface GatedNote {
  kind: 'gate' | 'callback' | 'shared-global' | 'shared-static' | 'shared-local';
  /** The placeholder (or the whitelisted name) in the original text. */
  original: TextRange;
  /** What it became in the instantiated text. */
  instantiated: TextRange;
  /**
   * For a shared local moved by its sharing mode: each use the rule rewrote (`(*x)`,
   * `(*_dss_x)`), in the instantiated text, so hovering a use explains it too.
   */
  uses?: TextRange[];
  /** The rule, in a few words: "Intel MPK gate", "nop gate: same compartment", "shared heap". */
  rule: string;
  /** Why, in one or two sentences of Markdown. */
  why: string;
}

/** What one file's instantiation produced, as `instantiate` returns it. */
export interface InstantiatedParts {
  /** The original text. */
  text: string;
  gates: readonly GateSite[];
  shared: readonly SharedSite[];
  applied: readonly TextEdit[];
}

/**
 * Explains every gate and whitelisted variable of one instantiated file of library `lib`
 * under `config`, with `requested` the sharing mode asked for (the image's or the view's).
 * Computed from the gate sites and the edits the rewriter made, so the explanation always
 * names the rule that actually ran.
 */
export function explainGatedFile(
  parts: InstantiatedParts,
  config: ImageConfig,
  lib: string,
  requested: SharingMode,
): GatedNote[] {
  const mechanism = mechanismOf(config);
  const backend = getBackend(mechanism);
  const names = new Map([...compartmentNumbers(config)].map(([name, n]) => [n, name]));
  const comp = (n: number): string => `compartment ${n} (\`${names.get(n) ?? '?'}\`)`;
  const libraries = new Set(config.libraries.map((l) => l.name));
  const notes: GatedNote[] = [];
  const at = (start: number, end: number) => ({
    original: { start, end },
    instantiated: mapRange(parts.applied, start, end),
  });

  for (const g of parts.gates) {
    const where = at(g.span.start, g.span.end);
    if (g.via === 'callback') {
      notes.push({
        kind: 'callback',
        ...where,
        rule: g.kind === 'real' ? `${backend.label} callback wrapper` : 'nop callback wrapper',
        why:
          `\`${g.caller}\` calls \`${g.fn}\` back from ${comp(g.from)}; \`${g.fn}\` belongs to ${comp(g.to)}. ` +
          (g.kind === 'real'
            ? `Its body is renamed \`_${g.fn}\` and a wrapper in \`.text_shared\` enters ${comp(g.to)} through \`${backend.gateMacro}\`.`
            : `No boundary separates them (${g.from === g.to ? 'same compartment' : `${mechanism} separates nothing`}), so the wrapper calls the body directly.`),
      });
      continue;
    }
    const unknown = !libraries.has(g.callee)
      ? ` \`${g.callee}\` names no library of the image, so the call goes to the default compartment, as the FlexOS toolchain does.`
      : '';
    const call = `\`${g.caller}\` in ${comp(g.from)} calls \`${g.callee}::${g.fn}\` in ${comp(g.to)}.`;
    if (g.kind === 'real')
      notes.push({
        kind: 'gate',
        ...where,
        rule: `${backend.label} gate`,
        why: `${call}${unknown} Different compartments under ${backend.label}: the call crosses the boundary through \`${backend.gateMacro}(${g.from}, ${g.to}, …)\`. ${backend.guarantees}`,
      });
    else
      notes.push({
        kind: 'gate',
        ...where,
        rule: g.from === g.to ? 'nop gate: same compartment' : `nop gate: ${mechanism}`,
        why: `${call}${unknown} ${
          g.from === g.to
            ? 'Both are in the same compartment: no boundary to cross, so the gate is a plain call (`flexos_nop_gate`).'
            : `The image's mechanism, ${mechanism}, separates nothing: the gate is a plain call (\`flexos_nop_gate\`).`
        }`,
      });
  }

  const sharing = !backend.separatesMemory
    ? 'shared-stack'
    : mechanism === 'vm-ept'
      ? 'heap'
      : requested;
  const home = comp(compartmentNumbers(config).get(compartmentOf(config, lib)?.name ?? '') ?? 0);
  for (const v of parts.shared) {
    const where = at(v.start, v.end);
    const owner = `\`${v.name}\`${v.fn ? ` (in \`${v.fn}\`)` : ''} of \`${lib}\`, ${home}, is whitelisted`;
    if (v.scope !== 'local') {
      notes.push({
        kind: v.scope === 'global' ? 'shared-global' : 'shared-static',
        ...where,
        rule: backend.separatesMemory ? 'shared data: .data_shared' : 'shared data: nothing to do',
        why: backend.separatesMemory
          ? `${owner}${v.scope === 'static' ? ' (a function-local static lives in .data like a global)' : ''}: it moves to \`.data_shared\`, the shared domain every compartment can access.`
          : `${owner}: ${mechanism} separates nothing, so the attribute is just removed.`,
      });
      continue;
    }
    const fallback =
      sharing !== requested && backend.separatesMemory
        ? ` (\`${requested}\` was asked for, but ${mechanism} cannot share stack data that way)`
        : '';
    const uses = rewrittenUses(parts, v);
    notes.push({
      kind: 'shared-local',
      ...where,
      ...(uses.length > 0 ? { uses } : {}),
      rule: `shared local: ${sharing}`,
      why: `${owner}; the sharing mode is \`${sharing}\`${fallback}: ${LOCAL_RULES[backend.separatesMemory ? sharing : 'none'](v.name)}`,
    });
  }
  return notes.sort((a, b) => a.original.start - b.original.start);
}

const LOCAL_RULES: Record<SharingMode | 'none', (name: string) => string> = {
  heap: (n) =>
    `it is allocated on the shared heap (\`uk_malloc(flexos_shared_alloc, …)\`), every use of \`${n}\` goes through that pointer, and it is freed before each return.`,
  dss: (n) =>
    `it stays on the stack, and other compartments reach it through its data shadow stack twin \`_dss_${n}\`, at \`&${n} + STACK_SIZE\`.`,
  'shared-stack': () => 'stacks are shared between compartments, so the local is left where it is.',
  none: () => 'every compartment shares all memory here, so the attribute is just removed.',
};

/**
 * The uses of shared local `v` that the sharing-mode rule rewrote: edits that replace exactly
 * an occurrence of its name (after its declaration) with text still naming it.
 */
function rewrittenUses(parts: InstantiatedParts, v: SharedSite): TextRange[] {
  const out: TextRange[] = [];
  let delta = 0;
  for (const e of parts.applied) {
    const replaced = parts.text.slice(e.start, e.end);
    if (e.start > v.end && replaced === v.name && e.text !== v.name && e.text.includes(v.name))
      out.push({ start: e.start + delta, end: e.start + delta + e.text.length });
    delta += e.text.length - (e.end - e.start);
  }
  return out;
}

/** The note whose range on `side` holds `offset` (the innermost when several do). */
export function noteAt(
  notes: readonly GatedNote[],
  side: 'original' | 'instantiated',
  offset: number,
): GatedNote | undefined {
  return noteRangeAt(notes, side, offset)?.note;
}

/** As `noteAt`, with the range that holds `offset` (a use of a shared local, or the note's own). */
export function noteRangeAt(
  notes: readonly GatedNote[],
  side: 'original' | 'instantiated',
  offset: number,
): { note: GatedNote; range: TextRange } | undefined {
  let best: { note: GatedNote; range: TextRange } | undefined;
  for (const note of notes) {
    const ranges =
      side === 'instantiated' ? [note.instantiated, ...(note.uses ?? [])] : [note.original];
    for (const range of ranges)
      if (
        range.start <= offset &&
        offset <= range.end &&
        (!best || range.end - range.start < best.range.end - best.range.start)
      )
        best = { note, range };
  }
  return best;
}
