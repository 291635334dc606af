/**
 * The one YAML layer under `config.yaml`, `kraft.yaml`, `space.yaml` and `workload.yaml`:
 * parsing with node ranges, walking nodes, reading keys and values with `<prefix>/...`
 * diagnostics collected rather than thrown (unknown keys get the same "did you mean" fix in
 * every file), minimal text edits of YAML source, and printing scalars. Every file gets the
 * same limits here: nesting (`<prefix>/too-deep`), at most `MAX_DIAGNOSTICS_PER_FILE`
 * diagnostics (`<prefix>/too-many-problems`), numbers in a computable range (`numberValue`).
 */
export {
  addDiagnostic,
  createYamlContext,
  MAX_DIAGNOSTICS_PER_FILE,
  report,
  spanAt,
  type YamlContext,
} from './context.ts';
export { parseYaml } from './parse-yaml.ts';
export { findTooDeep, MAX_INDENT, MAX_NESTING } from './nesting-guard.ts';
export {
  describeNode,
  isEmptyNode,
  keySpan,
  keyText,
  MAX_NUMBER,
  MIN_NUMBER,
  nodeSpan,
  numberValue,
  pairSpan,
  rangeOf,
  reportAt,
  scalarText,
  valueSpan,
  type YPair,
} from './nodes.ts';
export { indexPairs, requireKey } from './read-keys.ts';
export { mapItems, readBoolean, seqItems, wrongType } from './read-values.ts';
export {
  addPair,
  appendSeqItem,
  asMap,
  asSeq,
  columnOf,
  lineEnd,
  lineIndent,
  lineStart,
  newlineOf,
  removePair,
  removeSeqItem,
  replaceAll,
  setPairValue,
  type EditContext,
} from './edits.ts';
export { yamlFlowList, yamlScalar } from './print-scalar.ts';
