// The GraphQL the explorer sends; one request per view.
const SOURCE = 'id title type url date publisher';
const LINK = `id type from to since until disclosedToWorkers pricePerUnitEur use confidence sources { ${SOURCE} }`;
const SUBGRAPH = `nodes { id name kind country taskKind size } edges { ${LINK} } truncated`;

export const SEARCH = `query Search($text: String!) { search(text: $text, limit: 12) { __typename id name kind ... on Organization { aliases country } } }`;

export const CASCADE = `query Cascade($id: ID!, $direction: Direction, $maxDepth: Int, $asOf: Date, $limit: Int) {
  cascade(rootId: $id, direction: $direction, maxDepth: $maxDepth, asOf: $asOf, limit: $limit) { ${SUBGRAPH} totalNodes }
}`;

export const PROVENANCE = `query Provenance($id: ID!, $asOf: Date) {
  provenance(taskId: $id, asOf: $asOf) {
    task { id name } workerPools { id name } executionPlatforms { id name } clients { id name } endCustomers { id name }
    aiProducts { product { id name } use owner { id name } }
    roles { workerPool { id } recruitedVia { id } contractedBy { id } worksOn { id } }
    depth roleSplit undisclosedHops subgraph { ${SUBGRAPH} }
  }
  valueChain(taskId: $id, asOf: $asOf) {
    workerPool { id name } hops { ${LINK} } workerPayPerUnitEur clientPricePerUnitEur workerShare
  }
}`;

export const ENTITY = `query Entity($id: ID!) {
  entity(id: $id) {
    __typename id name kind sources { ${SOURCE} }
    ... on Organization { country aliases }
    ... on WorkerPool { country size }
    ... on Task { taskKind unitPayEur minutesPerUnit }
    ... on AIProduct { marketedAsFullyAutomated }
  }
}`;

export const WHO_WORKS_FOR = `query WhoWorksFor($id: ID!, $asOf: Date) {
  whoWorksFor(workerPoolId: $id, asOf: $asOf) { organization { id name kind } depth ultimate path { id } }
}`;

export const WORKFORCE = `query Workforce($id: ID!, $asOf: Date) {
  workforceBehind(organizationId: $id, asOf: $asOf) { workerPools { id name country size } totalWorkers unknownSizes countries }
}`;

const AUDIT_FIELDS = `claim { id kind text date by { name } sources { ${SOURCE} } } verdict explanation unsourcedEvidence evidence { ${SUBGRAPH} }`;

export const SCORECARD = `query Scorecard($id: ID!, $asOf: Date) {
  scorecard(organizationId: $id, asOf: $asOf) {
    indicators { id label value evidence { ${SUBGRAPH} } }
    audits { ${AUDIT_FIELDS} }
  }
}`;

export const AUDIT = `query Audit($id: ID!, $asOf: Date) { audit(organizationId: $id, asOf: $asOf) { ${AUDIT_FIELDS} } }`;

export const CLAIM_AUDIT = `query ClaimAudit($id: ID!, $asOf: Date) { audit(claimId: $id, asOf: $asOf) { ${AUDIT_FIELDS} } }`;
