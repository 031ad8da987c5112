// A small fictional view for the client's unit tests: one pool, a platform, an undisclosed broker, a client.
import type { Subgraph } from '../api/types.js';

const SRC = { id: 'v-src', title: 'View test <note> & more (fictional)', type: 'other', url: null, date: '2024-01-01', publisher: null };

export function viewFixture(): Subgraph {
  return {
    nodes: [
      { id: 'v-task', name: 'Label "cars"', kind: 'task', country: null, taskKind: 'annotation', size: null },
      { id: 'v-pool', name: 'Pool in Madagascar', kind: 'worker-pool', country: 'MG', taskKind: null, size: 40 },
      { id: 'v-platform', name: 'Platform & Co', kind: 'platform', country: 'FR', taskKind: null, size: null },
      { id: 'v-broker', name: 'Hidden broker', kind: 'undisclosed', country: null, taskKind: null, size: null },
      { id: 'v-client', name: 'Client AI', kind: 'client', country: 'DE', taskKind: null, size: null },
    ],
    edges: [
      { id: 'PERFORMED_BY:v-task->v-pool', type: 'PERFORMED_BY', from: 'v-task', to: 'v-pool', since: null, until: null, disclosedToWorkers: null, pricePerUnitEur: null, use: null, confidence: null, sources: [SRC] },
      { id: 'CONTRACTED_BY:v-pool->v-platform', type: 'CONTRACTED_BY', from: 'v-pool', to: 'v-platform', since: '2020', until: null, disclosedToWorkers: true, pricePerUnitEur: 0.02, use: null, confidence: null, sources: [SRC] },
      { id: 'SUBCONTRACTS_FOR:v-platform->v-broker', type: 'SUBCONTRACTS_FOR', from: 'v-platform', to: 'v-broker', since: null, until: null, disclosedToWorkers: false, pricePerUnitEur: 0.1, use: null, confidence: 0.5, sources: [] },
      { id: 'SUBCONTRACTS_FOR:v-broker->v-client', type: 'SUBCONTRACTS_FOR', from: 'v-broker', to: 'v-client', since: null, until: '2023-06-30', disclosedToWorkers: null, pricePerUnitEur: 0.25, use: null, confidence: null, sources: [SRC] },
    ],
    truncated: false,
  };
}
