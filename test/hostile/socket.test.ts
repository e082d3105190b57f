/**
 * The hostile corpus over socket.io (issue 10): handshakes with tokens of the wrong type, revoked
 * or unknown; malformed `outlet:join`, `outlet:snapshot` and `follow:join` payloads; joining
 * another outlet's room (and hearing nothing from it); emits without an acknowledgement, unknown
 * events and a payload over the transport's limit. Every refusal is an acknowledgement (or a
 * `connect_error`) with a stable code from common/errors.ts and no internal detail; nothing is
 * written but the devices' last-seen times; the server keeps serving everyone else.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { ERRORS, type ErrorCode } from '../../common/errors.ts';
import type { Ack, ClientToServerEvents, QueueEvent, ServerToClientEvents } from '../../common/events.ts';
import { describeOnDatabases } from '../support/databases.ts';
import { changedTables, countByFamily, fingerprint, leaksIn } from './harness.ts';
import { idNumber } from './payloads.ts';
import { buildWorld, insertDevice, type World } from './world.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
/** Emits with whatever payload a hostile client sends; the typed contract would not let the test. */
type LooseClient = { emitWithAck(event: string, ...args: unknown[]): Promise<unknown>; emit(event: string, ...args: unknown[]): unknown };

interface HandshakeCase {
  name: string;
  auth?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** `connect_error` with this code, or `anonymous`: connected, but may join nothing. */
  expect: ErrorCode | 'anonymous';
}

interface EmitCase {
  name: string;
  as: 'display' | 'kiosk' | 'anonymous' | 'clerk';
  event: 'outlet:join' | 'outlet:snapshot' | 'follow:join';
  payload: unknown;
  expect: ErrorCode;
}

describeOnDatabases('hostile input over socket.io', (ctx) => {
  let w: World;
  const clients: Client[] = [];
  const counted: { family: string }[] = [];

  beforeAll(async () => {
    w = await buildWorld(ctx.database);
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });
  afterAll(async () => {
    await w?.server.close();
    console.info(`[${ctx.kind}] hostile socket.io cases: ${counted.length}`, countByFamily(counted));
  });

  function open(options: { auth?: Record<string, unknown>; headers?: Record<string, string> } = {}): Client {
    const client: Client = connect(w.url, {
      transports: ['websocket'], reconnection: false, timeout: 5_000,
      ...(options.auth ? { auth: options.auth } : {}),
      ...(options.headers ? { extraHeaders: options.headers } : {}),
    });
    clients.push(client);
    return client;
  }

  /** `connected`, or the code of the refusal. */
  function outcome(client: Client): Promise<'connected' | string> {
    return new Promise((resolve) => {
      client.once('connect', () => resolve('connected'));
      client.once('connect_error', (error: Error & { data?: { code?: string } }) => resolve(error.data?.code ?? error.message));
    });
  }

  async function connected(options: { auth?: Record<string, unknown>; headers?: Record<string, string> } = {}): Promise<Client> {
    const client = open(options);
    expect(await outcome(client)).toBe('connected');
    return client;
  }

  const loose = (client: Client) => client as unknown as LooseClient;

  /** What is wrong with an acknowledgement that must be a refusal with `code`. */
  function judgeAck(ack: unknown, code: ErrorCode, payload: unknown): string[] {
    const problems: string[] = [];
    const error = (ack as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    if (!error) return [`no error: ${JSON.stringify(ack)?.slice(0, 120)}`];
    if (error.code !== code) problems.push(`code ${String(error.code)}, wanted ${code}`);
    if (typeof error.code !== 'string' || !(error.code in ERRORS)) problems.push(`no stable code (${String(error.code)})`);
    if (typeof error.message !== 'string') problems.push('no message');
    const leaks = leaksIn(JSON.stringify(ack), typeof payload === 'string' ? [payload] : []);
    if (leaks.length) problems.push(`leaks ${leaks.join(', ')}`);
    return problems;
  }

  it('refuses handshakes with tokens that are not a paired device\'s, with a stable code', async () => {
    const cases: HandshakeCase[] = [
      { name: 'a token that is a number', auth: { token: 12345 }, expect: 'unauthenticated' },
      { name: 'a token that is an object', auth: { token: { $ne: null } }, expect: 'unauthenticated' },
      { name: 'a token that is an array', auth: { token: [w.kiosk] }, expect: 'unauthenticated' },
      { name: 'an empty token', auth: { token: '' }, expect: 'unauthenticated' },
      { name: 'a token of 201 characters', auth: { token: 'A'.repeat(201) }, expect: 'unauthenticated' },
      { name: 'a token of 100 kB', auth: { token: 'A'.repeat(100_000) }, expect: 'unauthenticated' },
      { name: 'a revoked kiosk', auth: { token: w.revokedKiosk }, expect: 'device_revoked' },
      { name: 'a revoked display', auth: { token: w.revokedDisplay }, expect: 'device_revoked' },
      { name: 'a device never paired', auth: { token: w.unpairedDevice }, expect: 'device_not_paired' },
      { name: 'a token nobody issued', auth: { token: 'nobody-issued-this-token' }, expect: 'device_not_paired' },
      { name: 'SQL for a token', auth: { token: "' OR '1'='1" }, expect: 'device_not_paired' },
      { name: 'U+0000 in a token', auth: { token: 'a\u0000b' }, expect: 'device_not_paired' },
      { name: 'a staff cookie from another site', headers: { cookie: w.admin.cookie, origin: 'https://evil.example' }, expect: 'anonymous' },
      { name: 'a forged staff cookie', headers: { cookie: "lobby_staff=' OR '1'='1" }, expect: 'anonymous' },
      { name: 'a citizen cookie', headers: { cookie: w.bookers[1]!.headers.cookie! }, expect: 'anonymous' },
    ];
    counted.push(...cases.map(() => ({ family: 'handshakes' })));
    const before = await fingerprint(ctx.database);
    const failures: string[] = [];
    for (const c of cases) {
      const client = open({ ...(c.auth ? { auth: c.auth } : {}), ...(c.headers ? { headers: c.headers } : {}) });
      const result = await outcome(client);
      if (c.expect === 'anonymous') {
        if (result !== 'connected') failures.push(`${c.name}: ${result}`);
        else {
          const ack = await client.emitWithAck('outlet:join', { outletId: 'yt-dmv' });
          failures.push(...judgeAck(ack, 'unauthenticated', undefined).map((p) => `${c.name}: join ${p}`));
        }
      } else if (result !== c.expect) failures.push(`${c.name}: ${result}, wanted ${c.expect}`);
      client.disconnect();
    }
    expect(failures).toEqual([]);
    expect(changedTables(before, await fingerprint(ctx.database))).toEqual([]);
  });

  it('answers malformed and unauthorised joins with a stable code, and writes nothing', async () => {
    const bad: [string, unknown][] = [
      ['null', null], ['a string', 'yt-dmv'], ['a number', 42], ['an array', ['yt-dmv']], ['no outlet', {}],
      ['an outlet that is a number', { outletId: 42 }], ['an empty outlet', { outletId: '' }], ['an outlet of 65 characters', { outletId: 'x'.repeat(65) }],
      ['an outlet that is an object', { outletId: { $ne: null } }], ['an outlet that is a list', { outletId: ['yt-dmv'] }],
    ];
    const names: [string, string][] = [
      ['SQL', "yt-dmv' OR '1'='1"], ['script', '<script>alert(1)</script>'], ['U+0000', 'yt-dmv\u0000'], ['another outlet', 'yt-zhishu'], ['an outlet that does not exist', 'nowhere'],
    ];
    const cases: EmitCase[] = [
      ...bad.flatMap(([name, payload]): EmitCase[] => [
        { name: `display joins with ${name}`, as: 'display', event: 'outlet:join', payload, expect: 'validation_failed' },
        { name: `display asks a snapshot with ${name}`, as: 'display', event: 'outlet:snapshot', payload, expect: 'validation_failed' },
        { name: `phone follows with ${name}`, as: 'anonymous', event: 'follow:join', payload, expect: 'validation_failed' },
      ]),
      ...names.flatMap(([name, outletId]): EmitCase[] => [
        { name: `display joins ${name}`, as: 'display', event: 'outlet:join', payload: { outletId }, expect: 'forbidden' },
        { name: `kiosk joins ${name}`, as: 'kiosk', event: 'outlet:join', payload: { outletId }, expect: 'forbidden' },
        { name: `clerk joins ${name}`, as: 'clerk', event: 'outlet:join', payload: { outletId }, expect: 'forbidden' },
        { name: `anonymous joins ${name}`, as: 'anonymous', event: 'outlet:join', payload: { outletId }, expect: 'unauthenticated' },
        { name: `display asks a snapshot of ${name} without joining`, as: 'display', event: 'outlet:snapshot', payload: { outletId }, expect: 'forbidden' },
      ]),
      { name: 'anonymous joins the office', as: 'anonymous', event: 'outlet:join', payload: { outletId: 'yt-dmv' }, expect: 'unauthenticated' },
      { name: 'anonymous asks the office\'s snapshot', as: 'anonymous', event: 'outlet:snapshot', payload: { outletId: 'yt-dmv' }, expect: 'forbidden' },
      { name: 'phone follows a token nobody has', as: 'anonymous', event: 'follow:join', payload: { token: 'A'.repeat(24) }, expect: 'ticket_not_found' },
      { name: 'phone follows with SQL', as: 'anonymous', event: 'follow:join', payload: { token: "' OR '1'='1' -- padding" }, expect: 'ticket_not_found' },
      { name: 'phone follows with U+0000', as: 'anonymous', event: 'follow:join', payload: { token: `${'A'.repeat(20)}\u0000` }, expect: 'ticket_not_found' },
      { name: 'phone follows with script', as: 'anonymous', event: 'follow:join', payload: { token: '<img src=x onerror=alert(1)>' }, expect: 'ticket_not_found' },
      { name: 'phone follows with 15 characters', as: 'anonymous', event: 'follow:join', payload: { token: 'A'.repeat(15) }, expect: 'validation_failed' },
      { name: 'phone follows with 65 characters', as: 'anonymous', event: 'follow:join', payload: { token: 'A'.repeat(65) }, expect: 'validation_failed' },
    ];
    counted.push(...cases.map(() => ({ family: 'events' })));
    const sockets = {
      display: await connected({ auth: { token: w.display } }),
      kiosk: await connected({ auth: { token: w.kiosk } }),
      anonymous: await connected(),
      clerk: await connected({ headers: { cookie: w.clerk.cookie } }),
    };
    // Connecting devices record when they were last seen: the one write a socket may cause.
    const before = await fingerprint(ctx.database);
    const failures: string[] = [];
    for (const c of cases) {
      const ack = await loose(sockets[c.as]).emitWithAck(c.event, c.payload);
      failures.push(...judgeAck(ack, c.expect, c.payload).map((p) => `${c.name}: ${p}`));
    }
    expect(failures).toEqual([]);
    expect(changedTables(before, await fingerprint(ctx.database), ['devices'])).toEqual([]);
    // Refused joins put no one in another outlet's room: a ticket at the service point reaches none of them.
    const heard: QueueEvent[] = [];
    for (const socket of Object.values(sockets)) socket.on('queue:event', (event) => heard.push(event));
    const pointKiosk = await insertDevice(ctx.database.db, 'kiosk', 'active', 'yt-zhishu');
    const res = await fetch(`${w.url}/api/kiosk/walk-ins`, {
      method: 'POST', headers: { authorization: `Bearer ${pointKiosk}`, 'content-type': 'application/json' },
      body: JSON.stringify({ idNumber: idNumber('19750505', '321', '320102'), serviceId: 'ebike-registration' }),
    });
    expect(res.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard.filter((e) => e.outletId === 'yt-zhishu')).toEqual([]);
  });

  it('ignores emits without an acknowledgement and unknown events, and keeps serving', async () => {
    const display = await connected({ auth: { token: w.display } });
    const odd: [string, unknown[]][] = [
      ['outlet:join without an acknowledgement', ['outlet:join', { outletId: 'yt-dmv' }]],
      ['outlet:join with a string for an acknowledgement', ['outlet:join', { outletId: 'yt-dmv' }, 'not a function']],
      ['follow:join without an acknowledgement', ['follow:join', { token: 'A'.repeat(20) }]],
      ['an event the server does not know', ['admin:drop-tables', { all: true }]],
      ['an event named like a room', ['outlet:yt-zhishu', { join: true }]],
      ['a queue event sent by a client', ['queue:event', { outletId: 'yt-dmv', seq: 1e9, type: 'called', ticket: {} }]],
    ];
    counted.push(...odd.map(() => ({ family: 'events' })));
    for (const [, args] of odd) loose(display).emit(...(args as [string, ...unknown[]]));
    const ack = (await display.emitWithAck('outlet:join', { outletId: 'yt-dmv' })) as Ack<{ outletId: string }>;
    expect('data' in ack && ack.data.outletId).toBe('yt-dmv');
    expect(display.connected).toBe(true);
  });

  it('drops a client that sends more than the transport takes, and keeps serving the others', async () => {
    counted.push({ family: 'payload size' }, { family: 'payload size' });
    const bystander = await connected({ auth: { token: w.display } });
    const flooder = await connected({ auth: { token: w.kiosk } });
    const dropped = new Promise<string>((resolve) => flooder.once('disconnect', (reason) => resolve(reason)));
    loose(flooder).emit('outlet:join', { outletId: 'x'.repeat(2_000_000) });
    expect(await dropped).toMatch(/transport (close|error)/);
    const ack = (await bystander.emitWithAck('outlet:join', { outletId: 'yt-dmv' })) as Ack<{ outletId: string }>;
    expect('data' in ack && ack.data.outletId).toBe('yt-dmv');
    // A burst of refused joins is answered, each on its own.
    const burst = await Promise.all(Array.from({ length: 200 }, () => bystander.emitWithAck('outlet:join', { outletId: 'yt-zhishu' })));
    expect(new Set(burst.map((a) => ('error' in a ? a.error.code : 'joined')))).toEqual(new Set(['forbidden']));
    expect((await fetch(`${w.url}/healthz`)).status).toBe(200);
  });
});
