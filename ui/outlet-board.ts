/**
 * An outlet's live board, as a lobby screen shows it: the last snapshot with every newer
 * `queue:event` applied on top. Events move single tickets; what depends on the whole queue (the
 * calling order, the estimated waits) is left as it was until the next snapshot, which the screen asks
 * for after a burst of events — a screen never re-implements the queue's order.
 *
 *   let board = snapshot;
 *   board = applyQueueEvent(board, event); // ignored unless event.seq > board.seq
 */
import type {
  Bilingual, OutletSnapshot, PublicTicket, QueueEvent, QueuedPublicTicket, RecentCall, ServiceQueueSummary,
} from '../common/events.ts';

/** How many calls the snapshot's `recentCalls` carries; an applied call keeps the list at this length. */
export const RECENT_CALLS_KEPT = 10;

const LIVE_STATUSES: ReadonlySet<PublicTicket['status']> = new Set(['waiting', 'called', 'serving']);

/** Whether an event is a call or recall: the ones a lobby announces. */
export function isCallEvent(event: QueueEvent): event is QueueEvent & { type: 'called' | 'recalled' } {
  return event.type === 'called' || event.type === 'recalled';
}

/**
 * The board after `event`; the same board when the event is not newer than it. The ticket's new
 * state replaces its old one (a ticket no longer waiting, called or served leaves the board), a call
 * goes to the front of the recent calls, and the service's waiting counts follow.
 */
export function applyQueueEvent(board: OutletSnapshot, event: QueueEvent): OutletSnapshot {
  if (event.outletId !== board.outletId || event.seq <= board.seq) return board;
  const incoming = event.ticket;
  const index = board.tickets.findIndex((t) => t.id === incoming.id);
  const previous = index >= 0 ? board.tickets[index] : undefined;
  const call = isCallEvent(event);

  const tickets = [...board.tickets];
  if (LIVE_STATUSES.has(incoming.status)) {
    const updated: QueuedPublicTicket = {
      ...incoming,
      // Once at a counter a ticket stays there until it leaves the board, whatever the event says.
      counterNumber: incoming.counterNumber ?? (incoming.status === 'waiting' ? null : previous?.counterNumber ?? null),
      callSeq: call ? event.seq : incoming.callSeq ?? previous?.callSeq ?? null,
      position: incoming.status !== 'waiting'
        ? null
        : previous?.status === 'waiting' && previous.serviceId === incoming.serviceId
          ? previous.position
          : lastPosition(board.tickets, incoming.serviceId) + 1,
    };
    if (previous) tickets[index] = updated;
    else tickets.push(updated);
  } else if (previous) {
    tickets.splice(index, 1);
  }

  const counter = incoming.counterNumber ?? previous?.counterNumber ?? null;
  let recentCalls = board.recentCalls;
  if (call && counter !== null) {
    const latest: RecentCall = {
      ticketId: incoming.id, number: incoming.number, counterNumber: counter, serviceId: incoming.serviceId, green: incoming.green,
      type: event.type === 'recalled' ? 'recalled' : 'called', seq: event.seq, at: event.at,
    };
    recentCalls = [latest, ...board.recentCalls].slice(0, RECENT_CALLS_KEPT);
  }

  const left = previous?.status === 'waiting' ? previous.serviceId : undefined;
  const joined = incoming.status === 'waiting' ? incoming.serviceId : undefined;
  const services = left === joined ? board.services : board.services.map((service) => {
    const change = (service.serviceId === joined ? 1 : 0) - (service.serviceId === left ? 1 : 0);
    return change === 0 ? service : { ...service, waiting: Math.max(0, service.waiting + change) };
  });

  return { ...board, seq: event.seq, tickets, recentCalls, services };
}

function lastPosition(tickets: readonly QueuedPublicTicket[], serviceId: string): number {
  let last = -1;
  for (const t of tickets) if (t.status === 'waiting' && t.serviceId === serviceId && t.position !== null) last = Math.max(last, t.position);
  return last;
}

/** The tickets called now (not yet being served), the latest call first. */
export function callingNow(board: OutletSnapshot): QueuedPublicTicket[] {
  return board.tickets.filter((t) => t.status === 'called').sort((a, b) => (b.callSeq ?? -1) - (a.callSeq ?? -1));
}

/** The tickets being served now, by counter. */
export function servingNow(board: OutletSnapshot): QueuedPublicTicket[] {
  return board.tickets.filter((t) => t.status === 'serving').sort((a, b) => (a.counterNumber ?? 0) - (b.counterNumber ?? 0));
}

export interface GroupQueue {
  groupId: string;
  group: Bilingual;
  prefix: string;
  /** Waiting in all the group's services. */
  waiting: number;
  services: ServiceQueueSummary[];
  /** The first waiting tickets of the group, nearest the front of their queues first. */
  next: QueuedPublicTicket[];
}

/**
 * The outlet's queues by service group, in the snapshot's order of services, with the first
 * `perGroup` waiting tickets of each. Positions count within one service's queue, so across a
 * group's services the order is by position, then by the snapshot's order.
 */
export function queuesByGroup(board: OutletSnapshot, perGroup: number): GroupQueue[] {
  const groups = new Map<string, GroupQueue>();
  const groupOfService = new Map<string, GroupQueue>();
  for (const service of board.services) {
    let group = groups.get(service.groupId);
    if (!group) {
      group = { groupId: service.groupId, group: service.group, prefix: service.prefix, waiting: 0, services: [], next: [] };
      groups.set(service.groupId, group);
    }
    group.waiting += service.waiting;
    group.services.push(service);
    groupOfService.set(service.serviceId, group);
  }
  const waiting = board.tickets
    .map((ticket, order) => ({ ticket, order }))
    .filter(({ ticket }) => ticket.status === 'waiting')
    .sort((a, b) => (a.ticket.position ?? Number.MAX_SAFE_INTEGER) - (b.ticket.position ?? Number.MAX_SAFE_INTEGER) || a.order - b.order);
  for (const { ticket } of waiting) {
    const group = groupOfService.get(ticket.serviceId);
    if (group && group.next.length < perGroup) group.next.push(ticket);
  }
  return [...groups.values()];
}
