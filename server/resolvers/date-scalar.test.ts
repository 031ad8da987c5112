import { describe, expect, it } from 'vitest';
import { parseMoment } from './date-scalar.js';

describe('parseMoment (DateTime, and --recorded-at on the command line)', () => {
  it('reads a moment with an offset as UTC', () => {
    expect(parseMoment('2026-12-06T10:00:00.123456789-05:00')).toBe('2026-12-06T15:00:00.123Z');
    expect(parseMoment('2024-02-29T23:59Z')).toBe('2024-02-29T23:59:00.000Z');
  });
  it.each([
    ['2026-02-30T10:00:00Z'],
    ['2025-02-29T10:00:00Z'],
    ['2026-13-45T99:99Z'],
    ['2026-12-06T10:00:00+25:00'],
    ['2026-12-06T10:00:00'],
    ['yesterday'],
    ['\u0000'],
  ])('refuses %j, saying what a moment looks like', (value) => {
    expect(() => parseMoment(value)).toThrow(/DateTime must be an ISO 8601 date and time with an offset/);
  });
});
