/**
 * The socket.io contract, imported by the server and every page. One room per outlet;
 * a client joins with an acknowledgement and receives a snapshot carrying the outlet's event
 * sequence, then only events with a higher sequence.
 */
import { z } from 'zod';

export const joinOutletRequest = z.object({
  outletId: z.string().min(1).max(64),
});
export type JoinOutletRequest = z.infer<typeof joinOutletRequest>;

/** A ticket as a public screen may show it: a number, never a name or an ID number. */
export interface PublicTicket {
  id: string;
  number: string;
  serviceId: string;
  status: 'waiting' | 'called' | 'serving' | 'finished' | 'missed' | 'cancelled';
  green: boolean;
  counterNumber: number | null;
  /**
   * The outlet sequence of this ticket's latest call or recall, or null if never called: a screen
   * announces a call once per `callSeq`, so a reconnect never repeats an announcement.
   */
  callSeq?: number | null;
}

/** A waiting ticket's place in its queue (0 = next), in the snapshot's calling order. */
export interface QueuedPublicTicket extends PublicTicket {
  position: number | null;
}

export interface Bilingual {
  zh: string;
  en: string;
}

/** One queue (service) of the outlet as the display shows it. */
export interface ServiceQueueSummary {
  serviceId: string;
  name: Bilingual;
  groupId: string;
  group: Bilingual;
  prefix: string;
  waiting: number;
  /** Minutes a ticket issued now would wait. */
  estimatedWaitMinutes: number;
}

/** A call or recall, as the display's "last calls" list shows it. */
export interface RecentCall {
  ticketId: string;
  number: string;
  counterNumber: number;
  serviceId: string;
  green: boolean;
  type: 'called' | 'recalled';
  seq: number;
  at: string;
}

export interface OutletSnapshot {
  outletId: string;
  outletName: Bilingual;
  /** The outlet's event sequence this snapshot reflects; newer events have a higher one. */
  seq: number;
  serverTime: string;
  /** Today's live tickets: those waiting (in calling order per queue), called or being served. */
  tickets: QueuedPublicTicket[];
  services: ServiceQueueSummary[];
  /** The latest calls and recalls, newest first (up to 10). */
  recentCalls: RecentCall[];
}

export interface QueueEvent {
  outletId: string;
  seq: number;
  type: string;
  at: string;
  ticket: PublicTicket;
}

/** A counter opened, paused, resumed or closed: numbered in the outlet's sequence like ticket events. */
export interface CounterEvent {
  outletId: string;
  seq: number;
  at: string;
  counter: { id: string; number: number; status: 'closed' | 'open' | 'paused'; staffName: string | null };
}

export type Ack<T> = { data: T } | { error: { code: string; message: string } };

export const followJoinRequest = z.object({ token: z.string().min(16).max(64) });
export type FollowJoinRequest = z.infer<typeof followJoinRequest>;

export interface ServerToClientEvents {
  'outlet:snapshot': (snapshot: OutletSnapshot) => void;
  'queue:event': (event: QueueEvent) => void;
  'counter:event': (event: CounterEvent) => void;
}

export interface ClientToServerEvents {
  /** Joins the outlet's room (devices and staff of the outlet) and answers with a snapshot. */
  'outlet:join': (request: JoinOutletRequest, ack: (result: Ack<OutletSnapshot>) => void) => void;
  /** A fresh snapshot of an outlet already joined: after a burst of events, to refresh order and waits. */
  'outlet:snapshot': (request: JoinOutletRequest, ack: (result: Ack<OutletSnapshot>) => void) => void;
  /** A phone following its ticket (by the follow token in its QR code) joins that ticket's outlet room. */
  'follow:join': (request: FollowJoinRequest, ack: (result: Ack<{ outletId: string; seq: number }>) => void) => void;
}
