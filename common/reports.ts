/**
 * The reports' shapes, shared by the server and the console: the live state of each outlet, the
 * history by day, outlet and service (computed from ticket events), and the scalper report.
 * Personal data appears masked, never in full.
 */
import { z } from 'zod';
import { bilingual } from './outlets.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const minutes = z.number().nullable();

export const reportQuery = z.object({
  from: day,
  to: day,
  outletId: z.string().max(64).optional(),
});
export type ReportQuery = z.infer<typeof reportQuery>;

/** At most this many days per request: a quarter fits, a year is asked for in parts. */
export const MAX_REPORT_DAYS = 92;

export const liveOutlet = z.object({
  outletId: z.string(),
  outlet: bilingual,
  countersOpen: z.number().int(),
  serving: z.number().int(),
  waiting: z.number().int(),
  longestWaitMinutes: z.number().int(),
  services: z.array(z.object({
    serviceId: z.string(),
    service: bilingual,
    waiting: z.number().int(),
    serving: z.number().int(),
    longestWaitMinutes: z.number().int(),
  })),
});
export const liveReport = z.object({ at: z.string(), outlets: z.array(liveOutlet) });
export type LiveReport = z.infer<typeof liveReport>;

/** One day at one outlet for one service. Waits and service times in minutes. */
export const dayRow = z.object({
  date: day,
  outletId: z.string(),
  outlet: z.string(),
  serviceId: z.string(),
  service: z.string(),
  booked: z.number().int(),
  cancelled: z.number().int(),
  checkedIn: z.number().int(),
  noShows: z.number().int(),
  tickets: z.number().int(),
  appointment: z.number().int(),
  walkIn: z.number().int(),
  late: z.number().int(),
  green: z.number().int(),
  /** Percent of tickets, one decimal; null without tickets. */
  greenShare: z.number().nullable(),
  calls: z.number().int(),
  missed: z.number().int(),
  waitMean: minutes,
  waitP50: minutes,
  waitP90: minutes,
  waitMax: minutes,
  serviceMean: minutes,
  serviceP50: minutes,
  serviceP90: minutes,
  ratings: z.number().int(),
  ratingMean: z.number().nullable(),
});
export type DayRow = z.infer<typeof dayRow>;

const bin = z.object({ from: z.number(), to: z.number().nullable(), count: z.number().int() });
const distribution = z.object({ count: z.number().int(), mean: minutes, p50: minutes, p90: minutes, max: minutes });

export const historyReport = z.object({
  query: reportQuery,
  rows: z.array(dayRow),
  /** Over everything selected: for the charts. */
  totals: z.object({
    tickets: z.number().int(),
    green: z.number().int(),
    greenShare: z.number().nullable(),
    wait: distribution,
    service: distribution,
    waitHistogram: z.array(bin),
    serviceHistogram: z.array(bin),
    /** Ratings per grade, 1 to 5. */
    ratingCounts: z.array(z.number().int()).length(5),
    ratingMean: z.number().nullable(),
  }),
});
export type HistoryReport = z.infer<typeof historyReport>;

export const scalperReport = z.object({
  query: reportQuery.omit({ outletId: true }),
  /** One phone registered for several ID numbers. */
  sharedPhones: z.array(z.object({ phone: z.string(), idNumbers: z.number().int(), bookings: z.number().int() })),
  /** One network address booking for many people. */
  sharedAddresses: z.array(z.object({ address: z.string(), people: z.number().int(), bookings: z.number().int() })),
  /** Booking and cancelling again and again (slots held and let go). */
  churn: z.array(z.object({ idNumber: z.string(), name: z.string(), bookings: z.number().int(), cancelled: z.number().int() })),
  /** Firms' approved agents booking as private persons. */
  agentsBookingPersonally: z.array(z.object({ idNumber: z.string(), name: z.string(), firm: z.string(), personalBookings: z.number().int() })),
});
export type ScalperReport = z.infer<typeof scalperReport>;
