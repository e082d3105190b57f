import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditLog, staff } from '../../db/schema.ts';
import { describeOnDatabases, describeOnPostgres, type DatabaseContext } from '../../test/support/databases.ts';
import { testApp } from '../../test/support/app.ts';
import { fetcherFor, sessionCookie, signIn, signInRequest } from '../../test/support/sign-in.ts';
import { DEMO_PASSWORD, seedDemoData } from '../demo-data.ts';
import { LOCKOUT_MS, MAX_FAILED_SIGN_INS } from '../auth/lockout.ts';

const WRONG = 'not-the-password';

async function staffRow(ctx: DatabaseContext, username: string) {
  const [row] = await ctx.database.db.select().from(staff).where(eq(staff.username, username));
  return row!;
}

async function auditActions(ctx: DatabaseContext, staffId: string): Promise<string[]> {
  const rows = await ctx.database.db.select({ action: auditLog.action, details: auditLog.details }).from(auditLog)
    .where(eq(auditLog.targetId, staffId)).orderBy(auditLog.id);
  return rows.map((r) => (r.action === 'staff.sign_in_failed' ? `${r.action}:${String(r.details.reason)}` : r.action));
}

describeOnDatabases('staff sign-in', (ctx) => {
  beforeAll(async () => {
    await seedDemoData(ctx.database.db);
  });

  it('signs in with the right password: an httpOnly session cookie and the session with its CSRF token', async () => {
    const { app } = testApp(ctx.database);
    const res = await signInRequest(fetcherFor(app), 'admin', DEMO_PASSWORD, '10.1.0.1');
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^lobby_staff=[\w-]{40,};/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ username: 'admin', displayName: '系统管理员', role: 'admin', csrfToken: expect.any(String) });
    expect(body.outletIds).toEqual(['yt-dmv', 'yt-gaoxin', 'yt-xinjiang', 'yt-zhishu']);

    const me = await app.request('/api/staff/me', { headers: { cookie: sessionCookie(res)! } });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual(body);
    // What the console asks on load: the same, and `null` rather than a 401 when signed out.
    expect(await (await app.request('/api/staff/session', { headers: { cookie: sessionCookie(res)! } })).json()).toEqual({ staff: body });
    const signedOut = await app.request('/api/staff/session');
    expect(signedOut.status).toBe(200);
    expect(await signedOut.json()).toEqual({ staff: null });
  });

  it('answers an unknown user exactly as a wrong password, and both are audited without the typed name', async () => {
    const { app } = testApp(ctx.database);
    const wrong = await signInRequest(fetcherFor(app), 'guide', WRONG, '10.1.0.2');
    const unknown = await signInRequest(fetcherFor(app), 'no-such-user', WRONG, '10.1.0.2');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const strip = ({ requestId: _, ...rest }: Record<string, unknown>) => rest;
    expect(strip(await wrong.json())).toEqual(strip(await unknown.json()));
    expect(sessionCookie(wrong)).toBeUndefined();

    const rows = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'staff.sign_in_failed'));
    const unknownRow = rows.find((r) => r.details.reason === 'unknown_user')!;
    expect(unknownRow.actorId).toBeNull();
    expect(JSON.stringify(unknownRow)).not.toContain('no-such-user');
    expect(JSON.stringify(rows)).not.toContain('10.1.0.2');
    expect(unknownRow.details.ipHash).toEqual(expect.any(String));
    // The guide's counter moved; a right password below puts it back.
    expect((await staffRow(ctx, 'guide')).failedLogins).toBe(1);
    expect((await signInRequest(fetcherFor(app), 'guide', DEMO_PASSWORD, '10.1.0.2')).status).toBe(200);
    expect((await staffRow(ctx, 'guide')).failedLogins).toBe(0);
  });

  it('locks the account at the fifth wrong password; then even the right one gets 423 with Retry-After', async () => {
    const { app } = testApp(ctx.database);
    const fetcher = fetcherFor(app);
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++) {
      const res = await signInRequest(fetcher, 'clerk', WRONG, '10.1.0.3');
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ code: 'login_failed' });
    }
    const fifth = await signInRequest(fetcher, 'clerk', WRONG, '10.1.0.3');
    expect(fifth.status).toBe(423);
    expect(fifth.headers.get('retry-after')).toBe(String(LOCKOUT_MS / 1000));

    const right = await signInRequest(fetcher, 'clerk', DEMO_PASSWORD, '10.1.0.3');
    expect(right.status).toBe(423);
    expect(await right.json()).toMatchObject({ code: 'account_locked', message: expect.stringContaining('锁定') });
    expect(Number(right.headers.get('retry-after'))).toBe(LOCKOUT_MS / 1000);
    expect(sessionCookie(right)).toBeUndefined();

    const row = await staffRow(ctx, 'clerk');
    expect(row.failedLogins).toBe(MAX_FAILED_SIGN_INS);
    expect(row.lockedUntil?.getTime()).toBe(new Date('2026-11-23T09:15:00+08:00').getTime());
    expect(await auditActions(ctx, row.id)).toEqual([
      ...Array(MAX_FAILED_SIGN_INS).fill('staff.sign_in_failed:wrong_password'),
      'staff.locked',
      'staff.sign_in_failed:locked',
    ]);
  });

  it('unlocks after 15 minutes, and counts afresh after that', async () => {
    const { app, clock } = testApp(ctx.database);
    const fetcher = fetcherFor(app);
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await signInRequest(fetcher, 'clerk2', WRONG, '10.1.0.4');
    clock.advance(LOCKOUT_MS - 1000);
    const almost = await signInRequest(fetcher, 'clerk2', DEMO_PASSWORD, '10.1.0.4');
    expect(almost.status).toBe(423);
    expect(almost.headers.get('retry-after')).toBe('1');

    clock.advance(1000);
    // A wrong password after the lock ran out is the first of a new series, not the sixth.
    expect((await signInRequest(fetcher, 'clerk2', WRONG, '10.1.0.4')).status).toBe(401);
    expect(await staffRow(ctx, 'clerk2')).toMatchObject({ failedLogins: 1, lockedUntil: null });
    expect((await signInRequest(fetcher, 'clerk2', DEMO_PASSWORD, '10.1.0.4')).status).toBe(200);
    expect(await staffRow(ctx, 'clerk2')).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it('forgets earlier failures after a right password: five in a row are needed to lock', async () => {
    const { app } = testApp(ctx.database);
    const fetcher = fetcherFor(app);
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++) await signInRequest(fetcher, 'supervisor', WRONG, '10.1.0.5');
    expect((await signInRequest(fetcher, 'supervisor', DEMO_PASSWORD, '10.1.0.5')).status).toBe(200);
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++) {
      expect((await signInRequest(fetcher, 'supervisor', WRONG, '10.1.0.5')).status).toBe(401);
    }
    expect(await staffRow(ctx, 'supervisor')).toMatchObject({ failedLogins: MAX_FAILED_SIGN_INS - 1, lockedUntil: null });
    expect((await signInRequest(fetcher, 'supervisor', DEMO_PASSWORD, '10.1.0.5')).status).toBe(200);
  });

  it('signs out: the session ends, the cookie is cleared, and the old cookie no longer works', async () => {
    const { app } = testApp(ctx.database);
    const session = await signIn(fetcherFor(app), 'point-clerk', '10.1.0.6');
    const res = await app.request('/api/staff/logout', { method: 'POST', headers: session.headers });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/^lobby_staff=;.*Max-Age=0/);
    const me = await app.request('/api/staff/me', { headers: { cookie: session.cookie } });
    expect(me.status).toBe(401);
    const member = await staffRow(ctx, 'point-clerk');
    expect((await auditActions(ctx, member.id)).slice(-2)).toEqual(['staff.signed_in', 'staff.signed_out']);
  });

  it('refuses a POST that carries the session cookie without its x-csrf-token (403 csrf_failed)', async () => {
    const { app } = testApp(ctx.database);
    const session = await signIn(fetcherFor(app), 'admin', '10.1.0.7');
    // A JSON post, as a page's fetch sends it (a form post from another site never gets this far).
    const json = { cookie: session.cookie, 'content-type': 'application/json' };
    const without = await app.request('/api/staff/logout', { method: 'POST', headers: json, body: '{}' });
    expect(without.status).toBe(403);
    expect(await without.json()).toMatchObject({ code: 'csrf_failed' });
    const wrong = await app.request('/api/staff/logout', { method: 'POST', headers: { ...json, 'x-csrf-token': 'x'.repeat(session.csrfToken.length) }, body: '{}' });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ code: 'csrf_failed' });
    // Nothing happened: the session is still there.
    expect((await app.request('/api/staff/me', { headers: { cookie: session.cookie } })).status).toBe(200);
  });

  it('limits sign-in attempts per address: the 31st in ten minutes gets 429 with Retry-After', async () => {
    const { app } = testApp(ctx.database);
    const fetcher = fetcherFor(app);
    const attempts = await Promise.all(Array.from({ length: 30 }, () => signInRequest(fetcher, 'nobody', WRONG, '10.1.0.8')));
    expect(attempts.map((r) => r.status)).toEqual(Array(30).fill(401));
    const limited = await signInRequest(fetcher, 'admin', DEMO_PASSWORD, '10.1.0.8');
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ code: 'rate_limited' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(500);
    // Another address is not affected.
    expect((await signInRequest(fetcher, 'admin', DEMO_PASSWORD, '10.1.0.9')).status).toBe(200);
  });
});

describeOnPostgres('staff sign-in under concurrency', (ctx) => {
  beforeAll(async () => {
    await seedDemoData(ctx.database.db);
    // Open the pool's connections now, so the attempts below start together.
    await Promise.all(Array.from({ length: 20 }, () => ctx.database.db.execute(sql`select pg_sleep(0.05)`)));
  });

  it('counts 20 simultaneous wrong passwords and locks the account exactly once', async () => {
    const { app } = testApp(ctx.database);
    const fetcher = fetcherFor(app);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => signInRequest(fetcher, 'clerk', WRONG, `10.2.0.${i + 1}`)));
    const member = await staffRow(ctx, 'clerk');
    // Every attempt was checked before any of them locked the account, so every one is counted.
    expect(member.failedLogins).toBe(20);
    expect(member.lockedUntil).not.toBeNull();
    const locks = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'staff.locked'), eq(auditLog.targetId, member.id)));
    expect(locks).toHaveLength(1);
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(MAX_FAILED_SIGN_INS - 1).fill(401), ...Array(20 - MAX_FAILED_SIGN_INS + 1).fill(423)]);
    expect((await signInRequest(fetcher, 'clerk', DEMO_PASSWORD, '10.2.1.1')).status).toBe(423);
  });
});
