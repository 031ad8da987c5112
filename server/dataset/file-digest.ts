// The SHA-256 of a dataset file's bytes: what a dataset in the store records of the file it was imported from, so that
// a later start can tell whether the repository's copy of a documented dataset changed since (server/fixtures.ts).
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';

/** Hex SHA-256 of the file at `path`, read as a stream (constant memory); null for a folder (a CSV dataset). */
export async function fileDigest(path: string): Promise<string | null> {
  if (!statSync(path).isFile()) return null;
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}
