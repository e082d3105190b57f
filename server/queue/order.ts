/**
 * The order in which waiting tickets are called. Green channel first, then appointments checked in on
 * time, then walk-ins and late arrivals (ranked equal); first come first served inside each. So that
 * nobody waits for ever, after N priority calls in a row *(setting)* a walk-in or late ticket that has
 * waited longer than M minutes *(setting)* goes next. Pure: the caller passes the waiting tickets, the
 * policy, how many priority calls were just made, and `now`.
 */
import { wallTime } from '../../common/time.ts';
import { AppError } from '../errors.ts';

export type QueueClass = 'green' | 'appointment' | 'walk_in' | 'late';

export interface QueuedTicket { id: string; number: string; class: QueueClass; queuedAt: Date }

export interface OrderPolicy { antiStarvationPriorityCalls: number; antiStarvationWaitMinutes: number }

/** priorityCallsInARow: priority (green/appointment) calls made since the last walk-in/late call in this queue. */
export interface QueueState { priorityCallsInARow: number }

export type ExplanationCode = 'green_first' | 'appointment_before_walk_in' | 'earlier_in_class' | 'waited_too_long';

/** Why one ticket is called before another, as sentences for the display and the clerk. */
export interface Explanation { code: ExplanationCode; zh: string; en: string }

/** Lanes in calling priority; walk-ins and late arrivals share the last lane, which is what "ranked equal" means. */
const LANE = { green: 0, appointment: 1, walk_in: 2, late: 2 } as const satisfies Record<QueueClass, number>;
type Lane = (typeof LANE)[QueueClass];
const GENERAL: Lane = 2;

/** Whether calling a ticket of class `c` counts as a priority call: `isPriorityClass('green') === true`. */
export function isPriorityClass(c: QueueClass): boolean {
  return LANE[c] !== GENERAL;
}

/** The state after calling a ticket of class `c`: `stateAfterCall({ priorityCallsInARow: 2 }, 'late')` → 0. */
export function stateAfterCall(state: QueueState, c: QueueClass): QueueState {
  return { priorityCallsInARow: isPriorityClass(c) ? state.priorityCallsInARow + 1 : 0 };
}

/** Whether a ticket has waited strictly longer than the policy's M minutes at `now` (exactly M is not yet). */
export function hasWaitedTooLong(ticket: QueuedTicket, policy: OrderPolicy, now: Date): boolean {
  return now.getTime() - ticket.queuedAt.getTime() > policy.antiStarvationWaitMinutes * 60_000;
}

/**
 * The waiting tickets in the order they will be called, given the state and now: position k is the
 * k-th ticket called if nobody joins, leaves or changes class. Anti-starvation is judged at `now` for
 * the whole list (a walk-in that passes M minutes later moves up when the order is next computed),
 * so the list is a prediction that is only as good as the moment it was made.
 */
export function orderQueue<T extends QueuedTicket>(waiting: readonly T[], policy: OrderPolicy, state: QueueState, now: Date): T[] {
  const lanes = lanesOf(waiting);
  const order: T[] = [];
  // Simulate the calls one by one, because whether the next walk-in jumps depends on the calls before it.
  for (let current = state; order.length < waiting.length;) {
    const ticket = lanes[laneToCall(lanes, policy, current, now)].pop();
    if (!ticket) break; // unreachable: laneToCall only names an empty lane when all are empty
    order.push(ticket);
    current = stateAfterCall(current, ticket.class);
  }
  return order;
}

/** Which ticket is called next (the first of `orderQueue`), or undefined when nobody waits. */
export function nextTicket<T extends QueuedTicket>(waiting: readonly T[], policy: OrderPolicy, state: QueueState, now: Date): T | undefined {
  const lanes = lanesOf(waiting);
  return lanes[laneToCall(lanes, policy, state, now)].at(-1);
}

/**
 * Why `ahead` comes before `behind` in `orderQueue(waiting, policy, state, now)`; they need not be
 * adjacent. Throws `AppError('bad_request')` with a sentence when either is not waiting or `ahead` is
 * not actually ahead, so a route can pass a citizen's question straight through. Example:
 * `{ code: 'green_first', zh: 'B007 是绿色通道号，优先于普通号 A012。', en: 'B007 is a green-channel ticket, so it goes before A012.' }`.
 */
export function explainOrder<T extends QueuedTicket>(
  ahead: T, behind: T, waiting: readonly T[], policy: OrderPolicy, state: QueueState, now: Date,
): Explanation {
  const order = orderQueue(waiting, policy, state, now);
  const a = order.findIndex((t) => t.id === ahead.id);
  const b = order.findIndex((t) => t.id === behind.id);
  const first = order[a];
  const second = order[b];
  if (!first || !second) throw notWaiting(first ? behind : ahead);
  if (a >= b) throw notAhead(ahead, behind);
  return reasonAhead(first, second, policy);
}

/** Tickets split by lane, each lane latest-first so that its next ticket is popped off the end in O(1). */
function lanesOf<T extends QueuedTicket>(waiting: readonly T[]): [T[], T[], T[]] {
  const lanes: [T[], T[], T[]] = [[], [], []];
  for (const t of [...waiting].sort((x, y) => byArrival(y, x))) lanes[LANE[t.class]].push(t);
  return lanes;
}

/** First come first served; equal instants fall back to the number, then the id, so the order is total. */
function byArrival(x: QueuedTicket, y: QueuedTicket): number {
  return x.queuedAt.getTime() - y.queuedAt.getTime() || compareText(x.number, y.number) || compareText(x.id, y.id);
}

/** Code-unit order, not locale order, so every server sorts the same way. */
function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The lane whose head is called next. The general lane's head is its longest-waiting ticket, and the
 * tickets that have waited too long are a prefix of that lane, so looking at the head is enough.
 */
function laneToCall(lanes: readonly [QueuedTicket[], QueuedTicket[], QueuedTicket[]], policy: OrderPolicy, state: QueueState, now: Date): Lane {
  const longestWaiting = lanes[GENERAL].at(-1);
  const priorityHadItsTurn = state.priorityCallsInARow >= policy.antiStarvationPriorityCalls;
  if (longestWaiting && priorityHadItsTurn && hasWaitedTooLong(longestWaiting, policy, now)) return GENERAL;
  if (lanes[0].length > 0) return 0;
  if (lanes[1].length > 0) return 1;
  return GENERAL;
}

const ZH_KIND: Record<QueueClass, string> = { green: '绿色通道号', appointment: '预约号', walk_in: '普通号', late: '迟到号' };
const EN_KIND: Record<QueueClass, string> = { green: 'a green-channel ticket', appointment: 'an appointment', walk_in: 'a walk-in', late: 'a late arrival' };

/**
 * The reason for a pair already known to be in that order. A general-lane ticket ahead of a priority
 * ticket can only have been taken by anti-starvation: otherwise a priority lane was non-empty when it
 * was called, and priority lanes go first.
 */
function reasonAhead(ahead: QueuedTicket, behind: QueuedTicket, policy: OrderPolicy): Explanation {
  const [laneA, laneB] = [LANE[ahead.class], LANE[behind.class]];
  if (laneA === laneB) return earlierInClass(ahead, behind);
  if (laneA > laneB) return waitedTooLong(ahead, behind, policy);
  if (ahead.class === 'green') {
    return {
      code: 'green_first',
      zh: `${ahead.number} 是绿色通道号，优先于${ZH_KIND[behind.class]} ${behind.number}。`,
      en: `${ahead.number} is a green-channel ticket, so it goes before ${behind.number}.`,
    };
  }
  return {
    code: 'appointment_before_walk_in',
    zh: `${ahead.number} 是按时签到的预约号，优先于${ZH_KIND[behind.class]} ${behind.number}。`,
    en: `${ahead.number} is an appointment checked in on time, so it goes before ${behind.number}, ${EN_KIND[behind.class]}.`,
  };
}

function earlierInClass(ahead: QueuedTicket, behind: QueuedTicket): Explanation {
  const [a, b] = [ahead.number, behind.number];
  if (ahead.queuedAt.getTime() === behind.queuedAt.getTime()) {
    return {
      code: 'earlier_in_class',
      zh: `${a} 与 ${b} 同时排队，按号码顺序叫号。`,
      en: `${a} and ${b} joined the queue at the same moment, so they go in number order.`,
    };
  }
  const [ta, tb] = [wallTime(ahead.queuedAt), wallTime(behind.queuedAt)];
  // Within the same minute the clock times would read equal and confuse rather than explain.
  const zhTimes = ta === tb ? '' : `（${ta} 对 ${tb}）`;
  const enTimes = ta === tb ? '' : ` (${ta} vs ${tb})`;
  return {
    code: 'earlier_in_class',
    zh: `${a} 比 ${b} 先排队${zhTimes}，先到先叫。`,
    en: `${a} joined the queue before ${b}${enTimes}: first come, first served.`,
  };
}

function waitedTooLong(ahead: QueuedTicket, behind: QueuedTicket, policy: OrderPolicy): Explanation {
  const { antiStarvationPriorityCalls: n, antiStarvationWaitMinutes: m } = policy;
  const since = wallTime(ahead.queuedAt);
  return {
    code: 'waited_too_long',
    zh: `${ahead.number} 已等候超过 ${m} 分钟（${since} 起排队）；每连续叫 ${n} 个优先号后先叫一位久等的号，所以排在${ZH_KIND[behind.class]} ${behind.number} 之前。`,
    en: `${ahead.number} has waited more than ${m} minutes (queued since ${since}); after ${n} priority calls in a row the longest-waiting walk-in goes next, so it goes before ${behind.number}.`,
  };
}

function notWaiting(ticket: QueuedTicket): AppError {
  return new AppError('bad_request', {
    sentence: { zh: `${ticket.number} 不在等候队列中。`, en: `${ticket.number} is not waiting in this queue.` },
    details: { ticket: ticket.number },
  });
}

function notAhead(ahead: QueuedTicket, behind: QueuedTicket): AppError {
  return new AppError('bad_request', {
    sentence: { zh: `${ahead.number} 并不排在 ${behind.number} 之前。`, en: `${ahead.number} is not ahead of ${behind.number}.` },
    details: { ahead: ahead.number, behind: behind.number },
  });
}
