/**
 * Local changes to the official calendar: close days (a power cut, a system upgrade) or open them
 * (a Saturday clinic), for one outlet or every outlet, with the reason the public reads.
 *
 * Closing counts the bookings on those days (and can be previewed) and cancels none: a closure
 * notice (server/notices) tells their holders and marks them. The booking core refuses a closed day
 * by the calendar, so nothing else needs closing here. Removing a closure opens the day again,
 * slots included — except those a published hours-change notice closed, which that notice still
 * governs; removing an extra open day spoils the bookings made for it.
 */
import { and, eq, gte, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import { MAX_OVERRIDE_DAYS, type AddOverridesRequest, type OverrideRemoved, type OverridesAdded } from '../../common/admin.ts';
import { addDays, serviceDate } from '../../common/time.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { calendarOverrides, notices, outlets, slots } from '../../db/schema.ts';
import { audit } from '../audit.ts';
import { shortTime } from '../booking/slots.ts';
import { AppError } from '../errors.ts';
import { affects } from '../notices/affected.ts';
import { readCalendarState } from './calendar-state.ts';
import { overrideView } from './calendar-month.ts';
import { fitsCalendar, noLongerFitting } from './day-fit.ts';
import { changeInTransaction } from './dry-run.ts';
import { impactOf, publishNoticeAdvice } from './impact.ts';
import type { StaffPrincipal } from './staff-principal.ts';
import { upcomingBookings } from './upcoming-bookings.ts';

/** What is wrong with the span of days, by field. */
function checkSpan(from: string, to: string, today: string): Record<string, string> {
  if (from < today) return { from: 'in_past' };
  if (to < from) return { to: 'before_from' };
  if (addDays(from, MAX_OVERRIDE_DAYS - 1) < to) return { to: 'range_too_long' };
  return {};
}

/**
 * Closes or opens each day from `from` to `to` (an existing override of a day is replaced); answers
 * with the overrides and the bookings it spoils. Throws `validation_failed` (span, unknown outlet).
 */
export async function addOverrides(db: Database, staff: StaffPrincipal, input: AddOverridesRequest, options: { dryRun: boolean; now: Date }): Promise<OverridesAdded> {
  const { now } = options;
  const to = input.to ?? input.from;
  const problems = checkSpan(input.from, to, serviceDate(now));
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', { fields: problems });
  return changeInTransaction(db, options.dryRun, async (tx) => {
    if (input.outletId !== null) {
      const [outlet] = await tx.select({ id: outlets.id }).from(outlets).where(eq(outlets.id, input.outletId));
      if (!outlet) throw new AppError('validation_failed', { fields: { outletId: 'not_found' } });
    }
    const scope = input.outletId === null ? 'all' : [input.outletId];
    const candidates = await upcomingBookings(tx, { ...(input.outletId === null ? {} : { outletIds: [input.outletId] }), from: input.from, to }, now);
    const before = await readCalendarState(tx, scope, input.from, to);
    const days: string[] = [];
    for (let date = input.from; date <= to; date = addDays(date, 1)) days.push(date);
    const rows = await tx.insert(calendarOverrides)
      .values(days.map((date) => ({ outletId: input.outletId, date, kind: input.kind, reason: input.reason, createdBy: staff.staffId, createdAt: now })))
      .onConflictDoUpdate({
        target: [calendarOverrides.outletId, calendarOverrides.date],
        set: { kind: input.kind, reason: input.reason, createdBy: staff.staffId, createdAt: now },
      })
      .returning();
    const after = await readCalendarState(tx, scope, input.from, to);
    const affected = noLongerFitting(candidates, before, after);
    await audit(tx, {
      actor: { kind: 'staff', id: staff.staffId }, action: 'calendar.overrides_set', target: { kind: 'outlet', id: input.outletId ?? 'all' },
      outletId: input.outletId, at: now,
      details: { kind: input.kind, from: input.from, to, reason: input.reason.zh, overrideIds: rows.map((r) => r.id), affectedBookings: affected.length },
    });
    const closing = input.kind === 'closed';
    return {
      dryRun: options.dryRun,
      overrides: rows.map(overrideView).sort((a, b) => a.date.localeCompare(b.date)),
      impact: impactOf(affected, closing ? [publishNoticeAdvice('closure')] : [],
        closing ? { kind: 'closure', outletId: input.outletId, effectiveFrom: input.from, effectiveTo: to } : null),
    };
  });
}

/** Published, not withdrawn notices of a dated kind that cover `date` for the outlet (or every outlet). */
async function noticesCovering(tx: Transaction, date: string, now: Date) {
  const rows = await tx.select().from(notices).where(and(
    isNotNull(notices.publishAt), lte(notices.publishAt, now), isNull(notices.withdrawnAt),
    lte(notices.effectiveFrom, date), or(gte(notices.effectiveTo, date), isNull(notices.effectiveTo)),
  ));
  return rows.filter((n) => n.kind !== 'info');
}

/** Opens again the closed slots of the day that the calendar now opens, minus those an hours-change notice governs. */
async function reopenSlots(tx: Transaction, outletId: string | null, date: string, now: Date): Promise<number> {
  const closed = await tx.select({ id: slots.id, outletId: slots.outletId, date: slots.date, startsAt: slots.startsAt, endsAt: slots.endsAt })
    .from(slots)
    .where(and(eq(slots.date, date), eq(slots.closed, true), outletId === null ? undefined : eq(slots.outletId, outletId)));
  if (closed.length === 0) return 0;
  const state = await readCalendarState(tx, outletId === null ? 'all' : [outletId], date, date);
  const hoursNotices = (await noticesCovering(tx, date, now)).filter((n) => n.kind === 'hours_change');
  const reopen = closed.filter((s) => {
    const place = { ...s, startsAt: shortTime(s.startsAt), endsAt: shortTime(s.endsAt) };
    return fitsCalendar(state, place) && !hoursNotices.some((n) => affects(n, place));
  });
  if (reopen.length > 0) await tx.update(slots).set({ closed: false }).where(inArray(slots.id, reopen.map((s) => s.id)));
  return reopen.length;
}

/** Removes an override; answers with it, the slots opened again and the bookings it spoils. Throws `not_found`. */
export async function removeOverride(db: Database, staff: StaffPrincipal, overrideId: string, options: { dryRun: boolean; now: Date }): Promise<OverrideRemoved> {
  const { now } = options;
  return changeInTransaction(db, options.dryRun, async (tx) => {
    const [row] = await tx.select().from(calendarOverrides).where(eq(calendarOverrides.id, overrideId)).for('update');
    if (!row) throw new AppError('not_found');
    const scope = row.outletId === null ? 'all' : [row.outletId];
    const candidates = await upcomingBookings(tx, { ...(row.outletId === null ? {} : { outletIds: [row.outletId] }), from: row.date, to: row.date }, now);
    const before = await readCalendarState(tx, scope, row.date, row.date);
    await tx.delete(calendarOverrides).where(eq(calendarOverrides.id, overrideId));
    const after = await readCalendarState(tx, scope, row.date, row.date);
    const affected = noLongerFitting(candidates, before, after);
    const slotsReopened = row.kind === 'closed' ? await reopenSlots(tx, row.outletId, row.date, now) : 0;
    const closureNotices = row.kind === 'closed'
      ? (await noticesCovering(tx, row.date, now)).filter((n) => n.kind === 'closure' && (row.outletId === null || n.outletId === null || n.outletId === row.outletId))
      : [];
    await audit(tx, {
      actor: { kind: 'staff', id: staff.staffId }, action: 'calendar.override_removed', target: { kind: 'calendar_override', id: row.id },
      outletId: row.outletId, at: now,
      details: { date: row.date, kind: row.kind, reason: row.reason.zh, slotsReopened, affectedBookings: affected.length },
    });
    const advice = [
      ...(affected.length > 0 ? [publishNoticeAdvice('closure')] : []),
      ...(closureNotices.length > 0 ? [{
        zh: `已发布的闭馆公告仍包含 ${row.date}，请撤回或发布更正公告。`,
        en: `A published closure notice still covers ${row.date}: withdraw it or publish a correction.`,
      }] : []),
    ];
    return {
      dryRun: options.dryRun, removed: overrideView(row), slotsReopened,
      impact: impactOf(affected, advice, affected.length > 0 ? { kind: 'closure', outletId: row.outletId, effectiveFrom: row.date, effectiveTo: row.date } : null),
    };
  });
}
