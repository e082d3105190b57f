/**
 * Limits (issue 10): brute force on staff passwords, SMS codes and guides' staff codes is stopped;
 * booking, registration and check-in lookups are limited per address, per person (phone, ID
 * number, citizen) and per kiosk, each refusal a 429 `rate_limited` (or its own code) with
 * `Retry-After` and nothing written; request bodies are cut off at their limits, streamed or not;
 * every page and API answer carries the security headers, and the pages' HTML holds nothing their
 * CSP would refuse. Limits of hundreds are tested by setting their counter one short of the limit.
 */
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { devices, outbox, rateLimits } from '../../db/schema.ts';
import { DEMO_PASSWORD } from '../../server/demo-data.ts';
import { TINY_PDF } from '../../server/firms/fixtures.ts';
import type { Limit } from '../../server/http/rate-limit.ts';
import { BOOKING_PER_CITIZEN, BOOKING_PER_IP, VOUCHER_CHECK_PER_KIOSK } from '../../server/routes/bookings.ts';
import { REGISTER_PER_ID_NUMBER, REGISTER_PER_IP } from '../../server/routes/citizens.ts';
import { PAIRING_PER_IP } from '../../server/routes/devices.ts';
import { CHECK_IN_PER_ID_NUMBER, CHECK_IN_PER_KIOSK, STAFF_CODE_PER_KIOSK } from '../../server/routes/kiosk.ts';
import { SIGN_IN_PER_IP } from '../../server/routes/staff.ts';
import { SMS_LIMITS } from '../../server/citizens/sms-codes.ts';
import { CITIZEN_COOKIE, createSession } from '../../server/auth/sessions.ts';
import { hashToken } from '../../server/auth/tokens.ts';
import { describeOnDatabases } from '../support/databases.ts';
import { changedTables, fingerprint, judgeRefusal, send, type Answer, type HttpCase } from './harness.ts';
import { idNumber } from './payloads.ts';
import { buildWorld, insertDevice, type World } from './world.ts';

describeOnDatabases('limits and headers', (ctx) => {
  let w: World;

  beforeAll(async () => {
    w = await buildWorld(ctx.database);
  });
  afterAll(async () => {
    await w?.server.close();
  });

  const db = () => ctx.database.db;
  const ipHash = (ip: string) => w.server.privacy.hash('ip', ip);

  /** Sets `limit`'s counter for `key` so that `left` more uses pass. */
  async function usedUpBut(limit: Limit, key: string, left: number): Promise<void> {
    const row = { key: `${limit.name}:${key}`, points: limit.points - left, expire: new Date(Date.now() + limit.durationSeconds * 1000) };
    await db().insert(rateLimits).values(row).onConflictDoUpdate({ target: rateLimits.key, set: { points: row.points, expire: row.expire } });
  }

  /** Sends `c` and insists it is refused as `c.expect` says, with `Retry-After` at most `limit`'s window, writing nothing. */
  async function expectLimited(c: HttpCase, limit?: Limit): Promise<Answer> {
    const before = await fingerprint(ctx.database);
    const answer = await send(w.url, c);
    expect(judgeRefusal(c, answer), c.name).toEqual([]);
    const retryAfter = Number(answer.headers.get('retry-after'));
    expect(retryAfter, `${c.name}: Retry-After`).toBeGreaterThan(0);
    if (limit) expect(retryAfter).toBeLessThanOrEqual(limit.durationSeconds);
    expect(changedTables(before, await fingerprint(ctx.database), c.mayWrite), c.name).toEqual([]);
    return answer;
  }

  const codeOf = (answer: Answer) => (JSON.parse(answer.text) as { code?: string }).code;
  const kiosk = (token: string) => ({ authorization: `Bearer ${token}` });

  it('locks a staff account after five wrong passwords, and says when to come back', async () => {
    const attempt = (password: string, ip: string) => send(w.url, { path: '/api/staff/login', headers: { 'x-forwarded-for': ip }, json: { username: 'clerk2', password } });
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 5; i++) codes.push(codeOf(await attempt(`guess-${i}`, `10.51.0.${i + 1}`)));
    // The fifth wrong one is the one that locks.
    expect(codes).toEqual([...Array(4).fill('login_failed'), 'account_locked']);
    // Locked: the right password too, from anywhere.
    await expectLimited({ family: 'limits', name: 'the right password while locked', path: '/api/staff/login', headers: { 'x-forwarded-for': '10.51.1.1' }, json: { username: 'clerk2', password: DEMO_PASSWORD }, expect: 'account_locked', mayWrite: ['audit_log'] });
  });

  it(`stops password guessing from one address after ${SIGN_IN_PER_IP.points} tries in ${SIGN_IN_PER_IP.durationSeconds / 60} minutes`, async () => {
    // Each try costs a scrypt: the counter is set one short of the limit instead of made by 29 tries.
    const ip = '10.52.0.1';
    await usedUpBut(SIGN_IN_PER_IP, ipHash(ip), 1);
    expect(codeOf(await send(w.url, { path: '/api/staff/login', headers: { 'x-forwarded-for': ip }, json: { username: 'nobody', password: 'guess' } }))).toBe('login_failed');
    await expectLimited({ family: 'limits', name: 'one more try', path: '/api/staff/login', headers: { 'x-forwarded-for': ip }, json: { username: 'admin', password: DEMO_PASSWORD }, expect: 'rate_limited' }, SIGN_IN_PER_IP);
    // Another address is not held back by it.
    expect(codeOf(await send(w.url, { path: '/api/staff/login', headers: { 'x-forwarded-for': '10.52.0.2' }, json: { username: 'nobody', password: 'guess' } }))).toBe('login_failed');
  });

  /** A WeChat user who has not registered yet, signed in. */
  async function newcomer(): Promise<Record<string, string>> {
    const session = await createSession(db(), { openid: `o-limits-${randomUUID()}`, citizenId: null }, w.server.clock.now());
    return { cookie: `${CITIZEN_COOKIE}=${session.token}`, 'x-csrf-token': session.csrfToken };
  }

  async function smsCodeSentTo(phone: string): Promise<string> {
    const rows = await db().select().from(outbox).where(eq(outbox.channel, 'sms')).orderBy(desc(outbox.id)).limit(20);
    const sent = rows.find((r) => w.server.privacy.decrypt(r.recipient) === phone);
    return String(sent!.payload.code);
  }

  it('lets an SMS code be tried five times, then not even the right code; a new code only after the cooldown', async () => {
    const headers = await newcomer();
    const phone = '13911112222';
    expect((await send(w.url, { path: '/api/citizen/sms-code', headers: { ...headers, 'x-forwarded-for': '10.53.0.1' }, json: { phone } })).status).toBe(200);
    const right = await smsCodeSentTo(phone);
    const wrong = right === '000000' ? '111111' : '000000';
    const register = (smsCode: string, ip: string): Pick<HttpCase, 'path' | 'headers' | 'json'> => ({
      path: '/api/citizen/register', headers: { ...headers, 'x-forwarded-for': ip }, json: { name: '李四', idNumber: idNumber('19900101', '551'), phone, smsCode },
    });
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 5; i++) codes.push(codeOf(await send(w.url, register(wrong, `10.53.1.${i + 1}`))));
    expect(codes).toEqual(Array(5).fill('sms_code_wrong'));
    await expectLimited({ family: 'limits', name: 'the right code after five wrong ones', ...register(right, '10.53.2.1'), expect: 'sms_code_attempts_exceeded' });
    await expectLimited({ family: 'limits', name: 'a new code within the cooldown', path: '/api/citizen/sms-code', headers: { ...headers, 'x-forwarded-for': '10.53.3.1' }, json: { phone }, expect: 'sms_cooldown' }, SMS_LIMITS.cooldown);
  });

  it(`sends at most ${SMS_LIMITS.perIpHourly.points} SMS codes an hour to one address`, async () => {
    const headers = { ...(await newcomer()), 'x-forwarded-for': '10.54.0.1' };
    for (let i = 0; i < SMS_LIMITS.perIpHourly.points; i++) {
      expect((await send(w.url, { path: '/api/citizen/sms-code', headers, json: { phone: `1390054${String(i).padStart(4, '0')}` } })).status).toBe(200);
    }
    await expectLimited({ family: 'limits', name: 'one more SMS code', path: '/api/citizen/sms-code', headers, json: { phone: '13900549999' }, expect: 'rate_limited' }, SMS_LIMITS.perIpHourly);
  });

  it(`refuses registration tries beyond ${REGISTER_PER_IP.points} an hour from one address and ${REGISTER_PER_ID_NUMBER.points} for one ID number`, async () => {
    const headers = await newcomer();
    await usedUpBut(REGISTER_PER_IP, ipHash('10.55.0.1'), 1);
    const body = { name: '王五', idNumber: idNumber('19910101', '552'), phone: '13955550000', smsCode: '123456' };
    expect(codeOf(await send(w.url, { path: '/api/citizen/register', headers: { ...headers, 'x-forwarded-for': '10.55.0.1' }, json: body }))).toBe('sms_code_expired');
    await expectLimited({ family: 'limits', name: 'one more from that address', path: '/api/citizen/register', headers: { ...headers, 'x-forwarded-for': '10.55.0.1' }, json: body, expect: 'rate_limited' }, REGISTER_PER_IP);

    // One ID number from many addresses (and many phones): each try costs an SMS code, but not more than this.
    const id = idNumber('19920202', '553');
    const tries = await Promise.all(Array.from({ length: REGISTER_PER_ID_NUMBER.points }, (_, i) => send(w.url, {
      path: '/api/citizen/register', headers: { ...headers, 'x-forwarded-for': `10.55.1.${i + 1}` }, json: { ...body, idNumber: id, phone: `1395556${String(i).padStart(4, '0')}` },
    })));
    expect(new Set(tries.map(codeOf))).toEqual(new Set(['sms_code_expired']));
    await expectLimited({ family: 'limits', name: 'one more for that ID number', path: '/api/citizen/register', headers: { ...headers, 'x-forwarded-for': '10.55.2.1' }, json: { ...body, idNumber: ` ${id.toLowerCase()} ` }, expect: 'rate_limited' }, REGISTER_PER_ID_NUMBER);
  });

  it(`refuses bookings beyond ${BOOKING_PER_CITIZEN.points} a minute from one citizen and ${BOOKING_PER_IP.points} from one address`, async () => {
    const book = (headers: Record<string, string>): Pick<HttpCase, 'path' | 'headers' | 'json'> => ({
      path: '/api/bookings', headers,
      json: { kind: 'personal', serviceId: 'mv-transfer', outletId: 'yt-dmv', slotId: w.slots.full, idempotencyKey: randomUUID(), details: {} },
    });
    // The citizen's submits, refused or not, from two addresses.
    const citizen = w.bookers[2]!;
    const answers = await Promise.all(Array.from({ length: BOOKING_PER_CITIZEN.points }, (_, i) => send(w.url, book({ ...citizen.headers, 'x-forwarded-for': `10.56.0.${(i % 2) + 1}` }))));
    expect(new Set(answers.map(codeOf))).toEqual(new Set(['slot_full']));
    await expectLimited({ family: 'limits', name: 'one more from that citizen', ...book({ ...citizen.headers, 'x-forwarded-for': '10.56.0.3' }), expect: 'rate_limited' }, BOOKING_PER_CITIZEN);
    const rescheduled = await send(w.url, { path: `/api/bookings/${w.other.bookingId}/reschedule`, headers: { ...w.other.headers, 'x-forwarded-for': '10.56.1.1' }, json: { slotId: w.slots.tomorrowOther, idempotencyKey: randomUUID() } });
    expect(rescheduled.status).not.toBe(429);

    // An address near its limit: the next submit passes the limiter, the one after is refused, for anyone there.
    await usedUpBut(BOOKING_PER_IP, ipHash('10.56.2.1'), 1);
    expect(codeOf(await send(w.url, book({ ...w.bookers[1]!.headers, 'x-forwarded-for': '10.56.2.1' })))).toBe('slot_full');
    await expectLimited({ family: 'limits', name: 'one more from that address', ...book({ ...w.bookers[3]!.headers, 'x-forwarded-for': '10.56.2.1' }), expect: 'rate_limited' }, BOOKING_PER_IP);
  });

  it(`refuses check-in lookups beyond ${CHECK_IN_PER_ID_NUMBER.points} for one ID number in ${CHECK_IN_PER_ID_NUMBER.durationSeconds / 60} minutes at any kiosk, and ${CHECK_IN_PER_KIOSK.points} a minute per kiosk`, async () => {
    const holder = w.holders[5]!;
    const second = await insertDevice(db(), 'kiosk', 'active');
    const tries = await Promise.all(Array.from({ length: CHECK_IN_PER_ID_NUMBER.points }, (_, i) => send(w.url, {
      path: '/api/kiosk/check-in', headers: kiosk(i % 2 ? w.kiosk : second), json: { idNumber: holder.idNumber, appointmentNo: `9${String(i).padStart(11, '0')}` },
    })));
    expect(new Set(tries.map(codeOf))).toEqual(new Set(['appointment_not_found']));
    // The right number now: the ID card has been used to guess too often.
    await expectLimited({ family: 'limits', name: 'one more for that ID number, at a walk-in', path: '/api/kiosk/walk-ins', headers: kiosk(w.kiosk), json: { idNumber: holder.idNumber.toLowerCase(), serviceId: 'violation' }, expect: 'rate_limited' }, CHECK_IN_PER_ID_NUMBER);
    await expectLimited({ family: 'limits', name: 'and at check-in', path: '/api/kiosk/check-in', headers: kiosk(second), json: { idNumber: holder.idNumber, appointmentNo: holder.booking.appointmentNo }, expect: 'rate_limited' }, CHECK_IN_PER_ID_NUMBER);

    const busy = await insertDevice(db(), 'kiosk', 'active');
    const [device] = await db().select({ id: devices.id }).from(devices).where(eq(devices.tokenHash, hashToken(busy)));
    await usedUpBut(CHECK_IN_PER_KIOSK, device!.id, 1);
    expect(codeOf(await send(w.url, { path: '/api/kiosk/walk-ins', headers: kiosk(busy), json: { idNumber: idNumber('19800808', '554'), serviceId: 'no-such-service' } }))).not.toBe('rate_limited');
    await expectLimited({ family: 'limits', name: 'one more at that kiosk', path: '/api/kiosk/check-in', headers: kiosk(busy), json: { idNumber: w.holders[4]!.idNumber, appointmentNo: w.holders[4]!.booking.appointmentNo }, expect: 'rate_limited' }, CHECK_IN_PER_KIOSK);
    await usedUpBut(VOUCHER_CHECK_PER_KIOSK, device!.id, 0);
    await expectLimited({ family: 'limits', name: 'a voucher check at that kiosk', path: '/api/vouchers/verify', headers: kiosk(busy), json: { token: w.holders[4]!.token }, expect: 'rate_limited' }, VOUCHER_CHECK_PER_KIOSK);
  });

  it(`stops guessing guides' staff codes after ${STAFF_CODE_PER_KIOSK.points} tries per kiosk, and device pairing after ${PAIRING_PER_IP.points} per address`, async () => {
    const token = w.spareKiosks[5]!;
    const guess = (code: string): Pick<HttpCase, 'path' | 'headers' | 'json'> => ({ path: `/api/kiosk/tickets/${w.checkedIn.ticketId}/green`, headers: kiosk(token), json: { staffCode: code, reason: 'disability' } });
    for (let i = 0; i < STAFF_CODE_PER_KIOSK.points; i++) expect(codeOf(await send(w.url, guess(`99999${i}`)))).toBe('staff_code_invalid');
    await expectLimited({ family: 'limits', name: 'a sixth staff code', ...guess('246810'), expect: 'rate_limited' }, STAFF_CODE_PER_KIOSK);

    await usedUpBut(PAIRING_PER_IP, ipHash('10.57.0.1'), 0);
    await expectLimited({ family: 'limits', name: 'one more pairing', path: '/api/devices/pairing', headers: { 'x-forwarded-for': '10.57.0.1' }, json: { kind: 'kiosk' }, expect: 'rate_limited' }, PAIRING_PER_IP);
  });

  /**
   * A body streamed in chunks without `Content-Length`, on a connection of its own (node:http, no
   * pooling): the server answers 413 while the client is still sending, and ends that connection.
   */
  function streamed(path: string, headers: Record<string, string>, bytes: number, method = 'POST'): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = request(`${w.url}${path}`, { method, headers: { ...headers, 'transfer-encoding': 'chunked' }, agent: false }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () => {
          const answerHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') answerHeaders.set(name, value);
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8'), headers: answerHeaders });
        });
      });
      // The server may stop reading once it has answered: a write after that is not the test's failure.
      req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < bytes) {
          const next = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
          sent += next.length;
          if (!req.write(next)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
  }

  it('cuts request bodies off at 64 KB, and power-of-attorney uploads at 5 MB, streamed or not', async () => {
    const json = { 'content-type': 'application/json' };
    const exactly = (n: number) => `{"username":"${'u'.repeat(n - 30)}","password":"x"}`;
    expect(exactly(64 * 1024)).toHaveLength(64 * 1024);
    const at = await send(w.url, { path: '/api/staff/login', headers: { ...json, 'x-forwarded-for': '10.58.0.1' }, raw: exactly(64 * 1024) });
    expect(codeOf(at)).toBe('validation_failed');
    const over: HttpCase = { family: 'limits', name: 'one byte more', path: '/api/staff/login', headers: { ...json, 'x-forwarded-for': '10.58.0.2' }, raw: exactly(64 * 1024 + 1), expect: 'payload_too_large' };
    expect(judgeRefusal(over, await send(w.url, over))).toEqual([]);

    const before = await fingerprint(ctx.database);
    const chunked = await streamed('/api/bookings', { ...w.bookers[1]!.headers, ...json }, 200 * 1024);
    expect([chunked.status, codeOf(chunked)]).toEqual([413, 'payload_too_large']);
    const upload = `/api/citizen/agencies/${w.pendingAgentId}/power-of-attorney`;
    const bigUpload = await streamed(upload, { ...w.bookers[0]!.headers, 'content-type': 'application/pdf' }, 6 * 1024 * 1024, 'PUT');
    expect([bigUpload.status, codeOf(bigUpload)]).toEqual([413, 'payload_too_large']);
    expect(changedTables(before, await fingerprint(ctx.database))).toEqual([]);

    // Exactly 5 MB is a letter a phone may well take.
    const fiveMb = Buffer.concat([TINY_PDF, Buffer.alloc(5 * 1024 * 1024 - TINY_PDF.length, 0x20)]);
    const stored = await send(w.url, { method: 'PUT', path: upload, headers: { ...w.bookers[0]!.headers, 'content-type': 'application/pdf' }, raw: fiveMb });
    expect(stored.status, stored.text).toBe(201);
  });

  const PAGES = ['/h5/', '/kiosk/', '/display/', '/console/'] as const;

  function expectSecurityHeaders(headers: Headers, what: string): void {
    const csp = headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
    expect(directives, what).toMatchObject({
      'default-src': ["'self'"], 'script-src': ["'self'"], 'style-src': ["'self'"], 'object-src': ["'none'"],
      'frame-ancestors': ["'none'"], 'base-uri': ["'self'"],
    });
    for (const directive of ['script-src', 'style-src', 'default-src']) {
      expect(directives[directive]!.join(' '), `${what}: ${directive}`).not.toMatch(/unsafe-inline|unsafe-eval|\*|data:|http:/);
    }
    expect(headers.get('x-content-type-options'), what).toBe('nosniff');
    expect(headers.get('x-frame-options'), what).toMatch(/^(DENY|SAMEORIGIN)$/);
    expect(headers.get('referrer-policy'), what).toBe('no-referrer');
    expect(headers.get('strict-transport-security'), what).toMatch(/max-age=\d+/);
    expect(headers.get('cross-origin-opener-policy'), what).toBe('same-origin');
    expect(headers.get('x-powered-by'), what).toBeNull();
    expect(headers.get('access-control-allow-origin'), what).toBeNull();
  }

  it('sends the CSP and the other security headers with every page, API answer and error', async () => {
    const targets: [string, RequestInit][] = [
      ...PAGES.map((page): [string, RequestInit] => [page, {}]),
      ['/api/outlets', {}],
      ['/api/notices?outletId=yt-dmv', { headers: { origin: 'https://evil.example' } }],
      ['/api/staff/me', {}],
      ['/api/no-such-route', {}],
      ['/healthz', {}],
      ['/openapi.json', {}],
      ['/api/bookings', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-csrf-token' } }],
    ];
    for (const [path, init] of targets) {
      const res = await fetch(`${w.url}${path}`, init);
      await res.arrayBuffer();
      expect(res.status, path).toBeLessThan(500);
      expectSecurityHeaders(res.headers, path);
    }
  });

  it('serves pages whose HTML holds no inline script, handler or style for the CSP to refuse', async () => {
    for (const page of PAGES) {
      const html = await (await fetch(`${w.url}${page}`)).text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length, page).toBeGreaterThan(0);
      for (const [, attributes, content] of scripts) {
        expect(attributes, page).toMatch(/\bsrc="\/assets\//);
        expect(content!.trim(), page).toBe('');
      }
      expect(html, page).not.toMatch(/\son[a-z]+\s*=|<style\b|\sstyle\s*=|javascript:/i);
      // Everything from this site (the empty favicon is a data: URL, which img-src allows).
      for (const [, src] of html.matchAll(/\b(?:src|href)="([^"]+)"/g)) expect(src, page).toMatch(/^\/(?!\/)|^data:,$/);
    }
  });

  it('serves an uploaded power of attorney sandboxed, with its sniffed type, never as a page of this site', async () => {
    // Approve needs nothing more; the file is the 5 MB letter uploaded above or a fresh one.
    const upload = await send(w.url, { method: 'PUT', path: `/api/citizen/agencies/${w.pendingAgentId}/power-of-attorney`, headers: { ...w.bookers[0]!.headers, 'content-type': 'text/html; charset=utf-8', origin: w.url }, raw: TINY_PDF });
    expect([201, 409]).toContain(upload.status);
    const res = await fetch(`${w.url}/api/admin/agents/${w.pendingAgentId}/power-of-attorney`, { headers: { cookie: w.admin.cookie } });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-security-policy')).toMatch(/^sandbox;/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="power-of-attorney-[\w-]+\.pdf"$/);
  });

  it('sets session cookies httpOnly and SameSite, Secure behind TLS', async () => {
    const res = await fetch(`${w.url}/api/staff/login`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.59.0.1', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ username: 'guide', password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('lobby_staff='))!;
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
  });
});
