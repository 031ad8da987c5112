import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORM_KINDS } from './index.js';

describe('edit form kinds', () => {
  it('every form that changes the evidence has its submission module, and every module its form', () => {
    const html = readFileSync(new URL('../../ui/edit-forms.ts', import.meta.url), 'utf8');
    const forms = [...html.matchAll(/return form\(\s*'([a-z-]+)'/g)].map((m) => m[1]!).filter((k) => k !== 'sign-in');
    expect(forms.length).toBeGreaterThan(3);
    expect(Object.keys(FORM_KINDS).sort()).toEqual([...new Set(forms)].sort());
  });
});
