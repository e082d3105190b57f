/**
 * The authorization matrix: every route of the OpenAPI document × every kind of caller gets what the
 * route declares (`x-access`): callers it does not admit get exactly 401 (nobody signed in, or a
 * revoked device) or 403 (signed in as someone else); callers it admits get neither. And every route
 * the app serves under /api is in the document, so a route added without a declaration fails here.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { admits, type Audience, type Principal } from '../server/auth/principal.ts';
import { CITIZEN_COOKIE, createSession, STAFF_COOKIE } from '../server/auth/sessions.ts';
import { hashToken, newToken } from '../server/auth/tokens.ts';
import { seedDemoData, type SeedResult } from '../server/demo-data.ts';
import { citizens, devices, staff } from '../db/schema.ts';
import { eq } from 'drizzle-orm';
import { testApp } from './support/app.ts';
import { describeOnDatabases } from './support/databases.ts';

interface Caller {
  name: string;
  /** What the server should resolve this caller to. */
  principal: Principal;
  revokedDevice?: boolean;
  /**
   * Fresh credentials for each request: a sign-out route ends its session, which must not change
   * what the routes after it see.
   */
  credentials(): Promise<{ headers: Record<string, string>; csrfToken?: string }>;
}

interface Operation {
  method: string;
  path: string;
  access: Audience[];
}

const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

describeOnDatabases('authorization matrix', (ctx) => {
  const callers: Caller[] = [];
  let built: ReturnType<typeof testApp>;
  let operations: Operation[] = [];

  beforeAll(async () => {
    const { db } = ctx.database;
    const seeded = (await seedDemoData(db)) as SeedResult;
    built = testApp(ctx.database);
    const now = built.clock.now();
    callers.push({ name: 'anonymous', principal: { kind: 'anonymous' }, credentials: async () => ({ headers: {} }) });

    for (const role of ['admin', 'supervisor', 'clerk', 'guide'] as const) {
      const [member] = await db.select({ id: staff.id }).from(staff).where(eq(staff.username, role));
      callers.push({
        name: role,
        principal: { kind: 'staff', role, staffId: member!.id, sessionId: '', outletIds: [] },
        credentials: async () => {
          const session = await createSession(db, { staffId: member!.id }, now);
          return { headers: { cookie: `${STAFF_COOKIE}=${session.token}` }, csrfToken: session.csrfToken };
        },
      });
    }

    const citizenCredentials = (openid: string, citizenId: string | null) => async () => {
      const session = await createSession(db, { openid, citizenId }, now);
      return { headers: { cookie: `${CITIZEN_COOKIE}=${session.token}` }, csrfToken: session.csrfToken };
    };
    callers.push({
      name: 'wechat user, not registered',
      principal: { kind: 'citizen', openid: 'x', citizenId: null, sessionId: '' },
      credentials: citizenCredentials('o-unregistered-wechat-user-0001', null),
    });
    const [citizen] = await db.insert(citizens).values({
      openid: 'o-registered-wechat-user-00001', name: '测试', idNumberEnc: built.privacy.encrypt('11010519491231002X'),
      idNumberHash: built.privacy.hash('id_number', '11010519491231002X'), phoneEnc: built.privacy.encrypt('13812345678'),
      phoneHash: built.privacy.hash('phone', '13812345678'), birthDate: '1949-12-31',
    }).returning();
    callers.push({
      name: 'registered citizen',
      principal: { kind: 'citizen', openid: 'x', citizenId: citizen!.id, sessionId: '' },
      credentials: citizenCredentials('o-registered-wechat-user-00001', citizen!.id),
    });

    for (const device of seeded.devices) {
      callers.push({
        name: device.kind,
        principal: { kind: 'device', deviceKind: device.kind, deviceId: '', outletId: device.outletId },
        credentials: async () => ({ headers: { authorization: `Bearer ${device.token}` } }),
      });
    }
    const revokedToken = newToken();
    await db.insert(devices).values({
      kind: 'display', outletId: 'yt-dmv', name: 'revoked display', status: 'revoked', tokenHash: hashToken(revokedToken), revokedAt: now,
    });
    callers.push({
      name: 'revoked device', principal: { kind: 'anonymous' }, revokedDevice: true,
      credentials: async () => ({ headers: { authorization: `Bearer ${revokedToken}` } }),
    });

    const doc = (await (await built.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { 'x-access'?: Audience[] }>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, access: operation['x-access'] ?? [] })));
  });

  it('declares an audience for every operation in the document', () => {
    expect(operations.length).toBeGreaterThan(3);
    for (const operation of operations) expect(operation.access, `${operation.method} ${operation.path}`).not.toEqual([]);
  });

  it('documents every /api route the app serves', () => {
    const documented = new Set(operations.map((o) => `${o.method} ${o.path.replaceAll(/\{(\w+)\}/g, ':$1')}`));
    const served = built.app.routes
      .filter((route) => route.method !== 'ALL' && route.path.startsWith('/api/'))
      .map((route) => `${route.method} ${route.path}`);
    expect(served.length).toBeGreaterThan(0);
    expect(served.filter((route) => !documented.has(route))).toEqual([]);
  });

  it('answers every route × caller exactly as declared', async () => {
    const mismatches: string[] = [];
    for (const operation of operations) {
      // An outlet every demo member of staff works at: outlet scoping is not what this matrix checks.
      const url = operation.path.replaceAll('{outletId}', 'yt-dmv').replaceAll(/\{\w+\}/g, PLACEHOLDER_ID);
      for (const caller of callers) {
        const unsafe = !['GET', 'HEAD'].includes(operation.method);
        const credentials = await caller.credentials();
        // Each request from its own address, so per-IP rate limits never stand in for access control.
        const headers: Record<string, string> = { ...credentials.headers, 'x-forwarded-for': `10.9.${callers.indexOf(caller)}.${randomBytes(1)[0]}` };
        if (unsafe) headers['content-type'] = 'application/json';
        if (unsafe && credentials.csrfToken) headers['x-csrf-token'] = credentials.csrfToken;
        const res = await built.app.request(url, { method: operation.method, headers, ...(unsafe ? { body: '{}' } : {}) });
        const admitted = admits(operation.access, caller.principal);
        const expected = admitted ? 'neither 401 nor 403' : caller.principal.kind === 'anonymous' ? '401' : '403';
        const ok = admitted ? res.status !== 401 && res.status !== 403 : String(res.status) === expected;
        if (!ok) mismatches.push(`${operation.method} ${operation.path} as ${caller.name}: ${res.status}, expected ${expected}`);
        if (!admitted && caller.revokedDevice) {
          const body = (await res.json()) as { code: string };
          if (body.code !== 'device_revoked') mismatches.push(`${operation.method} ${operation.path} as revoked device: code ${body.code}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Well over a thousand requests, each with a fresh session: minutes on a loaded CI machine.
  }, 240_000);
});
