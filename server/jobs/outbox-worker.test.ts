/**
 * The outbox worker: delivers due messages to the fake WeChat in the real subscribe-message shape,
 * retries a broken endpoint with growing waits and then gives up, sends SMS rows through the SMS
 * provider, and (on PostgreSQL) two workers draining the same rows never send one twice.
 */
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPostgres } from '../../db/client.ts';
import { outbox } from '../../db/schema.ts';
import { describeOnDatabases, describeOnPostgres } from '../../test/support/databases.ts';
import { wechatConfigOf } from '../../test/support/wechat.ts';
import { fixedClock } from '../clock.ts';
import { createLogger } from '../logger.ts';
import { enqueue, type BookingMessagePayload, type NewMessage } from '../notifications/messages.ts';
import type { NotificationProvider, OutboxRow } from '../notifications/provider.ts';
import { createSmsNotificationProvider } from '../notifications/sms.ts';
import { createWechatSubscribeProvider } from '../notifications/wechat-subscribe.ts';
import { createPersonalDataCipher } from '../privacy/personal-data.ts';
import type { SmsMessage } from '../sms/provider.ts';
import { startFakeWechat, type FakeWechat } from '../wechat/fake-server.ts';
import { MAX_ATTEMPTS, retryDelayMs } from './backoff.ts';
import { createOutboxWorker } from './outbox-worker.ts';

const logger = createLogger({ level: 'silent' });
const START = '2026-11-23T09:00:00+08:00';
let serial = 0;

function payload(overrides: Partial<BookingMessagePayload> = {}): BookingMessagePayload {
  serial += 1;
  return {
    bookingId: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`, appointmentNo: `Y2611${String(serial).padStart(6, '0')}`,
    service: { zh: '机动车转移登记（过户）', en: 'Transfer of ownership' }, outlet: { zh: '鹰潭市公安局交警支队车辆管理所', en: 'Yingtan office' },
    date: '2026-11-24', startsAt: '09:30', ...overrides,
  };
}

function message(recipient: string, at: Date, overrides: Partial<NewMessage> = {}): NewMessage & { payload: BookingMessagePayload } {
  const p = payload();
  return { channel: 'wechat', recipient, template: 'booking_reminder', dedupeKey: `test:${p.bookingId}`, availableAt: at, ...overrides, payload: p };
}

/** A provider that cannot fail and remembers what it was given. */
function recordingProvider(delayMs = 0): NotificationProvider & { sent: OutboxRow[] } {
  const sent: OutboxRow[] = [];
  return {
    sent,
    async send(row) {
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, Math.random() * delayMs));
      sent.push(row);
    },
  };
}

describeOnDatabases('outbox worker', (ctx) => {
  let fake: FakeWechat;
  beforeAll(async () => {
    fake = await startFakeWechat({ nicknames: ['提醒测试用户'] });
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('delivers due messages to WeChat as subscribe messages, with one access token for all of them', async () => {
    const clock = fixedClock(START);
    const { openid } = fake.users()[0]!;
    const wechat = createWechatSubscribeProvider(wechatConfigOf(fake), { clock, pageUrl: 'https://lobby.example/h5/' });
    const worker = createOutboxWorker({ db: ctx.database.db, clock, logger, providers: { wechat, sms: recordingProvider() } });
    const before = fake.subscribeMessages().length;
    const messages = [message(openid, clock.now()), message(openid, clock.now()), message(openid, clock.now(), { template: 'booking_affected' })];
    messages[2]!.payload.notice = { id: 'n1', kind: 'closure', title: { zh: '11月24日系统升级暂停办公', en: 'Closed on 24 November' } };
    // Not due yet: stays where it is.
    const later = message(openid, new Date(clock.now().getTime() + 60_000));
    await enqueue(ctx.database.db, [...messages, later]);

    expect(await worker.drain()).toEqual({ claimed: 3, sent: 3, retried: 0, failed: 0 });
    const received = fake.subscribeMessages().slice(before);
    expect(received).toHaveLength(3);
    expect(received[0]).toEqual({
      endpoint: 'bizsend', touser: openid, template_id: 'booking_reminder', page: 'https://lobby.example/h5/',
      data: {
        character_string1: { value: messages[0]!.payload.appointmentNo },
        thing2: { value: '机动车转移登记（过户）' },
        // WeChat's `thing` keywords hold 20 characters at most.
        thing3: { value: '鹰潭市公安局交警支队车辆管理所' },
        time4: { value: '2026-11-24 09:30' },
        thing5: { value: '请携带本人身份证按时到达' },
      },
    });
    expect(received[2]).toMatchObject({ template_id: 'booking_affected', data: { thing2: { value: '11月24日系统升级暂停办公' } } });
    expect(wechat.tokenRequests()).toBe(1);
    const rows = await ctx.database.db.select().from(outbox).where(inArray(outbox.dedupeKey, messages.map((m) => m.dedupeKey)));
    expect(rows.map((r) => [r.status, r.attempts, r.sentAt?.getTime()])).toEqual(rows.map(() => ['sent', 1, clock.now().getTime()]));
    const [waiting] = await ctx.database.db.select().from(outbox).where(eq(outbox.dedupeKey, later.dedupeKey));
    expect(waiting).toMatchObject({ status: 'pending', attempts: 0 });

    clock.advance(60_000);
    expect(await worker.drain()).toMatchObject({ sent: 1 });
  });

  it('retries a broken endpoint with growing waits, then marks the message failed', async () => {
    const clock = fixedClock(START);
    // Nothing listens on the discard port.
    const broken = createWechatSubscribeProvider({ appid: 'wx', secret: 's', oauthBase: 'http://127.0.0.1:9', apiBase: 'http://127.0.0.1:9' }, { clock, timeoutMs: 1000 });
    const worker = createOutboxWorker({ db: ctx.database.db, clock, logger, providers: { wechat: broken, sms: recordingProvider() } });
    const m = message('o-someone', clock.now());
    await enqueue(ctx.database.db, [m]);
    const row = async () => (await ctx.database.db.select().from(outbox).where(eq(outbox.dedupeKey, m.dedupeKey)))[0]!;

    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await worker.runOnce()).toEqual({ claimed: 1, sent: 0, retried: 1, failed: 0 });
      const after = await row();
      expect(after).toMatchObject({ status: 'pending', attempts: attempt, lastError: expect.stringMatching(/unreachable/) });
      expect(after.availableAt.getTime()).toBe(clock.now().getTime() + retryDelayMs(attempt));
      // Not before its time.
      clock.advance(retryDelayMs(attempt) - 1);
      expect((await worker.runOnce()).claimed).toBe(0);
      clock.advance(1);
    }
    expect(await worker.runOnce()).toEqual({ claimed: 1, sent: 0, retried: 0, failed: 1 });
    expect(await row()).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    clock.advance(86400_000);
    expect((await worker.runOnce()).claimed).toBe(0);
  });

  it('gives up at once on what retrying cannot fix: an openid WeChat does not know', async () => {
    const clock = fixedClock(START);
    const wechat = createWechatSubscribeProvider(wechatConfigOf(fake), { clock });
    const worker = createOutboxWorker({ db: ctx.database.db, clock, logger, providers: { wechat, sms: recordingProvider() } });
    const m = message('o-nobody-wechat-knows', clock.now());
    await enqueue(ctx.database.db, [m]);
    expect(await worker.runOnce()).toEqual({ claimed: 1, sent: 0, retried: 0, failed: 1 });
    const [row] = await ctx.database.db.select().from(outbox).where(eq(outbox.dedupeKey, m.dedupeKey));
    expect(row).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringMatching(/40003/) });
  });

  it('sends SMS rows through the SMS provider, the phone decrypted only on the way out', async () => {
    const clock = fixedClock(START);
    const privacy = createPersonalDataCipher(Buffer.alloc(32, 7));
    const texts: SmsMessage[] = [];
    const sms = createSmsNotificationProvider({ send: async (m) => { texts.push(m); } }, privacy);
    const worker = createOutboxWorker({ db: ctx.database.db, clock, logger, providers: { wechat: recordingProvider(), sms } });
    const m = message(privacy.encrypt('13800001111'), clock.now(), { channel: 'sms' });
    await enqueue(ctx.database.db, [m]);
    expect(await worker.drain()).toMatchObject({ sent: 1 });
    expect(texts).toEqual([{
      phone: '13800001111', template: 'booking_reminder',
      params: { appointmentNo: m.payload.appointmentNo, service: '机动车转移登记（过户）', outlet: '鹰潭市公安局交警支队车辆管理所', date: '2026-11-24', startsAt: '09:30' },
    }]);
  });

  it('enqueues a message once per dedupe key', async () => {
    const clock = fixedClock(START);
    const m = message('o-once', clock.now());
    expect(await enqueue(ctx.database.db, [m])).toBe(1);
    expect(await enqueue(ctx.database.db, [m, { ...m }])).toBe(0);
    expect(await ctx.database.db.select({ id: outbox.id }).from(outbox).where(eq(outbox.dedupeKey, m.dedupeKey))).toHaveLength(1);
  });
});

describeOnPostgres('outbox workers in several processes', (ctx) => {
  it('two workers draining 200 messages at once send each exactly once', async () => {
    const clock = fixedClock(START);
    const messages = Array.from({ length: 200 }, () => message('o-many', clock.now(), { channel: 'sms' }));
    await enqueue(ctx.database.db, messages);
    // Each worker with its own connection pool, as two server processes would have.
    const [first, second] = await Promise.all([openPostgres(ctx.url!, { max: 2 }), openPostgres(ctx.url!, { max: 2 })]);
    try {
      const providers = [recordingProvider(3), recordingProvider(3)];
      const workers = [first!, second!].map((handle, i) => createOutboxWorker({
        db: handle.db, clock, logger, batchSize: 5, providers: { wechat: providers[i]!, sms: providers[i]! },
      }));
      const results = await Promise.all(workers.map((w) => w.drain()));
      const sent = providers.flatMap((p) => p.sent.map((row) => row.id));
      expect(sent).toHaveLength(200);
      expect(new Set(sent).size).toBe(200);
      expect(results[0]!.sent + results[1]!.sent).toBe(200);
      // Both took part: the test really raced them.
      expect(results[0]!.sent).toBeGreaterThan(0);
      expect(results[1]!.sent).toBeGreaterThan(0);
      const rows = await ctx.database.db.select({ status: outbox.status, attempts: outbox.attempts }).from(outbox)
        .where(inArray(outbox.dedupeKey, messages.map((m) => m.dedupeKey)));
      expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    } finally {
      await Promise.all([first?.close(), second?.close()]);
    }
  });
});
