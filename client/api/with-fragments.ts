// Appends to an operation the fragment definitions it spreads, directly or through other fragments, and no others
// (GraphQL refuses a document with an unused fragment). Pure.

/** Each `fragment Name on Type { … }` of a document, by name; a fragment starts a line and runs to the next. */
export function fragmentsByName(document: string): Map<string, string> {
  const out = new Map<string, string>();
  const parts = document.split(/\n(?=fragment\s)/);
  for (const part of parts) {
    const m = /^\s*(?:#[^\n]*\n\s*)*fragment\s+(\w+)\s+on\s/.exec(part);
    if (m) out.set(m[1]!, part.replace(/^\s*(?:#[^\n]*\n\s*)*/, '').trim());
  }
  return out;
}

const spreads = (text: string) => [...text.matchAll(/\.\.\.\s*(?!on\b)(\w+)/g)].map((m) => m[1]!);

export function withFragments(operation: string, fragmentDocument: string): string {
  const fragments = fragmentsByName(fragmentDocument);
  const needed: string[] = [];
  const queue = spreads(operation);
  while (queue.length) {
    const name = queue.shift()!;
    if (needed.includes(name)) continue;
    const text = fragments.get(name);
    if (!text) throw new Error(`api: the operation spreads ...${name}, which fragments.graphql does not define`);
    needed.push(name);
    queue.push(...spreads(text));
  }
  return [operation.trim(), ...needed.map((n) => fragments.get(n)!)].join('\n\n');
}
