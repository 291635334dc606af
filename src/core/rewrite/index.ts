/**
 * The C rewriter (docs/formats.md, "Gate placeholders in C sources"): `port` inserts
 * gate placeholders into a library's source, `instantiate` turns placeholders into one
 * backend's code, `buildArtefacts` lays out a configuration. The host hands in a tree-sitter
 * parser with the C grammar (`parser-types.ts`); everything returned is plain data.
 */
export type { CParser, SyntaxEdit, SyntaxNode, SyntaxTree } from './parser-types.ts';
export { parseCDocument, withCDocument, parseErrors, type CDocument } from './parse-c.ts';
export {
  instantiate,
  instantiateDocument,
  type InstantiateOptions,
  type InstantiateResult,
} from './instantiate/instantiate.ts';
export type { GateSite } from './instantiate/context.ts';
export { effectiveSharing } from './instantiate/whitelist-locals.ts';
export {
  port,
  portDocument,
  type PortOptions,
  type PortResult,
  type PortedCall,
} from './port/port.ts';
export {
  ownersFromComponents,
  ownersFromSources,
  type FunctionSignature,
  type Ownership,
} from './port/ownership.ts';
export {
  buildArtefacts,
  gateTable,
  type BuildArtefacts,
  type CompartmentArtefact,
  type GateTableEntry,
  type LinkerFragment,
} from './artefacts.ts';
export { gateToken } from '../names/index.ts';
