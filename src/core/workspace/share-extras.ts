/**
 * What a share payload may carry besides the workspace: the Explore panel's budget and order,
 * and an exercise's state. Extras are view state like `settings`: anything not understood is
 * dropped, never a reason to refuse a link, so links made by newer or older playgrounds still
 * open. The exercise state belongs to the exercise feature and travels through unchanged.
 */
export interface ShareExtras {
  explore?: ShareExploreExtras;
  /** An exercise's state as its feature wrote it (any JSON value), carried as is. */
  exercise?: unknown;
}

export interface ShareExploreExtras {
  /** The budget as the Explore panel and `flexos explore --budget` write it (`>=1200`). */
  budget?: string;
  /** The safety order (`flexos`, `product`). */
  order?: string;
}

/** Budget and order strings longer than this are not settings someone chose: dropped. */
const MAX_SETTING_CHARS = 64;

/** The extras of a payload that can be used, or undefined when there are none. */
export function checkShareExtras(raw: unknown): ShareExtras | undefined {
  if (!isRecord(raw)) return undefined;
  const extras: ShareExtras = {};
  const explore = checkExplore(raw['explore']);
  if (explore) extras.explore = explore;
  // `undefined` cannot come out of JSON, so `in` tells a present exercise from none.
  if ('exercise' in raw && raw['exercise'] !== undefined) extras.exercise = raw['exercise'];
  return Object.keys(extras).length > 0 ? extras : undefined;
}

function checkExplore(raw: unknown): ShareExploreExtras | undefined {
  if (!isRecord(raw)) return undefined;
  const explore: ShareExploreExtras = {};
  const budget = raw['budget'];
  if (typeof budget === 'string' && budget.length <= MAX_SETTING_CHARS) explore.budget = budget;
  const order = raw['order'];
  if (typeof order === 'string' && order.length <= MAX_SETTING_CHARS) explore.order = order;
  return Object.keys(explore).length > 0 ? explore : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
