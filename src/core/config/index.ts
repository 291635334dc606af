/**
 * `config.yaml` and `kraft.yaml` <-> `ImageConfig`: parsers that report every rule broken as a
 * diagnostic, printers, and changes as new configs or minimal text edits.
 */
export type { CompartmentConfig, ImageConfig, LibraryConfig } from './image-config.ts';
export type { KraftExtras, KraftKconfig } from './kraft-extras.ts';
export {
  compartmentNumbers,
  compartmentOf,
  createConfigLookup,
  hardeningOf,
  mechanismOf,
} from './image-config.ts';
export type { ConfigChange, ImageChange } from './config-change.ts';
export {
  parseConfigYaml,
  parseKraftYaml,
  parseImageConfig,
  imageNameFrom,
  DEFAULT_IMAGE_NAME,
  isKraftFile,
  type ConfigParseResult,
} from './parse-image-config.ts';
export { checkImageConfig } from './check-image-config.ts';
export type { ImageSource, CompartmentSource, LibrarySource } from './image-source.ts';
export { printConfigYaml } from './print-config.ts';
export { printKraftYaml, isCoreLibrary } from './print-kraft.ts';
export { KRAFT_SPECIFICATION } from './parse-kraft.ts';
export { applyConfigChange } from './apply-config-change.ts';
export {
  createConfigEdits,
  toConfigEdits,
  toInPlaceConfigEdits,
  type ConfigEdits,
} from './config-edits.ts';
export { stripSpans, sameImageConfig } from './config-equality.ts';
export { placeIntoText, samePlacement, type PlacedText } from './rewrite-placement.ts';
export {
  editDistance,
  MECHANISM_ALIASES,
  nearestNames,
  resolveMechanism,
  spellMechanism,
  toKraftDriver,
} from '../names/index.ts';
