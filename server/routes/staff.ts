/** Staff accounts: sign-in with throttling and lockout, the session, sign-out. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { signInRequest, staffMe, staffSession } from '../../common/staff.ts';
import type { Database } from '../../db/client.ts';
import { sessions, staff, staffOutlets } from '../../db/schema.ts';
import type { AppDeps } from '../app.ts';
import { audit } from '../audit.ts';
import { expectPrincipal, STAFF_ROLES } from '../auth/principal.ts';
import { clearSessionCookie, setSessionCookie, STAFF_COOKIE } from '../auth/sessions.ts';
import { signInStaff } from '../auth/sign-in.ts';
import { AppError } from '../errors.ts';
import { clientIp } from '../http/client-ip.ts';
import type { AppEnv } from '../http/env.ts';
import type { Limit } from '../http/rate-limit.ts';
import { named } from '../http/named-schema.ts';
import { defineRoute } from '../http/route.ts';
import { errorResponse } from '../http/schemas.ts';

export const staffMeSchema = named(staffMe, 'StaffMe');

/** Per address: enough for a lobby of staff behind one NAT, far too few to guess passwords. */
export const SIGN_IN_PER_IP: Limit = { name: 'sign-in:ip', points: 30, durationSeconds: 600 };

const me = defineRoute(STAFF_ROLES, {
  method: 'get',
  path: '/api/staff/me',
  tags: ['staff'],
  summary: 'The signed-in staff member',
  responses: {
    200: { description: 'The session.', content: { 'application/json': { schema: staffMeSchema } } },
    401: errorResponse('No staff session.'),
  },
});

const sessionRoute = defineRoute(['public'], {
  method: 'get',
  path: '/api/staff/session',
  tags: ['staff'],
  summary: 'The staff session, or `staff: null` when nobody is signed in',
  description: 'What the console asks on load: no 401 (and no console error) for a signed-out browser.',
  responses: {
    200: {
      description: 'The session, or null.',
      content: { 'application/json': { schema: named(staffSession.extend({ staff: staffMeSchema.nullable() }), 'StaffSession') } },
    },
  },
});

const signIn = defineRoute(['public'], {
  method: 'post',
  path: '/api/staff/login',
  tags: ['staff'],
  summary: 'Sign in with user name and password',
  description:
    'Sets the `lobby_staff` session cookie. Five wrong passwords in a row lock the account for 15 minutes; ' +
    'an unknown user and a wrong password get the same answer.',
  request: { body: { required: true, content: { 'application/json': { schema: named(signInRequest, 'SignInRequest') } } } },
  responses: {
    200: { description: 'Signed in: the session, with its CSRF token.', content: { 'application/json': { schema: staffMeSchema } } },
    401: errorResponse('`login_failed`: unknown user or wrong password.'),
    423: errorResponse('`account_locked`, with `Retry-After`.'),
    429: errorResponse('`rate_limited`, with `Retry-After`.'),
  },
});

const signOut = defineRoute(STAFF_ROLES, {
  method: 'post',
  path: '/api/staff/logout',
  tags: ['staff'],
  summary: 'Sign out: ends the session and clears its cookie',
  responses: {
    204: { description: 'Signed out.' },
    401: errorResponse('No staff session.'),
    403: errorResponse('`csrf_failed`: no or a wrong `x-csrf-token`.'),
  },
});

async function loadStaffMe(db: Database, staffId: string, csrfToken: string) {
  const [member] = await db.select().from(staff).where(eq(staff.id, staffId));
  if (!member) throw new AppError('unauthenticated');
  const outlets = await db.select({ outletId: staffOutlets.outletId }).from(staffOutlets).where(eq(staffOutlets.staffId, staffId)).orderBy(staffOutlets.outletId);
  return {
    id: member.id,
    username: member.username,
    displayName: member.displayName,
    role: member.role,
    outletIds: outlets.map((o) => o.outletId),
    csrfToken,
  };
}

export function staffRoutes(deps: AppDeps) {
  const { db } = deps.database;
  return new OpenAPIHono<AppEnv>()
    .openapi(me, async (c) => {
      const principal = expectPrincipal(c.get('principal'), 'staff');
      return c.json(await loadStaffMe(db, principal.staffId, c.get('csrfToken') ?? ''), 200);
    })
    .openapi(sessionRoute, async (c) => {
      const principal = c.get('principal');
      if (principal.kind !== 'staff') return c.json({ staff: null }, 200);
      return c.json({ staff: await loadStaffMe(db, principal.staffId, c.get('csrfToken') ?? '') }, 200);
    })
    .openapi(signIn, async (c) => {
      const { username, password } = c.req.valid('json');
      const ipHash = deps.privacy.hash('ip', clientIp(c));
      await deps.rateLimits.consume(SIGN_IN_PER_IP, ipHash);
      const { staffId, session } = await signInStaff({ db, clock: deps.clock, privacy: deps.privacy }, { username, password, ipHash });
      setSessionCookie(c, STAFF_COOKIE, session);
      return c.json(await loadStaffMe(db, staffId, session.csrfToken), 200);
    })
    .openapi(signOut, async (c) => {
      const principal = expectPrincipal(c.get('principal'), 'staff');
      await db.transaction(async (tx) => {
        await tx.delete(sessions).where(eq(sessions.tokenHash, principal.sessionId));
        await audit(tx, {
          actor: { kind: 'staff', id: principal.staffId }, target: { kind: 'staff', id: principal.staffId },
          action: 'staff.signed_out', at: deps.clock.now(), details: { ipHash: deps.privacy.hash('ip', clientIp(c)) },
        });
      });
      clearSessionCookie(c, STAFF_COOKIE);
      // Live connections made with this session end with it.
      deps.live.disconnectSession(principal.sessionId);
      return c.body(null, 204);
    });
}
