// How deeply a JSON text nests its arrays and objects, counted on the raw bytes before JSON.parse ever sees them. Pure.

const OPEN_ARRAY = 0x5b,
  OPEN_OBJECT = 0x7b,
  CLOSE_ARRAY = 0x5d,
  CLOSE_OBJECT = 0x7d,
  QUOTE = 0x22,
  BACKSLASH = 0x5c;

/**
 * The first depth over `limit` that `bytes` reaches, or null when it stays within it. Not a parser: it only counts
 * brackets outside strings (a string's escaped quote does not end it), so malformed JSON is left to JSON.parse, which
 * says what is wrong with it. One pass, no recursion, no allocation: cheap on a 25 MB import.
 */
export function jsonDepthOver(bytes: Uint8Array, limit: number): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) {
      inString = true;
    } else if (b === OPEN_ARRAY || b === OPEN_OBJECT) {
      if (++depth > limit) return depth;
    } else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) {
      depth--;
    }
  }
  return null;
}
