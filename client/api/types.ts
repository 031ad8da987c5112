// The API's answers as the explorer uses them: named views of the types codegen generates from client/api/operations/.
import type {
  AuditFieldsFragment, EntityQuery, IndicatorFieldsFragment, LinkFieldsFragment, NodeFieldsFragment, ProvenanceQuery, SourceFieldsFragment,
  SubgraphFieldsFragment, VerdictChangeFieldsFragment,
} from './generated-operations.js';

export type Source = SourceFieldsFragment;
export type GraphNode = NodeFieldsFragment;
export type Link = LinkFieldsFragment;
/** A graph to draw; `totalNodes` is there on a cascade. */
export type Subgraph = SubgraphFieldsFragment & { totalNodes?: number | null };
export type Entity = NonNullable<EntityQuery['entity']>;
export type Provenance = ProvenanceQuery['provenance'];
export type ValueChain = ProvenanceQuery['valueChain'][number];
export type ClaimAudit = AuditFieldsFragment;
export type Indicator = IndicatorFieldsFragment;
export type VerdictChange = VerdictChangeFieldsFragment;
