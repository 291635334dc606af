import { isOrder, type Order, type ShareExploreExtras } from '../../core/pipeline/index.ts';

/** The Explore settings a link carries, as the panel keeps them. */
export interface ExploreSettings {
  order: Order;
  /** Lowest acceptable performance; null: no budget. */
  budget: number | null;
}

/** The panel's settings as link extras: the budget written as `--budget` takes it (`>=N`). */
export function toExploreExtras(s: ExploreSettings): ShareExploreExtras {
  return { order: s.order, ...(s.budget !== null ? { budget: `>=${s.budget}` } : {}) };
}

/**
 * The settings a link's extras give back, each only when it is one the panel can take: an
 * order it knows, a budget `>=N` with N a finite number. A link without a budget leaves none.
 */
export function fromExploreExtras(extras: ShareExploreExtras): Partial<ExploreSettings> {
  const out: Partial<ExploreSettings> = {};
  if (extras.order !== undefined && isOrder(extras.order)) out.order = extras.order;
  const m = /^>=\s*(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)$/i.exec(extras.budget ?? '');
  const n = m?.[1] === undefined ? NaN : Number(m[1]);
  out.budget = Number.isFinite(n) ? n : null;
  return out;
}
