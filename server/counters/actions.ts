/**
 * What a clerk does at a counter, each one transaction that starts by locking the counter row: the
 * actions of one counter run one after another, those of different counters side by side.
 *
 * - **Call next** claims the first ticket of the counter's queues in calling order (server/queue/order.ts,
 *   with this counter's recent calls for anti-starvation) by `select … for update skip locked` over
 *   that order: a ticket another counter is claiming at the same moment is skipped, never shared.
 *   A ticket still in hand is finished first (the clerk pressed "next": they are done with it).
 * - **Finish** moves a journey's ticket to its next step's queue (一票到底), or ends it.
 * - Every action carries an idempotency key: a double click or a retried request does it once and
 *   answers as the first did (`idempotency_keys`, claimed in the same transaction).
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { CounterActionResult } from '../../common/counters.ts';
import type { CounterEvent, QueueEvent } from '../../common/events.ts';
import { bilingual } from '../../common/outlets.ts';
import { serviceDate } from '../../common/time.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { counters, counterServices, idempotencyKeys, serviceSteps, staff, ticketEvents, tickets, type Counter, type StaffRole, type Ticket } from '../../db/schema.ts';
import { audit } from '../audit.ts';
import type { Settings } from '../domain/settings.ts';
import { AppError } from '../errors.ts';
import { recordCounterChange, recordTransition } from '../queue/events.ts';
import { isPriorityClass, orderQueue, type QueueClass, type QueueState } from '../queue/order.ts';
import { counterViews, staffTickets } from '../queue/staff-view.ts';
import { ensureTransition, nextStep } from '../queue/transitions.ts';
import { notifyTurnNear } from '../queue/turn-near.ts';

export interface CounterActor {
  staffId: string;
  role: StaffRole;
  outletIds: readonly string[];
}

export type CounterAction = 'open' | 'pause' | 'resume' | 'close' | 'call-next' | 'recall' | 'missed' | 'start' | 'finish' | 'transfer';

interface Step {
  tx: Transaction;
  counter: Counter;
  actor: CounterActor;
  settings: Settings;
  now: Date;
  events: QueueEvent[];
  counterEvents: CounterEvent[];
}

const NOBODY_WAITING = { zh: '当前没有等候的号。', en: 'Nobody is waiting for this counter\'s services.' };
/** Tickets claimed per round of `for update skip locked`: enough that a round rarely comes back empty. */
const CLAIM_BATCH = 50;

async function lockCounter(tx: Transaction, counterId: string, actor: CounterActor): Promise<Counter> {
  const [counter] = await tx.select().from(counters).where(eq(counters.id, counterId)).for('update');
  if (!counter || !actor.outletIds.includes(counter.outletId)) throw new AppError('not_found', { detail: `counter ${counterId}` });
  return counter;
}

/** The clerk at the counter, or a supervisor stepping in. */
function ensureHolds(step: Step): void {
  const { counter, actor } = step;
  if (counter.staffId === actor.staffId || actor.role === 'supervisor') return;
  throw new AppError(counter.staffId ? 'counter_taken' : 'counter_not_open');
}

function ensureOpen(counter: Counter): void {
  if (counter.status !== 'open') throw new AppError('counter_not_open');
}

async function ticketInHand(tx: Transaction, counterId: string): Promise<Ticket | undefined> {
  const [ticket] = await tx.select().from(tickets).where(and(eq(tickets.counterId, counterId), inArray(tickets.status, ['called', 'serving']))).for('update');
  return ticket;
}

async function requireInHand(step: Step): Promise<Ticket> {
  const ticket = await ticketInHand(step.tx, step.counter.id);
  if (!ticket) throw new AppError('no_current_ticket');
  return ticket;
}

/** Moves the ticket by a conditional update on the status read; the event is filed under the queue it leaves. */
async function move(step: Step, ticket: Ticket, type: string, set: Partial<Ticket>, data: Record<string, unknown> = {}): Promise<Ticket> {
  const [moved] = await step.tx.update(tickets).set(set).where(and(eq(tickets.id, ticket.id), eq(tickets.status, ticket.status))).returning();
  if (!moved) throw new AppError('ticket_state_conflict', { details: { number: ticket.number } });
  step.events.push(await recordTransition(step.tx, {
    ticket: moved, type, fromStatus: ticket.status, actor: { kind: 'staff', id: step.actor.staffId }, at: step.now, serviceId: ticket.serviceId,
    counterNumber: step.counter.number, data: { counterId: step.counter.id, ...data },
  }));
  return moved;
}

/** Finishing a step of a journey queues the same ticket for the next step; the last step ends it. */
async function finishTicket(step: Step, ticket: Ticket, implicit: boolean): Promise<Ticket> {
  ensureTransition('finish', ticket);
  const steps = await step.tx.select({ serviceId: serviceSteps.stepServiceId }).from(serviceSteps)
    .where(eq(serviceSteps.serviceId, ticket.journeyServiceId)).orderBy(asc(serviceSteps.position));
  const next = nextStep(steps.map((s) => s.serviceId), ticket.stepPosition);
  const data = { step: ticket.stepPosition, ...(implicit ? { implicit: true } : {}) };
  if (!next) return move(step, ticket, 'finished', { status: 'finished' }, data);
  return move(step, ticket, 'step_finished', {
    status: 'waiting', serviceId: next.serviceId, stepPosition: next.position, queuedAt: step.now, counterId: null,
  }, { ...data, nextServiceId: next.serviceId });
}

/** How many priority calls this counter made in a row lately (anti-starvation counts per counter). */
async function callState(step: Step): Promise<QueueState> {
  const recent = await step.tx.select({ data: ticketEvents.data }).from(ticketEvents)
    .where(and(eq(ticketEvents.counterId, step.counter.id), eq(ticketEvents.type, 'called')))
    .orderBy(desc(ticketEvents.id)).limit(step.settings.antiStarvationPriorityCalls);
  let inARow = 0;
  for (const { data } of recent) {
    if (!isPriorityClass(data.class as QueueClass)) break;
    inARow += 1;
  }
  return { priorityCallsInARow: inARow };
}

async function callNext(step: Step): Promise<Ticket | undefined> {
  const { tx, counter, now } = step;
  // The counter's queues in the same statement: one round trip fewer on the way to the screens.
  const served = tx.select({ serviceId: counterServices.serviceId }).from(counterServices).where(eq(counterServices.counterId, counter.id));
  const waiting = await tx.select({ id: tickets.id, number: tickets.number, class: tickets.class, queuedAt: tickets.queuedAt }).from(tickets)
    .where(and(
      eq(tickets.outletId, counter.outletId), eq(tickets.serviceDate, serviceDate(now)),
      inArray(tickets.serviceId, served), eq(tickets.status, 'waiting'),
    ));
  if (waiting.length === 0) return undefined;
  const order = orderQueue(waiting, step.settings, await callState(step), now).map((t) => t.id);
  for (let from = 0; from < order.length; from += CLAIM_BATCH) {
    const batch = order.slice(from, from + CLAIM_BATCH);
    const position = sql`array_position(ARRAY[${sql.join(batch.map((id) => sql`${id}`), sql`, `)}]::uuid[], ${tickets.id})`;
    const [claimed] = await tx.select().from(tickets)
      .where(and(inArray(tickets.id, batch), eq(tickets.status, 'waiting')))
      .orderBy(position).limit(1)
      .for('update', { skipLocked: true });
    if (claimed) return move(step, claimed, 'called', { status: 'called', counterId: counter.id }, { class: claimed.class });
  }
  return undefined;
}

/** Opens, pauses, resumes or closes: audited, and numbered in the outlet's sequence for the screens. */
async function setCounter(step: Step, action: 'open' | 'pause' | 'resume' | 'close', values: Partial<Counter>): Promise<void> {
  const [updated] = await step.tx.update(counters).set({ ...values, updatedAt: step.now }).where(eq(counters.id, step.counter.id)).returning();
  step.counter = updated!;
  const [holder] = updated!.staffId ? await step.tx.select({ name: staff.displayName }).from(staff).where(eq(staff.id, updated!.staffId)) : [];
  step.counterEvents.push(await recordCounterChange(step.tx, updated!, holder?.name ?? null, step.now));
  await audit(step.tx, {
    actor: { kind: 'staff', id: step.actor.staffId }, action: `counter.${action === 'open' ? 'opened' : action === 'pause' ? 'paused' : action === 'resume' ? 'resumed' : 'closed'}`,
    target: { kind: 'counter', id: updated!.id }, outletId: updated!.outletId, at: step.now, details: { number: updated!.number },
  });
}

/** Runs one action; `transferTo` only for `transfer`. */
async function perform(step: Step, action: CounterAction, transferTo: string | undefined): Promise<{ ticket: Ticket | undefined; note: CounterActionResult['note'] }> {
  const { counter, actor } = step;
  switch (action) {
    case 'open': {
      if (counter.staffId && counter.staffId !== actor.staffId && counter.status !== 'closed') throw new AppError('counter_taken');
      await setCounter(step, 'open', { status: 'open', staffId: actor.staffId });
      return { ticket: undefined, note: null };
    }
    case 'pause':
    case 'resume': {
      ensureHolds(step);
      if (counter.status === 'closed') throw new AppError('counter_not_open');
      await setCounter(step, action, { status: action === 'pause' ? 'paused' : 'open' });
      return { ticket: undefined, note: null };
    }
    case 'close': {
      ensureHolds(step);
      if (await ticketInHand(step.tx, counter.id)) throw new AppError('counter_busy');
      await setCounter(step, 'close', { status: 'closed', staffId: null });
      return { ticket: undefined, note: null };
    }
    case 'call-next': {
      ensureHolds(step);
      ensureOpen(counter);
      const inHand = await ticketInHand(step.tx, counter.id);
      if (inHand) await finishTicket(step, inHand, true);
      const called = await callNext(step);
      return { ticket: called, note: called ? null : NOBODY_WAITING };
    }
    case 'recall': {
      ensureHolds(step);
      const ticket = await requireInHand(step);
      ensureTransition('recall', ticket);
      return { ticket: await move(step, ticket, 'recalled', { status: 'called' }), note: null };
    }
    case 'missed': {
      ensureHolds(step);
      const ticket = await requireInHand(step);
      ensureTransition('miss', ticket);
      return { ticket: await move(step, ticket, 'missed', { status: 'missed' }), note: null };
    }
    case 'start': {
      ensureHolds(step);
      const ticket = await requireInHand(step);
      ensureTransition('start', ticket);
      return { ticket: await move(step, ticket, 'started', { status: 'serving' }), note: null };
    }
    case 'finish': {
      ensureHolds(step);
      return { ticket: await finishTicket(step, await requireInHand(step), false), note: null };
    }
    case 'transfer': {
      ensureHolds(step);
      const ticket = await requireInHand(step);
      ensureTransition('transfer', ticket);
      const [target] = await step.tx.select({ id: counterServices.serviceId }).from(counterServices)
        .innerJoin(counters, eq(counters.id, counterServices.counterId))
        .where(and(eq(counters.outletId, counter.outletId), eq(counterServices.serviceId, transferTo ?? ''))).limit(1);
      if (!target) throw new AppError('service_not_at_outlet', { fields: { serviceId: 'no_counter_serves_it' } });
      const moved = await move(step, ticket, 'transferred', { status: 'waiting', serviceId: target.id, queuedAt: step.now, counterId: null }, { fromServiceId: ticket.serviceId, toServiceId: target.id });
      return { ticket: moved, note: null };
    }
  }
}

/** What an action's idempotency key keeps for a repeat: the ticket it acted on and the clerk's note. */
const replayRecord = z.object({ ticketId: z.string().nullable(), note: bilingual.nullable() });
type ReplayRecord = z.infer<typeof replayRecord>;

/**
 * Claims the idempotency key in this transaction: the first request with it proceeds; a later one
 * (after the first committed) acts on nothing and answers about the same ticket. A failed action
 * rolls its claim back.
 */
async function claimKey(tx: Transaction, scope: string, key: string, now: Date): Promise<ReplayRecord | undefined> {
  const [claimed] = await tx.insert(idempotencyKeys).values({ scope, key, response: {}, createdAt: now }).onConflictDoNothing().returning({ key: idempotencyKeys.key });
  if (claimed) return undefined;
  const [stored] = await tx.select({ response: idempotencyKeys.response }).from(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  return replayRecord.parse(stored!.response);
}

/** What the action committed: the events for the screens, and what the answer is about. */
export interface CommittedAction extends ReplayRecord {
  /** To send to the outlet's room; empty for a repeated key. */
  events: QueueEvent[];
  counterEvents: CounterEvent[];
  /** The queue a call took a ticket from: its next holders may be near their turn. */
  calledFrom: { outletId: string; serviceDate: string; serviceId: string } | null;
}

/**
 * Runs one action in its transaction; then, committed, hands its events to `announce` (the screens
 * hear of a call before anything else is done), sends the turn-near messages, and answers with the
 * counter and the ticket as they are now. The answer is built after the screens are told: a call
 * reaches the lobby without waiting for the console's view of it.
 */
export async function counterAction(
  db: Database, counterId: string, action: CounterAction, request: { idempotencyKey: string; serviceId?: string },
  actor: CounterActor, settings: Settings, now: Date, announce: (committed: CommittedAction) => void,
): Promise<CounterActionResult> {
  const committed = await db.transaction(async (tx): Promise<CommittedAction> => {
    const counter = await lockCounter(tx, counterId, actor);
    const scope = `counter:${counterId}:${action}`;
    const replayed = await claimKey(tx, scope, request.idempotencyKey, now);
    if (replayed) return { ...replayed, events: [], counterEvents: [], calledFrom: null };

    const step: Step = { tx, counter, actor, settings, now, events: [], counterEvents: [] };
    const { ticket, note } = await perform(step, action, request.serviceId);
    const record: ReplayRecord = { ticketId: ticket?.id ?? null, note };
    await tx.update(idempotencyKeys).set({ response: record }).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, request.idempotencyKey)));
    const calledFrom = action === 'call-next' && ticket ? { outletId: ticket.outletId, serviceDate: ticket.serviceDate, serviceId: ticket.serviceId } : null;
    return { ...record, events: step.events, counterEvents: step.counterEvents, calledFrom };
  });
  announce(committed);
  // After the commit: a message lost to a crash here is sent at the next call (each call looks
  // again at who is near, and the outbox's dedupe key keeps it to one per ticket and step).
  if (committed.calledFrom) await notifyTurnNear(db, committed.calledFrom, settings, now);
  return counterAnswer(db, counterId, committed, now);
}

/** The counter as it is now and the ticket the action was about (usually the one now in hand). */
async function counterAnswer(db: Database, counterId: string, about: ReplayRecord, now: Date): Promise<CounterActionResult> {
  const [view] = await counterViews(db, { counterId }, now);
  if (!view) throw new AppError('not_found', { detail: `counter ${counterId}` });
  if (!about.ticketId || view.current?.id === about.ticketId) return { counter: view, ticket: about.ticketId ? view.current : null, note: about.note };
  const [row] = await db.select().from(tickets).where(eq(tickets.id, about.ticketId));
  const [ticket] = row ? await staffTickets(db, [row], now) : [];
  return { counter: view, ticket: ticket ?? null, note: about.note };
}
