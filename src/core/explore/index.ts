/**
 * The design-space explorer (DESIGN.md, "Design space and safety orders", "Cost model"):
 * spaces from `space.yaml`, exact counts, canonical ids, the `flexos` and `product` safety
 * orders and their Hasse diagrams, the frontier under a budget (listed, lazy, or by structure
 * for spaces too large to list), and cost estimates from `workload.yaml`.
 */
export type { Configuration, HardeningOption, Space, SpaceInput } from './space.ts';
export { createSpace, safetyRank, MAX_OPTIONS } from './space.ts';
export { parseSpace, type ParsedSpace } from './parse-space.ts';
export { SPACE_CODES, SPACE_KEYS } from './space-schema.ts';
export {
  countConfigurations,
  enumerateConfigurations,
  ENUMERATION_LIMIT,
  type SpaceCount,
} from './count.ts';
export { countPartitions, stirlingRow } from './partitions.ts';
export {
  configurationFromId,
  formatId,
  normalizeId,
  parseId,
  type IdError,
  type ParsedId,
} from './ids.ts';
export { ORDERS, isOrder, isSafer, compareSafety, type Order, type Comparison } from './orders.ts';
export { hasseDiagram, countCoveringEdges, minimalElements, type HasseEdge } from './hasse.ts';
export {
  parseBudget,
  formatBudget,
  meetsBudget,
  maximalElements,
  computeFrontier,
  rankBySafety,
  type Budget,
  type Label,
  type LabelKind,
  type FrontierResult,
} from './frontier.ts';
export { lazyFrontier, LAZY_LIMIT, type LazyInput, type LazyResult } from './lazy.ts';
export {
  largeFrontier,
  LARGE_MAX_OPTIONS,
  type LargeFrontierInput,
  type LargeFrontierResult,
} from './large-frontier.ts';
export { createCostTable, createEstimator, type CostTable, type Estimator } from './cost-model.ts';
export {
  parseWorkload,
  checkWorkload,
  type Workload,
  type WorkloadEdge,
  type ParsedWorkload,
} from './parse-workload.ts';
export { parseCsv, parseLabelsCsv, type CsvField, type CsvLabel } from './csv.ts';
export { toImageConfig, toConfigYaml } from './to-config.ts';
export { explainIncomparable, optionNames } from './explain.ts';
export { completeWorkload, type GateSite } from './gate-edges.ts';
export { exploreSpace } from './pipeline.ts';
export { createRequiresCheck } from './requires-check.ts';
export type {
  AllowedCheck,
  ExploreOptions,
  ExploreResult,
  FrontierMember,
  LabelSource,
} from './explore-types.ts';
export { formatReport, toDot } from './report.ts';
