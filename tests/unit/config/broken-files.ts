import { expect } from 'vitest';
import { MINIKV, REDIS_KRAFT } from './helpers.ts';

/** Replaces exactly one occurrence, so a case cannot silently test the unchanged file. */
export function edit(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

const COMP2 =
  '  - comp2:\n      mechanism: intel-mpk\n      hardening: [asan, cfi] # applies to every library placed here\n';

/** [what, file, text, every diagnostic as code@line:column]. */
export const CASES: [string, string, () => string, string[]][] = [
  [
    'unclosed flow list',
    'config.yaml',
    () => edit(MINIKV, 'kv: comp1', 'kv: [comp1'),
    // At the `[` left open, not at the next line where the parser noticed.
    ['config/wrong-type@11:9', 'config/yaml-syntax@11:9'],
  ],
  [
    'compartments not a list',
    'config.yaml',
    () => 'name: a\ncompartments: comp1\nlibraries: []\n',
    ['config/wrong-type@2:15'],
  ],
  [
    'name not a string',
    'config.yaml',
    () => edit(MINIKV, 'name: minikv', 'name: [minikv]'),
    ['config/wrong-type@1:7'],
  ],
  [
    'default not a boolean',
    'config.yaml',
    () => edit(MINIKV, 'default: true ', 'default: yes  '),
    ['config/no-default@3:1', 'config/wrong-type@6:16'],
  ],
  [
    'misspelt key',
    'config.yaml',
    () =>
      edit(
        MINIKV,
        'mechanism: intel-mpk\n      hardening',
        'mechansim: intel-mpk\n      hardening',
      ),
    ['config/missing-key@7:5', 'config/unknown-key@8:7'],
  ],
  [
    'unknown top-level key',
    'config.yaml',
    () => `${MINIKV}extra: 1\n`,
    ['config/unknown-key@14:1'],
  ],
  [
    'no libraries',
    'config.yaml',
    () => MINIKV.slice(0, MINIKV.indexOf('libraries:')),
    ['config/missing-key@1:1', 'config/unused-compartment@7:5'],
  ],
  [
    'library without compartment',
    'config.yaml',
    () => edit(MINIKV, 'kv: comp1', 'kv:'),
    ['config/missing-key@11:5'],
  ],
  [
    'per-library form without compartment',
    'config.yaml',
    () => edit(MINIKV, '{ compartment: comp2, hardening', '{ hardening'),
    ['config/missing-key@13:5'],
  ],
  [
    'bad library name',
    'config.yaml',
    () => edit(MINIKV, 'kv: comp1', 'KV: comp1'),
    ['config/bad-name@11:5'],
  ],
  [
    'bad compartment name',
    'config.yaml',
    () => MINIKV.replaceAll('comp2', 'comp_2!'),
    ['config/bad-name@7:5'],
  ],
  [
    'duplicate library',
    'config.yaml',
    () => edit(MINIKV, '  - netstack: comp2\n', '  - netstack: comp2\n  - kv: comp2\n'),
    ['config/duplicate-library@13:5'],
  ],
  [
    'duplicate compartment',
    'config.yaml',
    () => edit(MINIKV, COMP2, COMP2 + COMP2),
    ['config/duplicate-compartment@10:5'],
  ],
  [
    'no default',
    'config.yaml',
    () =>
      edit(MINIKV, '      default: true          # libraries not listed go here; numbered 0\n', ''),
    ['config/no-default@3:1'],
  ],
  [
    'two defaults',
    'config.yaml',
    () => edit(MINIKV, '  - comp2:\n', '  - comp2:\n      default: true\n'),
    ['config/multiple-defaults@8:7'],
  ],
  [
    'unused compartment',
    'config.yaml',
    () => edit(MINIKV, 'libraries:', '  - comp3: { mechanism: intel-mpk }\nlibraries:'),
    ['config/unused-compartment@10:5'],
  ],
  [
    'undeclared compartment',
    'config.yaml',
    () => edit(MINIKV, 'kv: comp1', 'kv: comp3'),
    ['config/unknown-compartment@11:9'],
  ],
  [
    'unknown mechanism',
    'config.yaml',
    () => edit(MINIKV, 'mechanism: intel-mpk\n      hardening', 'mechanism: mpk\n      hardening'),
    ['config/unknown-mechanism@8:18'],
  ],
  [
    'unknown hardening',
    'config.yaml',
    () => edit(MINIKV, '[safestack]', '[safestak]'),
    ['config/unknown-hardening@13:46'],
  ],
  [
    'unknown sharing',
    'config.yaml',
    () => edit(MINIKV, 'sharing: heap', 'sharing: stack'),
    ['config/unknown-sharing@2:10'],
  ],
  [
    'two mechanisms',
    'config.yaml',
    () =>
      edit(MINIKV, 'mechanism: intel-mpk\n      hardening', 'mechanism: vm-ept\n      hardening'),
    ['config/mixed-mechanisms@8:18'],
  ],
  [
    'all fcalls',
    'config.yaml',
    () => MINIKV.replaceAll('mechanism: intel-mpk', 'mechanism: fcalls'),
    ['config/fcalls-no-isolation@3:1'],
  ],
  [
    'alias to an unlisted library',
    'config.yaml',
    () => `${MINIKV}aliases:\n  libc: newlib\n`,
    ['config/alias-unknown-library@15:9'],
  ],
  ['empty file', 'config.yaml', () => '# nothing yet\n', ['config/empty@1:1']],
  [
    'nesting deep enough to crash the YAML parser',
    'config.yaml',
    () => `name: ${'['.repeat(5000)}`,
    ['config/too-deep@1:106'],
  ],
  ['list at the root', 'config.yaml', () => '- a\n- b\n', ['config/wrong-type@1:1']],
  [
    'misspelt key of a compartment in the flat form',
    'config.yaml',
    () =>
      edit(
        MINIKV,
        '      mechanism: intel-mpk\n      hardening: [asan, cfi]',
        '    mechanism: intel-mpk\n    hardenin: [asan, cfi]',
      ),
    ['config/unknown-key@9:5'],
  ],
  [
    'list item without dash',
    'config.yaml',
    () => edit(MINIKV, '  - netstack: comp2', '    netstack: comp2'),
    ['config/missing-dash@12:5'],
  ],
  [
    'old kraft specification',
    'kraft.yaml',
    () => edit(REDIS_KRAFT, "'0.6'", "'0.5'"),
    ['config/unknown-specification@2:16'],
  ],
  [
    'no kraft specification',
    'kraft.yaml',
    () => edit(REDIS_KRAFT, "specification: '0.6'\n", ''),
    ['config/unknown-specification@1:1'],
  ],
  [
    'unknown kraft driver',
    'kraft.yaml',
    () =>
      edit(
        REDIS_KRAFT,
        'driver: intel-pku\n      noisolstack: false\n    default',
        'driver: intel-pk\n      noisolstack: false\n    default',
      ),
    ['config/unknown-mechanism@15:15'],
  ],
  [
    'kraft: two mechanisms',
    'kraft.yaml',
    () =>
      edit(
        REDIS_KRAFT,
        'driver: intel-pku\n      noisolstack: false\nlib',
        'driver: vmept\n      noisolstack: false\nlib',
      ),
    ['config/mixed-mechanisms@20:15'],
  ],
  [
    'kraft: compartment without name',
    'kraft.yaml',
    () => edit(REDIS_KRAFT, '  - name: comp2\n', '  - nom: comp2\n'),
    [
      'config/missing-key@18:5',
      'config/unknown-key@18:5',
      'config/unknown-compartment@36:18',
      'config/unknown-compartment@39:18',
    ],
  ],
  [
    'kraft: is_core not a boolean',
    'kraft.yaml',
    () => edit(REDIS_KRAFT, 'is_core: true', "is_core: 'yes'"),
    ['config/wrong-type@38:14'],
  ],
  [
    'kraft: unknown library key',
    'kraft.yaml',
    () => edit(REDIS_KRAFT, 'is_core: true', 'core: true'),
    ['config/unknown-key@38:5'],
  ],
  [
    'kraft: libraries as a list',
    'kraft.yaml',
    () => REDIS_KRAFT.slice(0, REDIS_KRAFT.indexOf('libraries:')) + 'libraries: [tlsf, lwip]\n',
    ['config/unused-compartment@18:11', 'config/wrong-type@22:12'],
  ],
];
