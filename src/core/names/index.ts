/**
 * One resolver for every name a user may write differently: mechanisms and their aliases,
 * libraries by gate token and by `aliases:`, and the "did you mean" search behind the
 * suggestions of every parser.
 */
export { createLibraryNames, gateToken, type LibraryNames } from './library-names.ts';
export {
  MECHANISM_ALIASES,
  mechanismSpellings,
  resolveMechanism,
  spellMechanism,
  toKraftDriver,
} from './mechanism-names.ts';
export { editDistance, nearestNames } from './nearest-name.ts';
