import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../src/core/diagnostics.ts';
import {
  compartmentNumbers,
  parseConfigYaml,
  parseKraftYaml,
  printKraftYaml,
  sameImageConfig,
  toConfigEdits,
  toInPlaceConfigEdits,
} from '../../../src/core/config/index.ts';
import { convertConfig } from '../../../src/core/pipeline/index.ts';

/** Compartment names in the order a kraft.yaml lists them. */
function kraftOrder(text: string): string[] {
  return [...text.matchAll(/^ {2}- name: (\S+)$/gm)].map((m) => m[1] ?? '');
}

describe('kraft.yaml numbers compartments as the gates do', () => {
  const config = `name: app
compartments:
  - net: { mechanism: intel-mpk }
  - main: { mechanism: intel-mpk, default: true }
  - sched: { mechanism: intel-mpk }
libraries:
  - lwip: net
  - app: main
  - uksched: sched
`;

  it('lists the default compartment first, the others in declaration order', () => {
    const image = parseConfigYaml(config).config;
    if (!image) throw new Error('no config');
    const kraft = printKraftYaml(image);
    expect(kraftOrder(kraft)).toEqual(['main', 'net', 'sched']);
    // The toolchain numbers compartments by their position in kraft.yaml.
    const byPosition = new Map(kraftOrder(kraft).map((name, i) => [name, i]));
    expect(byPosition).toEqual(compartmentNumbers(image));
    const back = parseKraftYaml(kraft).config;
    expect(back && compartmentNumbers(back)).toEqual(compartmentNumbers(image));
  });
});

/** A kraft.yaml with everything the image model does not hold. */
const KRAFT = `---
specification: '0.6'
name: sqlite
unikraft:
  version: staging
  kconfig:
    - CONFIG_LIBDEVFS=y
    - CONFIG_LIBVFSCORE_ROOTDEV="fs0"
    - CONFIG_LIBFLEXOS=y
    - CONFIG_LIBFLEXOS_INTELPKU=y
    - CONFIG_LIBUKMMAP=y
targets:
  - architecture: x86_64
    platform: kvm
compartments:
  - name: comp1
    mechanism:
      driver: intel-pku
      noisolstack: false
    default: true
  - name: comp2
    mechanism:
      driver: intel-pku
      noisolstack: false
    colour: blue
libraries:
  vfscore:
    is_core: true
    compartment: comp2
  tlsf:
    version: staging
    kconfig:
      - CONFIG_LIBTLSF=y
    compartment: comp1
  newlib:
    version: 2.5.0
    source: https://github.com/project-flexos/lib-newlib.git
    compartment: comp1
volumes: {}
networks:
  - name: br0
custom: 1.0
`;

/** Lines of KRAFT that say what the image model does not. */
const UNMODELLED = [
  '    - CONFIG_LIBDEVFS=y',
  '    - CONFIG_LIBVFSCORE_ROOTDEV="fs0"',
  '    - CONFIG_LIBUKMMAP=y',
  '  - architecture: x86_64',
  '      noisolstack: false',
  '    colour: blue',
  '      - CONFIG_LIBTLSF=y',
  '    version: 2.5.0',
  '    source: https://github.com/project-flexos/lib-newlib.git',
  '  - name: br0',
  'custom: 1.0',
];

describe('kraft.yaml written again keeps what the playground does not model', () => {
  it('through convert, unchanged on a second pass', () => {
    const once = convertConfig(KRAFT, 'kraft.yaml', 'kraft');
    if (once.status !== 'ok') throw new Error(JSON.stringify(once.diagnostics));
    for (const line of UNMODELLED) expect(once.text).toContain(`${line}\n`);
    expect(once.text).toContain('    - CONFIG_LIBFLEXOS_INTELPKU=y\n');
    const a = parseKraftYaml(KRAFT).config;
    const b = parseKraftYaml(once.text).config;
    expect(a && b && sameImageConfig(a, b)).toBe(true);
    const twice = convertConfig(once.text, 'kraft.yaml', 'kraft');
    expect(twice.status === 'ok' && twice.text).toBe(once.text);
  });

  it('with the FlexOS options replaced by the image’s', () => {
    const dss = KRAFT.replace(
      '    - CONFIG_LIBFLEXOS_INTELPKU=y\n',
      '    - CONFIG_LIBFLEXOS_INTELPKU=y\n    - CONFIG_LIBFLEXOS_ENABLE_DSS=y\n',
    );
    const image = parseKraftYaml(dss).config;
    if (!image) throw new Error('no config');
    expect(image.sharing).toBe('dss');
    const heap = printKraftYaml({ ...image, sharing: 'heap' });
    expect(heap).not.toContain('ENABLE_DSS');
    expect(heap).toContain(
      '    - CONFIG_LIBDEVFS=y\n    - CONFIG_LIBVFSCORE_ROOTDEV="fs0"\n    - CONFIG_LIBFLEXOS=y\n    - CONFIG_LIBFLEXOS_INTELPKU=y\n    - CONFIG_LIBUKMMAP=y\n',
    );
  });

  it('when an edit cannot be made in place and the file is written anew', () => {
    // `libraries:` as a list is not kraft's shape: a move rewrites the file.
    const odd = KRAFT.replace(/libraries:[\s\S]*?volumes/, 'libraries: []\nvolumes');
    const change = { kind: 'move', lib: 'newlib', compartment: 'comp2' } as const;
    expect(toInPlaceConfigEdits(odd, 'kraft.yaml', change)).toBeUndefined();
    const text = applyEdits(odd, toConfigEdits(odd, 'kraft.yaml', change));
    for (const line of [
      '    - CONFIG_LIBDEVFS=y',
      '      noisolstack: false',
      '    colour: blue',
      'custom: 1.0',
    ])
      expect(text).toContain(`${line}\n`);
    expect(parseKraftYaml(text).config?.libraries).toMatchObject([
      { name: 'newlib', compartment: 'comp2' },
    ]);
  });

  it('and a kraft.yaml with none of it gets only what the model needs', () => {
    const bare = `specification: '0.6'
name: a
compartments:
  - name: c
    mechanism: { driver: fcalls }
    default: true
libraries: {}
`;
    const image = parseKraftYaml(bare).config;
    if (!image) throw new Error('no config');
    expect(printKraftYaml(image)).toBe(`specification: '0.6'
name: a
unikraft:
  version: staging
  kconfig:
    - CONFIG_LIBFLEXOS=y
    - CONFIG_LIBFLEXOS_NONE=y
compartments:
  - name: c
    mechanism:
      driver: fcalls
    default: true
libraries: {}
`);
  });
});
