/**
 * The administration API's shapes (outlets, services, capacity, calendar, counters, staff, settings,
 * blacklist, audit log), shared by the server (which validates and documents them) and the staff
 * console (which builds requests and checks answers). Plain zod: the server adds the OpenAPI names.
 *
 * Every change that can affect bookings takes `?dryRun=true`: the server makes the change in a
 * transaction, counts the bookings it affects, and rolls back. The real save answers the same way,
 * with the same count, so what the preview said is what the save did.
 */
import { z } from 'zod';
import { STAFF_ROLE_VALUES } from './staff.ts';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar day `YYYY-MM-DD` (not `2026-02-30`). */
const day = z.string().regex(DAY).refine((value) => {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}, 'not_a_day');
const time = z.string().regex(/^\d{2}:\d{2}$/);
const bilingualView = z.object({ zh: z.string(), en: z.string() });
/** Something staff type for the public in both languages: Chinese required, English may follow later. */
const bilingualText = (max: number) => z.object({ zh: z.string().trim().min(1).max(max), en: z.string().trim().max(max * 2) });

// ---------------------------------------------------------------------------------------------
// Previews: what a change does to existing bookings
// ---------------------------------------------------------------------------------------------

/** `?dryRun=true`: answer as the save would, and save nothing. */
export const dryRunQuery = z.object({ dryRun: z.enum(['true', 'false']).optional() });
export type DryRunQuery = z.infer<typeof dryRunQuery>;

/** An active booking a change affects, as staff may see it: no name, no ID number. */
export const affectedBooking = z.object({
  bookingId: z.string(),
  appointmentNo: z.string(),
  kind: z.enum(['personal', 'agency']),
  outletId: z.string(),
  serviceId: z.string(),
  service: bilingualView,
  date: day,
  startsAt: time,
  endsAt: time,
});
export type AffectedBooking = z.infer<typeof affectedBooking>;

/** The notice the change calls for, for the console to open a draft with (server/notices publishes it). */
export const suggestedNotice = z.object({
  kind: z.enum(['info', 'hours_change', 'closure']),
  /** Null: every outlet. */
  outletId: z.string().nullable(),
  effectiveFrom: day.nullable(),
  effectiveTo: day.nullable(),
});
export type SuggestedNotice = z.infer<typeof suggestedNotice>;

export const impact = z.object({
  /** Active bookings (from now on) that no longer fit after the change. None is cancelled. */
  affectedBookings: z.number().int().nonnegative(),
  /** Up to ten of them, earliest first. */
  examples: z.array(affectedBooking),
  /** What the change means for them and what to do next, both languages. */
  advice: z.array(bilingualView),
  suggestedNotice: suggestedNotice.nullable(),
});
export type Impact = z.infer<typeof impact>;

/** How many examples an impact carries. */
export const IMPACT_EXAMPLES = 10;

// ---------------------------------------------------------------------------------------------
// Outlets
// ---------------------------------------------------------------------------------------------

export const ISO_WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export const openPeriod = z.object({ open: z.string().regex(HHMM), close: z.string().regex(HHMM) });
export type OpenPeriod = z.infer<typeof openPeriod>;
/** Opening hours: for each ISO weekday (1 = Monday … 7 = Sunday), up to four periods; a missing day is closed. */
export const openingHours = z.strictObject({
  '1': z.array(openPeriod).max(4).optional(),
  '2': z.array(openPeriod).max(4).optional(),
  '3': z.array(openPeriod).max(4).optional(),
  '4': z.array(openPeriod).max(4).optional(),
  '5': z.array(openPeriod).max(4).optional(),
  '6': z.array(openPeriod).max(4).optional(),
  '7': z.array(openPeriod).max(4).optional(),
});
export type OpeningHoursInput = z.infer<typeof openingHours>;

/**
 * What is wrong with opening hours, by field (empty when nothing): each period opens before it closes,
 * and a day's periods do not overlap. `checkOpeningHours({ 1: [{ open: '12:00', close: '08:00' }] })`
 * → `{ 'openingHours.1.0': 'close_before_open' }`.
 */
export function checkOpeningHours(hours: OpeningHoursInput): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const weekday of ISO_WEEKDAYS) {
    const periods = hours[weekday] ?? [];
    periods.forEach((p, i) => {
      if (p.open >= p.close) problems[`openingHours.${weekday}.${i}`] = 'close_before_open';
    });
    const sorted = periods.map((p, i) => ({ ...p, i })).sort((a, b) => a.open.localeCompare(b.open));
    for (let k = 1; k < sorted.length; k++) {
      if (sorted[k]!.open < sorted[k - 1]!.close) problems[`openingHours.${weekday}.${sorted[k]!.i}`] ??= 'overlaps';
    }
  }
  return problems;
}

export const adminOutlet = z.object({
  id: z.string(),
  kind: z.enum(['office', 'service_point']),
  name: bilingualView,
  address: bilingualView,
  route: bilingualView,
  phone: z.string().nullable(),
  openingHours: z.record(z.string(), z.array(openPeriod)),
  walkInsAllowed: z.boolean(),
  active: z.boolean(),
  /** Services offered here. */
  serviceIds: z.array(z.string()),
});
export type AdminOutlet = z.infer<typeof adminOutlet>;
export const adminOutletList = z.object({ outlets: z.array(adminOutlet) });

/** Only what is sent changes. */
export const updateOutletRequest = z.object({
  openingHours: openingHours.optional(),
  walkInsAllowed: z.boolean().optional(),
  active: z.boolean().optional(),
  phone: z.string().trim().regex(/^[0-9+() -]{5,30}$/).nullable().optional(),
  address: bilingualText(200).optional(),
  route: bilingualText(500).optional(),
});
export type UpdateOutletRequest = z.infer<typeof updateOutletRequest>;

export const outletChanged = z.object({
  dryRun: z.boolean(),
  outlet: adminOutlet,
  /** Slots already made (from tomorrow) that shorter hours no longer hold: closed, so nobody books them. */
  slotsClosed: z.number().int(),
  impact,
});
export type OutletChanged = z.infer<typeof outletChanged>;

// ---------------------------------------------------------------------------------------------
// Services and service groups
// ---------------------------------------------------------------------------------------------

export const serviceGroup = z.object({
  id: z.string(),
  /** The ticket prefix, one capital letter, unique: `A012`. */
  prefix: z.string(),
  name: bilingualView,
});
export type ServiceGroupView = z.infer<typeof serviceGroup>;
export const serviceGroupList = z.object({ groups: z.array(serviceGroup) });

const prefix = z.string().regex(/^[A-Z]$/);
export const createServiceGroupRequest = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,31}$/),
  prefix,
  name: bilingualText(60),
});
export type CreateServiceGroupRequest = z.infer<typeof createServiceGroupRequest>;
export const updateServiceGroupRequest = z.object({ prefix: prefix.optional(), name: bilingualText(60).optional() });
export type UpdateServiceGroupRequest = z.infer<typeof updateServiceGroupRequest>;

export const adminService = z.object({
  id: z.string(),
  groupId: z.string(),
  prefix: z.string(),
  name: bilingualView,
  description: bilingualView,
  averageMinutes: z.number().int(),
  requiredMaterials: z.array(bilingualView),
  bookable: z.boolean(),
  active: z.boolean(),
  sortOrder: z.number().int(),
  /** A journey's steps in order (一票到底), each itself a service; empty for a one-step service. */
  steps: z.array(z.string()),
  /** The outlets that offer it. */
  outletIds: z.array(z.string()),
});
export type AdminService = z.infer<typeof adminService>;
export const adminServiceList = z.object({ services: z.array(adminService) });

export const updateServiceRequest = z.object({
  averageMinutes: z.number().int().min(1).max(480).optional(),
  requiredMaterials: z.array(bilingualText(200)).max(30).optional(),
  bookable: z.boolean().optional(),
  active: z.boolean().optional(),
  steps: z.array(z.string().min(1).max(64)).max(10).optional(),
  outletIds: z.array(z.string().min(1).max(64)).max(100).optional(),
});
export type UpdateServiceRequest = z.infer<typeof updateServiceRequest>;

export const serviceChanged = z.object({ dryRun: z.boolean(), service: adminService, impact });
export type ServiceChanged = z.infer<typeof serviceChanged>;

// ---------------------------------------------------------------------------------------------
// Capacity per service group per slot
// ---------------------------------------------------------------------------------------------

export const capacityPlan = z.object({
  outletId: z.string(),
  groupId: z.string(),
  slotMinutes: z.number().int(),
  /** Bookings one slot takes. 0: the group is not bookable at this outlet. */
  capacity: z.number().int(),
});
export type CapacityPlanView = z.infer<typeof capacityPlan>;

export const capacityQuery = z.object({ outletId: z.string().max(64).optional() });
export const capacityList = z.object({
  plans: z.array(capacityPlan),
  /** Groups whose services an outlet offers but that have no plan there (nothing bookable yet). */
  missing: z.array(z.object({ outletId: z.string(), groupId: z.string() })),
});
export type CapacityList = z.infer<typeof capacityList>;

export const updateCapacityRequest = z.object({
  slotMinutes: z.number().int().min(5).max(240),
  capacity: z.number().int().min(0).max(1000),
});
export type UpdateCapacityRequest = z.infer<typeof updateCapacityRequest>;

export const capacityChanged = z.object({
  dryRun: z.boolean(),
  plan: capacityPlan,
  /** Slots already made (days someone has looked at) that took the new capacity. */
  slotsUpdated: z.number().int(),
  impact,
});
export type CapacityChanged = z.infer<typeof capacityChanged>;

// ---------------------------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------------------------

/** `2026-10`: this century, which the official calendar covers. */
export const calendarMonthQuery = z.object({ month: z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/) });

export const calendarOverride = z.object({
  id: z.string(),
  /** Null: every outlet. */
  outletId: z.string().nullable(),
  date: day,
  kind: z.enum(['closed', 'open']),
  reason: bilingualView,
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type CalendarOverrideView = z.infer<typeof calendarOverride>;

export const OFFICIAL_DAY_KINDS = ['workday', 'weekend', 'holiday', 'makeup'] as const;
export const calendarDay = z.object({
  date: day,
  weekday: z.number().int().min(1).max(7),
  /** The State Council's calendar (chinese-days): a holiday or make-up day carries its festival's name. */
  official: z.object({ kind: z.enum(OFFICIAL_DAY_KINDS), name: bilingualView.nullable() }),
  /** Local overrides of that day: the outlet's own wins over the all-outlets one. */
  overrides: z.array(calendarOverride),
  open: z.boolean(),
  hours: z.array(openPeriod),
  closedReason: bilingualView.nullable(),
  /** Active bookings at the outlet that day. */
  activeBookings: z.number().int(),
});
export type CalendarDay = z.infer<typeof calendarDay>;
export const calendarMonth = z.object({ outletId: z.string(), month: z.string(), days: z.array(calendarDay) });
export type CalendarMonth = z.infer<typeof calendarMonth>;

/** Longest span one request closes or opens: a month, plus a weekend either side. */
export const MAX_OVERRIDE_DAYS = 35;
export const addOverridesRequest = z.object({
  /** Null: every outlet. */
  outletId: z.string().min(1).max(64).nullable(),
  from: day,
  /** Inclusive; absent: `from` only. */
  to: day.optional(),
  kind: z.enum(['closed', 'open']),
  reason: bilingualText(100),
});
export type AddOverridesRequest = z.infer<typeof addOverridesRequest>;

export const overridesAdded = z.object({ dryRun: z.boolean(), overrides: z.array(calendarOverride), impact });
export type OverridesAdded = z.infer<typeof overridesAdded>;
export const overrideRemoved = z.object({
  dryRun: z.boolean(),
  removed: calendarOverride,
  /** Closed slots of that day opened again (not those an hours-change notice closed). */
  slotsReopened: z.number().int(),
  impact,
});
export type OverrideRemoved = z.infer<typeof overrideRemoved>;

// ---------------------------------------------------------------------------------------------
// Counters
// ---------------------------------------------------------------------------------------------

export const adminCounter = z.object({
  id: z.string(),
  outletId: z.string(),
  number: z.number().int(),
  name: bilingualView,
  status: z.enum(['closed', 'open', 'paused']),
  staffId: z.string().nullable(),
  serviceIds: z.array(z.string()),
  /** The number of the ticket called or served there now, if any. */
  ticketInHand: z.string().nullable(),
  /** A deactivated counter handles no services, so it calls nobody. */
  active: z.boolean(),
});
export type AdminCounter = z.infer<typeof adminCounter>;
export const adminCounterList = z.object({ counters: z.array(adminCounter) });
export const counterQuery = z.object({ outletId: z.string().max(64).optional() });

export const createCounterRequest = z.object({
  outletId: z.string().min(1).max(64),
  number: z.number().int().min(1).max(999),
  name: bilingualText(40),
  serviceIds: z.array(z.string().min(1).max(64)).max(50),
});
export type CreateCounterRequest = z.infer<typeof createCounterRequest>;
export const updateCounterRequest = z.object({
  number: z.number().int().min(1).max(999).optional(),
  name: bilingualText(40).optional(),
  serviceIds: z.array(z.string().min(1).max(64)).max(50).optional(),
});
export type UpdateCounterRequest = z.infer<typeof updateCounterRequest>;

// ---------------------------------------------------------------------------------------------
// Staff accounts
// ---------------------------------------------------------------------------------------------

/** Long enough to resist guessing while lockout slows it; no other rule (length beats composition). */
export const STAFF_PASSWORD_MIN = 10;
const password = z.string().min(STAFF_PASSWORD_MIN).max(256);
/** Typed on the kiosk's numeric keypad. */
const staffCode = z.string().regex(/^\d{6,12}$/);

export const staffAccount = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(STAFF_ROLE_VALUES),
  outletIds: z.array(z.string()),
  active: z.boolean(),
  /** Whether a staff code is set (the code itself is never shown). */
  hasStaffCode: z.boolean(),
  /** Locked after wrong passwords until then (ISO), or null. */
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type StaffAccount = z.infer<typeof staffAccount>;
export const staffAccountList = z.object({ staff: z.array(staffAccount) });

export const createStaffRequest = z.object({
  username: z.string().trim().regex(/^[a-z0-9][a-z0-9._-]{1,31}$/),
  displayName: z.string().trim().min(1).max(40),
  role: z.enum(STAFF_ROLE_VALUES),
  outletIds: z.array(z.string().min(1).max(64)).max(100),
  password,
  staffCode: staffCode.optional(),
});
export type CreateStaffRequest = z.infer<typeof createStaffRequest>;

export const updateStaffRequest = z.object({
  displayName: z.string().trim().min(1).max(40).optional(),
  role: z.enum(STAFF_ROLE_VALUES).optional(),
  outletIds: z.array(z.string().min(1).max(64)).max(100).optional(),
  active: z.boolean().optional(),
});
export type UpdateStaffRequest = z.infer<typeof updateStaffRequest>;

export const resetPasswordRequest = z.object({ password });
/** Null clears the code. */
export const setStaffCodeRequest = z.object({ staffCode: staffCode.nullable() });

// ---------------------------------------------------------------------------------------------
// Settings (every *(setting)* of DOMAIN.md)
// ---------------------------------------------------------------------------------------------

export const settingView = z.object({
  key: z.string(),
  value: z.unknown(),
  default: z.unknown(),
  /** Whether an administrator changed it (the table stores only changes). */
  overridden: z.boolean(),
  description: bilingualView,
  /** For numbers: the bounds the server accepts. */
  limits: z.object({ min: z.number().nullable(), max: z.number().nullable(), integer: z.boolean() }).nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type SettingView = z.infer<typeof settingView>;
export const settingsList = z.object({ settings: z.array(settingView) });

export const updateSettingsRequest = z.object({
  /** key → new value, each checked against the setting's own rule. */
  values: z.record(z.string().max(64), z.unknown()).default({}),
  /** Keys to put back to their default. */
  reset: z.array(z.string().max(64)).max(50).default([]),
});
export type UpdateSettingsRequest = z.input<typeof updateSettingsRequest>;

/** Who or what a changed setting touches now (people over a lowered limit, bookings past a shortened window …). */
export const settingEffect = z.object({
  key: z.string(),
  count: z.number().int(),
  unit: z.enum(['bookings', 'citizens', 'agents']),
  sentence: bilingualView,
});
export type SettingEffect = z.infer<typeof settingEffect>;

export const settingsChanged = z.object({
  dryRun: z.boolean(),
  settings: z.array(settingView),
  effects: z.array(settingEffect),
  impact,
});
export type SettingsChanged = z.infer<typeof settingsChanged>;

// ---------------------------------------------------------------------------------------------
// Blacklist and no-show suspensions
// ---------------------------------------------------------------------------------------------

export const BLACKLIST_KINDS = ['id_number', 'phone', 'firm'] as const;
export const BLACKLIST_SOURCES = ['manual', 'illegal_booking', 'no_show'] as const;
export const BLACKLIST_STATES = ['active', 'expired', 'removed'] as const;

export const blacklistEntry = z.object({
  id: z.string(),
  kind: z.enum(BLACKLIST_KINDS),
  /** Masked for people (`3601**********123X`, `138****5678`); a firm's public credit code and name. */
  display: z.string(),
  source: z.enum(BLACKLIST_SOURCES),
  reason: z.string(),
  state: z.enum(BLACKLIST_STATES),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  removedAt: z.string().nullable(),
  removedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
});
export type BlacklistEntryView = z.infer<typeof blacklistEntry>;

export const blacklistQuery = z.object({
  state: z.enum([...BLACKLIST_STATES, 'all']).default('all'),
  kind: z.enum(BLACKLIST_KINDS).optional(),
});
export const blacklistList = z.object({ entries: z.array(blacklistEntry), truncated: z.boolean() });
export type BlacklistList = z.infer<typeof blacklistList>;

export const addBlacklistRequest = z.object({
  kind: z.enum(BLACKLIST_KINDS),
  /** The ID number, mobile number or credit code, as typed; checked with its checksum. */
  value: z.string().trim().min(1).max(40),
  source: z.enum(['manual', 'illegal_booking']).default('manual'),
  reason: z.string().trim().min(1).max(200),
  /** ISO instant; absent or null: until removed. */
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type AddBlacklistRequest = z.input<typeof addBlacklistRequest>;

export const blacklistAdded = z.object({
  entry: blacklistEntry,
  /** Active bookings of the person or firm, which check-in now refuses. */
  blockedBookings: z.number().int(),
});
export type BlacklistAdded = z.infer<typeof blacklistAdded>;

export const suspension = z.object({
  citizenId: z.string(),
  name: z.string(),
  idNumber: z.string(),
  phone: z.string(),
  /** The no-show days that count. */
  noShowDates: z.array(day),
  /** Booking opens again at 00:00 (Beijing) that day. */
  until: day,
});
export type Suspension = z.infer<typeof suspension>;
export const suspensionList = z.object({
  rule: z.object({ noShowLimit: z.number().int(), noShowWindowDays: z.number().int(), noShowSuspensionDays: z.number().int() }),
  suspensions: z.array(suspension),
});
export type SuspensionList = z.infer<typeof suspensionList>;

// ---------------------------------------------------------------------------------------------
// Audit log
// ---------------------------------------------------------------------------------------------

export const AUDIT_PAGE_MAX = 200;
export const auditQuery = z.object({
  /** `staff.` matches `staff.created`, `staff.signed_in`, … */
  action: z.string().max(64).optional(),
  actorKind: z.enum(['citizen', 'staff', 'device', 'system']).optional(),
  actorId: z.string().max(64).optional(),
  targetKind: z.string().max(32).optional(),
  targetId: z.string().max(64).optional(),
  outletId: z.string().max(64).optional(),
  /** ISO instants, from inclusive, to exclusive. */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** Entries older than this id (the previous page's `next`). */
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorKind: z.enum(['citizen', 'staff', 'device', 'system']),
  actorId: z.string().nullable(),
  /** The member of staff's name, for staff actors. */
  actorName: z.string().nullable(),
  action: z.string(),
  targetKind: z.string().nullable(),
  targetId: z.string().nullable(),
  outletId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntryView = z.infer<typeof auditEntry>;
/** Newest first; `next` is the `before` of the following page, null at the end. */
export const auditPage = z.object({ entries: z.array(auditEntry), next: z.number().int().nullable() });
export type AuditPage = z.infer<typeof auditPage>;
