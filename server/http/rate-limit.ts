/**
 * Rate limits with rate-limiter-flexible's drizzle store: the counters live in the database
 * (`rate_limits`), so every server process and both database kinds count against the same limits.
 */
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import type { Database } from '../../db/client.ts';
import { rateLimits } from '../../db/schema.ts';
import { AppError } from '../errors.ts';

export interface Limit {
  /** Prefix of the keys, e.g. `sms:phone`. */
  name: string;
  points: number;
  durationSeconds: number;
}

export interface RateLimits {
  /** Counts one use of `key` against `limit`; throws `rate_limited` (or `code`) once it is used up. */
  consume(limit: Limit, key: string, options?: { code?: 'rate_limited' | 'sms_cooldown' | 'account_locked' }): Promise<void>;
  /** Forgets `key` (e.g. after a successful login). */
  reset(limit: Limit, key: string): Promise<void>;
}

export function createRateLimits(db: Database): RateLimits {
  const limiters = new Map<string, RateLimiterDrizzle>();
  const limiter = (limit: Limit) => {
    let existing = limiters.get(limit.name);
    if (!existing) {
      existing = new RateLimiterDrizzle({
        storeClient: db,
        schema: rateLimits,
        keyPrefix: limit.name,
        points: limit.points,
        duration: limit.durationSeconds,
        // Expired rows are pruned by the maintenance job, not a timer per limiter.
        clearExpiredByTimeout: false,
      });
      limiters.set(limit.name, existing);
    }
    return existing;
  };
  return {
    async consume(limit, key, options = {}) {
      try {
        await limiter(limit).consume(key);
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
          throw new AppError(options.code ?? 'rate_limited', { detail: `${limit.name}: retry in ${retryAfterSeconds} s`, retryAfterSeconds });
        }
        throw error;
      }
    },
    async reset(limit, key) {
      await limiter(limit).delete(key);
    },
  };
}
