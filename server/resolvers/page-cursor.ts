// Opaque page cursors, one codec per list: the base64url of `<kind>:<key>`; a cursor this API did not make is BAD_USER_INPUT.
import { badInput } from '../errors.js';

/** How a list's position is written in a cursor and read back (null when the text is not a position). */
export interface CursorKey<K> {
  write(key: K): string;
  read(text: string): K | null;
}

/** A position that is a record's id (lists in id order). */
export const idKey: CursorKey<string> = { write: (id) => id, read: (text) => text };

/** A position that is a sequence number (lists in the order things were kept). */
export const seqKey: CursorKey<number> = {
  write: (n) => String(n),
  read: (text) => (/^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : null),
};

export interface PageCursor<K> {
  /** The cursor after `key`. Pure. */
  encode(key: K): string;
  /** The position `after` names; null for the first page (no cursor); BAD_USER_INPUT for anything `encode` did not make. */
  decode(after: string | null | undefined): K | null;
}

/**
 * The codec of one list's cursors. `fields` names the query fields whose endCursor it reads, for the error message.
 * A cursor is accepted only when re-encoding its position gives it back byte for byte, so another list's cursor, a
 * hand-made one or a mangled one is refused rather than read as some other position.
 */
export function pageCursor<K>(kind: string, key: CursorKey<K>, fields: string): PageCursor<K> {
  const prefix = `${kind}:`;
  const encode = (k: K): string => Buffer.from(prefix + key.write(k), 'utf8').toString('base64url');
  return {
    encode,
    decode(after) {
      if (after === null || after === undefined || after === '') return null;
      const text = Buffer.from(after, 'base64url').toString('utf8');
      const k = text.startsWith(prefix) ? key.read(text.slice(prefix.length)) : null;
      if (k === null || encode(k) !== after) {
        throw badInput(
          `after must be an endCursor returned by a previous ${fields} query; leave it out for the first page`,
        );
      }
      return k;
    },
  };
}
