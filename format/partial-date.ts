// Partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) and country codes as deep-labour/v1 writes them: the checks the JSON Schema's formats run. Pure.
import { COUNTRY_CODES } from './country-codes.js';

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for `YYYY`, `YYYY-MM` and real calendar days `YYYY-MM-DD`. */
export function isPartialDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

/** True for an ISO 3166-1 alpha-2 code that names a region. */
export function isCountryCode(value: string): boolean {
  return COUNTRY_CODES.has(value);
}
