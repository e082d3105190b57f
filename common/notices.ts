/**
 * Notices (通知公告): the API's shapes and the rule of what a notice must carry, shared by the
 * console (which writes them), the H5 home and the lobby display (which show them; the display
 * checks what it shows without zod, in ui/device-payloads.ts).
 */
import { z } from 'zod';
import { NOTICE_KINDS } from './notice-kinds.ts';
import { bilingual } from './outlets.ts';

export { NOTICE_KINDS, type NoticeKind } from './notice-kinds.ts';

/** A notice that closes or changes more than a year is an error in typing, not a plan. */
export const MAX_NOTICE_DAYS = 366;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const openPeriod = z.object({ open: z.string().max(5), close: z.string().max(5) });
export type OpenPeriod = z.infer<typeof openPeriod>;

export const createNoticeRequest = z.object({
  /** Null: every outlet. */
  outletId: z.string().max(64).nullable(),
  kind: z.enum(NOTICE_KINDS),
  title: bilingual.extend({ zh: z.string().max(100), en: z.string().max(200) }),
  body: bilingual.extend({ zh: z.string().max(4000), en: z.string().max(8000) }),
  effectiveFrom: z.string().max(10).optional(),
  effectiveTo: z.string().max(10).optional(),
  changedHours: z.array(openPeriod).max(6).optional(),
});
export type CreateNoticeRequest = z.infer<typeof createNoticeRequest>;

export const publishNoticeRequest = z.object({
  /** ISO instant; absent: now. */
  publishAt: z.iso.datetime({ offset: true }).optional(),
});

export const notice = z.object({
  id: z.string(),
  outletId: z.string().nullable(),
  kind: z.enum(NOTICE_KINDS),
  title: bilingual,
  body: bilingual,
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  changedHours: z.array(openPeriod).nullable(),
  publishAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  createdAt: z.string(),
});
export type NoticeView = z.infer<typeof notice>;

export const noticeList = z.object({ notices: z.array(notice) });

export const noticePublished = notice.extend({
  /** Active bookings the notice affects, each told by one message. */
  affectedBookings: z.number().int(),
});

/**
 * What is wrong with a notice, field by field (empty when nothing): closures name their days,
 * hour changes their days and the hours in force, in `HH:MM` with opening before closing.
 * `checkNotice({ kind: 'closure', … })` → `{ effectiveFrom: 'required' }`
 */
export function checkNotice(input: CreateNoticeRequest): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!input.title.zh.trim()) problems['title.zh'] = 'required';
  if (!input.body.zh.trim()) problems['body.zh'] = 'required';
  const dated = input.kind !== 'info';
  if (input.effectiveFrom !== undefined && !isDay(input.effectiveFrom)) problems.effectiveFrom = 'invalid_date';
  if (input.effectiveTo !== undefined && !isDay(input.effectiveTo)) problems.effectiveTo = 'invalid_date';
  if (dated && input.effectiveFrom === undefined) problems.effectiveFrom = 'required';
  if (input.effectiveFrom && input.effectiveTo && !problems.effectiveFrom && !problems.effectiveTo && input.effectiveTo < input.effectiveFrom) {
    problems.effectiveTo = 'before_from';
  } else if (input.effectiveFrom && input.effectiveTo && !problems.effectiveFrom && !problems.effectiveTo
    && Date.parse(input.effectiveTo) - Date.parse(input.effectiveFrom) > MAX_NOTICE_DAYS * 86400_000) {
    problems.effectiveTo = 'range_too_long';
  }
  if (input.kind === 'hours_change') {
    if (!input.changedHours?.length) problems.changedHours = 'required';
    input.changedHours?.forEach((period, i) => {
      if (!HHMM.test(period.open) || !HHMM.test(period.close) || period.open >= period.close) problems[`changedHours.${i}`] = 'invalid_period';
    });
  } else if (input.changedHours !== undefined) {
    problems.changedHours = 'only_for_hours_change';
  }
  return problems;
}

function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}
