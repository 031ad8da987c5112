import { describe, expect, it } from 'vitest';
import { inputToMoment, momentToInput, recordedBannerHtml } from './recorded-at-control.js';

describe('the "as recorded on" control', () => {
  it('reads the input as UTC, to the second, and shows a moment the same way', () => {
    expect(inputToMoment('2026-12-04T15:00:02')).toBe('2026-12-04T15:00:02.000Z');
    expect(inputToMoment('2026-12-04T15:00')).toBe('2026-12-04T15:00:00.000Z'); // Chromium drops ":00" seconds
    for (const bad of ['', '2026-12-04', 'yesterday', '2026-12-04T25:00']) expect(inputToMoment(bad), bad).toBeNull();
    expect(momentToInput('2026-12-04T16:00:02.500+01:00')).toBe('2026-12-04T15:00:02');
    expect(inputToMoment(momentToInput('2026-12-04T15:00:02.000Z'))).toBe('2026-12-04T15:00:02.000Z');
  });

  it('says the moment in words in the banner, with the way back to now', () => {
    const html = recordedBannerHtml('2026-12-04T15:00:02.000Z');
    expect(html).toContain('Evidence as recorded on <strong>4 December 2026, 15:00:02 UTC</strong>');
    expect(html).toContain('data-recorded-now');
  });
});
