// Reads a file of records as other tools write them: a JSON array, or one JSON object per line. Pure.

/**
 * The records in `text` when every one passes `isRecord`, else null (it is another format). For one object per line,
 * the first line says whether it is worth reading the rest: a deep-labour/v1 file is one object over many lines.
 */
export function parseJsonRecords<T>(text: string, isRecord: (v: unknown) => v is T): T[] | null {
  const trimmed = text.trim();
  const firstEnd = trimmed.indexOf('\n');
  let items: unknown[];
  try {
    if (!trimmed.startsWith('[') && !isRecord(JSON.parse(firstEnd === -1 ? trimmed : trimmed.slice(0, firstEnd))))
      return null;
    items = trimmed.startsWith('[')
      ? (JSON.parse(trimmed) as unknown[])
      : trimmed
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l) => JSON.parse(l) as unknown);
  } catch {
    return null;
  }
  return Array.isArray(items) && items.length > 0 && items.every(isRecord) ? items : null;
}
