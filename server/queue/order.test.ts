/** The queue order: classes, first come first served, anti-starvation, and the explanations. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  explainOrder, hasWaitedTooLong, isPriorityClass, nextTicket, orderQueue, stateAfterCall,
  type OrderPolicy, type QueueClass, type QueuedTicket, type QueueState,
} from './order.ts';

const NOW = new Date('2026-11-23T10:00:00+08:00');
const POLICY: OrderPolicy = { antiStarvationPriorityCalls: 5, antiStarvationWaitMinutes: 45 };
const FRESH: QueueState = { priorityCallsInARow: 0 };

/** A ticket that joined the queue `minutesAgo` before NOW; the number doubles as the id. */
const ticket = (number: string, cls: QueueClass, minutesAgo: number): QueuedTicket => ({
  id: number, number, class: cls, queuedAt: new Date(NOW.getTime() - minutesAgo * 60_000),
});
const numbers = (tickets: readonly QueuedTicket[]) => tickets.map((t) => t.number);
const calls = (n: number): QueueState => ({ priorityCallsInARow: n });
const sameLane = (x: QueueClass, y: QueueClass) => isPriorityClass(x) === isPriorityClass(y) && (x === y || !isPriorityClass(x));

describe('the queue order', () => {
  it('calls green tickets first, then appointments, then walk-ins, whatever the arrival', () => {
    const waiting = [ticket('C001', 'walk_in', 30), ticket('A001', 'appointment', 20), ticket('B007', 'green', 1)];
    expect(numbers(orderQueue(waiting, POLICY, FRESH, NOW))).toEqual(['B007', 'A001', 'C001']);
  });

  it('ranks walk-ins and late arrivals equal, first come first served between them', () => {
    const waiting = [ticket('C002', 'walk_in', 10), ticket('L001', 'late', 20), ticket('C001', 'walk_in', 30)];
    expect(numbers(orderQueue(waiting, POLICY, FRESH, NOW))).toEqual(['C001', 'L001', 'C002']);
  });

  it('breaks ties in arrival by number, then by id, so the order does not depend on the input order', () => {
    const twins = [
      { ...ticket('A002', 'walk_in', 5), id: 'y' }, { ...ticket('A001', 'walk_in', 5), id: 'z' }, { ...ticket('A001', 'walk_in', 5), id: 'x' },
    ];
    expect(orderQueue(twins, POLICY, FRESH, NOW).map((t) => t.id)).toEqual(['x', 'z', 'y']);
    expect(orderQueue([...twins].reverse(), POLICY, FRESH, NOW).map((t) => t.id)).toEqual(['x', 'z', 'y']);
  });

  it('returns the callers own objects, extra fields and all, and leaves the input alone', () => {
    const waiting = [{ ...ticket('C001', 'walk_in', 3), counter: 4 }, { ...ticket('B001', 'green', 1), counter: 7 }];
    const before = [...waiting];
    const order = orderQueue(waiting, POLICY, FRESH, NOW);
    expect(order[0]).toBe(waiting[1]);
    expect(order[0]?.counter).toBe(7);
    expect(waiting).toEqual(before);
  });

  it('has nobody next when nobody waits', () => {
    expect(orderQueue([], POLICY, FRESH, NOW)).toEqual([]);
    expect(nextTicket([], POLICY, calls(9), NOW)).toBeUndefined();
  });
});

describe('anti-starvation', () => {
  const longWaiter = ticket('C001', 'walk_in', 50);
  const priority = [ticket('B001', 'green', 2), ticket('A001', 'appointment', 3)];

  it('calls a walk-in that waited longer than 45 minutes after 5 priority calls in a row', () => {
    expect(nextTicket([...priority, longWaiter], POLICY, calls(4), NOW)?.number).toBe('B001');
    expect(nextTicket([...priority, longWaiter], POLICY, calls(5), NOW)?.number).toBe('C001');
    expect(nextTicket([...priority, longWaiter], POLICY, calls(8), NOW)?.number).toBe('C001');
  });

  it('treats late arrivals like walk-ins', () => {
    expect(nextTicket([...priority, ticket('L001', 'late', 50)], POLICY, calls(5), NOW)?.number).toBe('L001');
  });

  it('does not let a walk-in jump at exactly 45 minutes, only after', () => {
    expect(nextTicket([...priority, ticket('C001', 'walk_in', 45)], POLICY, calls(5), NOW)?.number).toBe('B001');
    expect(nextTicket([...priority, ticket('C001', 'walk_in', 45.01)], POLICY, calls(5), NOW)?.number).toBe('C001');
  });

  it('lets the longest-waiting walk-in go first, not the one that merely qualifies', () => {
    const waiting = [...priority, ticket('C002', 'walk_in', 50), ticket('L001', 'late', 70)];
    expect(nextTicket(waiting, POLICY, calls(5), NOW)?.number).toBe('L001');
  });

  it('predicts the whole sequence: five priority calls, one long waiter, five more, the next long waiter', () => {
    const greens = Array.from({ length: 12 }, (_, i) => ticket(`B${String(i + 1).padStart(3, '0')}`, 'green', 12 - i));
    const waiting = [...greens, ticket('C001', 'walk_in', 60), ticket('C002', 'walk_in', 50), ticket('C003', 'walk_in', 10)];
    expect(numbers(orderQueue(waiting, POLICY, calls(2), NOW))).toEqual([
      'B001', 'B002', 'B003', 'C001', 'B004', 'B005', 'B006', 'B007', 'B008', 'C002',
      'B009', 'B010', 'B011', 'B012', 'C003',
    ]);
  });

  it('decides by now: a walk-in not yet past the limit waits behind every priority ticket in the list', () => {
    const greens = Array.from({ length: 8 }, (_, i) => ticket(`B00${i + 1}`, 'green', 8 - i));
    const order = numbers(orderQueue([...greens, ticket('C001', 'walk_in', 44)], POLICY, calls(5), NOW));
    expect(order.at(-1)).toBe('C001');
  });

  it('knows which calls are priority calls and counts them until a walk-in or late call', () => {
    expect([isPriorityClass('green'), isPriorityClass('appointment'), isPriorityClass('walk_in'), isPriorityClass('late')])
      .toEqual([true, true, false, false]);
    expect(stateAfterCall(calls(3), 'green')).toEqual(calls(4));
    expect(stateAfterCall(calls(3), 'appointment')).toEqual(calls(4));
    expect(stateAfterCall(calls(3), 'walk_in')).toEqual(calls(0));
    expect(stateAfterCall(calls(3), 'late')).toEqual(calls(0));
    expect(hasWaitedTooLong(ticket('C001', 'walk_in', 46), POLICY, NOW)).toBe(true);
  });
});

describe('explaining the order', () => {
  const green = ticket('B007', 'green', 1);
  const walkIn = ticket('A012', 'walk_in', 20);
  const appointment = ticket('D003', 'appointment', 5);
  const explain = (ahead: QueuedTicket, behind: QueuedTicket, waiting: QueuedTicket[], state = FRESH) =>
    explainOrder(ahead, behind, waiting, POLICY, state, NOW);

  it('says a green ticket goes before a walk-in', () => {
    expect(explain(green, walkIn, [walkIn, green])).toEqual({
      code: 'green_first', zh: 'B007 是绿色通道号，优先于普通号 A012。', en: 'B007 is a green-channel ticket, so it goes before A012.',
    });
  });

  it('says an appointment checked in on time goes before a late arrival', () => {
    const late = ticket('L002', 'late', 30);
    expect(explain(appointment, late, [late, appointment])).toEqual({
      code: 'appointment_before_walk_in',
      zh: 'D003 是按时签到的预约号，优先于迟到号 L002。',
      en: 'D003 is an appointment checked in on time, so it goes before L002, a late arrival.',
    });
  });

  it('says who came first inside a class, with Beijing clock times', () => {
    const later = ticket('A015', 'walk_in', 12);
    expect(explain(walkIn, later, [later, walkIn])).toEqual({
      code: 'earlier_in_class', zh: 'A012 比 A015 先排队（09:40 对 09:48），先到先叫。',
      en: 'A012 joined the queue before A015 (09:40 vs 09:48): first come, first served.',
    });
  });

  it('says a tie in arrival goes by number', () => {
    const twin = ticket('A013', 'walk_in', 20);
    expect(explain(walkIn, twin, [twin, walkIn]).zh).toBe('A012 与 A013 同时排队，按号码顺序叫号。');
  });

  it('says a long waiter goes first after enough priority calls, with the rule\'s numbers', () => {
    const longWaiter = ticket('C015', 'walk_in', 52);
    expect(explain(longWaiter, green, [green, longWaiter], calls(5))).toEqual({
      code: 'waited_too_long',
      zh: 'C015 已等候超过 45 分钟（09:08 起排队）；每连续叫 5 个优先号后先叫一位久等的号，所以排在绿色通道号 B007 之前。',
      en: 'C015 has waited more than 45 minutes (queued since 09:08); after 5 priority calls in a row the longest-waiting walk-in goes next, so it goes before B007.',
    });
  });

  it('refuses with bad_request when the first ticket is not ahead, or a ticket is not waiting', () => {
    expect(() => explain(walkIn, green, [walkIn, green])).toThrow(expect.objectContaining({
      code: 'bad_request', sentence: { zh: 'A012 并不排在 B007 之前。', en: 'A012 is not ahead of B007.' },
    }));
    expect(() => explain(green, green, [green])).toThrow(expect.objectContaining({ code: 'bad_request' }));
    expect(() => explain(green, appointment, [green])).toThrow(expect.objectContaining({
      code: 'bad_request', sentence: { zh: 'D003 不在等候队列中。', en: 'D003 is not waiting in this queue.' },
    }));
  });
});

// ---- properties ----------------------------------------------------------------------------------

const CLASSES: QueueClass[] = ['green', 'appointment', 'walk_in', 'late'];
const arbPolicy = fc.record({ antiStarvationPriorityCalls: fc.integer({ min: 1, max: 6 }), antiStarvationWaitMinutes: fc.integer({ min: 1, max: 90 }) });
const arbState = fc.record({ priorityCallsInARow: fc.integer({ min: 0, max: 8 }) });
/** Arrivals within the last three hours, on five-minute steps so that ties in arrival are common. */
const arbTicketish = fc.record({
  class: fc.constantFrom(...CLASSES),
  secondsAgo: fc.integer({ min: 0, max: 36 }).map((steps) => steps * 300),
  number: fc.integer({ min: 1, max: 40 }).map((n) => `A${String(n).padStart(3, '0')}`),
});
const arbWaiting = fc.array(arbTicketish, { maxLength: 40 }).map((rows) => rows.map((row, i): QueuedTicket => ({
  id: `t${String(i).padStart(3, '0')}`, number: row.number, class: row.class, queuedAt: new Date(NOW.getTime() - row.secondsAgo * 1000),
})));

const arrivedBefore = (x: QueuedTicket, y: QueuedTicket) =>
  x.queuedAt < y.queuedAt || (x.queuedAt.getTime() === y.queuedAt.getTime() && (x.number < y.number || (x.number === y.number && x.id < y.id)));

describe('properties of the queue order', () => {
  it('is a permutation of the waiting tickets', () => {
    fc.assert(fc.property(arbWaiting, arbPolicy, arbState, (waiting, policy, state) => {
      const order = orderQueue(waiting, policy, state, NOW);
      expect(order.map((t) => t.id).sort()).toEqual(waiting.map((t) => t.id).sort());
    }));
  });

  it('predicts the calls: position k is what the k-th call of nextTicket takes', () => {
    fc.assert(fc.property(arbWaiting, arbPolicy, arbState, (waiting, policy, state) => {
      const called: QueuedTicket[] = [];
      let [left, current] = [waiting, state];
      for (let next = nextTicket(left, policy, current, NOW); next; next = nextTicket(left, policy, current, NOW)) {
        called.push(next);
        left = left.filter((t) => t !== next);
        current = stateAfterCall(current, next.class);
      }
      expect(called).toEqual(orderQueue(waiting, policy, state, NOW));
    }));
  });

  it('keeps first come first served inside a class (walk-ins and late arrivals together)', () => {
    fc.assert(fc.property(arbWaiting, arbPolicy, arbState, (waiting, policy, state) => {
      const order = orderQueue(waiting, policy, state, NOW);
      order.forEach((x, i) => order.slice(i + 1).forEach((y) => {
        if (sameLane(x.class, y.class)) expect(arrivedBefore(x, y)).toBe(true);
      }));
    }));
  });

  it('calls green first unless anti-starvation applies: only a long-waiting walk-in, after N priority calls, goes before a green', () => {
    fc.assert(fc.property(arbWaiting, arbPolicy, arbState, (waiting, policy, state) => {
      let current = state;
      const order = orderQueue(waiting, policy, state, NOW);
      order.forEach((x, i) => {
        const greenBehind = order.slice(i + 1).some((y) => y.class === 'green');
        if (greenBehind && x.class !== 'green') {
          expect(isPriorityClass(x.class)).toBe(false);
          expect(hasWaitedTooLong(x, policy, NOW)).toBe(true);
          expect(current.priorityCallsInARow).toBeGreaterThanOrEqual(policy.antiStarvationPriorityCalls);
        }
        current = stateAfterCall(current, x.class);
      });
    }));
  });

  it('starves no walk-in: with priority tickets arriving at every call, the k-th long waiter is called within k·(N+1) calls', () => {
    const arbArrivals = fc.array(fc.array(fc.constantFrom<QueueClass>('green', 'appointment'), { minLength: 1, maxLength: 3 }), { minLength: 60, maxLength: 60 });
    fc.assert(fc.property(arbWaiting, arbPolicy, arbState, arbArrivals, (waiting, policy, state, arrivals) => {
      const longWaiters = waiting.filter((t) => !isPriorityClass(t.class) && hasWaitedTooLong(t, policy, NOW)).sort((x, y) => (arrivedBefore(x, y) ? -1 : 1));
      let [left, current, now] = [waiting, state, NOW];
      const calledAt = new Map<string, number>();
      arrivals.forEach((batch, call) => {
        // Priority tickets keep arriving and the clock keeps moving; a long waiter stays a long waiter.
        now = new Date(now.getTime() + 60_000);
        left = [...left, ...batch.map((cls, j) => ({ id: `n${call}-${j}`, number: `N${call}`, class: cls, queuedAt: now }))];
        const next = nextTicket(left, policy, current, now);
        if (!next) return;
        calledAt.set(next.id, call + 1);
        left = left.filter((t) => t !== next);
        current = stateAfterCall(current, next.class);
      });
      longWaiters.forEach((t, k) => {
        const bound = (k + 1) * (policy.antiStarvationPriorityCalls + 1);
        if (bound <= arrivals.length) expect(calledAt.get(t.id)).toBeLessThanOrEqual(bound);
      });
    }));
  });

  it('explains every adjacent pair, and any pair further apart, consistently with the order', () => {
    fc.assert(fc.property(arbWaiting, arbPolicy, arbState, fc.nat(), (waiting, policy, state, seed) => {
      const order = orderQueue(waiting, policy, state, NOW);
      const check = (ahead: QueuedTicket, behind: QueuedTicket) => {
        const { code } = explainOrder(ahead, behind, waiting, policy, state, NOW);
        expect(code).toBe(expectedCode(ahead.class, behind.class));
        if (code === 'waited_too_long') expect(hasWaitedTooLong(ahead, policy, NOW)).toBe(true);
        expect(() => explainOrder(behind, ahead, waiting, policy, state, NOW)).toThrow(expect.objectContaining({ code: 'bad_request' }));
      };
      order.slice(1).forEach((behind, i) => check(order[i]!, behind));
      if (order.length >= 2) {
        const i = seed % (order.length - 1);
        const j = i + 1 + (seed % (order.length - 1 - i));
        check(order[i]!, order[j]!);
      }
    }));
  });
});

/** What the reason must be, from the classes alone, for a pair known to be in that order. */
function expectedCode(ahead: QueueClass, behind: QueueClass): string {
  if (sameLane(ahead, behind)) return 'earlier_in_class';
  if (!isPriorityClass(ahead)) return 'waited_too_long';
  return ahead === 'green' ? 'green_first' : 'appointment_before_walk_in';
}
