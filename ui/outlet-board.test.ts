import { describe, expect, it } from 'vitest';
import type { OutletSnapshot, PublicTicket, QueueEvent, QueuedPublicTicket } from '../common/events.ts';
import { applyQueueEvent, callingNow, queuesByGroup, RECENT_CALLS_KEPT } from './outlet-board.ts';

const bi = (zh: string) => ({ zh, en: zh });

function ticket(id: string, fields: Partial<QueuedPublicTicket> = {}): QueuedPublicTicket {
  return { id, number: id, serviceId: 'violation', status: 'waiting', green: false, counterNumber: null, callSeq: null, position: 0, ...fields };
}

function board(tickets: QueuedPublicTicket[] = [], seq = 10): OutletSnapshot {
  const waitingIn = (serviceId: string) => tickets.filter((t) => t.status === 'waiting' && t.serviceId === serviceId).length;
  return {
    outletId: 'yt-dmv', outletName: bi('车管所'), seq, serverTime: '2026-11-23T01:00:00.000Z', tickets, recentCalls: [],
    services: [
      { serviceId: 'mv-transfer', name: bi('转移登记'), groupId: 'vehicle', group: bi('机动车业务'), prefix: 'A', waiting: waitingIn('mv-transfer'), estimatedWaitMinutes: 20 },
      { serviceId: 'violation', name: bi('违法处理'), groupId: 'violation', group: bi('违法处理'), prefix: 'C', waiting: waitingIn('violation'), estimatedWaitMinutes: 8 },
    ],
  };
}

function event(seq: number, type: string, t: Partial<PublicTicket> & { id: string }): QueueEvent {
  return {
    outletId: 'yt-dmv', seq, type, at: '2026-11-23T01:00:00.000Z',
    ticket: { number: t.id, serviceId: 'violation', status: 'waiting', green: false, counterNumber: null, ...t },
  };
}

describe('the live board', () => {
  it('ignores an event no newer than the board, or of another outlet', () => {
    const before = board([ticket('C001')]);
    expect(applyQueueEvent(before, event(10, 'called', { id: 'C001', status: 'called', counterNumber: 7 }))).toBe(before);
    expect(applyQueueEvent(before, { ...event(11, 'called', { id: 'C001', status: 'called', counterNumber: 7 }), outletId: 'yt-gaoxin' })).toBe(before);
  });

  it('puts a new ticket at the back of its queue and counts it as waiting', () => {
    const after = applyQueueEvent(board([ticket('C001')]), event(11, 'issued', { id: 'C002' }));
    expect(after.seq).toBe(11);
    expect(after.tickets.map((t) => [t.number, t.position])).toEqual([['C001', 0], ['C002', 1]]);
    expect(after.services.find((s) => s.serviceId === 'violation')!.waiting).toBe(2);
  });

  it('shows a call at its counter with its sequence, first among the recent calls, and no longer waiting', () => {
    const after = applyQueueEvent(board([ticket('C001'), ticket('C002', { position: 1 })]), event(11, 'called', { id: 'C001', status: 'called', counterNumber: 7 }));
    expect(callingNow(after)).toEqual([expect.objectContaining({ number: 'C001', counterNumber: 7, callSeq: 11, position: null })]);
    expect(after.recentCalls[0]).toMatchObject({ number: 'C001', counterNumber: 7, type: 'called', seq: 11 });
    expect(after.services.find((s) => s.serviceId === 'violation')!.waiting).toBe(1);
  });

  it('keeps the counter of a ticket being served when the event leaves it out, and drops a finished ticket', () => {
    const called = board([ticket('C001', { status: 'called', counterNumber: 7, callSeq: 10, position: null })]);
    const serving = applyQueueEvent(called, event(11, 'started', { id: 'C001', status: 'serving' }));
    expect(serving.tickets[0]).toMatchObject({ status: 'serving', counterNumber: 7, callSeq: 10 });
    const finished = applyQueueEvent(serving, event(12, 'finished', { id: 'C001', status: 'finished', counterNumber: 7 }));
    expect(finished.tickets).toEqual([]);
  });

  it('lists the latest calls first and keeps only so many', () => {
    let b = board([ticket('C001', { status: 'called', counterNumber: 7, callSeq: 10, position: null })]);
    for (let seq = 11; seq <= 11 + RECENT_CALLS_KEPT; seq++) b = applyQueueEvent(b, event(seq, 'recalled', { id: 'C001', status: 'called', counterNumber: 7 }));
    expect(b.recentCalls).toHaveLength(RECENT_CALLS_KEPT);
    expect(b.recentCalls[0]!.seq).toBe(11 + RECENT_CALLS_KEPT);
    expect(callingNow(b)[0]!.callSeq).toBe(11 + RECENT_CALLS_KEPT);
  });

  it('groups the waiting tickets by service group, nearest the front first, a few per group', () => {
    const b = board([
      ticket('C003', { position: 2 }), ticket('C001', { position: 0 }), ticket('C002', { position: 1 }),
      ticket('A001', { serviceId: 'mv-transfer', position: 0 }), ticket('C009', { status: 'called', counterNumber: 7, position: null }),
    ]);
    const groups = queuesByGroup(b, 2);
    expect(groups.map((g) => [g.groupId, g.waiting, g.next.map((t) => t.number)])).toEqual([
      ['vehicle', 1, ['A001']],
      ['violation', 3, ['C001', 'C002']],
    ]);
  });
});
