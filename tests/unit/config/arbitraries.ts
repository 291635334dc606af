import fc from 'fast-check';
import { HARDENINGS, MECHANISMS, SHARING_MODES } from '../../../src/core/model.ts';
import type { ConfigChange, ImageConfig } from '../../../src/core/config/index.ts';

export const nameArb = fc.stringMatching(/^[a-z][a-z0-9_-]{0,7}$/);
const hardeningArb = fc.subarray([...HARDENINGS]);

/**
 * Any structurally valid image: unique names, known mechanisms, canonical hardening lists. The
 * rules between parts (one default, one mechanism, ...) are not enforced: printers and parsers
 * must round-trip broken images too.
 */
export const imageConfigArb: fc.Arbitrary<ImageConfig> = fc
  .record({
    name: nameArb,
    sharing: fc.constantFrom(...SHARING_MODES),
    compartments: fc.uniqueArray(nameArb, { minLength: 1, maxLength: 5 }),
    libraries: fc.uniqueArray(nameArb, { maxLength: 6 }),
    aliases: fc.dictionary(nameArb, nameArb, { maxKeys: 3 }),
  })
  .chain(({ name, sharing, compartments, libraries, aliases }) =>
    fc.record({
      name: fc.constant(name),
      sharing: fc.constant(sharing),
      compartments: fc.tuple(
        ...compartments.map((c) =>
          fc.record({
            name: fc.constant(c),
            mechanism: fc.constantFrom(...MECHANISMS),
            default: fc.boolean(),
            hardening: hardeningArb,
          }),
        ),
      ),
      libraries: fc.tuple(
        ...libraries.map((l) =>
          fc.record({
            name: fc.constant(l),
            compartment: fc.oneof(fc.constantFrom(...compartments), nameArb),
            hardening: hardeningArb,
          }),
        ),
      ),
      aliases: fc.constant({ ...aliases }),
    }),
  );

/** A change naming libraries and compartments of `config` or new ones. */
export function changeArb(config: ImageConfig): fc.Arbitrary<ConfigChange> {
  const lib = fc.oneof(fc.constantFrom('newlib', ...config.libraries.map((l) => l.name)), nameArb);
  const comp = fc.oneof(fc.constantFrom(...config.compartments.map((c) => c.name)), nameArb);
  return fc.oneof(
    fc.record({ kind: fc.constant('move' as const), lib, compartment: comp }),
    fc.record({ kind: fc.constant('new-compartment' as const), lib, compartment: comp }),
    fc.record({
      kind: fc.constant('harden' as const),
      lib,
      hardening: fc.constantFrom(...HARDENINGS),
    }),
  );
}

/** Random damage to a text: deleted, inserted and duplicated characters and lines. */
export function mutatedArb(texts: readonly string[]): fc.Arbitrary<string> {
  const op = fc.oneof(
    fc.record({
      kind: fc.constant('delete' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 8 }),
    }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.string({ unit: fc.constantFrom(...' \n\t-:#[]{},\'"&*!|>?%@`x1') }),
    }),
    fc.record({
      kind: fc.constant('duplicate' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 20 }),
    }),
    fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  );
  return fc
    .tuple(fc.constantFrom(...texts), fc.array(op, { minLength: 1, maxLength: 6 }))
    .map(([text, ops]) => {
      let out = text;
      for (const o of ops) {
        const at = out.length === 0 ? 0 : o.at % (out.length + 1);
        const lines = out.split('\n');
        const line = o.at % Math.max(1, lines.length);
        if (o.kind === 'delete') out = out.slice(0, at) + out.slice(at + o.length);
        else if (o.kind === 'insert') out = out.slice(0, at) + o.text + out.slice(at);
        else if (o.kind === 'duplicate')
          out =
            out.slice(0, at + o.length) + out.slice(at, at + o.length) + out.slice(at + o.length);
        else if (o.kind === 'delete-line')
          out = [...lines.slice(0, line), ...lines.slice(line + 1)].join('\n');
        else out = [...lines.slice(0, line + 1), ...lines.slice(line)].join('\n');
      }
      return out;
    });
}
