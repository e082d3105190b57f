/**
 * Round trips per request: the same app the server runs (`createApp`), in this process, on a
 * postgres.js client that counts every statement it sends. One request of each measured kind, on
 * the run's database: where a request's time goes when the database is a round trip away.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Database, DatabaseHandle } from '../../db/client.ts';
import * as schema from '../../db/schema.ts';
import { createApp } from '../../server/app.ts';
import { createBooking } from '../../server/booking/book.ts';
import { readSettings } from '../../server/domain/read-settings.ts';
import { createVoucherSigner } from '../../server/booking/voucher-token.ts';
import { systemClock } from '../../server/clock.ts';
import { DEMO_PASSWORD } from '../../server/demo-data.ts';
import { createMetrics } from '../../server/http/metrics.ts';
import { createRateLimits } from '../../server/http/rate-limit.ts';
import { createLogger } from '../../server/logger.ts';
import { createLiveChannel } from '../../server/realtime/live.ts';
import { createDevelopmentSmsProvider } from '../../server/sms/development.ts';
import { STAFF_COOKIE } from '../../server/auth/sessions.ts';
import type { BenchContext } from '../lib/context.ts';
import { insertCitizens, type TodayBooking } from '../lib/people.ts';

export interface RoundTripInputs {
  /** A today booking nobody checked in, and a kiosk token of the outlet. */
  booking: TodayBooking;
  kioskToken: string;
  /** An open day of the booking window and its first slot (full by now) and last slot. */
  fullSlotId: string;
  freeSlotId: string;
}

interface Counted {
  statements: number;
  transactions: number;
  status: number;
  /** The statements in order, shortened: where the round trips go. */
  sent: string[];
}

export async function roundTrips(ctx: BenchContext, dataKey: Buffer, inputs: RoundTripInputs) {
  let statements = 0;
  let transactions = 0;
  let sent: string[] = [];
  const client = postgres(ctx.databaseUrl, {
    max: ctx.serverPool, onnotice: () => {},
    debug: (_connection, query) => {
      statements += 1;
      sent.push(query.replace(/\s+/g, ' ').slice(0, 110));
      if (/^\s*begin/i.test(query)) transactions += 1;
    },
  });
  const db = drizzle(client, { schema }) as unknown as Database;
  const database: DatabaseHandle = { db, kind: 'postgres', ping: async () => {}, close: async () => client.end({ timeout: 5 }) };
  const logger = createLogger({ level: 'silent' });
  const privacy = ctx.privacy;
  const app = createApp({
    database, clock: systemClock, logger, privacy, vouchers: createVoucherSigner(dataKey), live: createLiveChannel(),
    metrics: createMetrics(), rateLimits: createRateLimits(db),
    wechat: { appid: 'wx-bench', secret: 'bench', oauthBase: 'http://127.0.0.1:9', apiBase: 'http://127.0.0.1:9' },
    sms: createDevelopmentSmsProvider({ db, privacy, logger }),
  });

  async function count(path: string, init: RequestInit): Promise<Counted> {
    statements = 0;
    transactions = 0;
    sent = [];
    const res = await app.request(path, init);
    await res.arrayBuffer();
    return { statements, transactions, status: res.status, sent: [...sent] };
  }

  try {
    const [booker, refused, direct] = await insertCitizens(ctx.db, privacy, 3, { withSessions: true });
    const book = (headers: Record<string, string>, slotId: string) => count('/api/bookings', {
      method: 'POST', headers,
      body: JSON.stringify({ kind: 'personal', serviceId: 'mv-transfer', outletId: ctx.outletId, slotId, details: {}, idempotencyKey: randomBytes(12).toString('base64url') }),
    });
    const booked = await book(booker!.headers, inputs.freeSlotId);
    const full = await book(refused!.headers, inputs.fullSlotId);
    // What the ceiling runs: the booking transaction alone, no HTTP, no session, no answer to build.
    statements = 0;
    transactions = 0;
    sent = [];
    await createBooking(db, { citizenId: direct!.id }, {
      kind: 'personal', serviceId: 'mv-transfer', outletId: ctx.outletId, slotId: inputs.freeSlotId, details: {}, idempotencyKey: randomBytes(12).toString('base64url'),
    }, new Date(), null, await readSettings(db));
    const transactionOnly = { statements, transactions, status: 201, sent: [...sent] };
    const checkIn = await count('/api/kiosk/check-in', {
      method: 'POST', headers: { authorization: `Bearer ${inputs.kioskToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ idNumber: inputs.booking.idNumber, appointmentNo: inputs.booking.appointmentNo }),
    });

    // The clerk at counter 2 (it serves mv-transfer too), so counter 1's state is left as it is.
    const login = await app.request('/api/staff/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'clerk', password: DEMO_PASSWORD }) });
    const cookie = new RegExp(`${STAFF_COOKIE}=([^;]*)`).exec(login.headers.get('set-cookie') ?? '')?.[1];
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie: `${STAFF_COOKIE}=${cookie}`, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    const [counter] = await ctx.db.select({ id: schema.counters.id }).from(schema.counters).where(and(eq(schema.counters.outletId, ctx.outletId), eq(schema.counters.number, 2)));
    const action = (name: string) => count(`/api/counters/${counter!.id}/${name}`, { method: 'POST', headers, body: JSON.stringify({ idempotencyKey: randomUUID() }) });
    await action('open');
    const callNext = await action('call-next');
    const callNextInHand = await action('call-next');
    return {
      booking_booked: booked,
      booking_transaction_only: transactionOnly,
      booking_slot_full: full,
      check_in: checkIn,
      call_next: callNext,
      call_next_finishing_in_hand: callNextInHand,
      conditions: 'statements postgres.js sent for one request through createApp in the bench process (transactions counted by their begin); the database is a loopback round trip away',
    };
  } finally {
    await database.close();
  }
}
