/**
 * Reports for administrators and supervisors (of their outlets): the live state of each outlet, the
 * history by day, outlet and service (from ticket events), the scalper report, and a CSV of every
 * table (UTF-8 with BOM, for Excel).
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { historyReport as historySchema, liveReport as liveSchema, MAX_REPORT_DAYS, reportQuery, scalperReport as scalperSchema, type DayRow, type ReportQuery, type ScalperReport } from '../../common/reports.ts';
import type { AppDeps } from '../app.ts';
import { expectPrincipal } from '../auth/principal.ts';
import { AppError } from '../errors.ts';
import type { AppEnv } from '../http/env.ts';
import { named } from '../http/named-schema.ts';
import { defineRoute } from '../http/route.ts';
import { errorResponse, json } from '../http/schemas.ts';
import { toCsv, type Column } from '../reports/csv.ts';
import { daysInRange, historyReport } from '../reports/history.ts';
import { liveReport } from '../reports/live.ts';
import { scalperReport } from '../reports/scalpers.ts';

const READERS = ['admin', 'supervisor'] as const;
const csv = (description: string) => ({ description, content: { 'text/csv': { schema: z.string() } } });
const query = reportQuery.extend({
  from: reportQuery.shape.from.openapi({ param: { name: 'from', in: 'query' }, example: '2026-11-23' }),
  to: reportQuery.shape.to.openapi({ param: { name: 'to', in: 'query' }, example: '2026-11-23' }),
  outletId: reportQuery.shape.outletId.openapi({ param: { name: 'outletId', in: 'query' } }),
});
const periodQuery = query.omit({ outletId: true });
const SCALPER_TABLES = ['shared-phones', 'shared-addresses', 'churn', 'agents-booking-personally'] as const;

const live = defineRoute(READERS, {
  method: 'get', path: '/api/reports/live', tags: ['reports'],
  summary: 'Each outlet now: waiting and served per service, longest wait, counters open',
  responses: { 200: json('The outlets of the caller.', named(liveSchema, 'LiveReport')) },
});
const liveCsv = defineRoute(READERS, {
  method: 'get', path: '/api/reports/live.csv', tags: ['reports'],
  summary: 'The live report as CSV', responses: { 200: csv('One row per outlet and service.') },
});
const history = defineRoute(READERS, {
  method: 'get', path: '/api/reports/history', tags: ['reports'],
  summary: 'By day, outlet and service: bookings, check-ins, no-shows, walk-ins, green share, waits, service times, ratings',
  request: { query },
  responses: { 200: json('Rows and totals.', named(historySchema, 'HistoryReport')), 400: errorResponse('`validation_failed`: the period is reversed or longer than 92 days.') },
});
const historyCsv = defineRoute(READERS, {
  method: 'get', path: '/api/reports/history.csv', tags: ['reports'],
  summary: 'The history report\'s rows as CSV', request: { query },
  responses: { 200: csv('One row per day, outlet and service.'), 400: errorResponse('`validation_failed`.') },
});
const scalpers = defineRoute(READERS, {
  method: 'get', path: '/api/reports/scalpers', tags: ['reports'],
  summary: 'Signs of scalping in a period: shared phones and addresses, booking churn, agents booking as private persons',
  request: { query: periodQuery },
  responses: { 200: json('Four lists, masked.', named(scalperSchema, 'ScalperReport')), 400: errorResponse('`validation_failed`.') },
});
const scalpersCsv = defineRoute(READERS, {
  method: 'get', path: '/api/reports/scalpers.csv', tags: ['reports'],
  summary: 'One list of the scalper report as CSV',
  request: { query: periodQuery.extend({ table: z.enum(SCALPER_TABLES).openapi({ param: { name: 'table', in: 'query' } }) }) },
  responses: { 200: csv('The list.'), 400: errorResponse('`validation_failed`.') },
});

const HISTORY_COLUMNS: Column<DayRow>[] = [
  { header: '日期', value: (r) => r.date }, { header: '办理点', value: (r) => r.outlet }, { header: '业务', value: (r) => r.service },
  { header: '预约数', value: (r) => r.booked }, { header: '取消数', value: (r) => r.cancelled }, { header: '签到数', value: (r) => r.checkedIn },
  { header: '爽约数', value: (r) => r.noShows }, { header: '取号数', value: (r) => r.tickets }, { header: '预约号', value: (r) => r.appointment },
  { header: '现场号', value: (r) => r.walkIn }, { header: '迟到号', value: (r) => r.late }, { header: '绿色通道', value: (r) => r.green },
  { header: '绿色通道占比(%)', value: (r) => r.greenShare }, { header: '叫号数', value: (r) => r.calls }, { header: '过号数', value: (r) => r.missed },
  { header: '平均等候(分)', value: (r) => r.waitMean }, { header: '等候中位数(分)', value: (r) => r.waitP50 }, { header: '等候P90(分)', value: (r) => r.waitP90 },
  { header: '最长等候(分)', value: (r) => r.waitMax }, { header: '平均办理(分)', value: (r) => r.serviceMean }, { header: '办理中位数(分)', value: (r) => r.serviceP50 },
  { header: '办理P90(分)', value: (r) => r.serviceP90 }, { header: '评价数', value: (r) => r.ratings }, { header: '平均评分', value: (r) => r.ratingMean },
];

type ScalperTable = (typeof SCALPER_TABLES)[number];
function scalperCsv(report: ScalperReport, table: ScalperTable): string {
  switch (table) {
    case 'shared-phones':
      return toCsv([{ header: '手机号', value: (r) => r.phone }, { header: '身份证数', value: (r) => r.idNumbers }, { header: '预约数', value: (r) => r.bookings }], report.sharedPhones);
    case 'shared-addresses':
      return toCsv([{ header: '网络地址(散列)', value: (r) => r.address }, { header: '人数', value: (r) => r.people }, { header: '预约数', value: (r) => r.bookings }], report.sharedAddresses);
    case 'churn':
      return toCsv([{ header: '身份证号', value: (r) => r.idNumber }, { header: '姓名', value: (r) => r.name }, { header: '预约数', value: (r) => r.bookings }, { header: '取消数', value: (r) => r.cancelled }], report.churn);
    case 'agents-booking-personally':
      return toCsv([{ header: '身份证号', value: (r) => r.idNumber }, { header: '姓名', value: (r) => r.name }, { header: '单位', value: (r) => r.firm }, { header: '个人预约数', value: (r) => r.personalBookings }], report.agentsBookingPersonally);
  }
}

/** `YYYY-MM-DD` naming a day that exists: 2026-02-30 passes the query's pattern but is no day. */
function isRealDay(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

function checkedPeriod(q: Pick<ReportQuery, 'from' | 'to'>): void {
  // An impossible day was a RangeError deep in the report, answered as a 500 (found by test/hostile).
  const impossible = (['from', 'to'] as const).filter((field) => !isRealDay(q[field]));
  if (impossible.length) throw new AppError('validation_failed', { fields: Object.fromEntries(impossible.map((field) => [field, 'invalid_date'])) });
  if (q.from > q.to) throw new AppError('validation_failed', { fields: { to: 'before_from' } });
  if (daysInRange(q.from, q.to) > MAX_REPORT_DAYS) throw new AppError('validation_failed', { fields: { to: `more_than_${MAX_REPORT_DAYS}_days` } });
}

function csvResponse(c: Context<AppEnv>, name: string, body: string) {
  return c.body(body, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name}.csv"`,
  });
}

export function reportRoutes(deps: Pick<AppDeps, 'database' | 'clock' | 'privacy'>) {
  const { db } = deps.database;
  const outletsOf = (c: Context<AppEnv>) => expectPrincipal(c.get('principal'), 'staff').outletIds;
  /** An administrator sees the scalper report whole; a supervisor, what was booked at their outlets. */
  const scopeOf = (c: Context<AppEnv>) => {
    const member = expectPrincipal(c.get('principal'), 'staff');
    return member.role === 'admin' ? 'all' as const : member.outletIds;
  };
  return new OpenAPIHono<AppEnv>()
    .openapi(live, async (c) => c.json(await liveReport(db, outletsOf(c), deps.clock.now()), 200))
    .openapi(liveCsv, async (c) => {
      const report = await liveReport(db, outletsOf(c), deps.clock.now());
      const rows = report.outlets.flatMap((o) => o.services.map((s) => ({ outlet: o.outlet.zh, countersOpen: o.countersOpen, ...s, service: s.service.zh })));
      return csvResponse(c, `live-${report.at.slice(0, 16).replace(':', '')}`, toCsv([
        { header: '办理点', value: (r) => r.outlet }, { header: '开放窗口', value: (r) => r.countersOpen }, { header: '业务', value: (r) => r.service },
        { header: '等候人数', value: (r) => r.waiting }, { header: '办理中', value: (r) => r.serving }, { header: '最长等候(分)', value: (r) => r.longestWaitMinutes },
      ], rows));
    })
    .openapi(history, async (c) => {
      const q = c.req.valid('query');
      checkedPeriod(q);
      return c.json(await historyReport(db, q, outletsOf(c)), 200);
    })
    .openapi(historyCsv, async (c) => {
      const q = c.req.valid('query');
      checkedPeriod(q);
      const report = await historyReport(db, q, outletsOf(c));
      return csvResponse(c, `history-${q.from}-${q.to}`, toCsv(HISTORY_COLUMNS, report.rows));
    })
    .openapi(scalpers, async (c) => {
      const q = c.req.valid('query');
      checkedPeriod(q);
      return c.json(await scalperReport(db, deps.privacy, q, scopeOf(c)), 200);
    })
    .openapi(scalpersCsv, async (c) => {
      const q = c.req.valid('query');
      checkedPeriod(q);
      const { table } = q;
      return csvResponse(c, `scalpers-${table}-${q.from}-${q.to}`, scalperCsv(await scalperReport(db, deps.privacy, q, scopeOf(c)), table));
    });
}
