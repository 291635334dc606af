import type { JSONSchema } from 'monaco-yaml';
import { HARDENINGS, MECHANISMS, SHARING_MODES } from '../../core/model.ts';

/**
 * JSON schemas for the workspace's YAML files: completion, hover docs and a first line of
 * validation in the editor. The parsers in core stay the authority (their diagnostics, with
 * exact codes and fixes, are what the Problems panel shows); these schemas only guide typing.
 */

const NAME = { type: 'string', pattern: '^[a-z][a-z0-9_-]*$' };
const MECHANISM = {
  description:
    'Isolation mechanism. `fcalls`: plain function calls, nothing separated. `intel-mpk`: Intel memory protection keys (alias `intel-pku`). `vm-ept`: one VM per compartment (alias `vmept`). `cheri`: CHERI capabilities.',
  enum: [...MECHANISMS, 'intel-pku', 'vmept'],
};
const HARDENING = {
  type: 'array',
  description:
    'Software hardening: asan (memory safety), ubsan, cfi (calls only reach the API), safestack, stack-protector.',
  items: { enum: [...HARDENINGS] },
  uniqueItems: true,
};

const COMPARTMENT_PROPERTIES = {
  mechanism: MECHANISM,
  default: {
    type: 'boolean',
    description: 'Libraries not listed go here; it is compartment 0.',
  },
  hardening: {
    ...HARDENING,
    description: `${HARDENING.description} Applies to every library placed here.`,
  },
};

const LIBRARY_PROPERTIES = {
  compartment: { type: 'string', description: 'Compartment name.' },
  hardening: {
    ...HARDENING,
    description: `${HARDENING.description} Only for this library.`,
  },
};

/**
 * The flat form of the FlexOS talks (`- comp1:` with no value, then the properties at the same
 * indentation): one list item holding the name, with a null value, and the properties.
 */
function flatItem(properties: Record<string, JSONSchema>, required: string, description: string) {
  return {
    type: 'object',
    description,
    properties,
    required: [required],
    minProperties: 2,
    additionalProperties: { type: 'null', description: 'The name, with no value.' },
  };
}

const compartment = {
  description: 'One compartment: `- name: {mechanism, default, hardening}`, nested or flat.',
  anyOf: [
    {
      type: 'object',
      description: 'One compartment: `- name:` with its properties indented under it.',
      minProperties: 1,
      maxProperties: 1,
      additionalProperties: {
        type: 'object',
        properties: COMPARTMENT_PROPERTIES,
        required: ['mechanism'],
        additionalProperties: false,
      },
    },
    flatItem(
      COMPARTMENT_PROPERTIES,
      'mechanism',
      'One compartment in the flat form: `- name:` then its properties at the same indentation.',
    ),
  ],
};

const library = {
  description: 'A library and its compartment: `- lib: comp` or `- lib: {compartment, hardening}`.',
  anyOf: [
    {
      type: 'object',
      minProperties: 1,
      maxProperties: 1,
      additionalProperties: {
        anyOf: [
          { type: 'string', description: 'Compartment name.' },
          {
            type: 'object',
            properties: LIBRARY_PROPERTIES,
            required: ['compartment'],
            additionalProperties: false,
          },
        ],
      },
    },
    flatItem(
      LIBRARY_PROPERTIES,
      'compartment',
      'A library in the flat form: `- lib:` then `compartment:` and `hardening:` at the same indentation.',
    ),
  ],
};

const configSchema = {
  type: 'object',
  description: 'One FlexOS image: its compartments and where each library goes.',
  properties: {
    name: { ...NAME, description: 'Image name.' },
    sharing: {
      enum: [...SHARING_MODES],
      description:
        'How stack data crosses an MPK gate: heap (shared heap), dss (data shadow stacks) or shared-stack.',
    },
    compartments: {
      type: 'array',
      items: compartment,
      description: 'Exactly one has `default: true`.',
    },
    libraries: { type: 'array', items: library },
    aliases: {
      type: 'object',
      description: 'Extra `libX` names for gates: `libc: newlib` routes `libc` gates to newlib.',
      additionalProperties: { type: 'string' },
    },
  },
  required: ['compartments'],
};

const spaceSchema = {
  type: 'object',
  description:
    'A design space: every partition of the components up to a size, times every allowed hardening.',
  properties: {
    name: { type: 'string' },
    mechanism: MECHANISM,
    components: { type: 'array', items: NAME, description: 'Components to place.' },
    groups: {
      type: 'array',
      items: { type: 'array', items: NAME },
      description: 'Components that must stay in the same compartment.',
    },
    'max-compartments': {
      type: 'integer',
      minimum: 1,
      description: 'Largest number of compartments.',
    },
    hardening: {
      type: 'object',
      description: 'Hardening each component may get.',
      additionalProperties: HARDENING,
    },
  },
};

const workloadSchema = {
  type: 'object',
  description:
    'What the cost model needs: calls per unit of work, share of time per library, baseline.',
  properties: {
    name: { type: 'string' },
    unit: { type: 'string', description: 'Unit of work, e.g. request.' },
    baseline: { type: 'number', description: 'Throughput with no isolation, units per second.' },
    calls: {
      type: 'array',
      description: 'Calls per unit of work for each caller → callee edge.',
      items: { type: 'object' },
    },
    time: {
      type: 'object',
      description: 'Share of time spent in each library (0..1).',
      additionalProperties: { type: 'number', minimum: 0, maximum: 1 },
    },
  },
};

/** Schemas in the shape `configureMonacoYaml` takes. */
export const YAML_SCHEMAS = [
  {
    uri: 'inmemory://flexos/config.schema.json',
    fileMatch: ['**/config.yaml'],
    schema: configSchema,
  },
  { uri: 'inmemory://flexos/space.schema.json', fileMatch: ['**/space.yaml'], schema: spaceSchema },
  {
    uri: 'inmemory://flexos/workload.schema.json',
    fileMatch: ['**/workload.yaml'],
    schema: workloadSchema,
  },
];
