/**
 * Registration with real name on the H5 API: SMS codes and their limits, every refusal with its
 * code and both sentences, and the one transaction that binds the WeChat user to the new citizen.
 * Refused input writes no citizen.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { and, count, desc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { ERRORS, type ErrorCode } from '../../common/errors.ts';
import { idCheckChar } from '../../common/id-number.ts';
import { maskIdNumber, maskPhone } from '../../common/mask.ts';
import { auditLog, citizens, outbox, rateLimits, sessions, smsCodes } from '../../db/schema.ts';
import { testApp } from '../../test/support/app.ts';
import { describeOnDatabases } from '../../test/support/databases.ts';
import { dumpDatabase } from '../../test/support/dump.ts';
import { signInWithWechat, viaApp, wechatConfigOf, type SignedIn } from '../../test/support/wechat.ts';
import { CITIZEN_COOKIE } from '../auth/sessions.ts';
import { hashToken } from '../auth/tokens.ts';
import { startFakeWechat, type FakeWechat } from '../wechat/fake-server.ts';

/** A valid ID number born on `birth` (`YYYYMMDD`). */
function idNumber(birth: string, sequence = '123'): string {
  const first17 = `360102${birth}${sequence}`;
  return `${first17}${idCheckChar(first17)}`;
}

/** A wrong check character for the same 17 digits. */
function withWrongChecksum(id: string): string {
  const right = id[17]!;
  return `${id.slice(0, 17)}${right === '1' ? '2' : '1'}`;
}

describeOnDatabases('citizen registration', (ctx) => {
  const dataKey = randomBytes(32);
  let fake: FakeWechat;
  let serial = 0;
  /** Every phone and ID number the suite used: none may appear in plaintext in the database. */
  const used: { phone: string; id: string }[] = [];
  /** Each test its own phone, address and WeChat user, so limits and bindings never meet by accident. */
  const next = () => {
    serial += 1;
    const person = {
      phone: `1391200${String(serial).padStart(4, '0')}`,
      ip: `198.51.100.${serial}`,
      nickname: `注册测试${serial}`,
      id: idNumber('19900307', String(100 + serial)),
    };
    used.push(person);
    return person;
  };

  beforeAll(async () => {
    fake = await startFakeWechat();
  });
  afterAll(async () => {
    await fake?.close();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function setup(options: { logTo?: Writable } = {}) {
    const person = next();
    const built = testApp(ctx.database, { wechat: wechatConfigOf(fake), dataKey, ...(options.logTo ? { logTo: options.logTo } : {}) });
    const user = await signInWithWechat(viaApp(built.app), person.nickname, { ip: person.ip });
    return { ...person, built, user };
  }

  const sendCode = (user: SignedIn, phone: string) => user.request('/api/citizen/sms-code', { json: { phone } });

  /** The code the development SMS provider "sent" to `phone`, from the outbox. */
  async function codeSentTo(built: ReturnType<typeof testApp>, phone: string): Promise<string> {
    const rows = await ctx.database.db.select().from(outbox).where(eq(outbox.channel, 'sms')).orderBy(desc(outbox.id)).limit(50);
    const row = rows.find((r) => built.privacy.decrypt(r.recipient) === phone);
    if (!row) throw new Error(`no SMS to ${phone}`);
    return String(row.payload.code);
  }

  async function citizenCount(): Promise<number> {
    const [row] = await ctx.database.db.select({ n: count() }).from(citizens);
    return row!.n;
  }

  async function expectRefused(res: Response, code: ErrorCode) {
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ code, message: ERRORS[code].zh, messageEn: ERRORS[code].en, requestId: expect.any(String) });
    expect(res.status).toBe(ERRORS[code].status);
    return body;
  }

  it('registers a WeChat user with name, ID number, phone and SMS code, and shows the profile masked', async () => {
    const { built, user, phone, id, nickname, ip } = await setup();
    const sent = await sendCode(user, phone);
    expect(sent.status).toBe(200);
    expect(await sent.json()).toEqual({ cooldownSeconds: 60, expiresInSeconds: 300 });
    const smsCode = await codeSentTo(built, phone);
    expect(smsCode).toMatch(/^\d{6}$/);

    const res = await user.request('/api/citizen/register', { json: { name: '张小三', idNumber: id.toLowerCase(), phone, smsCode } });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      openidBound: true, registered: true, csrfToken: user.csrfToken,
      profile: { name: '张*三', idNumber: maskIdNumber(id), phone: maskPhone(phone) },
    });

    const [row] = await ctx.database.db.select().from(citizens).where(eq(citizens.idNumberHash, built.privacy.hash('id_number', id)));
    expect(row).toMatchObject({ name: '张小三', birthDate: '1990-03-07', phoneHash: built.privacy.hash('phone', phone), openid: fake.users().find((u) => u.nickname === nickname)!.openid });
    expect(built.privacy.decrypt(row!.idNumberEnc)).toBe(id);
    expect(built.privacy.decrypt(row!.phoneEnc)).toBe(phone);
    expect(JSON.stringify(row)).not.toContain(phone);
    expect(JSON.stringify(row)).not.toContain(id.slice(0, 17));
    const [session] = await ctx.database.db.select().from(sessions).where(eq(sessions.tokenHash, hashToken(user.jar.get(CITIZEN_COOKIE)!)));
    expect(session!.citizenId).toBe(row!.id);

    const me = await user.request('/api/citizen/me');
    expect(await me.json()).toMatchObject({ registered: true, profile: { name: '张*三' } });
    // Signing in again later finds the registration.
    const later = await signInWithWechat(viaApp(built.app), nickname, { ip });
    expect(await (await later.request('/api/citizen/me')).json()).toMatchObject({ registered: true, profile: { idNumber: maskIdNumber(id) } });
  });

  it('refuses each bad field with its own code and both sentences, writes nothing, and leaves the SMS code usable', async () => {
    const { built, user, phone, id } = await setup();
    await sendCode(user, phone);
    const smsCode = await codeSentTo(built, phone);
    const good = { name: '李四', idNumber: id, phone, smsCode };
    const before = await citizenCount();

    const cases: { input: Partial<typeof good>; code: ErrorCode; field: string }[] = [
      { input: { idNumber: withWrongChecksum(id) }, code: 'id_number_checksum', field: 'idNumber' },
      { input: { idNumber: idNumber('19900230') }, code: 'id_number_birth_date', field: 'idNumber' },
      { input: { idNumber: idNumber('20261124') }, code: 'id_number_birth_date', field: 'idNumber' }, // tomorrow
      { input: { idNumber: id.slice(0, 17) }, code: 'id_number_format', field: 'idNumber' },
      { input: { idNumber: `${id.slice(0, 16)}AB` }, code: 'id_number_format', field: 'idNumber' },
      { input: { phone: '12812345678' }, code: 'phone_invalid', field: 'phone' },
      { input: { phone: '1381234567' }, code: 'phone_invalid', field: 'phone' },
      { input: { name: '李' }, code: 'name_invalid', field: 'name' },
      { input: { name: '李4' }, code: 'name_invalid', field: 'name' },
    ];
    for (const { input, code, field } of cases) {
      const res = await user.request('/api/citizen/register', { json: { ...good, ...input } });
      const body = await expectRefused(res, code);
      expect(body.fields, JSON.stringify(input)).toEqual({ [field]: code });
    }
    // Several at once: the first in the form's order, and every field's problem.
    const several = await user.request('/api/citizen/register', { json: { ...good, name: 'x', phone: '123' } });
    expect(await expectRefused(several, 'name_invalid')).toMatchObject({ fields: { name: 'name_invalid', phone: 'phone_invalid' } });

    expect(await citizenCount()).toBe(before);
    const [code] = await ctx.database.db.select().from(smsCodes).where(eq(smsCodes.phoneHash, built.privacy.hash('phone', phone)));
    expect(code).toMatchObject({ attempts: 0, consumedAt: null });
    expect((await user.request('/api/citizen/register', { json: good })).status).toBe(201);
  });

  it('counts a wrong SMS code as a try, and refuses even the right one after five', async () => {
    const { built, user, phone, id } = await setup();
    await sendCode(user, phone);
    const smsCode = await codeSentTo(built, phone);
    const wrong = smsCode === '000000' ? '111111' : '000000';
    const input = { name: '王五', idNumber: id, phone };
    for (let attempt = 1; attempt <= 5; attempt++) {
      const body = await expectRefused(await user.request('/api/citizen/register', { json: { ...input, smsCode: wrong } }), 'sms_code_wrong');
      expect(body.fields).toEqual({ smsCode: 'sms_code_wrong' });
    }
    const [row] = await ctx.database.db.select().from(smsCodes).where(eq(smsCodes.phoneHash, built.privacy.hash('phone', phone)));
    expect(row!.attempts).toBe(5);
    await expectRefused(await user.request('/api/citizen/register', { json: { ...input, smsCode } }), 'sms_code_attempts_exceeded');
    expect(await ctx.database.db.select().from(citizens).where(eq(citizens.idNumberHash, built.privacy.hash('id_number', id)))).toEqual([]);
  });

  it('refuses an SMS code older than five minutes', async () => {
    const { built, user, phone, id } = await setup();
    await sendCode(user, phone);
    const smsCode = await codeSentTo(built, phone);
    built.clock.advance(5 * 60_000 + 1_000);
    await expectRefused(await user.request('/api/citizen/register', { json: { name: '赵六', idNumber: id, phone, smsCode } }), 'sms_code_expired');
    expect(await ctx.database.db.select().from(citizens).where(eq(citizens.idNumberHash, built.privacy.hash('id_number', id)))).toEqual([]);
  });

  it('accepts an SMS code once, even when two WeChat users submit it at once', async () => {
    // The code's single use is all that tells these two apart: different users, different ID numbers.
    const first = await setup();
    const second = await setup();
    await sendCode(first.user, first.phone);
    const smsCode = await codeSentTo(first.built, first.phone);
    const before = await citizenCount();
    const results = await Promise.all([
      first.user.request('/api/citizen/register', { json: { name: '钱七', idNumber: first.id, phone: first.phone, smsCode } }),
      second.user.request('/api/citizen/register', { json: { name: '钱八', idNumber: second.id, phone: first.phone, smsCode } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 400]);
    expect(await results.find((r) => r.status === 400)!.json()).toMatchObject({ code: 'sms_code_expired' });
    expect(await citizenCount()).toBe(before + 1);
  });

  it('registers once when the same user submits twice at once', async () => {
    const { built, user, phone, id } = await setup();
    await sendCode(user, phone);
    const smsCode = await codeSentTo(built, phone);
    const submit = () => user.request('/api/citizen/register', { json: { name: '钱九', idNumber: id, phone, smsCode } });
    const bodies = (await Promise.all((await Promise.all([submit(), submit()])).map((r) => r.json()))) as { code?: string; registered?: boolean }[];
    expect(bodies.filter((b) => b.registered)).toHaveLength(1);
    // The other finds the code used, or (when the first committed before it began) the user registered.
    expect(['sms_code_expired', 'already_registered']).toContain(bodies.find((b) => !b.registered)!.code);
    expect(await ctx.database.db.select().from(citizens).where(eq(citizens.idNumberHash, built.privacy.hash('id_number', id)))).toHaveLength(1);
  });

  it('refuses a second registration of the same WeChat user, and its SMS codes', async () => {
    const { built, user, phone, id } = await setup();
    await sendCode(user, phone);
    const smsCode = await codeSentTo(built, phone);
    expect((await user.request('/api/citizen/register', { json: { name: '孙八', idNumber: id, phone, smsCode } })).status).toBe(201);
    const before = await citizenCount();
    await expectRefused(await user.request('/api/citizen/register', { json: { name: '孙八', idNumber: idNumber('19800101'), phone, smsCode } }), 'already_registered');
    await expectRefused(await sendCode(user, next().phone), 'already_registered');
    expect(await citizenCount()).toBe(before);
  });

  it('refuses an ID number registered to another WeChat user, and leaves that user unregistered', async () => {
    const first = await setup();
    await sendCode(first.user, first.phone);
    const firstCode = await codeSentTo(first.built, first.phone);
    expect((await first.user.request('/api/citizen/register', { json: { name: '周九', idNumber: first.id, phone: first.phone, smsCode: firstCode } })).status).toBe(201);

    const second = await setup();
    await sendCode(second.user, second.phone);
    const secondCode = await codeSentTo(second.built, second.phone);
    const before = await citizenCount();
    const body = await expectRefused(
      await second.user.request('/api/citizen/register', { json: { name: '吴十', idNumber: first.id, phone: second.phone, smsCode: secondCode } }),
      'id_number_registered',
    );
    expect(body.fields).toEqual({ idNumber: 'id_number_registered' });
    expect(await citizenCount()).toBe(before);
    expect(await (await second.user.request('/api/citizen/me')).json()).toMatchObject({ registered: false, profile: null });
  });

  it('refuses an invalid phone before sending anything', async () => {
    const { user } = await setup();
    const [{ n: sentBefore }] = (await ctx.database.db.select({ n: count() }).from(outbox)) as [{ n: number }];
    for (const phone of ['12345678901', '1381234567', 'abc']) {
      const body = await expectRefused(await sendCode(user, phone), 'phone_invalid');
      expect(body.fields).toEqual({ phone: 'phone_invalid' });
    }
    const [{ n: sentAfter }] = (await ctx.database.db.select({ n: count() }).from(outbox)) as [{ n: number }];
    expect(sentAfter).toBe(sentBefore);
  });

  it('sends one code per phone a minute, keeps only hashes, and keys its limits by hashes', async () => {
    const { built, user, phone } = await setup();
    expect((await sendCode(user, `+86 ${phone.slice(0, 3)} ${phone.slice(3)}`)).status).toBe(200);
    const again = await sendCode(user, phone);
    await expectRefused(again, 'sms_cooldown');
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);

    const smsCode = await codeSentTo(built, phone);
    const rows = await ctx.database.db.select().from(smsCodes).where(eq(smsCodes.phoneHash, built.privacy.hash('phone', phone)));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(smsCode);
    expect(JSON.stringify(rows)).not.toContain(phone);
    const [sms] = await ctx.database.db.select().from(outbox).where(and(eq(outbox.channel, 'sms'), eq(outbox.template, 'verification_code'))).orderBy(desc(outbox.id)).limit(1);
    expect(sms!.recipient).not.toContain(phone.slice(3));
    const keys = (await ctx.database.db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);
    expect(keys.some((key) => key.includes(built.privacy.hash('phone', phone)))).toBe(true);
    expect(keys.some((key) => key.includes(phone.slice(3)))).toBe(false);
  });

  it('sends at most 20 codes an hour to one address', async () => {
    const { user } = await setup();
    for (let i = 0; i < 20; i++) expect((await sendCode(user, `1371300${String(i).padStart(4, '0')}`)).status, `code ${i + 1}`).toBe(200);
    await expectRefused(await sendCode(user, '13713009999'), 'rate_limited');
  });

  it('sends at most 10 codes a day to one phone, a minute apart', async () => {
    // The limits count in the database with the wall clock (rate-limiter-flexible reads Date), not the app's clock.
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    const { user, phone } = await setup();
    for (let i = 0; i < 10; i++) {
      vi.setSystemTime(start + i * 61_000);
      expect((await sendCode(user, phone)).status, `code ${i + 1}`).toBe(200);
    }
    vi.setSystemTime(start + 10 * 61_000);
    await expectRefused(await sendCode(user, phone), 'rate_limited');
  });

  it('limits registration attempts per address', async () => {
    const { user, phone, id } = await setup();
    for (let i = 0; i < 60; i++) {
      expect((await user.request('/api/citizen/register', { json: { name: '郑', idNumber: id, phone, smsCode: '000000' } })).status).toBe(400);
    }
    await expectRefused(await user.request('/api/citizen/register', { json: { name: '郑', idNumber: id, phone, smsCode: '000000' } }), 'rate_limited');
  });

  it('audits nothing, and logs neither the phone, the ID number nor the code', async () => {
    const lines: string[] = [];
    const logTo = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } });
    const [{ n: auditBefore }] = (await ctx.database.db.select({ n: count() }).from(auditLog)) as [{ n: number }];
    const { built, user, phone, id } = await setup({ logTo });
    await sendCode(user, phone);
    const smsCode = await codeSentTo(built, phone);
    await user.request('/api/citizen/register', { json: { name: '冯十一', idNumber: withWrongChecksum(id), phone, smsCode } });
    expect((await user.request('/api/citizen/register', { json: { name: '冯十一', idNumber: id, phone, smsCode } })).status).toBe(201);
    const log = lines.join('');
    expect(log).toContain('development SMS');
    expect(log).not.toContain(phone);
    expect(log).not.toContain(id.slice(0, 17));
    expect(log).not.toContain(smsCode);
    const [{ n: auditAfter }] = (await ctx.database.db.select({ n: count() }).from(auditLog)) as [{ n: number }];
    expect(auditAfter).toBe(auditBefore);
  });

  it('signs out: ends the session, clears the cookie, and needs the CSRF token', async () => {
    const { built, user } = await setup();
    const token = user.jar.get(CITIZEN_COOKIE)!;
    const json = { 'content-type': 'application/json' };
    const forged = await built.app.request('/api/citizen/logout', { method: 'POST', headers: { ...json, cookie: user.jar.header() } });
    await expectRefused(forged, 'csrf_failed');

    const res = await user.request('/api/citizen/logout', { method: 'POST', headers: json });
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie().find((c) => c.startsWith(`${CITIZEN_COOKIE}=`))).toMatch(/Max-Age=0/i);
    expect(await ctx.database.db.select().from(sessions).where(eq(sessions.tokenHash, hashToken(token)))).toEqual([]);
    expect((await user.request('/api/citizen/me')).status).toBe(401);
    expect(await (await user.request('/api/citizen/session')).json()).toEqual({ citizen: null });
  });

  // Runs last: by now the suite has registered citizens, sent codes and refused bad input.
  it('leaves no ID number or phone in plaintext anywhere in the database', async () => {
    const [{ n: registered }] = (await ctx.database.db.select({ n: count() }).from(citizens)) as [{ n: number }];
    expect(registered).toBeGreaterThan(2);
    const dump = await dumpDatabase(ctx.database, ctx.url);
    expect(dump.length).toBeGreaterThan(10_000);
    // The citizens are in the dump: encrypted.
    expect(dump).toMatch(/"id_number_enc":"v1\./);
    const found = used.flatMap(({ phone, id }) => [phone, id, id.slice(0, 17)].filter((value) => dump.includes(value)));
    expect(found).toEqual([]);
  });
});
