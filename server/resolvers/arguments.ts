// Checks on arguments, with messages that say what is allowed; pure.
import { ORGANIZATION_KINDS, isCountryCode } from '../dataset/index.js';
import { MAX_DEPTH } from '../db/index.js';
import { badInput } from '../errors.js';
import { idKey, pageCursor } from './page-cursor.js';

export const LIMITS = {
  maxDepth: MAX_DEPTH,
  searchLimit: 100,
  organizationsFirst: 200,
  cascadeLimit: 5000,
  claimsFirst: 500,
  connectionsLimit: 100,
  entitiesIds: 5000,
} as const;

export function checkDepth(value: number, name = 'maxDepth'): number {
  if (!Number.isInteger(value) || value < 1 || value > LIMITS.maxDepth) {
    throw badInput(`${name} must be a whole number from 1 to ${LIMITS.maxDepth}, got ${value}`);
  }
  return value;
}

export function checkRange(value: number, name: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw badInput(`${name} must be a whole number from ${min} to ${max}, got ${value}`);
  return value;
}

export function checkId(value: string, name: string): string {
  if (value.trim() === '') throw badInput(`${name} must not be empty`);
  return value;
}

export function checkKind(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!(ORGANIZATION_KINDS as readonly string[]).includes(value)) {
    throw badInput(`kind must be one of ${ORGANIZATION_KINDS.join(', ')}, got "${value}"`);
  }
  return value;
}

export function checkCountry(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!isCountryCode(value)) throw badInput(`country must be an ISO 3166-1 alpha-2 code such as "FR", got "${value}"`);
  return value;
}

/** The organisations list's cursors: the last organisation's id ('' before the first page, as its query reads it). */
const orgCursor = pageCursor('org', idKey, 'organizations');
export const encodeCursor = orgCursor.encode;
export const decodeCursor = (cursor: string | null | undefined): string => orgCursor.decode(cursor) ?? '';

export const SEARCH_LIMITS = { characters: 200, words: 12 } as const;

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Turns what a person types into a full-text query where each word matches as a prefix. Words are split
 * where the index's analyzer splits them (on anything but letters and digits), so "voice-assistant" finds
 * names holding "voice" and "assistant", and query syntax typed by accident is inert.
 */
export function toFullTextQuery(text: string): string {
  if (text.length > SEARCH_LIMITS.characters)
    throw badInput(`text is ${text.length} characters long; search takes at most ${SEARCH_LIMITS.characters}`);
  // One form for accented letters typed either way (é as one character or e + accent), as names are stored.
  const words = text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  if (words.length === 0) throw badInput('text must contain at least one letter or digit to search for');
  if (words.length > SEARCH_LIMITS.words)
    throw badInput(
      `text has ${words.length} words; search takes at most ${SEARCH_LIMITS.words} (a few words of a name are enough)`,
    );
  return words.map((w) => `${w.replace(LUCENE_SPECIAL, (c) => `\\${c}`)}*`).join(' AND ');
}
