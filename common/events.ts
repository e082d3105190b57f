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
}

export interface OutletSnapshot {
  outletId: string;
  /** The outlet's event sequence this snapshot reflects; newer events have a higher one. */
  seq: number;
  serverTime: string;
  tickets: PublicTicket[];
}

export interface QueueEvent {
  outletId: string;
  seq: number;
  type: string;
  at: string;
  ticket: PublicTicket;
}

export type Ack<T> = { data: T } | { error: { code: string; message: string } };

export interface ServerToClientEvents {
  'outlet:snapshot': (snapshot: OutletSnapshot) => void;
  'queue:event': (event: QueueEvent) => void;
}

export interface ClientToServerEvents {
  'outlet:join': (request: JoinOutletRequest, ack: (result: Ack<OutletSnapshot>) => void) => void;
}
