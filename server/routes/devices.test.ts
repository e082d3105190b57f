import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { formatPairingCode, isPairingCodeShaped, normalizePairingCode, type PairingStarted } from '../../common/devices.ts';
import { auditLog, devices } from '../../db/schema.ts';
import { testApp } from '../../test/support/app.ts';
import { describeOnDatabases } from '../../test/support/databases.ts';
import { fetcherFor, signIn, type StaffSession } from '../../test/support/sign-in.ts';
import { seedDemoData, type SeedResult } from '../demo-data.ts';
import { PAIRING_MINUTES } from './devices.ts';

describeOnDatabases('device pairing and revocation', (ctx) => {
  let seeded: SeedResult;
  let built: ReturnType<typeof testApp>;
  let admin: StaffSession;

  beforeAll(async () => {
    seeded = (await seedDemoData(ctx.database.db))!;
    built = testApp(ctx.database);
    admin = await signIn(fetcherFor(built.app), 'admin', '10.3.0.1');
  });

  const startPairing = async (kind: 'kiosk' | 'display', ip = '10.3.1.1'): Promise<PairingStarted> => {
    const res = await built.app.request('/api/devices/pairing', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify({ kind }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as PairingStarted;
  };
  const status = async (token: string) =>
    (await built.app.request('/api/devices/pairing/status', { headers: { authorization: `Bearer ${token}` } })).json();
  const deviceMe = (token: string) => built.app.request('/api/device/me', { headers: { authorization: `Bearer ${token}` } });
  const adminPost = (path: string, body: unknown = {}) =>
    built.app.request(path, { method: 'POST', headers: admin.headers, body: JSON.stringify(body) });

  it('pairs a kiosk end to end: code on the device, typed by an admin, the device sees itself active', async () => {
    const started = await startPairing('kiosk');
    expect(isPairingCodeShaped(started.pairingCode)).toBe(true);
    expect(started.token.length).toBeGreaterThanOrEqual(40);
    expect(new Date(started.expiresAt).getTime() - built.clock.now().getTime()).toBe(PAIRING_MINUTES * 60_000);
    // Only hashes are kept.
    const [row] = await ctx.database.db.select().from(devices).where(eq(devices.id, started.deviceId));
    expect(JSON.stringify(row)).not.toContain(started.token);
    expect(JSON.stringify(row)).not.toContain(started.pairingCode);

    expect(await status(started.token)).toEqual({ status: 'pairing' });
    expect((await deviceMe(started.token)).status).toBe(401);

    // Typed as people type it: lower case, with the dash the screen shows.
    const typed = formatPairingCode(started.pairingCode).toLowerCase();
    expect(normalizePairingCode(typed)).toBe(started.pairingCode);
    const paired = await adminPost('/api/admin/devices/pair', { pairingCode: typed, outletId: 'yt-zhishu', name: '直属大队取号机' });
    expect(paired.status).toBe(200);
    expect(await paired.json()).toMatchObject({ id: started.deviceId, kind: 'kiosk', status: 'active', outletId: 'yt-zhishu', name: '直属大队取号机' });

    expect(await status(started.token)).toEqual({ status: 'active', outletId: 'yt-zhishu' });
    const me = await deviceMe(started.token);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      id: started.deviceId, kind: 'kiosk', outletId: 'yt-zhishu', name: '直属大队取号机',
      outletName: { zh: '交警支队直属大队便民服务点', en: expect.any(String) },
    });

    const list = (await (await built.app.request('/api/admin/devices', { headers: { cookie: admin.cookie } })).json()) as { devices: { id: string }[] };
    expect(list.devices.map((d) => d.id)).toContain(started.deviceId);
    const [entry] = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, started.deviceId));
    expect(entry).toMatchObject({ action: 'device.paired', actorKind: 'staff', outletId: 'yt-zhishu' });
  });

  it('refuses a pairing code used once already', async () => {
    const started = await startPairing('display');
    expect((await adminPost('/api/admin/devices/pair', { pairingCode: started.pairingCode, outletId: 'yt-dmv', name: 'A' })).status).toBe(200);
    const again = await adminPost('/api/admin/devices/pair', { pairingCode: started.pairingCode, outletId: 'yt-gaoxin', name: 'B' });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: 'device_pairing_code_invalid' });
    expect(await status(started.token)).toEqual({ status: 'active', outletId: 'yt-dmv' });
  });

  it('refuses an expired pairing code, and tells the waiting device its code expired', async () => {
    const started = await startPairing('kiosk');
    built.clock.advance(PAIRING_MINUTES * 60_000);
    try {
      expect(await status(started.token)).toEqual({ status: 'expired' });
      const late = await adminPost('/api/admin/devices/pair', { pairingCode: started.pairingCode, outletId: 'yt-dmv', name: 'late' });
      expect(late.status).toBe(400);
      expect(await late.json()).toMatchObject({ code: 'device_pairing_code_invalid' });
    } finally {
      built.clock.advance(-PAIRING_MINUTES * 60_000);
    }
  });

  it('refuses a code that was never issued, and an outlet that does not exist', async () => {
    for (const pairingCode of ['ACDE-FGHJ', 'short', '0OIL1SZ2']) {
      const res = await adminPost('/api/admin/devices/pair', { pairingCode, outletId: 'yt-dmv', name: 'x' });
      expect(await res.json()).toMatchObject({ code: 'device_pairing_code_invalid' });
    }
    const started = await startPairing('kiosk');
    const res = await adminPost('/api/admin/devices/pair', { pairingCode: started.pairingCode, outletId: 'nowhere', name: 'x' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'validation_failed', fields: { outletId: 'not_found' } });
    // The failed attempt did not use the code up.
    expect(await status(started.token)).toEqual({ status: 'pairing' });
  });

  it('answers the pairing status only for a token it issued', async () => {
    const res = await built.app.request('/api/devices/pairing/status', { headers: { authorization: 'Bearer not-a-token' } });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'not_found' });
    expect((await built.app.request('/api/devices/pairing/status')).status).toBe(404);
  });

  it('renames a device, audited with the old and new name', async () => {
    const display = seeded.devices.find((d) => d.kind === 'display')!;
    const me = (await (await deviceMe(display.token)).json()) as { id: string; name: string };
    const res = await adminPost(`/api/admin/devices/${me.id}/rename`, { name: '  大厅东侧大屏  ' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: me.id, name: '大厅东侧大屏' });
    const entries = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, me.id));
    expect(entries.at(-1)).toMatchObject({ action: 'device.renamed', details: { from: me.name, to: '大厅东侧大屏' } });
    expect((await adminPost('/api/admin/devices/00000000-0000-4000-8000-000000000000/rename', { name: 'x' })).status).toBe(404);
  });

  it('revokes a device: its token then gets 401 device_revoked, and revoking twice changes nothing', async () => {
    const started = await startPairing('display');
    await adminPost('/api/admin/devices/pair', { pairingCode: started.pairingCode, outletId: 'yt-dmv', name: 'to revoke' });
    const res = await adminPost(`/api/admin/devices/${started.deviceId}/revoke`);
    expect(res.status).toBe(200);
    const revoked = (await res.json()) as { status: string; revokedAt: string };
    expect(revoked).toMatchObject({ status: 'revoked', revokedAt: built.clock.now().toISOString() });

    const me = await deviceMe(started.token);
    expect(me.status).toBe(401);
    expect(await me.json()).toMatchObject({ code: 'device_revoked' });
    expect(await status(started.token)).toEqual({ status: 'revoked' });

    const again = await adminPost(`/api/admin/devices/${started.deviceId}/revoke`);
    expect(await again.json()).toEqual(revoked);
    const entries = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, started.deviceId));
    expect(entries.map((e) => e.action)).toEqual(['device.paired', 'device.revoked']);
  });

  it('leaves devices to admins: a clerk may not list, pair or revoke', async () => {
    const clerk = await signIn(fetcherFor(built.app), 'clerk', '10.3.0.2');
    expect((await built.app.request('/api/admin/devices', { headers: { cookie: clerk.cookie } })).status).toBe(403);
    const started = await startPairing('kiosk');
    const pair = await built.app.request('/api/admin/devices/pair', {
      method: 'POST', headers: clerk.headers, body: JSON.stringify({ pairingCode: started.pairingCode, outletId: 'yt-dmv', name: 'x' }),
    });
    expect(pair.status).toBe(403);
    expect(await status(started.token)).toEqual({ status: 'pairing' });
  });

  it('limits pairing requests per address', async () => {
    for (let i = 0; i < 30; i++) await startPairing('kiosk', '10.3.9.9');
    const res = await built.app.request('/api/devices/pairing', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.3.9.9' }, body: '{"kind":"kiosk"}',
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('lists the active outlets publicly, the office first', async () => {
    const res = await built.app.request('/api/outlets');
    expect(res.status).toBe(200);
    const { outlets } = (await res.json()) as { outlets: { id: string; kind: string; name: { zh: string }; address: { zh: string } }[] };
    expect(outlets.map((o) => o.id)).toEqual(['yt-dmv', 'yt-gaoxin', 'yt-xinjiang', 'yt-zhishu']);
    expect(outlets[3]).toMatchObject({ kind: 'service_point', address: { zh: '月湖区龙虎山大道1号' } });
  });
});
