import { getBackend } from '../backends/index.ts';
import {
  compartmentNumbers,
  compartmentOf,
  mechanismOf,
  type ImageConfig,
} from '../config/image-config.ts';
import type { Hardening, Mechanism, SharingMode } from '../model.ts';
import type { GateSite } from './instantiate/context.ts';
import { gateToken } from '../names/index.ts';
import { effectiveSharing } from './instantiate/whitelist-locals.ts';

/** One compartment of a build, as the toolchain lays it out. */
export interface CompartmentArtefact {
  number: number;
  name: string;
  mechanism: Mechanism;
  libraries: string[];
  hardening: Hardening[];
  /**
   * Its private sections: data (with the read-only data: `.data_comp1`), bss (`.bss_comp1`)
   * and the init array of its libraries' constructors (`.init_array_comp1`).
   */
  sections: { data: string; bss: string; initArray: string };
  /** Its private heap (`flexos_comp1_alloc`; compartment 0 uses the default allocator). */
  heap: string;
  /**
   * Per-thread private stacks (`stack_comp1`), under MPK unless stacks are shared; `dss`
   * when each has a data shadow stack next to it.
   */
  stacks?: { name: string; dss: boolean };
}

/** Every gate site between one caller and one callee library. */
export interface GateTableEntry {
  caller: string;
  callee: string;
  from: number;
  to: number;
  /** `real` when the call crosses an isolation boundary, `nop` otherwise. */
  kind: 'nop' | 'real';
  /** Number of gate sites (placeholder gates and callback wrappers). */
  sites: number;
  /** How many of them are callback wrappers (callee calling back into caller's code). */
  callbacks: number;
  /** Functions called through them, sorted. */
  functions: string[];
}

export interface LinkerFragment {
  lib: string;
  compartment: number;
  /** File name for the fragment: `libnetstack.ld`. */
  file: string;
  text: string;
}

/** What a configuration builds besides the gated sources: layout, linker fragments, gate table. */
export interface BuildArtefacts {
  image: string;
  mechanism: Mechanism;
  /** The sharing mode asked for, and the one in effect under this mechanism. */
  sharing: { requested: SharingMode; effective: SharingMode };
  compartments: CompartmentArtefact[];
  shared: { data: '.data_shared'; text: '.text_shared'; heap: 'flexos_shared_alloc' };
  linkerFragments: LinkerFragment[];
  gates: GateTableEntry[];
}

/** Builds the artefacts of `config` from the gate sites its instantiated sources reported. */
export function buildArtefacts(
  config: ImageConfig,
  sites: readonly GateSite[],
  sharing: SharingMode = config.sharing,
): BuildArtefacts {
  const mechanism = mechanismOf(config);
  const backend = getBackend(mechanism);
  const effective = effectiveSharing({ backend, mechanism }, sharing);
  const numbers = compartmentNumbers(config);
  const compartments = config.compartments
    .map((c): CompartmentArtefact => {
      const number = numbers.get(c.name) ?? 0;
      const libraries = config.libraries
        .filter((l) => compartmentOf(config, l.name)?.name === c.name)
        .map((l) => l.name)
        .sort();
      const privateStacks = mechanism === 'intel-mpk' && effective !== 'shared-stack';
      return {
        number,
        name: c.name,
        mechanism: c.mechanism,
        libraries,
        hardening: [...c.hardening],
        sections: {
          data: `.data_comp${number}`,
          bss: `.bss_comp${number}`,
          initArray: `.init_array_comp${number}`,
        },
        heap: `flexos_comp${number}_alloc`,
        ...(privateStacks
          ? { stacks: { name: `stack_comp${number}`, dss: effective === 'dss' } }
          : {}),
      };
    })
    .sort((a, b) => a.number - b.number);
  const linkerFragments = backend.separatesMemory
    ? compartments
        .filter((c) => c.number !== 0)
        .flatMap((c) => c.libraries.map((lib) => linkerFragment(lib, c, mechanism)))
    : [];
  return {
    image: config.name,
    mechanism,
    sharing: { requested: sharing, effective },
    compartments,
    shared: { data: '.data_shared', text: '.text_shared', heap: 'flexos_shared_alloc' },
    linkerFragments,
    gates: gateTable(sites),
  };
}

/** Gate sites grouped by caller → callee, sorted by caller then callee. */
export function gateTable(sites: readonly GateSite[]): GateTableEntry[] {
  const byPair = new Map<string, GateTableEntry & { fnSet: Set<string> }>();
  for (const s of sites) {
    const key = `${s.caller}\u0000${s.callee}`;
    let e = byPair.get(key);
    if (!e) {
      e = {
        caller: s.caller,
        callee: s.callee,
        from: s.from,
        to: s.to,
        kind: s.kind,
        sites: 0,
        callbacks: 0,
        functions: [],
        fnSet: new Set(),
      };
      byPair.set(key, e);
    }
    e.sites++;
    if (s.via === 'callback') e.callbacks++;
    e.fnSet.add(s.fn);
  }
  return [...byPair.values()]
    .map(({ fnSet, ...e }) => ({ ...e, functions: [...fnSet].sort() }))
    .sort((a, b) =>
      a.caller < b.caller
        ? -1
        : a.caller > b.caller
          ? 1
          : a.callee < b.callee
            ? -1
            : a.callee > b.callee
              ? 1
              : 0,
    );
}

/**
 * What FlexOS's toolchain writes for each library outside the default compartment
 * (`flexos_extra.ld`, from kraft's `localextra.ld.in`): its data and read-only data in the
 * compartment's data section (string literals included, which is why a literal passed across
 * a gate must be `FLEXOS_SHARED_LITERAL`), its bss in the compartment's bss, and its
 * constructors in the compartment's init array, which the image's script keeps in the init
 * array of the image that runs the compartment (one per VM under vm-ept). The toolchain's
 * template names the last one `.initarray`, which matches no section GCC emits; here it is
 * `.init_array`. `uk_inittab` entries (`uk_lib_initcall`) are not moved, as in FlexOS: ukboot
 * calls them from the default compartment, so an isolated library's init function is a
 * `libukboot_callback`.
 *
 * Scoped to the library's object (FlexOS applies the script when linking the library alone)
 * and page-aligned: GNU ld keeps each fragment's output sections separate, so every library
 * of a compartment gets its own pages, all tagged with the compartment's key.
 */
function linkerFragment(lib: string, c: CompartmentArtefact, mechanism: Mechanism): LinkerFragment {
  const obj = `*${gateToken(lib)}.o`;
  const text = [
    `/* ${gateToken(lib)}: compartment ${c.number} (${c.name}), ${mechanism} */`,
    'SECTIONS',
    '{',
    `	${c.sections.data} : ALIGN(0x1000)`,
    '	{',
    `		${obj}(.data .data.* .rodata .rodata.*)`,
    '	}',
    `	${c.sections.bss} (NOLOAD) : ALIGN(0x1000)`,
    '	{',
    `		${obj}(.bss .bss.* COMMON)`,
    '	}',
    '}',
    'INSERT AFTER .data;',
    '',
    'SECTIONS',
    '{',
    `	${c.sections.initArray} : ALIGN(8)`,
    '	{',
    `		KEEP(${obj}(SORT_BY_INIT_PRIORITY(.init_array.*) .init_array))`,
    '	}',
    '}',
    'INSERT AFTER .init_array;',
    '',
  ].join('\n');
  return { lib, compartment: c.number, file: `${gateToken(lib)}.ld`, text };
}
