import { describe, expect, it } from 'vitest';
import { afterFailure, MAX_ATTEMPTS, retryDelayMs } from './backoff.ts';

describe('retrying failed messages', () => {
  it('waits 30 s, then twice as long each time, at most an hour', () => {
    expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(20)).toBe(3600_000);
  });

  it(`gives up after ${MAX_ATTEMPTS} tries, or at once when retrying cannot help`, () => {
    const now = new Date('2026-11-23T01:00:00Z');
    expect(afterFailure(1, false, now)).toEqual({ status: 'pending', retryAt: new Date('2026-11-23T01:00:30Z') });
    expect(afterFailure(MAX_ATTEMPTS - 1, false, now).status).toBe('pending');
    expect(afterFailure(MAX_ATTEMPTS, false, now)).toEqual({ status: 'failed' });
    expect(afterFailure(1, true, now)).toEqual({ status: 'failed' });
  });
});
