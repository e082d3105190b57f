/**
 * Counters as administrators set them up: number (what the voice announces), name, and the services
 * each handles. A counter is deactivated by taking its services away and closing it — it then calls
 * nobody — and only while no ticket is in hand there: the counter row is locked first, as every
 * counter action does (server/counters/actions.ts), so a call racing the deactivation either lands
 * first (and is found in hand) or finds the counter closed.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AdminCounter, CreateCounterRequest, UpdateCounterRequest } from '../../common/admin.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { counterServices, counters, outletServices, outlets, tickets, type Counter } from '../../db/schema.ts';
import { audit } from '../audit.ts';
import { AppError, constraintName, sqlState } from '../errors.ts';
import type { StaffPrincipal } from './staff-principal.ts';

type Db = Database | Transaction;

async function views(db: Db, rows: Counter[]): Promise<AdminCounter[]> {
  const ids = rows.map((r) => r.id);
  const handled = ids.length === 0 ? [] : await db.select().from(counterServices).where(inArray(counterServices.counterId, ids))
    .orderBy(asc(counterServices.serviceId));
  const inHand = ids.length === 0 ? [] : await db.select({ counterId: tickets.counterId, number: tickets.number }).from(tickets)
    .where(and(inArray(tickets.counterId, ids), inArray(tickets.status, ['called', 'serving'])));
  return rows.map((r) => {
    const serviceIds = handled.filter((h) => h.counterId === r.id).map((h) => h.serviceId);
    return {
      id: r.id, outletId: r.outletId, number: r.number, name: r.name, status: r.status, staffId: r.staffId, serviceIds,
      ticketInHand: inHand.find((t) => t.counterId === r.id)?.number ?? null, active: serviceIds.length > 0,
    };
  });
}

export async function listCounters(db: Database, outletId: string | undefined): Promise<AdminCounter[]> {
  const rows = await db.select().from(counters).where(outletId ? eq(counters.outletId, outletId) : undefined)
    .orderBy(asc(counters.outletId), asc(counters.number));
  return views(db, rows);
}

/** Each service must be offered at the counter's outlet: a counter cannot call a queue its lobby never has. */
async function ensureOffered(tx: Transaction, outletId: string, serviceIds: readonly string[]): Promise<void> {
  const offered = serviceIds.length === 0 ? [] : await tx.select({ id: outletServices.serviceId }).from(outletServices)
    .where(and(eq(outletServices.outletId, outletId), inArray(outletServices.serviceId, [...serviceIds])));
  const known = new Set(offered.map((o) => o.id));
  const fields: Record<string, string> = {};
  serviceIds.forEach((id, i) => { if (!known.has(id)) fields[`serviceIds.${i}`] = 'not_offered_here'; });
  if (Object.keys(fields).length > 0) throw new AppError('validation_failed', { fields });
}

async function setServices(tx: Transaction, counterId: string, serviceIds: readonly string[]): Promise<void> {
  await tx.delete(counterServices).where(eq(counterServices.counterId, counterId));
  if (serviceIds.length > 0) await tx.insert(counterServices).values(serviceIds.map((serviceId) => ({ counterId, serviceId })));
}

function numberTaken(error: unknown): AppError | undefined {
  return sqlState(error) === '23505' && constraintName(error) === 'counters_outlet_number' ? new AppError('counter_number_taken', { cause: error }) : undefined;
}

/** Throws `validation_failed` (unknown outlet, a service not offered there), `counter_number_taken`. */
export async function createCounter(db: Database, staff: StaffPrincipal, input: CreateCounterRequest, now: Date): Promise<AdminCounter> {
  const serviceIds = [...new Set(input.serviceIds)];
  try {
    return await db.transaction(async (tx) => {
      const [outlet] = await tx.select({ id: outlets.id }).from(outlets).where(eq(outlets.id, input.outletId));
      if (!outlet) throw new AppError('validation_failed', { fields: { outletId: 'not_found' } });
      await ensureOffered(tx, input.outletId, serviceIds);
      const [created] = await tx.insert(counters).values({ outletId: input.outletId, number: input.number, name: input.name, updatedAt: now }).returning();
      await setServices(tx, created!.id, serviceIds);
      await audit(tx, {
        actor: { kind: 'staff', id: staff.staffId }, action: 'counter.created', target: { kind: 'counter', id: created!.id },
        outletId: input.outletId, at: now, details: { number: input.number, serviceIds },
      });
      return (await views(tx, [created!]))[0]!;
    });
  } catch (error) {
    throw numberTaken(error) ?? error;
  }
}

async function lockCounter(tx: Transaction, counterId: string): Promise<Counter> {
  const [counter] = await tx.select().from(counters).where(eq(counters.id, counterId)).for('update');
  if (!counter) throw new AppError('not_found');
  return counter;
}

/** Throws `not_found`, `validation_failed`, `counter_number_taken`. */
export async function updateCounter(db: Database, staff: StaffPrincipal, counterId: string, input: UpdateCounterRequest, now: Date): Promise<AdminCounter> {
  const serviceIds = input.serviceIds ? [...new Set(input.serviceIds)] : undefined;
  try {
    return await db.transaction(async (tx) => {
      const before = await lockCounter(tx, counterId);
      if (serviceIds) await ensureOffered(tx, before.outletId, serviceIds);
      const [after] = await tx.update(counters).set({
        ...(input.number !== undefined ? { number: input.number } : {}),
        ...(input.name !== undefined ? { name: input.name } : {}),
        updatedAt: now,
      }).where(eq(counters.id, counterId)).returning();
      if (serviceIds) await setServices(tx, counterId, serviceIds);
      await audit(tx, {
        actor: { kind: 'staff', id: staff.staffId }, action: 'counter.updated', target: { kind: 'counter', id: counterId },
        outletId: before.outletId, at: now,
        details: {
          ...(input.number !== undefined ? { number: { from: before.number, to: after!.number } } : {}),
          ...(input.name !== undefined ? { name: after!.name.zh } : {}),
          ...(serviceIds ? { serviceIds } : {}),
        },
      });
      return (await views(tx, [after!]))[0]!;
    });
  } catch (error) {
    throw numberTaken(error) ?? error;
  }
}

/** Takes the counter out of service: closed, nobody at it, no services. Throws `not_found`, `counter_busy`. */
export async function deactivateCounter(db: Database, staff: StaffPrincipal, counterId: string, now: Date): Promise<AdminCounter> {
  return db.transaction(async (tx) => {
    const before = await lockCounter(tx, counterId);
    const [held] = await tx.select({ number: tickets.number }).from(tickets)
      .where(and(eq(tickets.counterId, counterId), inArray(tickets.status, ['called', 'serving'])));
    if (held) {
      throw new AppError('counter_busy', {
        sentence: {
          zh: `${before.number}号窗口还有正在办理的号 ${held.number}，请先办结、过号或转移。`,
          en: `Counter ${before.number} still has ${held.number} in hand. Finish, miss or transfer it first.`,
        },
        details: { ticket: held.number },
      });
    }
    const [after] = await tx.update(counters).set({ status: 'closed', staffId: null, updatedAt: now }).where(eq(counters.id, counterId)).returning();
    await setServices(tx, counterId, []);
    await audit(tx, {
      actor: { kind: 'staff', id: staff.staffId }, action: 'counter.deactivated', target: { kind: 'counter', id: counterId },
      outletId: before.outletId, at: now, details: { number: before.number, wasStatus: before.status },
    });
    return (await views(tx, [after!]))[0]!;
  });
}
