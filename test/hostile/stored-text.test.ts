/**
 * Injection into the free-text fields that are meant to be stored (notice titles and bodies, firm
 * names, agents' rejection reasons, blacklist reasons, booking details, rating reasons, device
 * names, counter idempotency keys): each payload is accepted and comes back exactly as sent (after the field's own trimming),
 * so it was stored as data and never ran as SQL; text PostgreSQL cannot store is refused with 400
 * and nothing written. test/e2e/hostile-pages.test.ts then shows such text on the pages.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { normalizeFirmName } from '../../common/firms.ts';
import type { IssuedTicket } from '../../common/kiosk.ts';
import type { NoticeView } from '../../common/notices.ts';
import { ratings } from '../../db/schema.ts';
import { describeOnDatabases } from '../support/databases.ts';
import { insertCitizen } from '../support/lobby-rows.ts';
import { countByFamily, expectNoProblems, leaksIn, runRefusals, send, type HttpCase } from './harness.ts';
import { INJECTIONS, STORABLE_INJECTIONS, creditCode, idNumber, type Payload } from './payloads.ts';
import { buildWorld, type World } from './world.ts';

/** A stored case: send, expect a 2xx, then read the value back from where the API (or the database) keeps it. */
interface StoredCase {
  family: string;
  name: string;
  payload: Payload;
  /** Stores the payload; returns what reading it back gives, and what it should be. */
  run(): Promise<{ status: number; text: string; readBack: () => Promise<unknown>; expected: unknown }>;
}

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
let firmSerial = 0;
function freshCreditCode(): string {
  firmSerial += 1;
  const tail = Array.from({ length: 5 }, (_, i) => CREDIT_ALPHABET[Math.floor(firmSerial / 31 ** i) % 31]).join('');
  return creditCode(`91360600MA35${tail}`);
}

/** JSON with keys sorted: jsonb keeps no key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => (inner && typeof inner === 'object' && !Array.isArray(inner)
    ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
    : inner));
}

describeOnDatabases('hostile text stored and read back literally', (ctx) => {
  let w: World;
  const counted: { family: string }[] = [];

  beforeAll(async () => {
    w = await buildWorld(ctx.database);
    // The clerk works at counter 7 (driving licences and violations), for the tickets to be rated.
    for (const action of ['open'] as const) {
      const res = await send(w.url, { path: `/api/counters/${w.counter7}/${action}`, headers: w.clerk.headers, json: { idempotencyKey: randomUUID() } });
      expect(res.status).toBe(200);
    }
  });
  afterAll(async () => {
    await w?.server.close();
    console.info(`[${ctx.kind}] hostile stored-text cases: ${counted.length}`, countByFamily(counted));
  });

  async function runStored(cases: StoredCase[]): Promise<void> {
    counted.push(...cases);
    const failures: string[] = [];
    for (const c of cases) {
      const { status, text, readBack, expected } = await c.run();
      if (status < 200 || status >= 300) {
        failures.push(`${c.family} / ${c.name}: ${status} ${text.slice(0, 200)}`);
        continue;
      }
      const leaks = leaksIn(text, [c.payload.text]);
      if (leaks.length) failures.push(`${c.family} / ${c.name}: leaks ${leaks.join(', ')}`);
      const back = await readBack();
      if (canonical(back) !== canonical(expected)) failures.push(`${c.family} / ${c.name}: read back ${JSON.stringify(back)}, sent ${JSON.stringify(expected)}`);
    }
    expect(failures).toEqual([]);
  }

  /** Unstorable payloads in the same fields: refused, nothing written. */
  async function runUnstorable(cases: HttpCase[]): Promise<void> {
    counted.push(...cases);
    expectNoProblems(await runRefusals(w.url, ctx.database, cases));
  }
  const unstorable = INJECTIONS.filter((p) => p.unstorable);

  const noticeBody = (field: 'title.zh' | 'title.en' | 'body.zh' | 'body.en', text: string) => {
    const notice = { outletId: 'yt-dmv', kind: 'info', title: { zh: '标题', en: 'Title' }, body: { zh: '内容', en: 'Body' } };
    const [part, lang] = field.split('.') as ['title' | 'body', 'zh' | 'en'];
    notice[part] = { ...notice[part], [lang]: text };
    return notice;
  };
  const NOTICE_FIELDS = ['title.zh', 'title.en', 'body.zh', 'body.en'] as const;

  it('keeps notice titles and bodies as typed, in both languages', async () => {
    await runStored(NOTICE_FIELDS.flatMap((field) => STORABLE_INJECTIONS.map((payload): StoredCase => ({
      family: 'notices', name: `${field} ← ${payload.name}`, payload,
      async run() {
        const res = await send(w.url, { path: '/api/admin/notices', headers: w.supervisor.headers, json: noticeBody(field, payload.text) });
        const id = res.status === 201 ? (JSON.parse(res.text) as { id: string }).id : '';
        const [part, lang] = field.split('.') as ['title' | 'body', 'zh' | 'en'];
        return {
          ...res,
          expected: payload.text,
          readBack: async () => {
            const list = JSON.parse((await send(w.url, { path: '/api/admin/notices', headers: w.supervisor.headers })).text) as { notices: NoticeView[] };
            return list.notices.find((n) => n.id === id)?.[part][lang];
          },
        };
      },
    }))));
    await runUnstorable(NOTICE_FIELDS.flatMap((field) => unstorable.map((payload): HttpCase => ({
      family: 'notices', name: `${field} ← ${payload.name}`, path: '/api/admin/notices', headers: w.supervisor.headers, json: noticeBody(field, payload.text), expect: 'bad_request',
    }))));
  });

  it('publishes such a notice and lists it for everyone as typed', async () => {
    const payload = STORABLE_INJECTIONS.find((p) => p.name === 'img onerror')!;
    const created = await send(w.url, { path: '/api/admin/notices', headers: w.supervisor.headers, json: noticeBody('title.zh', payload.text) });
    const { id } = JSON.parse(created.text) as { id: string };
    expect((await send(w.url, { path: `/api/admin/notices/${id}/publish`, headers: w.supervisor.headers, json: {} })).status).toBe(200);
    const list = JSON.parse((await send(w.url, { path: '/api/notices?outletId=yt-dmv' })).text) as { notices: NoticeView[] };
    expect(list.notices.find((n) => n.id === id)?.title.zh).toBe(payload.text);
  });

  it('keeps firm names as typed (trimmed, spaces collapsed)', async () => {
    const citizen = await insertCitizen(ctx.database.db, w.server.privacy, w.server.clock.now());
    const headers = { ...citizen.headers, 'content-type': 'application/json' };
    await runStored(STORABLE_INJECTIONS.map((payload): StoredCase => ({
      family: 'firm names', name: payload.name, payload,
      async run() {
        const code = freshCreditCode();
        const res = await send(w.url, { path: '/api/citizen/agencies', headers, json: { firmName: payload.text, creditCode: code } });
        return {
          ...res,
          expected: normalizeFirmName(payload.text),
          readBack: async () => {
            const list = JSON.parse((await send(w.url, { path: '/api/citizen/agencies', headers })).text) as { agencies: { firm: { name: string; creditCode: string } }[] };
            return list.agencies.find((a) => a.firm.creditCode === code)?.firm.name;
          },
        };
      },
    })));
  });

  it('keeps the reason staff give for rejecting an agent as typed, and shows it to the citizen', async () => {
    const citizen = await insertCitizen(ctx.database.db, w.server.privacy, w.server.clock.now());
    const headers = { ...citizen.headers, 'content-type': 'application/json' };
    await runStored(STORABLE_INJECTIONS.map((payload): StoredCase => ({
      family: 'agent review reasons', name: payload.name, payload,
      async run() {
        const code = freshCreditCode();
        const applied = JSON.parse((await send(w.url, { path: '/api/citizen/agencies', headers, json: { firmName: '鹰潭市某某车行', creditCode: code } })).text) as { agentId: string };
        const res = await send(w.url, { path: `/api/admin/agents/${applied.agentId}/reject`, headers: w.admin.headers, json: { reason: payload.text } });
        return {
          ...res,
          expected: payload.text.trim(),
          readBack: async () => {
            const list = JSON.parse((await send(w.url, { path: '/api/citizen/agencies', headers })).text) as { agencies: { agentId: string; reviewReason: string | null }[] };
            return list.agencies.find((a) => a.agentId === applied.agentId)?.reviewReason;
          },
        };
      },
    })));
  });

  it('keeps blacklist reasons as typed', async () => {
    let phone = 0;
    await runStored(STORABLE_INJECTIONS.map((payload): StoredCase => ({
      family: 'blacklist reasons', name: payload.name, payload,
      async run() {
        phone += 1;
        const res = await send(w.url, { path: '/api/admin/blacklist', headers: w.admin.headers, json: { kind: 'phone', value: `1360099${String(phone).padStart(4, '0')}`, reason: payload.text } });
        const id = res.status === 201 ? (JSON.parse(res.text) as { entry: { id: string } }).entry.id : '';
        return {
          ...res,
          expected: payload.text.trim(),
          readBack: async () => {
            const list = JSON.parse((await send(w.url, { path: '/api/admin/blacklist', headers: w.admin.headers })).text) as { entries: { id: string; reason: string }[] };
            return list.entries.find((e) => e.id === id)?.reason;
          },
        };
      },
    })));
    let more = 100;
    await runUnstorable(unstorable.map((payload): HttpCase => ({
      family: 'blacklist reasons', name: payload.name, path: '/api/admin/blacklist', headers: w.admin.headers,
      json: { kind: 'phone', value: `1360099${String(more++).padStart(4, '0')}`, reason: payload.text }, expect: 'bad_request',
    })));
  });

  it('keeps booking details as typed, as values and as names', async () => {
    const booker = w.bookers[3]!;
    const headers = { ...booker.headers, 'content-type': 'application/json' };
    const book = (details: Record<string, string>) => send(w.url, {
      path: '/api/bookings', headers,
      json: { kind: 'personal', serviceId: 'mv-transfer', outletId: 'yt-dmv', slotId: w.slots.tomorrow, idempotencyKey: randomUUID(), details },
    });
    const cases = STORABLE_INJECTIONS.flatMap((payload): StoredCase[] => {
      const asValue = { plate: payload.text };
      const asName = { [payload.text.slice(0, 40)]: '赣L12345' };
      return [['value', asValue], ['name', asName]].map(([as, details]): StoredCase => ({
        family: 'booking details', name: `${as as string} ← ${payload.name}`, payload,
        async run() {
          const res = await book(details as Record<string, string>);
          const id = res.status === 201 ? (JSON.parse(res.text) as { id: string }).id : '';
          return {
            ...res,
            expected: details,
            readBack: async () => {
              const voucher = JSON.parse((await send(w.url, { path: `/api/bookings/${id}`, headers })).text) as { details: Record<string, string> };
              // One person, one number: cancelled, so the next case can book.
              await send(w.url, { method: 'POST', path: `/api/bookings/${id}/cancel`, headers: { ...headers, origin: w.url } });
              return voucher.details;
            },
          };
        },
      }));
    });
    await runStored(cases);
    await runUnstorable(unstorable.flatMap((payload): HttpCase[] => [
      { family: 'booking details', name: `value ← ${payload.name}`, path: '/api/bookings', headers, json: { kind: 'personal', serviceId: 'mv-transfer', outletId: 'yt-dmv', slotId: w.slots.tomorrow, idempotencyKey: 'unstorable-value', details: { plate: payload.text } }, expect: 'bad_request' },
      { family: 'booking details', name: `name ← ${payload.name}`, path: '/api/bookings', headers, json: { kind: 'personal', serviceId: 'mv-transfer', outletId: 'yt-dmv', slotId: w.slots.tomorrow, idempotencyKey: 'unstorable-name', details: { [payload.text]: 'x' } }, expect: 'bad_request' },
    ]));
  });

  it('keeps rating reasons as typed, from the phone and from the counter', async () => {
    let person = 0;
    /** A traffic-violation walk-in served and finished at counter 7: its id and follow token. */
    async function finishedTicket(): Promise<{ id: string; followToken: string }> {
      person += 1;
      const issued = await send(w.url, {
        path: '/api/kiosk/walk-ins', headers: { authorization: `Bearer ${w.kiosk}` },
        json: { idNumber: idNumber('19900909', String(person).padStart(3, '0'), '320102'), serviceId: 'violation' },
      });
      expect(issued.status).toBe(201);
      const { ticket } = JSON.parse(issued.text) as IssuedTicket;
      for (const action of ['call-next', 'start', 'finish']) {
        const res = await send(w.url, { path: `/api/counters/${w.counter7}/${action}`, headers: w.clerk.headers, json: { idempotencyKey: randomUUID() } });
        expect(res.status, `${action}: ${res.text}`).toBe(200);
      }
      return { id: ticket.id, followToken: decodeURIComponent(ticket.followUrl.split('/').at(-1)!) };
    }
    // Each payload once, from the phone and the counter's rating screen in turn: a finished ticket costs a walk-in and three presses.
    const cases = STORABLE_INJECTIONS.map((payload, i): StoredCase => ({
      family: 'rating reasons', name: `${i % 2 ? 'counter' : 'phone'} ← ${payload.name}`, payload,
      async run() {
        const ticket = await finishedTicket();
        const res = i % 2
          ? await send(w.url, { path: `/api/tickets/${ticket.id}/rating`, headers: w.clerk.headers, json: { grade: 2, reason: payload.text } })
          : await send(w.url, { path: `/api/follow/${ticket.followToken}/rating`, json: { grade: 1, reason: payload.text } });
        return {
          ...res,
          expected: payload.text.trim(),
          readBack: async () => (await ctx.database.db.select({ reason: ratings.reason }).from(ratings).where(eq(ratings.ticketId, ticket.id)))[0]?.reason,
        };
      },
    }));
    await runStored(cases);
    const last = await finishedTicket();
    await runUnstorable(unstorable.map((payload): HttpCase => ({
      family: 'rating reasons', name: `phone ← ${payload.name}`, path: `/api/follow/${last.followToken}/rating`, json: { grade: 1, reason: payload.text }, expect: 'bad_request',
    })));
  }, 60_000);

  it('keeps device names as typed', async () => {
    const devices = JSON.parse((await send(w.url, { path: '/api/admin/devices', headers: w.admin.headers })).text) as { devices: { id: string; name: string; status: string }[] };
    const device = devices.devices.find((d) => d.status === 'active' && d.name.startsWith('hostile kiosk'))!;
    await runStored(STORABLE_INJECTIONS.map((payload): StoredCase => ({
      family: 'device names', name: payload.name, payload,
      async run() {
        // A device name has at most 60 characters.
        const name = payload.text.slice(0, 60);
        const res = await send(w.url, { path: `/api/admin/devices/${device.id}/rename`, headers: w.admin.headers, json: { name } });
        return {
          ...res,
          expected: name.trim(),
          readBack: async () => (JSON.parse((await send(w.url, { path: '/api/admin/devices', headers: w.admin.headers })).text) as typeof devices).devices.find((d) => d.id === device.id)?.name,
        };
      },
    })));
  });

  it('answers a counter action again the same for a hostile idempotency key', async () => {
    const cases = STORABLE_INJECTIONS.map((payload): StoredCase => ({
      family: 'counter idempotency keys', name: payload.name, payload,
      async run() {
        const key = payload.text.padEnd(8, '_').slice(0, 100);
        const first = await send(w.url, { path: `/api/counters/${w.counter7}/pause`, headers: w.clerk.headers, json: { idempotencyKey: key } });
        const again = await send(w.url, { path: `/api/counters/${w.counter7}/pause`, headers: w.clerk.headers, json: { idempotencyKey: key } });
        await send(w.url, { path: `/api/counters/${w.counter7}/resume`, headers: w.clerk.headers, json: { idempotencyKey: randomUUID() } });
        // The key was kept as sent: the second press is answered with the first one's result.
        return { ...first, expected: JSON.parse(first.text) as unknown, readBack: async () => JSON.parse(again.text) as unknown };
      },
    }));
    await runStored(cases);
  });
});
