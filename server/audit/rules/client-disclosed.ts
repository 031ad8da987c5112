// CLIENT_DISCLOSED: "our workers know who they work for".
import type { ClaimRule } from './claim-rule.js';

export const clientDisclosed: ClaimRule = {
  kind: 'CLIENT_DISCLOSED',
  subject: 'organization',
  reads: ['chainFirstHops', 'chainSc'],
  contradictedWhen: "a link on a chain of S's pools is not disclosed to workers or touches an undisclosed party",
  supportedWhen: 'those chains hold subcontracting, all of it disclosed',
  judge(_claim, f, { S, link, says, unverifiable, withOwnSources }) {
    const chain = [...f.chainFirstHops, ...f.chainSc];
    const hidden = chain.filter((id) => {
      const l = link(id);
      return (
        l.disclosedToWorkers === false ||
        f.nodes.get(l.from)?.kind === 'undisclosed' ||
        f.nodes.get(l.to)?.kind === 'undisclosed'
      );
    });
    if (hidden.length) {
      return withOwnSources({
        verdict: 'CONTRADICTED',
        evidence: hidden,
        explanation: `On the chains of ${S}'s workers, ${hidden.map((id) => `${says(id)} (${link(id).disclosedToWorkers === false ? 'not disclosed to workers' : 'an undisclosed party'})`).join('; ')}.`,
      });
    }
    if (f.chainSc.length && f.chainSc.every((id) => link(id).disclosedToWorkers === true)) {
      return {
        verdict: 'SUPPORTED',
        evidence: f.chainSc,
        explanation: `Every subcontracting link on the chains of ${S}'s workers is disclosed to them: ${f.chainSc.map(says).join('; ')}.`,
      };
    }
    return unverifiable(
      f.chainSc.length
        ? `Whether workers are told is not recorded for ${f.chainSc
            .filter((id) => link(id).disclosedToWorkers === null)
            .map(says)
            .join('; ')}.`
        : `No subcontracting is known on the chains of ${S}'s workers, so there is no client to disclose or hide.`,
      f.chainSc,
    );
  },
};
