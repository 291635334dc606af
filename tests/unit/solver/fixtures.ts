import type { Span } from '../../../src/core/diagnostics.ts';
import type {
  CompartmentConfig,
  ImageConfig,
  LibraryConfig,
} from '../../../src/core/config/image-config.ts';
import type {
  Action,
  CallTarget,
  ComponentSpec,
  MemoryAccess,
  Requirement,
} from '../../../src/core/metadata/component-spec.ts';
import type { Hardening, Mechanism } from '../../../src/core/model.ts';

/** A span in a component's metadata file; offsets only need to be distinct per item. */
export function metaSpan(name: string, start = 0): Span {
  return { file: `components/${name}.flexos`, start, end: start + 1 };
}

export function call(target: string, name: string, at = 0): CallTarget {
  if (target === '*') return { kind: 'any', span: metaSpan(name, at) };
  const [lib = '', fn = '*'] = target.split('::');
  return { kind: 'lib', lib, fn, span: metaSpan(name, at) };
}

export function req(text: string, name: string, at = 0): Requirement {
  const m = /^(.+)\((Read|Write|Call),(.+)\)$/.exec(text);
  if (!m) throw new Error(`bad requirement ${text}`);
  return { who: m[1]!, action: m[2] as Action, object: m[3]!, span: metaSpan(name, at) };
}

export interface SpecInput {
  memory?: MemoryAccess | null;
  /** `null`: no `[Call]` section (calls anything); absent: an empty one (calls nothing). */
  calls?: string[] | null;
  api?: string[];
  requires?: string[] | null;
  hardening?: Hardening[] | null;
}

/** A ComponentSpec built by hand, as the metadata parser would produce it. */
export function spec(name: string, input: SpecInput = {}): ComponentSpec {
  return {
    name,
    doc: [],
    memory: input.memory ?? null,
    calls: input.calls === null ? null : (input.calls ?? []).map((c, i) => call(c, name, 100 + i)),
    api: (input.api ?? []).map((f, i) => ({
      name: f,
      params: '...',
      span: metaSpan(name, 200 + i),
    })),
    requires:
      input.requires === undefined || input.requires === null
        ? null
        : input.requires.map((r, i) => req(r, name, 300 + i)),
    hardening: input.hardening ?? null,
    span: metaSpan(name, 10),
  };
}

/**
 * An image: `placement` maps a compartment name to its libraries; the first is the default.
 * Library names get spans in `config.yaml` at distinct offsets.
 */
export function image(
  mechanism: Mechanism,
  placement: Record<string, string[]>,
  options: {
    hardening?: Record<string, Hardening[]>;
    compartmentHardening?: Record<string, Hardening[]>;
  } = {},
): ImageConfig {
  let offset = 0;
  const compartments: CompartmentConfig[] = [];
  const libraries: LibraryConfig[] = [];
  Object.entries(placement).forEach(([name, libs], i) => {
    compartments.push({
      name,
      mechanism,
      default: i === 0,
      hardening: options.compartmentHardening?.[name] ?? [],
      span: { file: 'config.yaml', start: (offset += 10), end: offset + name.length },
    });
    for (const lib of libs)
      libraries.push({
        name: lib,
        compartment: name,
        hardening: options.hardening?.[lib] ?? [],
        span: { file: 'config.yaml', start: (offset += 10), end: offset + lib.length },
      });
  });
  return { name: 'test', sharing: 'heap', compartments, libraries, aliases: {} };
}

/** The docs/formats.md example: the verified scheduler and a plain-C network stack. */
export function designExample(): ComponentSpec[] {
  return [
    spec('sched', {
      memory: { read: ['Own', 'Shared'], write: ['Own', 'Shared'] },
      calls: ['alloc::malloc', 'alloc::free'],
      api: ['thread_add', 'thread_rm', 'yield'],
      requires: [
        '*(Read,Own)',
        '*(Write,Shared)',
        '*(Call,thread_add)',
        '*(Call,thread_rm)',
        '*(Call,yield)',
      ],
    }),
    spec('netstack', {
      memory: { read: ['*'], write: ['*'] },
      calls: ['*'],
      api: ['socket', 'bind', 'recv', 'send'],
    }),
  ];
}

/**
 * 40 components that each write anywhere and let about half of the others write to them (a
 * dense random conflict graph), all in one compartment: about 1,500 violations.
 */
export function fortyComponents(seed = 1): { specs: ComponentSpec[]; config: ImageConfig } {
  let s = seed;
  const rnd = (): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const names = Array.from({ length: 40 }, (_, i) => `c${i}`);
  const specs = names.map((name, i) =>
    spec(name, {
      memory: { read: ['Own'], write: ['*'] },
      requires: [
        '*(Read,*)',
        ...names.filter((_, j) => j !== i && rnd() < 0.5).map((a) => `${a}(Write,*)`),
      ],
    }),
  );
  const config: ImageConfig = {
    name: 'r',
    sharing: 'heap',
    compartments: [{ name: 'c', mechanism: 'cheri', default: true, hardening: [] }],
    libraries: names.map((name) => ({ name, compartment: 'c', hardening: [] })),
    aliases: {},
  };
  return { specs, config };
}
