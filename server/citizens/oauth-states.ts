/**
 * The `state` of a WeChat authorization in flight: random, stored only as a hash, good for ten
 * minutes and for one callback. The browser that began the authorization holds it in a cookie, so a
 * callback carried into another browser (login CSRF) finds no match.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { H5_BASE } from '../../common/citizens.ts';
import type { Database } from '../../db/client.ts';
import { oauthStates } from '../../db/schema.ts';
import { hashToken } from '../auth/tokens.ts';

export const STATE_TTL_MS = 10 * 60_000;
const RETURN_TO_MAX = 512;
const ANY_ORIGIN = 'http://return-to.invalid';

/**
 * `returnTo` as a path of this site below /h5/, normalised (`/h5/a/../b` → `/h5/b`), or undefined
 * when it would lead elsewhere: `safeReturnTo('//evil.example/h5/')` is undefined.
 */
export function safeReturnTo(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return H5_BASE;
  if (raw.length > RETURN_TO_MAX || !raw.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(raw)) return undefined;
  let url: URL;
  try {
    url = new URL(raw, ANY_ORIGIN);
  } catch {
    return undefined;
  }
  if (url.origin !== ANY_ORIGIN || !url.pathname.startsWith(H5_BASE)) return undefined;
  return `${url.pathname}${url.search}`;
}

/** Stores a new state for `returnTo`; returns the state (hex: WeChat allows only `a-zA-Z0-9`). */
export async function beginAuthorization(db: Database, returnTo: string, now: Date): Promise<{ state: string; expiresAt: Date }> {
  const state = randomBytes(24).toString('hex');
  const expiresAt = new Date(now.getTime() + STATE_TTL_MS);
  await db.insert(oauthStates).values({ stateHash: hashToken(state), returnTo, expiresAt });
  return { state, expiresAt };
}

/**
 * Uses up `state`: the conditional update succeeds for exactly one callback, however many arrive
 * at once. Returns where to go next, or undefined for an unknown, used or expired state.
 */
export async function consumeState(db: Database, state: string, now: Date): Promise<string | undefined> {
  const [row] = await db
    .update(oauthStates)
    .set({ usedAt: now })
    .where(and(eq(oauthStates.stateHash, hashToken(state)), isNull(oauthStates.usedAt), gt(oauthStates.expiresAt, now)))
    .returning({ returnTo: oauthStates.returnTo });
  return row?.returnTo;
}
