/**
 * When a failed message is tried again: 30 s after the first failure, doubling, at most an hour
 * apart; after `MAX_ATTEMPTS` tries it is marked failed. Five tries span about 8 minutes, long
 * enough to ride out a WeChat or carrier hiccup, short enough that a reminder is still useful.
 */
export const MAX_ATTEMPTS = 5;
const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 3600_000;

/** The wait after the `attempts`-th failed try: `retryDelayMs(1) === 30_000`, `retryDelayMs(3) === 120_000`. */
export function retryDelayMs(attempts: number): number {
  return Math.min(LONGEST_WAIT_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

/** What a failed try leads to: another try at `retryAt`, or giving up. */
export function afterFailure(attempts: number, permanent: boolean, now: Date, maxAttempts = MAX_ATTEMPTS): { status: 'pending'; retryAt: Date } | { status: 'failed' } {
  if (permanent || attempts >= maxAttempts) return { status: 'failed' };
  return { status: 'pending', retryAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}
