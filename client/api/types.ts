// The API's answers as the explorer uses them: named views of the types codegen generates from client/api/operations/.
import type {
  AuditFieldsFragment,
  CascadeGroupMembersQuery,
  CascadeGroupsQuery,
  EntityQuery,
  IndicatorFieldsFragment,
  LinkFieldsFragment,
  NodeFieldsFragment,
  ProvenanceQuery,
  ReplyFieldsFragment,
  ScorecardPayFieldsFragment,
  SourceFieldsFragment,
  SubgraphFieldsFragment,
  VerdictChangeFieldsFragment,
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
/** The scorecard's pay indicator: counts against each reference, and each pool with pay. */
export type ScorecardPay = ScorecardPayFieldsFragment;
/** A neighbourhood as groups (cascadeGroups). */
export type GroupedView = CascadeGroupsQuery['cascadeGroups'];
export type NodeGroup = GroupedView['groups'][number];
/** One page of a group's members (cascadeGroupMembers). */
export type GroupMembers = CascadeGroupMembersQuery['cascadeGroupMembers'];
export type VerdictChange = VerdictChangeFieldsFragment;
/** A request for reply (the right of reply) as shown beside a verdict. */
export type Reply = ReplyFieldsFragment;
