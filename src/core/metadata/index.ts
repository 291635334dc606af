/**
 * The component metadata language (docs/formats.md, "Component metadata"): `*.flexos` text <->
 * `ComponentSpec`, checks against an image, and tokens for highlighting.
 */
export type {
  Action,
  ApiFunction,
  CallTarget,
  ComponentSpec,
  MemoryAccess,
  Region,
  Requirement,
} from './component-spec.ts';
export { parseComponent } from './parse-component.ts';
export type { ParsedComponent } from './parse-component.ts';
export { printComponent } from './print-component.ts';
export { checkComponentAgainstImage } from './check-component.ts';
export { tokenizeMetadata } from './tokenizer.ts';
export type { MetadataToken, MetadataTokenKind } from './tokenizer.ts';
export { META_CODES, severityOf } from './meta-diagnostics.ts';
export type { MetaCode } from './meta-diagnostics.ts';
export { SECTION_NAMES } from './parse-sections.ts';
export type { SectionName } from './parse-sections.ts';
export { IDENTIFIER_PATTERN } from './item-builder.ts';
