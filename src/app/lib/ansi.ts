/**
 * ANSI escape sequences of a program's output as CSS, one stream at a time: SGR colours
 * (30–37, 90–97, 40–47, 100–107, 38/48 with 5;n or 2;r;g;b, 39, 49), bold, dim, italic,
 * underline, inverse and their resets. Every other escape (cursor moves, erasing, titles) and
 * every control character but tab, LF and CR is dropped, so nothing raw reaches the page. A
 * sequence cut between two chunks is completed by the next one.
 */

/** Text with the CSS of the style it was written in (`''`: the plain style). */
export interface StyledText {
  text: string;
  css: string;
}

interface Style {
  fg: string | null;
  bg: string | null;
  bold: boolean;
  dim: boolean;
  italic: boolean;
  underline: boolean;
  inverse: boolean;
}

const PLAIN: Style = {
  fg: null,
  bg: null,
  bold: false,
  dim: false,
  italic: false,
  underline: false,
  inverse: false,
};

const ESC = '\x1b';
/** An unfinished sequence longer than this is not one: it is dropped. */
const MAX_PENDING = 256;
/** C0 controls other than tab, LF and CR, and DEL. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f]/g;

/** The colour of a 256-colour palette index: the 16 named ones follow the theme. */
export function paletteColour(n: number): string {
  if (n < 16) return `var(--ansi-${n})`;
  if (n < 232) {
    const levels = [0, 95, 135, 175, 215, 255];
    const i = n - 16;
    return `rgb(${levels[Math.floor(i / 36)]} ${levels[Math.floor(i / 6) % 6]} ${levels[i % 6]})`;
  }
  const g = 8 + 10 * (n - 232);
  return `rgb(${g} ${g} ${g})`;
}

export class AnsiDecoder {
  private style: Style = PLAIN;
  private css = '';
  /** The start of an escape sequence that the chunk cut off. */
  private pending = '';

  /** Decodes a chunk into styled runs (adjacent runs of one style are one). */
  push(chunk: string): StyledText[] {
    const text = this.pending + chunk;
    this.pending = '';
    const out: StyledText[] = [];
    const emit = (s: string) => {
      const clean = s.replace(CONTROLS, '');
      if (clean === '') return;
      const last = out[out.length - 1];
      if (last && last.css === this.css) last.text += clean;
      else out.push({ text: clean, css: this.css });
    };
    let i = 0;
    for (;;) {
      const esc = text.indexOf(ESC, i);
      if (esc < 0) {
        emit(text.slice(i));
        break;
      }
      emit(text.slice(i, esc));
      const end = this.sequence(text, esc);
      if (end < 0) {
        const rest = text.slice(esc);
        if (rest.length <= MAX_PENDING) this.pending = rest;
        break;
      }
      i = end;
    }
    return out;
  }

  /** Handles the sequence at `at` (an ESC); returns where it ends, or -1 if it is cut off. */
  private sequence(text: string, at: number): number {
    const kind = text[at + 1];
    if (kind === undefined) return -1;
    if (kind === '[') {
      let j = at + 2;
      while (j < text.length && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x3f) j++;
      if (j >= text.length) return -1;
      const final = text.charCodeAt(j);
      // Not a CSI final byte: a broken sequence, dropped up to here.
      if (final < 0x40 || final > 0x7e) return j;
      if (text[j] === 'm') this.sgr(text.slice(at + 2, j));
      return j + 1;
    }
    if (kind === ']' || kind === 'P' || kind === '_' || kind === '^') {
      // OSC and other strings: up to BEL or ESC \.
      for (let j = at + 2; j < text.length; j++) {
        if (text[j] === '\x07') return j + 1;
        if (text[j] === ESC) {
          if (j + 1 >= text.length) return -1;
          if (text[j + 1] === '\\') return j + 2;
        }
      }
      return -1;
    }
    // ESC, intermediates (0x20–0x2F), then one final byte.
    let j = at + 1;
    while (j < text.length && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x2f) j++;
    return j >= text.length ? -1 : j + 1;
  }

  private sgr(params: string): void {
    if (/[^0-9;:]/.test(params)) return;
    const codes = params === '' ? [0] : params.split(/[;:]/).map((p) => (p === '' ? 0 : +p));
    const s = { ...this.style };
    for (let k = 0; k < codes.length; k++) {
      const c = codes[k] ?? 0;
      if (c === 0) Object.assign(s, PLAIN);
      else if (c === 1) s.bold = true;
      else if (c === 2) s.dim = true;
      else if (c === 3) s.italic = true;
      else if (c === 4) s.underline = true;
      else if (c === 7) s.inverse = true;
      else if (c === 22) s.bold = s.dim = false;
      else if (c === 23) s.italic = false;
      else if (c === 24) s.underline = false;
      else if (c === 27) s.inverse = false;
      else if (c >= 30 && c <= 37) s.fg = paletteColour(c - 30);
      else if (c >= 90 && c <= 97) s.fg = paletteColour(c - 90 + 8);
      else if (c === 39) s.fg = null;
      else if (c >= 40 && c <= 47) s.bg = paletteColour(c - 40);
      else if (c >= 100 && c <= 107) s.bg = paletteColour(c - 100 + 8);
      else if (c === 49) s.bg = null;
      else if (c === 38 || c === 48) {
        const mode = codes[k + 1];
        let colour: string | null = null;
        if (mode === 5) {
          const n = codes[k + 2] ?? 0;
          if (n >= 0 && n <= 255) colour = paletteColour(n);
          k += 2;
        } else if (mode === 2) {
          const [r, g, b] = codes.slice(k + 2, k + 5).map((v) => Math.min(255, v));
          colour = `rgb(${r ?? 0} ${g ?? 0} ${b ?? 0})`;
          k += 4;
        }
        if (colour !== null) {
          if (c === 38) s.fg = colour;
          else s.bg = colour;
        }
      }
    }
    this.style = s;
    this.css = cssOf(s);
  }
}

function cssOf(s: Style): string {
  const fg = s.inverse ? (s.bg ?? 'var(--ansi-bg, var(--bg))') : s.fg;
  const bg = s.inverse ? (s.fg ?? 'var(--ansi-fg, var(--fg))') : s.bg;
  const parts: string[] = [];
  if (fg) parts.push(`color: ${fg}`);
  if (bg) parts.push(`background: ${bg}`);
  if (s.bold) parts.push('font-weight: bold');
  if (s.dim) parts.push('opacity: 0.7');
  if (s.italic) parts.push('font-style: italic');
  if (s.underline) parts.push('text-decoration: underline');
  return parts.join('; ');
}
