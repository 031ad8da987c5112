// Renders a Cypher template: `{{#LEVEL}}…{{/LEVEL}}` repeated once per level, `{{#EACH_LINK_TYPE}}…{{/EACH_LINK_TYPE}}` once per
// link type (`{{TYPE}}` inside; `join="UNION"` puts a line between), `{{LINK_TYPES}}` and `{{MAX_DEPTH}}` filled in. Pure.
// Cypher cannot take a variable number of levels or a list of relationship types as parameters, so such queries are generated, never pasted.
import { LINK_TYPE_NAMES } from '../../vocabulary/index.js';

export interface TemplateValues {
  maxDepth: number;
  linkTypes: readonly string[];
}

export function renderCypherTemplate(template: string, values: TemplateValues): string {
  const perType = template.replace(/\{\{#EACH_LINK_TYPE(?: join="([^"]*)")?\}\}\n([\s\S]*?)\{\{\/EACH_LINK_TYPE\}\}\n/g,
    (_m, join: string | undefined, block: string) => values.linkTypes.map((t) => block.replaceAll('{{TYPE}}', t)).join(join ? `${join}\n` : ''));
  const levels = perType.replace(/\{\{#LEVEL\}\}\n([\s\S]*?)\{\{\/LEVEL\}\}\n/g, (_m, block: string) => block.repeat(values.maxDepth));
  if (/\{\{[#/](LEVEL|EACH_LINK_TYPE)/.test(levels)) throw new Error('cypher: a {{#LEVEL}} or {{#EACH_LINK_TYPE}} block is not closed on its own line');
  const out = levels.replaceAll('{{LINK_TYPES}}', values.linkTypes.join('|')).replaceAll('{{MAX_DEPTH}}', String(values.maxDepth));
  const left = /\{\{[^}]*\}\}/.exec(out);
  if (left) throw new Error(`cypher: unknown placeholder ${left[0]}`);
  return out;
}

/** The deepest traversal the API allows; the generated queries are unrolled this far. */
export const MAX_DEPTH = 12;

export const DEFAULT_TEMPLATE_VALUES: TemplateValues = { maxDepth: MAX_DEPTH, linkTypes: LINK_TYPE_NAMES };
