// Renders a Cypher template: `{{#LEVEL}}…{{/LEVEL}}` repeated once per level, `{{#EACH_LINK_TYPE}}…{{/EACH_LINK_TYPE}}` once per
// link type (`{{TYPE}}` inside; `join="UNION"` puts a line between), `{{> fragment x}}` replaced by a fragment with `{{ARG}}` = x,
// `{{LINK_TYPES}}` and `{{MAX_DEPTH}}` filled in. Pure.
// Cypher cannot take a variable number of levels or a list of relationship types as parameters, so such queries are generated, never pasted.
import { LINK_TYPE_NAMES } from '../../vocabulary/index.js';

export interface TemplateValues {
  maxDepth: number;
  linkTypes: readonly string[];
  /** Fragments by name (cypher/templates/<name>.cypher.fragment without its comment lines), `{{ARG}}` their one argument. */
  fragments: Readonly<Record<string, string>>;
}

/** A fragment file's text without its `//` comment lines and surrounding blanks: what `{{> name x}}` inserts. */
export function fragmentBody(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n')
    .trim();
}

function expandFragments(template: string, fragments: Readonly<Record<string, string>>): string {
  // A fragment may insert others (`pay-reports-at` reads each record through `exists-at`): expanded until none is left.
  for (let text = template, depth = 0; ; depth++) {
    const next = expandOnce(text, fragments);
    if (next === text) return text;
    if (depth === 8)
      throw new Error('cypher: fragments insert one another more than 8 deep (a fragment inserts itself?)');
    text = next;
  }
}

function expandOnce(template: string, fragments: Readonly<Record<string, string>>): string {
  return template.replace(
    /\{\{> ([a-z0-9-]+) ([A-Za-z_][A-Za-z0-9_]*)\}\}/g,
    (_m, name: string, arg: string, at: number, whole: string) => {
      const body = fragments[name];
      if (body === undefined)
        throw new Error(`cypher: no fragment cypher/templates/${name}.cypher.fragment for {{> ${name} ${arg}}}`);
      // A fragment of several lines takes the indentation of the line it is inserted on.
      const indent = /^[ \t]*/.exec(whole.slice(whole.lastIndexOf('\n', at - 1) + 1))![0];
      return body.replaceAll('{{ARG}}', arg).replaceAll('\n', `\n${indent}`);
    },
  );
}

/**
 * The blocks of a template that only one of its queries has: `{{#TODAY}}…{{/TODAY}}` today's query only,
 * `{{#RECORDED}}…{{/RECORDED}}` its `recordedAt` variant only (for a step the generated rewrite cannot make, such as the
 * claims held then read from their versions). Each marker on a line of its own. Pure.
 */
function onlyBlocks(template: string, keep: 'TODAY' | 'RECORDED'): string {
  const drop = keep === 'TODAY' ? 'RECORDED' : 'TODAY';
  return template
    .replace(new RegExp(`^[ \\t]*\\{\\{#${drop}\\}\\}\\n[\\s\\S]*?^[ \\t]*\\{\\{/${drop}\\}\\}\\n`, 'gm'), '')
    .replace(new RegExp(`^[ \\t]*\\{\\{[#/]${keep}\\}\\}\\n`, 'gm'), '');
}

export function renderCypherTemplate(template: string, values: TemplateValues): string {
  const perType = expandFragments(onlyBlocks(template, 'TODAY'), values.fragments).replace(
    /\{\{#EACH_LINK_TYPE(?: join="([^"]*)")?\}\}\n([\s\S]*?)\{\{\/EACH_LINK_TYPE\}\}\n/g,
    (_m, join: string | undefined, block: string) =>
      values.linkTypes.map((t) => block.replaceAll('{{TYPE}}', t)).join(join ? `${join}\n` : ''),
  );
  const levels = perType.replace(/\{\{#LEVEL\}\}\n([\s\S]*?)\{\{\/LEVEL\}\}\n/g, (_m, block: string) =>
    block.repeat(values.maxDepth),
  );
  if (/\{\{[#/](LEVEL|EACH_LINK_TYPE|TODAY|RECORDED)/.test(levels))
    throw new Error(
      'cypher: a {{#LEVEL}}, {{#EACH_LINK_TYPE}}, {{#TODAY}} or {{#RECORDED}} block is not closed on its own line',
    );
  const out = levels
    .replaceAll('{{LINK_TYPES}}', values.linkTypes.join('|'))
    .replaceAll('{{MAX_DEPTH}}', String(values.maxDepth));
  const left = /\{\{[^}]*\}\}/.exec(out);
  if (left) throw new Error(`cypher: unknown placeholder ${left[0]}`);
  return out;
}

/** The templates that also generate a `recordedAt` variant, cypher/<name>-recorded.cypher (docs/versioning.md). */
export const RECORDED_VARIANTS: readonly string[] = [
  'cascade',
  'who-works-for',
  'provenance',
  'workforce-behind',
  'value-chain',
  'cascade-groups',
  'cascade-group-members',
  'connections',
  'audit-facts',
  'scorecard-pay',
];

/**
 * Every query that has a `-recorded` variant: the generated ones, and those written as a template of their own because
 * their anchors are found as of $seq (`entities-recorded`: a record retired since is found, one made later is not).
 */
export const RECORDED_QUERIES: readonly string[] = [
  ...RECORDED_VARIANTS,
  'entities',
  'search',
  'organizations',
  'stats',
  'claim-page',
  'export-nodes',
  'export-links',
  'sources-with-citations',
  'history',
  'pay-reports',
  'wage-table',
  'claim-replies',
  'changes',
  'verdict-changes',
  'reply-page',
  'entity-by-identifier',
];

/** A query's name and extra parameters for a change's seq: none, the query of today; a seq, its `-recorded` variant. Pure. */
export function recordedQuery(query: string, seq: number | undefined): { query: string; extra: { seq?: number } } {
  return seq === undefined ? { query, extra: {} } : { query: `${query}-recorded`, extra: { seq } };
}

/**
 * A template's "as recorded after change $seq" variant (docs/versioning.md, point 3): each link pattern with a variable
 * matches the current type and its retired `WAS_` type (`[r:T]` → `[r:T|WAS_T]`), `type(x)` reads the type without its
 * `WAS_`, each `{{> valid-at r}}` gains `{{> recorded-at r}}`, and each `{{> recorded-only r}}` (nothing today) becomes
 * it. Patterns without a variable (a pool's size read for withholding) stay on the current links. Records reached
 * through those links are read as they were: a node pattern of an entity kind without properties (`(o:Organization)`,
 * not an anchor `(t:Task {id: $taskId})`) also matches a `:Retired` node (only a link recorded at $seq reaches one, and
 * it was current then), a label test in an expression holds for such a node of that kind, and each node's projection
 * (a map projection `x {…}` that reads `labels(x)`) reads the version of `x` whose interval holds $seq
 * (`{{> record-at x}}`). The record a query starts from, a line `MATCH (x:Kind {id: …})` (or `OPTIONAL MATCH`), is
 * found as of $seq (`anchoredAsRecorded`): one retracted or removed since is found, one made later is not. Pure.
 */
export function recordedTemplate(template: string, linkTypes: readonly string[]): string {
  const both = (types: string[]) => types.flatMap((t) => [t, `WAS_${t}`]).join('|');
  const links = anchoredAsRecorded(onlyBlocks(template, 'RECORDED'))
    // A label test in an expression (`n:WorkerPool AND …`, `WHERE n:Task |`), not in a pattern (`(n:WorkerPool)`), also
    // holds for a record retired since that had that kind (the links recorded then reach it): grouping and withholding
    // read it.
    .replace(
      /(\(?)\b([a-z]\w*):(WorkerPool|Task|AIProduct|Organization)\b(?![|\w])(\s*(?:\)|\{|WHERE\b))?/g,
      (m, open: string, v: string, kind: string, after: string | undefined) =>
        open && after !== undefined
          ? m
          : `${open}(${v}:${kind} OR (${v}:Retired AND '${kind}' IN ${v}.wasLabels))${after ?? ''}`,
    )
    .replace(/\[([a-z]\w*):(\{\{LINK_TYPES\}\}|[A-Z_]+(?:\|[A-Z_]+)*)/g, (_m, v: string, types: string) =>
      types === '{{LINK_TYPES}}' ? `[${v}:${both([...linkTypes])}` : `[${v}:${both(types.split('|'))}`,
    )
    .replace(/\btype\(([\w.]+)\)/g, "replace(type($1), 'WAS_', '')")
    .replace(/\{\{> valid-at ([A-Za-z_]\w*)\}\}/g, '({{> valid-at $1}} AND {{> recorded-at $1}})')
    .replace(/\{\{> recorded-only ([A-Za-z_]\w*)\}\}/g, '{{> recorded-at $1}}');
  return recordsAsRecorded(
    links.replace(/\((\w*):(Entity|Organization|WorkerPool|Task|AIProduct)\)/g, '($1:$2|Retired)'),
  );
}

/**
 * Rewrites each anchor line of `text`, `MATCH (x:Kind {id: id})` (or `OPTIONAL MATCH`; `id` a parameter or a variable),
 * as a look-up of the record that held that id just after $seq: the current one or one retired since (`:Retired`, of
 * that kind then), each kept only if it held the id then (`{{> exists-at x}}`); each side is one index seek. Pure.
 */
function anchoredAsRecorded(text: string): string {
  return text.replace(
    /^( *)(OPTIONAL )?MATCH \(([a-z]\w*):(Entity|Organization|WorkerPool|Task|AIProduct) \{id: (\$?[A-Za-z]\w*)\}\)$/gm,
    (_m, indent: string, optional: string | undefined, v: string, kind: string, id: string) =>
      [
        `${indent}${optional ?? ''}CALL (${id.startsWith('$') ? '' : id}) {`,
        `${indent}  MATCH (${v}:${kind} {id: ${id}}) WHERE {{> exists-at ${v}}}`,
        `${indent}  RETURN ${v}`,
        `${indent}  UNION`,
        `${indent}  MATCH (${v}:Retired {id: ${id}}) WHERE '${kind}' IN ${v}.wasLabels AND {{> exists-at ${v}}}`,
        `${indent}  RETURN ${v}`,
        `${indent}}`,
      ].join('\n'),
  );
}

/**
 * Rewrites each node projection `x {…labels(x)…}` of `text` as the same projection of `x`'s version at $seq:
 * `head([x_at IN [{{> record-at x}}] | x_at {…}])`, `x.` and `labels(x)` inside read `x_at` (nested ones too). Pure.
 */
function recordsAsRecorded(text: string): string {
  let out = '';
  let at = 0;
  const start = /\b([a-z]\w*) \{/g;
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const v = m[1]!;
    const open = m.index + m[0].length - 1;
    let depth = 0;
    let close = open;
    for (; close < text.length; close++) {
      if (text[close] === '{') depth++;
      else if (text[close] === '}' && --depth === 0) break;
    }
    const body = text.slice(open + 1, close);
    if (!body.includes(`labels(${v})`)) continue;
    const as = `${v}_at`;
    const read = recordsAsRecorded(body)
      .replaceAll(`labels(${v})`, `${as}.labels`)
      .replace(new RegExp(`\\b${v}\\.`, 'g'), `${as}.`);
    out += `${text.slice(at, m.index)}head([${as} IN [{{> record-at ${v}}}] | ${as} {${read}}])`;
    at = close + 1;
    start.lastIndex = at;
  }
  return out + text.slice(at);
}

/** The deepest traversal the API allows; the generated queries are unrolled this far. */
export const MAX_DEPTH = 12;

/** The values every generated file is rendered with, given the fragments read from cypher/templates/. */
export function templateValues(fragments: Readonly<Record<string, string>>): TemplateValues {
  return { maxDepth: MAX_DEPTH, linkTypes: LINK_TYPE_NAMES, fragments };
}

/**
 * A generated cypher/<name>.cypher: its template rendered, with a line after the template's opening comment saying what
 * it was generated from (the template itself does not carry it: it is not generated). Pure.
 */
export function generatedCypher(templateFile: string, template: string, values: TemplateValues): string {
  const lines = renderCypherTemplate(template, values).split('\n');
  const afterComment = lines.findIndex((l) => !l.startsWith('//'));
  // The fragments it inserts, and those they insert, in the order first met.
  const names = new Set<string>();
  const visit = (text: string) => {
    for (const [, name] of text.matchAll(/\{\{> ([a-z0-9-]+) /g))
      if (!names.has(name!)) {
        names.add(name!);
        visit(values.fragments[name!] ?? '');
      }
  };
  visit(onlyBlocks(template, 'TODAY'));
  const used = [...names].map((n) => `${n}.cypher.fragment`);
  const from = `cypher/templates/${templateFile}${used.length ? ` with ${used.join(', ')}` : ''}`;
  lines.splice(
    afterComment === -1 ? lines.length : afterComment,
    0,
    `// Generated by \`npm run generate:cypher\` from ${from}; do not edit.`,
  );
  return lines.join('\n');
}
