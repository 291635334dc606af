/**
 * fast-check arbitraries for valid `ComponentSpec`s: what `parseComponent` can return
 * without errors (unique items, canonical params), spans set to a dummy value.
 */
import fc from 'fast-check';
import { HARDENINGS } from '../../../src/core/model.ts';
import type {
  Action,
  ApiFunction,
  CallTarget,
  ComponentSpec,
  Region,
  Requirement,
} from '../../../src/core/metadata/index.ts';

const span = { file: 'x.flexos', start: 0, end: 0 };
const region = fc.constantFrom<Region>('Own', 'Shared', '*');

export const componentName = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/);
export const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);

/** Raw params as the parser keeps them: single spaces, balanced parentheses, no `;` or `#`. */
const params = fc
  .array(
    fc.constantFrom('int', 'x', '*', ',', '...', 'const char', '(*f)(int)', 'a[4]', 'größe', '𝔵'),
    { maxLength: 5 },
  )
  .map((parts) => parts.join(' '));

const call: fc.Arbitrary<CallTarget> = fc.oneof(
  fc.constant<CallTarget>({ kind: 'any', span }),
  fc.record({
    kind: fc.constant('lib' as const),
    lib: componentName,
    fn: fc.oneof(identifier, fc.constant('*')),
    span: fc.constant(span),
  }),
);

const api: fc.Arbitrary<ApiFunction> = fc.record({
  name: identifier,
  params,
  span: fc.constant(span),
});

const requirement: fc.Arbitrary<Requirement> = fc
  .tuple(
    fc.oneof(fc.constant('*'), componentName),
    fc.constantFrom<Action>('Read', 'Write', 'Call'),
  )
  .chain(([who, action]) =>
    (action === 'Call' ? fc.oneof(identifier, fc.constant('*')) : region).map((object) => ({
      who,
      action,
      object,
      span,
    })),
  );

/** Doc lines: anything without a line break, often with leading spaces, `#` and non-ASCII. */
const docLine = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => s.replace(/[\r\n]/g, '')),
  fc
    .array(fc.constantFrom(' ', '\t', '#', 'a', 'é', '🦀', '[Call]', 'component x'), {
      maxLength: 6,
    })
    .map((a) => a.join('')),
);

export const componentSpec: fc.Arbitrary<ComponentSpec> = fc.record({
  name: componentName,
  doc: fc.array(docLine, { maxLength: 3 }),
  memory: fc.option(
    fc.record({
      read: fc.uniqueArray(region, { maxLength: 3 }),
      write: fc.uniqueArray(region, { maxLength: 3 }),
    }),
  ),
  calls: fc.option(
    fc.uniqueArray(call, {
      maxLength: 4,
      selector: (c) => (c.kind === 'any' ? '*' : `${c.lib}::${c.fn}`),
    }),
  ),
  api: fc.uniqueArray(api, { maxLength: 4, selector: (f) => f.name }),
  requires: fc.option(
    fc.uniqueArray(requirement, {
      maxLength: 5,
      selector: (r) => `${r.who}(${r.action},${r.object})`,
    }),
  ),
  hardening: fc.option(fc.shuffledSubarray([...HARDENINGS])),
  span: fc.constant(span),
});
