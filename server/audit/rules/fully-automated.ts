// FULLY_AUTOMATED: "our AI product needs no people". Never supported: absence of evidence is not evidence.
import type { ClaimRule } from './claim-rule.js';

export const fullyAutomated: ClaimRule = {
  kind: 'FULLY_AUTOMATED',
  subject: 'ai-product',
  reads: ['feeds'],
  contradictedWhen: 'a task feeds it as imitation or verification',
  supportedWhen: 'never: absence of evidence is not evidence',
  judge(_claim, f, { S, name, link, unverifiable, withOwnSources }) {
    const human = f.feeds.filter((id) => ['imitation', 'verification'].includes(link(id).use ?? ''));
    if (human.length) {
      return withOwnSources({
        verdict: 'CONTRADICTED',
        evidence: human,
        explanation: `People work inside ${S}: ${human.map((id) => `“${name(link(id).from)}” feeds it as ${link(id).use}`).join('; ')}.`,
      });
    }
    return unverifiable(
      f.feeds.length
        ? `Only training work is known to feed ${S}; that does not show people in the loop, and absence of evidence is not evidence.`
        : `No known task feeds ${S}; absence of evidence is not evidence.`,
      f.feeds,
    );
  },
};
