/**
 * Capacity per service group per slot at each outlet (`capacity_plans`): how long a slot is and how
 * many bookings it takes. Slots are made when first asked for (server/booking/availability.ts), so
 * a plan's change reaches two kinds of day differently:
 *
 * - days not made yet get the new plan when someone first looks at them;
 * - days already made (from tomorrow) take the new capacity in their slots of the same length, never
 *   below the seats already booked (the `booked <= capacity` check). Bookings beyond the new capacity
 *   stay, and are what the change reports; the slot simply takes nobody else. A new slot length
 *   cannot re-cut days that have bookings, so those days keep their slots.
 */
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { CapacityChanged, CapacityList, UpdateCapacityRequest } from '../../common/admin.ts';
import { serviceDate } from '../../common/time.ts';
import type { Database } from '../../db/client.ts';
import { capacityPlans, outletServices, outlets, serviceGroups, services, slots } from '../../db/schema.ts';
import { audit } from '../audit.ts';
import { AppError } from '../errors.ts';
import { changeInTransaction } from './dry-run.ts';
import { impactOf } from './impact.ts';
import type { StaffPrincipal } from './staff-principal.ts';
import { upcomingBookings, type UpcomingBooking } from './upcoming-bookings.ts';

/** Plans (of one outlet, or all), and the groups an outlet offers services of without a plan. */
export async function listCapacity(db: Database, outletId: string | undefined): Promise<CapacityList> {
  const plans = await db.select().from(capacityPlans)
    .where(outletId ? eq(capacityPlans.outletId, outletId) : undefined)
    .orderBy(asc(capacityPlans.outletId), asc(capacityPlans.groupId));
  const offered = await db.selectDistinct({ outletId: outletServices.outletId, groupId: services.groupId }).from(outletServices)
    .innerJoin(services, and(eq(services.id, outletServices.serviceId), eq(services.bookable, true), eq(services.active, true)))
    .where(outletId ? eq(outletServices.outletId, outletId) : undefined)
    .orderBy(asc(outletServices.outletId), asc(services.groupId));
  const planned = new Set(plans.map((p) => `${p.outletId}/${p.groupId}`));
  return { plans, missing: offered.filter((o) => !planned.has(`${o.outletId}/${o.groupId}`)) };
}

/** The bookings past a slot's capacity: the latest made, since the earlier ones were within it. */
export function beyondCapacity(inSlots: readonly UpcomingBooking[], capacity: number): UpcomingBooking[] {
  const bySlot = new Map<string, UpcomingBooking[]>();
  for (const b of inSlots) bySlot.set(b.slotId, [...(bySlot.get(b.slotId) ?? []), b]);
  return [...bySlot.values()].flatMap((held) =>
    [...held].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).slice(capacity));
}

/**
 * Sets the plan of a group at an outlet; answers with the slots it changed and the bookings now
 * beyond capacity. Throws `not_found` for an unknown outlet or group.
 */
export async function updateCapacity(
  db: Database, staff: StaffPrincipal, outletId: string, groupId: string, input: UpdateCapacityRequest, options: { dryRun: boolean; now: Date },
): Promise<CapacityChanged> {
  const { now } = options;
  const today = serviceDate(now);
  return changeInTransaction(db, options.dryRun, async (tx) => {
    const [outlet] = await tx.select({ id: outlets.id }).from(outlets).where(eq(outlets.id, outletId));
    const [group] = await tx.select({ id: serviceGroups.id }).from(serviceGroups).where(eq(serviceGroups.id, groupId));
    if (!outlet || !group) throw new AppError('not_found');
    const [before] = await tx.select().from(capacityPlans)
      .where(and(eq(capacityPlans.outletId, outletId), eq(capacityPlans.groupId, groupId))).for('update');
    const [plan] = await tx.insert(capacityPlans).values({ outletId, groupId, ...input })
      .onConflictDoUpdate({ target: [capacityPlans.outletId, capacityPlans.groupId], set: input }).returning();

    const sameLength = sql`extract(epoch from (${slots.endsAt} - ${slots.startsAt})) = ${input.slotMinutes * 60}`;
    const ahead = and(eq(slots.outletId, outletId), eq(slots.groupId, groupId), gt(slots.date, today));
    // One statement per row, re-evaluated on a concurrent booking's commit: never below `booked`.
    const updated = await tx.update(slots).set({ capacity: sql`greatest(${slots.booked}, ${input.capacity})` })
      .where(and(ahead, sameLength)).returning({ id: slots.id });
    const inSlots = updated.length === 0 ? [] : await upcomingBookings(tx, { slotIds: updated.map((s) => s.id) }, now);
    const affected = beyondCapacity(inSlots, input.capacity);
    const keptDays = await tx.selectDistinct({ date: slots.date }).from(slots).where(and(ahead, sql`not (${sameLength})`));

    const advice = [];
    if (affected.length > 0) {
      advice.push({
        zh: '超出新容量的预约保留有效；这些时段已满，不再接受新的预约。',
        en: 'Bookings beyond the new capacity stay valid; their slots are full and take nobody else.',
      });
    }
    if (keptDays.length > 0) {
      advice.push({
        zh: `已生成时段的 ${keptDays.length} 天保持原来的时段长度，新的时段长度从之后开放的日期起生效。`,
        en: `${keptDays.length} day${keptDays.length === 1 ? '' : 's'} already opened for booking keep their slot length; the new length applies to days opened later.`,
      });
    }
    await audit(tx, {
      actor: { kind: 'staff', id: staff.staffId }, action: 'capacity.updated', target: { kind: 'capacity_plan', id: `${outletId}/${groupId}` },
      outletId, at: now,
      details: {
        groupId, from: before ? { slotMinutes: before.slotMinutes, capacity: before.capacity } : null, to: input,
        slotsUpdated: updated.length, affectedBookings: affected.length,
      },
    });
    return { dryRun: options.dryRun, plan: plan!, slotsUpdated: updated.length, impact: impactOf(affected, advice) };
  });
}

