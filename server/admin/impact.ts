/**
 * The answer every booking-affecting change gives (preview and save alike): how many active bookings
 * it affects, a few of them, what that means, and the notice it calls for. Bookings are never
 * cancelled here: holders are told through a notice (server/notices), which marks and messages them.
 */
import { IMPACT_EXAMPLES, type Impact, type SuggestedNotice } from '../../common/admin.ts';
import type { Bilingual } from '../../db/schema.ts';
import type { UpcomingBooking } from './upcoming-bookings.ts';

export function impactOf(affected: readonly UpcomingBooking[], advice: readonly Bilingual[] = [], suggestedNotice: SuggestedNotice | null = null): Impact {
  const sorted = [...affected].sort((a, b) => a.date.localeCompare(b.date) || a.startsAt.localeCompare(b.startsAt));
  return {
    affectedBookings: affected.length,
    examples: sorted.slice(0, IMPACT_EXAMPLES).map((b) => ({
      bookingId: b.bookingId, appointmentNo: b.appointmentNo, kind: b.kind, outletId: b.outletId,
      serviceId: b.serviceId, service: b.service, date: b.date, startsAt: b.startsAt, endsAt: b.endsAt,
    })),
    advice: affected.length > 0 ? [notCancelled(affected.length), ...advice] : [...advice],
    suggestedNotice,
  };
}

export const NO_IMPACT: Impact = { affectedBookings: 0, examples: [], advice: [], suggestedNotice: null };

function notCancelled(n: number): Bilingual {
  return {
    zh: `${n} 个有效预约受影响，系统不会自动取消，请通知预约人或照常接待。`,
    en: `${n} active booking${n === 1 ? '' : 's'} affected. None is cancelled automatically: tell the holders, or serve them as booked.`,
  };
}

/** Closing days or cutting hours calls for a notice: publishing it tells each affected holder. */
export function publishNoticeAdvice(kind: 'closure' | 'hours_change'): Bilingual {
  return kind === 'closure'
    ? { zh: '请发布闭馆通知公告：发布后受影响的预约人会收到提醒。', en: 'Publish a closure notice: once published, each affected holder is told.' }
    : { zh: '请发布办公时间调整公告：发布后受影响的预约人会收到提醒。', en: 'Publish an opening-hours notice: once published, each affected holder is told.' };
}

/** The first and last day among the affected bookings, for a suggested notice's span. */
export function daySpan(affected: readonly UpcomingBooking[]): { effectiveFrom: string | null; effectiveTo: string | null } {
  const days = affected.map((b) => b.date).sort();
  return { effectiveFrom: days[0] ?? null, effectiveTo: days.at(-1) ?? null };
}
