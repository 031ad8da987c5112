// The mutations' inputs as deep-labour/v1 records: which section an entity goes in, and which of its fields apply. Pure.
import { ORGANIZATION_KIND_NAMES, SECTION_KIND } from '../../vocabulary/index.js';
import type { Problem, Section } from '../dataset/index.js';
import type { Item } from './record-edits.js';

/** The input fields each kind of entity takes, besides id, name, kind and sources. */
const ENTITY_FIELDS: Record<'organizations' | 'workerPools' | 'tasks' | 'aiProducts', readonly string[]> = {
  organizations: ['country', 'aliases', 'identifiers', 'undisclosedReason'],
  workerPools: ['country', 'size'],
  tasks: ['taskKind', 'unitPayEur', 'minutesPerUnit'],
  aiProducts: ['marketedAsFullyAutomated'],
};
const ALL_ENTITY_FIELDS = new Set(Object.values(ENTITY_FIELDS).flat());
const KIND_SECTION: Record<string, keyof typeof ENTITY_FIELDS> = {
  ...Object.fromEntries(ORGANIZATION_KIND_NAMES.map((k) => [k, 'organizations'])),
  [SECTION_KIND.workerPools]: 'workerPools',
  [SECTION_KIND.tasks]: 'tasks',
  [SECTION_KIND.aiProducts]: 'aiProducts',
};

/** The fields an input gives: a value sets the field, null removes it; a field left out is not in the result. */
export function given(input: object): Item {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

/**
 * An EntityInput as the fields of its section's record (null: remove the field), or the problems (a value for a field
 * another kind of entity takes, an unknown kind).
 */
export function entityRecord(input: object): { section: Section; item: Item } | { problems: Problem[] } {
  const fields = given(input);
  const kind = String(fields.kind ?? '');
  const section = KIND_SECTION[kind];
  if (!section) {
    return {
      problems: [
        {
          path: 'entity.kind',
          message: `${JSON.stringify(kind)} is not one of ${Object.keys(KIND_SECTION).join(', ')}`,
        },
      ],
    };
  }
  const problems: Problem[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (ALL_ENTITY_FIELDS.has(field) && !ENTITY_FIELDS[section].includes(field)) {
      delete fields[field];
      if (value === null) continue;
      const takers = Object.entries(ENTITY_FIELDS)
        .filter(([, f]) => f.includes(field))
        .map(([s]) => s)
        .join(' and ');
      problems.push({
        path: `entity.${field}`,
        message: `is for ${takers}, not ${kind === SECTION_KIND.workerPools || kind === SECTION_KIND.tasks || kind === SECTION_KIND.aiProducts ? kind : 'organisations'}; leave it out`,
      });
    }
  }
  if (problems.length) return { problems };
  const { taskKind, kind: _kind, ...rest } = fields;
  const item: Item =
    section === 'organizations'
      ? { ...rest, kind }
      : section === 'tasks'
        ? { ...rest, ...(taskKind !== undefined ? { kind: taskKind } : {}) }
        : rest;
  return { section, item };
}
