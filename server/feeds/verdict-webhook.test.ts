// The webhook's signature and backoff schedule, and its settings' checks.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../config.js';
import { backoffSchedule, signBody } from './verdict-webhook.js';

describe('verdict webhook', () => {
  it('signs the raw body with HMAC-SHA256 keyed by the secret, as sha256=<hex>', () => {
    const body = '{"claimId":"ex-claim","new":"CONTRADICTED"}';
    const sig = signBody('a-secret-of-16-chars', body);
    expect(sig).toBe(`sha256=${createHmac('sha256', 'a-secret-of-16-chars').update(body).digest('hex')}`);
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(signBody('another-secret-16ch', body)).not.toBe(sig);
    expect(signBody('a-secret-of-16-chars', `${body} `)).not.toBe(sig);
  });

  it('waits 1 s, 2 s, 4 s … between attempts, capped, one wait fewer than attempts', () => {
    expect(backoffSchedule(6, 1000, 10_000)).toEqual([1000, 2000, 4000, 8000, 10_000]);
    expect(backoffSchedule(1, 1000, 10_000)).toEqual([]);
    expect(backoffSchedule(3, 10, 15)).toEqual([10, 15]);
  });

  it('is off without a URL; a URL needs a secret, and both are checked', () => {
    expect(readConfig({}).verdictWebhook).toBeUndefined();
    expect(() => readConfig({ VERDICT_WEBHOOK_URL: 'http://127.0.0.1:9/hook' })).toThrow(/VERDICT_WEBHOOK_SECRET/);
    expect(() => readConfig({ VERDICT_WEBHOOK_URL: 'ftp://x', VERDICT_WEBHOOK_SECRET: 'x'.repeat(16) })).toThrow(
      ConfigError,
    );
    const c = readConfig({
      PORT: '4100',
      VERDICT_WEBHOOK_URL: 'http://127.0.0.1:9/hook',
      VERDICT_WEBHOOK_SECRET: 'x'.repeat(32),
    }).verdictWebhook;
    expect(c).toMatchObject({ explorerUrl: 'http://localhost:4100', attempts: 8, backoffMs: 1000 });
  });
});
