/** The live connections over a real port: who may connect, which outlet rooms they may join, and revocation. */
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Ack, ClientToServerEvents, OutletSnapshot, ServerToClientEvents } from '../../common/events.ts';
import type { PairingStarted } from '../../common/devices.ts';
import { startTestServer, type RunningServer } from '../../test/support/app.ts';
import { describeOnDatabases } from '../../test/support/databases.ts';
import { fetcherFor, signIn, type StaffSession } from '../../test/support/sign-in.ts';
import { seedDemoData, type SeedResult } from '../demo-data.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

describeOnDatabases('live connections', (ctx) => {
  let seeded: SeedResult;
  let server: RunningServer;
  let admin: StaffSession;
  const clients: Client[] = [];

  beforeAll(async () => {
    seeded = (await seedDemoData(ctx.database.db))!;
    server = await startTestServer(ctx.database);
    admin = await signIn(fetcherFor(server.url), 'admin', '10.4.0.1');
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });
  afterAll(async () => {
    await server?.close();
  });

  function open(options: { token?: string; cookie?: string } = {}): Client {
    const client: Client = connect(server.url, {
      transports: ['websocket'],
      reconnection: false,
      ...(options.token ? { auth: { token: options.token } } : {}),
      ...(options.cookie ? { extraHeaders: { cookie: options.cookie } } : {}),
    });
    clients.push(client);
    return client;
  }

  /** Resolves when connected; rejects with the server's refusal code. */
  function connected(client: Client): Promise<void> {
    return new Promise((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('connect_error', (error) => reject(new Error(error.message)));
    });
  }

  const join = (client: Client, outletId: string): Promise<Ack<OutletSnapshot>> => client.emitWithAck('outlet:join', { outletId });
  const token = (kind: 'kiosk' | 'display') => seeded.devices.find((d) => d.kind === kind)!.token;

  async function pairedDevice(outletId: string): Promise<PairingStarted> {
    const started = (await (await fetch(`${server.url}/api/devices/pairing`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.4.1.1' }, body: '{"kind":"display"}',
    })).json()) as PairingStarted;
    const res = await fetch(`${server.url}/api/admin/devices/pair`, {
      method: 'POST', headers: admin.headers, body: JSON.stringify({ pairingCode: started.pairingCode, outletId, name: 'live test display' }),
    });
    expect(res.status).toBe(200);
    return started;
  }

  it("lets a device join its own outlet's room, with a snapshot, and no other outlet's", async () => {
    const kiosk = open({ token: token('kiosk') });
    await connected(kiosk);
    const own = await join(kiosk, 'yt-dmv');
    expect(own).toMatchObject({ data: { outletId: 'yt-dmv', seq: expect.any(Number), tickets: [] } });
    expect(await join(kiosk, 'yt-zhishu')).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('lets staff join only the outlets they are bound to', async () => {
    const clerk = await signIn(fetcherFor(server.url), 'clerk', '10.4.0.2');
    const socket = open({ cookie: clerk.cookie });
    await connected(socket);
    expect(await join(socket, 'yt-dmv')).toHaveProperty('data');
    expect(await join(socket, 'yt-gaoxin')).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('lets an anonymous client connect but not join an outlet (for now)', async () => {
    const anonymous = open();
    await connected(anonymous);
    expect(await join(anonymous, 'yt-dmv')).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('refuses the handshake of a token that is unknown or still waiting to be paired', async () => {
    await expect(connected(open({ token: 'made-up-token' }))).rejects.toThrow('device_not_paired');
    const waiting = (await (await fetch(`${server.url}/api/devices/pairing`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.4.1.2' }, body: '{"kind":"kiosk"}',
    })).json()) as PairingStarted;
    await expect(connected(open({ token: waiting.token }))).rejects.toThrow('device_not_paired');
  });

  it('drops a device the moment it is revoked, and refuses its token afterwards', async () => {
    const device = await pairedDevice('yt-xinjiang');
    const display = open({ token: device.token });
    await connected(display);
    expect(await join(display, 'yt-xinjiang')).toHaveProperty('data');
    const watcher = open({ token: token('display') });
    await connected(watcher);

    const dropped = new Promise<{ reason: string; at: number }>((resolve) => display.once('disconnect', (reason) => resolve({ reason, at: Date.now() })));
    const revokedAt = Date.now();
    const res = await fetch(`${server.url}/api/admin/devices/${device.deviceId}/revoke`, { method: 'POST', headers: admin.headers, body: '{}' });
    expect(res.status).toBe(200);
    const { reason, at } = await dropped;
    expect(reason).toBe('io server disconnect');
    expect(at - revokedAt).toBeLessThan(1000);
    // Only that device: another device's connection stays.
    expect(watcher.connected).toBe(true);

    await expect(connected(open({ token: device.token }))).rejects.toThrow('device_revoked');
  });

  it("drops a staff member's sockets when they sign out", async () => {
    const guide = await signIn(fetcherFor(server.url), 'guide', '10.4.0.3');
    const socket = open({ cookie: guide.cookie });
    await connected(socket);
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect((await fetch(`${server.url}/api/staff/logout`, { method: 'POST', headers: guide.headers, body: '{}' })).status).toBe(204);
    expect(await dropped).toBe('io server disconnect');
  });

  it('ignores the staff cookie on a handshake from another site', async () => {
    const clerk = await signIn(fetcherFor(server.url), 'clerk', '10.4.0.4');
    const client: Client = connect(server.url, {
      transports: ['websocket'], reconnection: false,
      extraHeaders: { cookie: clerk.cookie, origin: 'https://evil.example' },
    });
    clients.push(client);
    await connected(client);
    expect(await join(client, 'yt-dmv')).toMatchObject({ error: { code: 'unauthenticated' } });
  });
});
