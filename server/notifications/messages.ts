/**
 * What the outbox carries: the templates, the payload every booking message shares, and how a
 * message is enqueued. Enqueueing is idempotent through `dedupe_key` (one reminder per booking,
 * one "affected" message per notice and booking), so a job or a transaction that runs twice
 * enqueues nothing new.
 */
import type { Database, Transaction } from '../../db/client.ts';
import { outbox, type Bilingual } from '../../db/schema.ts';

export const NOTIFICATION_TEMPLATES = ['booking_confirmed', 'booking_reminder', 'booking_affected', 'turn_near'] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

/**
 * The payload of every booking message, in the shape the booking core's `booking_confirmed` has
 * (server/booking/book.ts): names bilingual, the provider picks the language of its channel.
 */
export interface BookingMessagePayload {
  bookingId: string;
  appointmentNo: string;
  service: Bilingual;
  outlet: Bilingual;
  address?: Bilingual;
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:MM` */
  startsAt: string;
  endsAt?: string;
  /** `booking_affected`: the notice that changed the day. */
  notice?: { id: string; kind: string; title: Bilingual };
}

/** `turn_near`: a waiting ticket has few people ahead *(setting `turnNearAhead`)*. */
export interface TurnNearPayload {
  ticketId: string;
  number: string;
  service: Bilingual;
  outlet: Bilingual;
  peopleAhead: number;
}

export type MessagePayload = BookingMessagePayload | TurnNearPayload;

export interface NewMessage {
  channel: 'wechat' | 'sms';
  /** An openid, or an encrypted phone (never a plaintext one). */
  recipient: string;
  template: NotificationTemplate;
  payload: MessagePayload;
  dedupeKey: string;
  /** From the app's clock, not the database's: tests and the worker agree on "now". */
  availableAt: Date;
}

/** Whom a booking's holder is told through: WeChat when bound, else SMS to the stored phone. */
export function recipientOf(holder: { openid: string | null; phoneEnc: string }): Pick<NewMessage, 'channel' | 'recipient'> {
  return holder.openid ? { channel: 'wechat', recipient: holder.openid } : { channel: 'sms', recipient: holder.phoneEnc };
}

/** Enqueues the messages not enqueued before (by `dedupeKey`); returns how many are new. */
export async function enqueue(db: Database | Transaction, messages: readonly NewMessage[]): Promise<number> {
  let added = 0;
  // Bounded statements: a closure of a busy office can touch a thousand bookings.
  for (let i = 0; i < messages.length; i += 500) {
    const rows = await db
      .insert(outbox)
      .values(messages.slice(i, i + 500).map((m) => ({ ...m, payload: { ...m.payload } })))
      .onConflictDoNothing({ target: outbox.dedupeKey })
      .returning({ id: outbox.id });
    added += rows.length;
  }
  return added;
}
