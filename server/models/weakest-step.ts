// The step of a path to check first: one without a source, else the one of lowest confidence (a reading); none when
// every step is sourced and stated. Pure.
import type { LinkModel } from './models.js';

export interface Step {
  link: LinkModel;
  along: boolean;
}

export function weakestStep(steps: Step[]): Step | null {
  const score = (s: Step) => (s.link.sources.length === 0 ? -1 : (s.link.confidence ?? 1));
  let weakest: Step | null = null;
  for (const s of steps) if (score(s) < 1 && (weakest === null || score(s) < score(weakest))) weakest = s;
  return weakest;
}
