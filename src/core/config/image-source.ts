import type { Span, TextEdit } from '../diagnostics.ts';
import type { ImageConfig } from './image-config.ts';

/** Where one compartment is written, and the edits its fixes need. */
export interface CompartmentSource {
  /** The compartment's name. */
  name: Span;
  /** The mechanism's value; absent when it was missing or unknown (already reported). */
  mechanism?: Span;
  /** The `default: true` pair, when there is one. */
  defaultPair?: Span;
  /** Removes `default: true`. */
  removeDefault?: TextEdit[];
  /** Adds `default: true`. */
  addDefault?: TextEdit[];
  /** Removes the whole compartment. */
  remove?: TextEdit[];
}

/** Where one library entry is written, and the edits its fixes need. */
export interface LibrarySource {
  name: Span;
  /** The compartment's value, when the entry names one. */
  compartment?: Span;
  /** Removes the whole entry. */
  remove?: TextEdit[];
}

/**
 * Positions of an image's parts in its file, parallel to `ImageConfig.compartments` and
 * `.libraries`, so the format-independent checker can point at the exact text and offer edits.
 */
export interface ImageSource {
  file: string;
  /** Which spelling of mechanisms fixes must use. */
  format: 'config' | 'kraft';
  /** Where image-wide problems are reported: the `compartments` key, else the file start. */
  compartmentsKey: Span;
  /** The image name's value. */
  name?: Span;
  compartments: CompartmentSource[];
  libraries: LibrarySource[];
  /** Spans of each alias, by alias name. */
  aliases: Record<string, { key: Span; value: Span }>;
}

/** An image as a parser read it, duplicates included, with its source positions. */
export interface RawImage {
  config: ImageConfig;
  source: ImageSource;
}
