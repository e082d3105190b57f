/**
 * Outlets as administrators configure them: opening hours per weekday, walk-ins, whether the outlet
 * is open for business at all, and the texts the public reads (phone, address, how to get there).
 *
 * Shorter hours or a closed outlet spoil bookings already made: the change counts them (and can be
 * previewed), closes the slots already made that no longer fit (so nobody books them), and leaves
 * the bookings alone — a notice tells their holders.
 */
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { checkOpeningHours, type AdminOutlet, type OutletChanged, type UpdateOutletRequest } from '../../common/admin.ts';
import { serviceDate } from '../../common/time.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { outletServices, outlets, slots, type Outlet } from '../../db/schema.ts';
import { audit } from '../audit.ts';
import { AppError } from '../errors.ts';
import { dayStatus } from '../booking/calendar.ts';
import { fitsHours } from '../notices/affected.ts';
import { noLongerFitting } from './day-fit.ts';
import { changeInTransaction } from './dry-run.ts';
import { readCalendarState } from './calendar-state.ts';
import { daySpan, impactOf, publishNoticeAdvice } from './impact.ts';
import type { StaffPrincipal } from './staff-principal.ts';
import { upcomingBookings } from './upcoming-bookings.ts';

function outletView(row: Outlet, serviceIds: string[]): AdminOutlet {
  return {
    id: row.id, kind: row.kind, name: row.name, address: row.address, route: row.route, phone: row.phone,
    openingHours: row.openingHours, walkInsAllowed: row.walkInsAllowed, active: row.active, serviceIds,
  };
}

async function offered(db: Database | Transaction, outletIds: string[]): Promise<Map<string, string[]>> {
  const rows = outletIds.length === 0 ? [] : await db.select().from(outletServices).where(inArray(outletServices.outletId, outletIds))
    .orderBy(asc(outletServices.serviceId));
  const byOutlet = new Map<string, string[]>();
  for (const row of rows) byOutlet.set(row.outletId, [...(byOutlet.get(row.outletId) ?? []), row.serviceId]);
  return byOutlet;
}

/** Every outlet, inactive ones included: offices first. */
export async function listOutlets(db: Database): Promise<AdminOutlet[]> {
  const rows = await db.select().from(outlets).orderBy(asc(outlets.kind), asc(outlets.createdAt), asc(outlets.id));
  const services = await offered(db, rows.map((r) => r.id));
  return rows.map((r) => outletView(r, services.get(r.id) ?? []));
}

/**
 * Closes the outlet's slots from tomorrow on that the new hours cut off; returns how many. Only days
 * the outlet works: a day the calendar closes is refused by the booking core already, and an
 * inactive outlet's slots are left for the day it opens again.
 */
async function closeSlotsOutsideHours(tx: Transaction, outlet: Outlet, today: string): Promise<number> {
  if (!outlet.active) return 0;
  const open = await tx.select({ id: slots.id, date: slots.date, startsAt: slots.startsAt, endsAt: slots.endsAt }).from(slots)
    .where(and(eq(slots.outletId, outlet.id), gt(slots.date, today), eq(slots.closed, false)));
  if (open.length === 0) return 0;
  const last = open.reduce((max, s) => (s.date > max ? s.date : max), today);
  const { overrides } = await readCalendarState(tx, [outlet.id], today, last);
  const outside = open.filter((s) => {
    const status = dayStatus(outlet, s.date, overrides);
    return status.open && !fitsHours(s.startsAt, s.endsAt, status.hours);
  });
  if (outside.length > 0) await tx.update(slots).set({ closed: true }).where(inArray(slots.id, outside.map((s) => s.id)));
  return outside.length;
}

/**
 * Changes what is sent; answers with the outlet and the bookings the change spoils.
 * Throws `not_found`, `validation_failed` (hours that overlap or close before they open).
 */
export async function updateOutlet(
  db: Database, staff: StaffPrincipal, outletId: string, input: UpdateOutletRequest, options: { dryRun: boolean; now: Date },
): Promise<OutletChanged> {
  if (input.openingHours) {
    const problems = checkOpeningHours(input.openingHours);
    if (Object.keys(problems).length > 0) throw new AppError('validation_failed', { fields: problems });
  }
  const { now } = options;
  const today = serviceDate(now);
  return changeInTransaction(db, options.dryRun, async (tx) => {
    const [before] = await tx.select().from(outlets).where(eq(outlets.id, outletId)).for('update');
    if (!before) throw new AppError('not_found');
    const candidates = await upcomingBookings(tx, { outletIds: [outletId] }, now);
    const lastDay = candidates.at(-1)?.date ?? today;
    const stateBefore = await readCalendarState(tx, [outletId], today, lastDay);

    const columns = {
      ...(input.openingHours !== undefined ? { openingHours: input.openingHours } : {}),
      ...(input.walkInsAllowed !== undefined ? { walkInsAllowed: input.walkInsAllowed } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.address !== undefined ? { address: input.address } : {}),
      ...(input.route !== undefined ? { route: input.route } : {}),
    };
    // An update must set something: an empty change answers the outlet as it is.
    const [after] = Object.keys(columns).length > 0 ? await tx.update(outlets).set(columns).where(eq(outlets.id, outletId)).returning() : [before];
    const stateAfter = await readCalendarState(tx, [outletId], today, lastDay);
    const affected = noLongerFitting(candidates, stateBefore, stateAfter);
    const hoursChanged = input.openingHours !== undefined && JSON.stringify(input.openingHours) !== JSON.stringify(before.openingHours);
    const slotsClosed = hoursChanged ? await closeSlotsOutsideHours(tx, after!, today) : 0;

    const closing = before.active && !after!.active;
    const advice = closing
      ? [{ zh: '停用后该办理点不再接受预约和取号，请发布通知公告告知公众。', en: 'Once inactive, the outlet takes no bookings or tickets: publish a notice to tell the public.' }]
      : hoursChanged ? [publishNoticeAdvice('hours_change')] : [];
    const notice = closing
      ? { kind: 'info' as const, outletId, effectiveFrom: null, effectiveTo: null }
      : hoursChanged ? { kind: affected.length > 0 ? 'hours_change' as const : 'info' as const, outletId, ...daySpan(affected) } : null;

    await audit(tx, {
      actor: { kind: 'staff', id: staff.staffId }, action: 'outlet.updated', target: { kind: 'outlet', id: outletId }, outletId, at: now,
      details: {
        changed: Object.keys(input).filter((k) => input[k as keyof UpdateOutletRequest] !== undefined),
        ...(hoursChanged ? { openingHours: { from: before.openingHours, to: after!.openingHours } } : {}),
        ...(input.active !== undefined ? { active: after!.active } : {}),
        ...(input.walkInsAllowed !== undefined ? { walkInsAllowed: after!.walkInsAllowed } : {}),
        affectedBookings: affected.length, slotsClosed,
      },
    });
    const services = await offered(tx, [outletId]);
    return { dryRun: options.dryRun, outlet: outletView(after!, services.get(outletId) ?? []), slotsClosed, impact: impactOf(affected, advice, notice) };
  });
}

