import { getBackend } from '../backends/index.ts';
import { createConfigLookup, mechanismOf, type ImageConfig } from '../config/image-config.ts';
import { createDiagnostic, type Diagnostic, type Fix, type Span } from '../diagnostics.ts';
import type { CallTarget, ComponentSpec } from '../metadata/component-spec.ts';
import { specMap } from './placement.ts';

/**
 * One gate of the C sources, as the rewriter reports it (`GateSite`) or the textual scan finds
 * it: who enters whom, at which function, written where.
 */
export interface GateSiteRef {
  /** The library making the call; for a callback, the library calling back. */
  caller: string;
  /** The library entered, its gate token already resolved (with `aliases:`). */
  callee: string;
  /** The function entered. */
  fn: string;
  /** `gate`: a `flexos_gate` in the caller's C; `callback`: a `libX_callback` in the callee's. */
  via: 'gate' | 'callback';
  span: Span;
}

/** Whether `[Call]` items allow calling `lib::fn`. */
function callAllows(calls: readonly CallTarget[], lib: string, fn: string): boolean {
  return calls.some((c) => c.kind === 'any' || (c.lib === lib && (c.fn === '*' || c.fn === fn)));
}

/** A fix appending `text` after the last item of a section (none when it has no item). */
function appendFix(title: string, items: readonly { span: Span }[], text: string): Fix[] {
  const last = items[items.length - 1];
  if (!last) return [];
  const { file, end } = last.span;
  return [{ title, edits: [{ file, start: end, end, text }] }];
}

/**
 * The gates of the C against the metadata (docs/formats.md, "Component metadata"): the C and the
 * metadata must agree, as the hardware enforces what the gates say.
 *
 * - `solver/gate-not-in-call` (error): a `flexos_gate` into `callee::fn` that the caller's
 *   `[Call]` does not list, whatever the placement (a nop gate is still a call). A caller
 *   without metadata or without `[Call]` calls anything (`*`). Callbacks are exempt: the
 *   library calling back reaches the function through a pointer it was handed, its C does not
 *   name the callee, and its metadata is written once for every client.
 * - `solver/gate-not-in-api` (error): a gate, or a callback wrapper, that enters `fn` of a
 *   callee whose `[API]` lists other functions only, across a real mechanism boundary: a
 *   callback is an entry point of the library defining it, as much as a called function is.
 *   Inside one compartment, or under `fcalls`, nothing separates the two, so the restriction
 *   does not apply; a callee that declares no `[API]` may be entered anywhere.
 *
 * Sites whose callee is not a library of the image (an unknown gate token, reported by the
 * rewriter) and gates of a library into itself are left alone. The span is the gate's.
 */
export function checkGateSites(
  config: ImageConfig,
  components: readonly ComponentSpec[],
  sites: readonly GateSiteRef[],
): Diagnostic[] {
  const specs = specMap(components);
  const known = new Set([
    ...config.libraries.map((l) => l.name),
    ...specs.keys(),
    ...Object.values(config.aliases),
  ]);
  const separates = getBackend(mechanismOf(config)).separatesMemory;
  const { compartmentOf } = createConfigLookup(config);
  const out: Diagnostic[] = [];
  for (const site of sites) {
    const { caller, callee, fn, span } = site;
    if (caller === callee || !known.has(callee)) continue;
    const callerSpec = specs.get(caller);
    const calls = callerSpec?.calls;
    if (site.via === 'gate' && callerSpec && calls && !callAllows(calls, callee, fn)) {
      out.push(
        createDiagnostic(
          'solver/gate-not-in-call',
          'error',
          `${caller} calls ${callee}::${fn} through a gate, but ${caller}'s [Call] does not list it: the C and the metadata must agree`,
          span,
          {
            related: [{ span: callerSpec.span, message: `${caller}'s metadata` }],
            fixes: appendFix(
              `Add ${callee}::${fn} to ${caller}'s [Call]`,
              calls,
              `, ${callee}::${fn}`,
            ),
          },
        ),
      );
    }
    const calleeSpec = specs.get(callee);
    const api = calleeSpec?.api ?? [];
    const crosses = separates && compartmentOf(caller)?.name !== compartmentOf(callee)?.name;
    if (calleeSpec && crosses && api.length > 0 && !api.some((f) => f.name === fn)) {
      const what = site.via === 'callback' ? `a callback from ${caller}` : `a gate from ${caller}`;
      out.push(
        createDiagnostic(
          'solver/gate-not-in-api',
          'error',
          `${what} enters ${callee}::${fn}, which is not in ${callee}'s [API]: across a gate only ${api.map((f) => f.name).join(', ')} may be entered`,
          span,
          {
            related: api.map((f) => ({
              span: f.span,
              message: `${callee}'s entry point ${f.name}`,
            })),
            fixes: appendFix(`Add ${fn} to ${callee}'s [API]`, api, `; ${fn}(...)`),
          },
        ),
      );
    }
  }
  return out;
}
