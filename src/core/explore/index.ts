/**
 * The design-space explorer (docs/semantics.md, "Design spaces", "Safety orders", "Cost model"):
 * spaces from `space.yaml`, exact counts, canonical ids, the `flexos` and `product` safety
 * orders and their Hasse diagrams, the frontier under a budget (listed, lazy, or by structure
 * for spaces too large to list), and cost estimates from `workload.yaml`.
 *
 * Folders follow `exploreSpace` (`explore-space.ts`): `space/` reads and counts a space and
 * names its configurations, `filter/` leaves out what a component's metadata forbids,
 * `labels/` measures or estimates each configuration, `frontier/` finds the best under a
 * budget, and `order/` compares configurations by safety and explains why.
 */
export type { Configuration, HardeningOption, Space, SpaceInput } from './space/space.ts';
export { createSpace, safetyRank, MAX_OPTIONS } from './space/space.ts';
export { parseSpace, type ParsedSpace } from './space/parse-space.ts';
export { SPACE_CODES, SPACE_KEYS } from './space/space-schema.ts';
export { WORKLOAD_CODES } from './labels/parse-workload.ts';
export {
  countConfigurations,
  enumerateConfigurations,
  ENUMERATION_LIMIT,
  type SpaceCount,
} from './space/count.ts';
export { countPartitions, stirlingRow } from './space/partitions.ts';
export {
  configurationFromId,
  formatId,
  normalizeId,
  parseId,
  type IdError,
  type ParsedId,
} from './space/ids.ts';
export {
  ORDERS,
  isOrder,
  isSafer,
  compareSafety,
  type Order,
  type Comparison,
} from './order/orders.ts';
export {
  hasseDiagram,
  countCoveringEdges,
  minimalElements,
  type HasseEdge,
} from './order/hasse.ts';
export {
  parseBudget,
  formatBudget,
  meetsBudget,
  maximalElements,
  computeFrontier,
  undominated,
  rankBySafety,
  type Budget,
  type Label,
  type LabelKind,
  type FrontierResult,
} from './frontier/frontier.ts';
export { lazyFrontier, LAZY_LIMIT, type LazyInput, type LazyResult } from './frontier/lazy.ts';
export {
  largeFrontier,
  LARGE_MAX_OPTIONS,
  type LargeFrontierInput,
  type LargeFrontierResult,
} from './frontier/large-frontier.ts';
export {
  createCostTable,
  createEstimator,
  type CostTable,
  type Estimator,
} from './labels/cost-model.ts';
export {
  parseWorkload,
  checkWorkload,
  type Workload,
  type WorkloadEdge,
  type ParsedWorkload,
} from './labels/parse-workload.ts';
export {
  parseCsv,
  parseLabelsCsv,
  MAX_CSV_PROBLEMS,
  type CsvField,
  type CsvLabel,
} from './labels/csv.ts';
export { toImageConfig, toConfigYaml } from './space/to-config.ts';
export { idOfImage, spaceYamlFromImage } from './space/from-config.ts';
export { explainIncomparable, optionNames } from './order/explain.ts';
export { completeWorkload, type WorkloadEdgeSite } from './labels/gate-edges.ts';
export { exploreSpace, STRUCTURAL_FROM } from './explore-space.ts';
export { PARTITION_LIMIT } from './frontier/explore-large.ts';
export { createRequiresCheck } from './filter/requires-check.ts';
export type {
  AllowedCheck,
  ExploreOptions,
  ExploreResult,
  FrontierMember,
  LabelSource,
} from './explore-types.ts';
export { formatReport, toDot } from './report.ts';
