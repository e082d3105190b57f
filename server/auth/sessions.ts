/**
 * Sessions for staff (cookie `lobby_staff`) and citizens (cookie `lobby_citizen`), and device tokens
 * (`Authorization: Bearer …`). Cookies are httpOnly, SameSite=Lax, Secure behind TLS; the table holds
 * only the token's hash. Each session has a CSRF token that state-changing requests must echo.
 */
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Database } from '../../db/client.ts';
import { devices, sessions, staff, staffOutlets } from '../../db/schema.ts';
import type { Clock } from '../clock.ts';
import { AppError } from '../errors.ts';
import { isTls } from '../http/client-ip.ts';
import type { AppEnv } from '../http/env.ts';
import { ANONYMOUS, type Principal } from './principal.ts';
import { hashToken, newToken, sameSecret } from './tokens.ts';

export const STAFF_COOKIE = 'lobby_staff';
export const CITIZEN_COOKIE = 'lobby_citizen';
export const STAFF_SESSION_HOURS = 12;
export const CITIZEN_SESSION_DAYS = 30;
export const CSRF_HEADER = 'x-csrf-token';

export type SessionSubject = { staffId: string } | { openid: string; citizenId: string | null };

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(db: Database, subject: SessionSubject, now: Date): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken(18);
  const lifetimeMs = 'staffId' in subject ? STAFF_SESSION_HOURS * 3600_000 : CITIZEN_SESSION_DAYS * 86400_000;
  const expiresAt = new Date(now.getTime() + lifetimeMs);
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    csrfToken,
    expiresAt,
    ...('staffId' in subject ? { staffId: subject.staffId } : { openid: subject.openid, citizenId: subject.citizenId }),
  });
  return { token, csrfToken, expiresAt };
}

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure when the request came over TLS. */
export function setSessionCookie(c: Context, name: string, session: NewSession): void {
  setCookie(c, name, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isTls(c),
    path: '/',
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(c: Context, name: string): void {
  deleteCookie(c, name, { path: '/', secure: isTls(c) });
}

export async function endSession(db: Database, token: string | undefined): Promise<void> {
  if (token) await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

function bearerToken(c: Context): string | undefined {
  const header = c.req.header('authorization');
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

/** Who a device token belongs to: the principal, `revoked`, or undefined for an unknown token. */
export async function deviceForToken(db: Database, token: string): Promise<Principal | 'revoked' | undefined> {
  const [device] = await db
    .select({ id: devices.id, kind: devices.kind, outletId: devices.outletId, status: devices.status })
    .from(devices)
    .where(eq(devices.tokenHash, hashToken(token)));
  if (!device) return undefined;
  if (device.status === 'revoked') return 'revoked';
  if (device.status !== 'active' || !device.outletId) return undefined;
  return { kind: 'device', deviceId: device.id, deviceKind: device.kind, outletId: device.outletId };
}

/** The principal of a session cookie's token (`cookie` names which kind), with its CSRF token; undefined when expired or unknown. */
export async function principalForSession(db: Database, cookie: string, token: string, now: Date): Promise<{ principal: Principal; csrfToken: string } | undefined> {
  // One statement with the staff member and their outlets: every console request starts here.
  const [row] = await db
    .select({
      session: sessions,
      role: staff.role,
      active: staff.active,
      outletIds: sql<string[]>`coalesce((select array_agg(${staffOutlets.outletId} order by ${staffOutlets.outletId}) from ${staffOutlets} where ${staffOutlets.staffId} = ${sessions.staffId}), '{}')`,
    })
    .from(sessions)
    .leftJoin(staff, eq(staff.id, sessions.staffId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now)));
  if (!row) return undefined;
  const { session } = row;
  if (cookie === STAFF_COOKIE && session.staffId) {
    if (!row.active || !row.role) return undefined;
    return {
      principal: { kind: 'staff', sessionId: session.tokenHash, staffId: session.staffId, role: row.role, outletIds: row.outletIds },
      csrfToken: session.csrfToken,
    };
  }
  if (cookie === CITIZEN_COOKIE && session.openid) {
    return {
      principal: { kind: 'citizen', sessionId: session.tokenHash, openid: session.openid, citizenId: session.citizenId },
      csrfToken: session.csrfToken,
    };
  }
  return undefined;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the caller once per request (device token, then staff cookie, then citizen cookie) and,
 * for a cookie session, insists that state-changing requests carry the session's CSRF token.
 */
export function resolvePrincipal(deps: { db: Database; clock: Clock }) {
  return createMiddleware<AppEnv>(async function resolvePrincipalMiddleware(c, next) {
    c.set('principal', ANONYMOUS);
    const bearer = bearerToken(c);
    if (bearer) {
      const device = await deviceForToken(deps.db, bearer);
      if (device === 'revoked') c.set('deviceRevoked', true);
      else if (device) c.set('principal', device);
      return next();
    }
    for (const cookie of [STAFF_COOKIE, CITIZEN_COOKIE]) {
      const token = getCookie(c, cookie);
      if (!token) continue;
      const resolved = await principalForSession(deps.db, cookie, token, deps.clock.now());
      if (!resolved) continue;
      c.set('principal', resolved.principal);
      c.set('csrfToken', resolved.csrfToken);
      if (UNSAFE_METHODS.has(c.req.method) && !sameSecret(c.req.header(CSRF_HEADER) ?? '', resolved.csrfToken)) {
        throw new AppError('csrf_failed');
      }
      break;
    }
    await next();
  });
}
