// `deep-labour sources --check`: asks each source's URL whether it still answers, has moved or is gone, and whether the
// document is still the one whose SHA-256 was recorded. The only part of the command line that reaches the network,
// and only when asked: redirects are reported, never followed.
import { createHash } from 'node:crypto';
import { isWebUrl } from '../../format/safe-text.js';

export interface SourceToCheck {
  id: string;
  url?: string;
  archiveUrl?: string;
  documentSha256?: string;
}

/** What a URL answered: `ok` (2xx), `moved` (3xx), `gone` (404, 410), `unreachable` (no answer), `other` (any other status). */
export type UrlState = 'ok' | 'moved' | 'gone' | 'unreachable' | 'other';

export interface SourceCheck {
  id: string;
  url: string;
  state: UrlState;
  status?: number;
  /** Where a 3xx points, resolved against the URL. */
  movedTo?: string;
  /** Whether the document still has the recorded SHA-256: only for a 2xx answer to a source that records one. */
  document?: 'unchanged' | 'changed' | 'too-large';
  /** Why it was unreachable: a timeout, a refused connection, an unknown host. */
  reason?: string;
  archiveUrl?: string;
}

export interface CheckOptions {
  /** Per request, body included. */
  timeoutMs: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** A document larger than this is not read to the end, nor compared. */
  maxBytes: number;
}

export const CHECK_DEFAULTS: CheckOptions = { timeoutMs: 10_000, concurrency: 4, maxBytes: 50 * 1024 * 1024 };

const USER_AGENT = 'deep-labour sources --check (Deep Labour Explorer)';
const GONE = new Set([404, 410]);

function request(url: string, method: 'HEAD' | 'GET', timeoutMs: number): Promise<Response> {
  return fetch(url, {
    method,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
    headers: { 'user-agent': USER_AGENT },
  });
}

/** Why a request got no answer, in a few words. */
function whyUnreachable(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; cause?: { code?: string; name?: string } };
  if (err.name === 'TimeoutError' || err.cause?.name === 'TimeoutError')
    return `no answer within ${timeoutMs / 1000} s`;
  const code = err.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'unknown host';
  if (code === 'ECONNRESET') return 'connection reset';
  return code ?? (e instanceof Error ? e.message : String(e));
}

/** The SHA-256 of a response's body, or null when it is longer than `maxBytes` (the rest is not downloaded). */
async function sha256Of(res: Response, maxBytes: number): Promise<string | null> {
  const hash = createHash('sha256');
  if (!res.body) return hash.digest('hex');
  const reader = res.body.getReader();
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    hash.update(value);
  }
  return hash.digest('hex');
}

/**
 * Asks one URL: HEAD first, GET when HEAD is refused (any status but 2xx, 3xx, 404 and 410), and GET for the
 * document when a SHA-256 is recorded and the URL answers 2xx. Never throws: a request that fails is `unreachable`.
 */
export async function checkSource(
  source: SourceToCheck & { url: string },
  options: CheckOptions = CHECK_DEFAULTS,
): Promise<SourceCheck> {
  const base = {
    id: source.id,
    url: source.url,
    ...(source.archiveUrl ? { archiveUrl: source.archiveUrl } : {}),
  };
  try {
    const want = source.documentSha256;
    const ok = (s: number) => s >= 200 && s < 300;
    let res = await request(source.url, 'HEAD', options.timeoutMs);
    // A GET when HEAD is refused, or when the document itself is to be compared.
    if (
      (!ok(res.status) && !(res.status >= 300 && res.status < 400) && !GONE.has(res.status)) ||
      (want && ok(res.status))
    ) {
      await res.body?.cancel();
      res = await request(source.url, 'GET', options.timeoutMs);
    }
    return await classify(res, base, want, options);
  } catch (e) {
    return { ...base, state: 'unreachable', reason: whyUnreachable(e, options.timeoutMs) };
  }
}

async function classify(
  res: Response,
  base: { id: string; url: string; archiveUrl?: string },
  want: string | undefined,
  options: CheckOptions,
): Promise<SourceCheck> {
  const status = res.status;
  if (status >= 200 && status < 300) {
    if (!want || res.body === null) {
      await res.body?.cancel();
      return { ...base, state: 'ok', status };
    }
    const got = await sha256Of(res, options.maxBytes);
    return {
      ...base,
      state: 'ok',
      status,
      document: got === null ? 'too-large' : got === want ? 'unchanged' : 'changed',
    };
  }
  await res.body?.cancel();
  if (status >= 300 && status < 400) {
    const location = res.headers.get('location');
    let movedTo: string | undefined;
    try {
      movedTo = location ? new URL(location, base.url).href : undefined;
    } catch {
      movedTo = location ?? undefined;
    }
    return { ...base, state: 'moved', status, ...(movedTo ? { movedTo } : {}) };
  }
  if (GONE.has(status)) return { ...base, state: 'gone', status };
  return { ...base, state: 'other', status };
}

/** Checks every source that has a web address, at most `concurrency` at once; results in the sources' order. */
export async function checkSources(
  sources: SourceToCheck[],
  options: CheckOptions = CHECK_DEFAULTS,
): Promise<SourceCheck[]> {
  const todo = sources.filter((s): s is SourceToCheck & { url: string } => isWebUrl(s.url));
  const results: SourceCheck[] = new Array(todo.length);
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const i = next++;
      results[i] = await checkSource(todo[i]!, options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, todo.length) }, worker));
  return results;
}

/** One line per checked source, then the counts. Pure. */
export function checkReport(results: SourceCheck[], withoutUrl: number): string {
  const archive = (r: SourceCheck) => (r.archiveUrl ? `archived copy: ${r.archiveUrl}` : 'no archived copy recorded');
  const lines = results.map((r) => {
    let what: string;
    switch (r.state) {
      case 'ok':
        what =
          r.document === 'unchanged'
            ? `answers (HTTP ${r.status}); the document is unchanged since retrieved`
            : r.document === 'changed'
              ? `answers (HTTP ${r.status}); the document changed since retrieved (its SHA-256 differs)`
              : r.document === 'too-large'
                ? `answers (HTTP ${r.status}); the document is too large to compare`
                : `answers (HTTP ${r.status})`;
        break;
      case 'moved':
        what = `moved to ${r.movedTo ?? '(no Location given)'} (HTTP ${r.status}; ${archive(r)})`;
        break;
      case 'gone':
        what = `gone (HTTP ${r.status}; ${archive(r)})`;
        break;
      case 'unreachable':
        what = `unreachable: ${r.reason} (${archive(r)})`;
        break;
      default:
        what = `answers HTTP ${r.status} (${archive(r)})`;
    }
    return `${r.id}: ${r.url} ${what}`;
  });
  const count = (f: (r: SourceCheck) => boolean) => results.filter(f).length;
  const summary = [
    `${count((r) => r.state === 'ok')} answer`,
    `${count((r) => r.state === 'moved')} moved`,
    `${count((r) => r.state === 'gone')} gone`,
    `${count((r) => r.state === 'unreachable')} unreachable`,
    `${count((r) => r.state === 'other')} other`,
    `${count((r) => r.document === 'changed')} changed since retrieved`,
  ].join(', ');
  lines.push(
    `deep-labour: checked ${results.length} source URL${results.length === 1 ? '' : 's'}: ${summary}; ${withoutUrl} source${withoutUrl === 1 ? ' has' : 's have'} no web address to check`,
  );
  return lines.join('\n');
}

/** True when a check found something a curator should look at: moved, gone, unreachable, another status, or changed. */
export function needsAttention(r: SourceCheck): boolean {
  return r.state !== 'ok' || r.document === 'changed';
}
