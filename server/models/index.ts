// The API's models and the pure conversions from Cypher rows into them.
export * from './models.js';
export * from './to-models.js';
export * from './workforce-totals.js';
export * from './small-groups.js';
export * from './weakest-step.js';
export * from './node-groups.js';
