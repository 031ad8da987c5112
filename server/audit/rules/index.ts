// Every claim rule, listed once: a new kind of claim is one file in this folder and one line here.
import type { ClaimRule } from './claim-rule.js';
import { clientDisclosed } from './client-disclosed.js';
import { fullyAutomated } from './fully-automated.js';
import { mereIntermediary } from './mere-intermediary.js';
import { minPay } from './min-pay.js';
import { noSubcontracting } from './no-subcontracting.js';
import { notEmployer } from './not-employer.js';
import { workforceLocation } from './workforce-location.js';
import { wageFloor } from './wage-floor.js';

export const CLAIM_RULES: readonly ClaimRule[] = [
  mereIntermediary,
  noSubcontracting,
  clientDisclosed,
  fullyAutomated,
  workforceLocation,
  minPay,
  wageFloor,
  notEmployer,
];

export type { ClaimRule } from './claim-rule.js';
