/**
 * The one schema of Lobby: every table, constraint and row type comes from here.
 * Rules that must hold under concurrency live in the database as constraints, so that
 * no race between requests can break them (see docs/decisions/002-schema.md).
 *
 * Personal data: ID numbers and phones are stored only encrypted (`*_enc`, AES-256-GCM) with a
 * keyed hash (`*_hash`, HMAC-SHA-256) for lookups and uniqueness.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const tstz = (name: string) => timestamp(name, { withTimezone: true });
/** A calendar day in the outlet's time zone, as `YYYY-MM-DD`. */
const day = (name: string) => date(name, { mode: 'string' });

/** A bilingual text: Chinese first, English available. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** Opening hours: for each ISO weekday (1 = Monday … 7 = Sunday), the open periods as `HH:MM`. */
export type OpeningHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', { open: string; close: string }[]>>;

// ---------------------------------------------------------------------------------------------
// Enumerations
// ---------------------------------------------------------------------------------------------

export const outletKind = pgEnum('outlet_kind', ['office', 'service_point']);
export const staffRole = pgEnum('staff_role', ['admin', 'supervisor', 'clerk', 'guide']);
export const deviceKind = pgEnum('device_kind', ['kiosk', 'display']);
export const deviceStatus = pgEnum('device_status', ['pairing', 'active', 'revoked']);
export const reviewStatus = pgEnum('review_status', ['pending', 'approved', 'rejected', 'revoked']);
export const bookingKind = pgEnum('booking_kind', ['personal', 'agency']);
export const bookingStatus = pgEnum('booking_status', ['active', 'checked_in', 'cancelled', 'no_show']);
export const ticketClass = pgEnum('ticket_class', ['green', 'appointment', 'walk_in', 'late']);
export const greenReason = pgEnum('green_reason', ['age', 'disability', 'serviceman', 'pregnancy']);
export const ticketStatus = pgEnum('ticket_status', ['waiting', 'called', 'serving', 'finished', 'missed', 'cancelled']);
export const counterStatus = pgEnum('counter_status', ['closed', 'open', 'paused']);
export const calendarOverrideKind = pgEnum('calendar_override_kind', ['closed', 'open']);
export const noticeKind = pgEnum('notice_kind', ['info', 'hours_change', 'closure']);
export const blacklistKind = pgEnum('blacklist_kind', ['id_number', 'phone', 'firm']);
export const blacklistSource = pgEnum('blacklist_source', ['manual', 'illegal_booking', 'no_show']);
export const outboxStatus = pgEnum('outbox_status', ['pending', 'sent', 'failed']);
export const outboxChannel = pgEnum('outbox_channel', ['sms', 'wechat']);
export const actorKind = pgEnum('actor_kind', ['citizen', 'staff', 'device', 'system']);

// ---------------------------------------------------------------------------------------------
// Outlets, services, counters
// ---------------------------------------------------------------------------------------------

export const outlets = pgTable('outlets', {
  id: text('id').primaryKey(),
  kind: outletKind('kind').notNull(),
  name: jsonb('name').$type<Bilingual>().notNull(),
  address: jsonb('address').$type<Bilingual>().notNull(),
  /** How to get there, in words (the H5 page shows no map). */
  route: jsonb('route').$type<Bilingual>().notNull(),
  phone: text('phone'),
  openingHours: jsonb('opening_hours').$type<OpeningHours>().notNull(),
  walkInsAllowed: boolean('walk_ins_allowed').notNull().default(true),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});

/**
 * A group of services that shares a ticket prefix and a booking capacity per slot
 * (e.g. `A` motor vehicle business, `E` e-bike registration).
 */
export const serviceGroups = pgTable('service_groups', {
  id: text('id').primaryKey(),
  prefix: text('prefix').notNull().unique(),
  name: jsonb('name').$type<Bilingual>().notNull(),
}, (t) => [check('service_groups_prefix_letter', sql`${t.prefix} ~ '^[A-Z]$'`)]);

export const services = pgTable('services', {
  id: text('id').primaryKey(),
  groupId: text('group_id').notNull().references(() => serviceGroups.id),
  name: jsonb('name').$type<Bilingual>().notNull(),
  description: jsonb('description').$type<Bilingual>().notNull(),
  averageMinutes: integer('average_minutes').notNull(),
  /** Everything to bring, so that an applicant is told everything missing at once. */
  requiredMaterials: jsonb('required_materials').$type<Bilingual[]>().notNull(),
  /** Whether a citizen can book it online (some steps, like payment, are only reached on site). */
  bookable: boolean('bookable').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
}, (t) => [check('services_average_minutes_positive', sql`${t.averageMinutes} > 0`)]);

/**
 * A journey (一票到底): the steps a service's ticket goes through, each step itself a service with its
 * own counters (inspection → acceptance → payment → issuing). A service without rows here is one step.
 */
export const serviceSteps = pgTable('service_steps', {
  serviceId: text('service_id').notNull().references(() => services.id, { onDelete: 'cascade' }),
  position: smallint('position').notNull(),
  stepServiceId: text('step_service_id').notNull().references(() => services.id),
}, (t) => [primaryKey({ columns: [t.serviceId, t.position] })]);

export const outletServices = pgTable('outlet_services', {
  outletId: text('outlet_id').notNull().references(() => outlets.id, { onDelete: 'cascade' }),
  serviceId: text('service_id').notNull().references(() => services.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.outletId, t.serviceId] })]);

export const counters = pgTable('counters', {
  id: uuid('id').primaryKey().defaultRandom(),
  outletId: text('outlet_id').notNull().references(() => outlets.id),
  /** The number announced: "请 A012 号到 3 号窗口办理". */
  number: integer('number').notNull(),
  name: jsonb('name').$type<Bilingual>().notNull(),
  status: counterStatus('status').notNull().default('closed'),
  staffId: uuid('staff_id'),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
}, (t) => [unique('counters_outlet_number').on(t.outletId, t.number)]);

export const counterServices = pgTable('counter_services', {
  counterId: uuid('counter_id').notNull().references(() => counters.id, { onDelete: 'cascade' }),
  serviceId: text('service_id').notNull().references(() => services.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.counterId, t.serviceId] })]);

// ---------------------------------------------------------------------------------------------
// Calendar and capacity
// ---------------------------------------------------------------------------------------------

/**
 * Local changes to the official calendar (which comes from `chinese-days`): a closure, or an
 * extra open day. `outlet_id` null means every outlet.
 */
export const calendarOverrides = pgTable('calendar_overrides', {
  id: uuid('id').primaryKey().defaultRandom(),
  outletId: text('outlet_id').references(() => outlets.id, { onDelete: 'cascade' }),
  date: day('date').notNull(),
  kind: calendarOverrideKind('kind').notNull(),
  reason: jsonb('reason').$type<Bilingual>().notNull(),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
}, (t) => [unique('calendar_overrides_outlet_date').on(t.outletId, t.date).nullsNotDistinct()]);

/** How an outlet cuts its opening hours into slots for a service group, and how many fit in each. */
export const capacityPlans = pgTable('capacity_plans', {
  outletId: text('outlet_id').notNull().references(() => outlets.id, { onDelete: 'cascade' }),
  groupId: text('group_id').notNull().references(() => serviceGroups.id),
  slotMinutes: integer('slot_minutes').notNull(),
  capacity: integer('capacity').notNull(),
}, (t) => [
  primaryKey({ columns: [t.outletId, t.groupId] }),
  check('capacity_plans_positive', sql`${t.slotMinutes} > 0 and ${t.capacity} >= 0`),
]);

/**
 * A bookable time slot. `booked` only moves through conditional updates
 * (`... where booked < capacity`), and the check makes overbooking impossible even so.
 */
export const slots = pgTable('slots', {
  id: uuid('id').primaryKey().defaultRandom(),
  outletId: text('outlet_id').notNull().references(() => outlets.id),
  groupId: text('group_id').notNull().references(() => serviceGroups.id),
  date: day('date').notNull(),
  startsAt: time('starts_at').notNull(),
  endsAt: time('ends_at').notNull(),
  capacity: integer('capacity').notNull(),
  booked: integer('booked').notNull().default(0),
  /** A closure notice can close a slot without deleting the bookings in it. */
  closed: boolean('closed').notNull().default(false),
}, (t) => [
  unique('slots_outlet_group_date_start').on(t.outletId, t.groupId, t.date, t.startsAt),
  check('slots_booked_within_capacity', sql`${t.booked} >= 0 and ${t.booked} <= ${t.capacity}`),
  check('slots_time_order', sql`${t.startsAt} < ${t.endsAt}`),
]);

// ---------------------------------------------------------------------------------------------
// People: citizens, firms, agents, staff, devices
// ---------------------------------------------------------------------------------------------

export const citizens = pgTable('citizens', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** The WeChat identity bound at registration. */
  openid: text('openid').unique(),
  name: text('name').notNull(),
  idNumberEnc: text('id_number_enc').notNull(),
  idNumberHash: text('id_number_hash').notNull().unique(),
  phoneEnc: text('phone_enc').notNull(),
  phoneHash: text('phone_hash').notNull(),
  birthDate: day('birth_date').notNull(),
  /** Personal bookings now active; moved only by conditional updates against the limit setting. */
  activePersonalBookings: integer('active_personal_bookings').notNull().default(0),
  createdAt: createdAt(),
}, (t) => [
  index('citizens_phone_hash').on(t.phoneHash),
  check('citizens_active_personal_nonnegative', sql`${t.activePersonalBookings} >= 0`),
]);

export const firms = pgTable('firms', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  creditCode: text('credit_code').notNull().unique(),
  status: reviewStatus('status').notNull().default('pending'),
  createdAt: createdAt(),
});

/** A citizen acting as a firm's fixed agent; books for the firm only once approved. */
export const agents = pgTable('agents', {
  id: uuid('id').primaryKey().defaultRandom(),
  firmId: uuid('firm_id').notNull().references(() => firms.id),
  citizenId: uuid('citizen_id').notNull().references(() => citizens.id),
  status: reviewStatus('status').notNull().default('pending'),
  reviewReason: text('review_reason'),
  reviewedBy: uuid('reviewed_by'),
  reviewedAt: tstz('reviewed_at'),
  /** Agency bookings now active; "one agent, one number". */
  activeBookings: integer('active_bookings').notNull().default(0),
  createdAt: createdAt(),
}, (t) => [
  unique('agents_firm_citizen').on(t.firmId, t.citizenId),
  check('agents_active_bookings_nonnegative', sql`${t.activeBookings} >= 0`),
]);

/** The power of attorney with the firm's seal, as uploaded (image or PDF). */
export const powersOfAttorney = pgTable('powers_of_attorney', {
  id: uuid('id').primaryKey().defaultRandom(),
  agentId: uuid('agent_id').notNull().references(() => agents.id, { onDelete: 'cascade' }),
  mediaType: text('media_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  validUntil: day('valid_until'),
  createdAt: createdAt(),
}, (t) => [index('powers_of_attorney_agent').on(t.agentId)]);

export const staff = pgTable('staff', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: staffRole('role').notNull(),
  /** scrypt, with its parameters: see server/auth/password.ts. */
  passwordHash: text('password_hash').notNull(),
  /** What a guide types at the kiosk to confirm a green-channel grant (hashed like a password). */
  staffCodeHash: text('staff_code_hash'),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: tstz('locked_until'),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});

export const staffOutlets = pgTable('staff_outlets', {
  staffId: uuid('staff_id').notNull().references(() => staff.id, { onDelete: 'cascade' }),
  outletId: text('outlet_id').notNull().references(() => outlets.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.staffId, t.outletId] })]);

/** Sessions of staff and citizens; the cookie holds a random token, the table only its hash. */
export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  staffId: uuid('staff_id').references(() => staff.id, { onDelete: 'cascade' }),
  citizenId: uuid('citizen_id').references(() => citizens.id, { onDelete: 'cascade' }),
  /** A WeChat user who has authorized but not registered yet. */
  openid: text('openid'),
  csrfToken: text('csrf_token').notNull(),
  expiresAt: tstz('expires_at').notNull(),
  createdAt: createdAt(),
}, (t) => [
  index('sessions_expires_at').on(t.expiresAt),
  // A staff session belongs to staff only; a citizen session has an openid and, once registered, a citizen.
  check('sessions_one_subject', sql`case when ${t.staffId} is not null then ${t.citizenId} is null and ${t.openid} is null else ${t.openid} is not null end`),
]);

export const smsCodes = pgTable('sms_codes', {
  id: uuid('id').primaryKey().defaultRandom(),
  phoneHash: text('phone_hash').notNull(),
  codeHash: text('code_hash').notNull(),
  purpose: text('purpose').notNull(),
  attempts: integer('attempts').notNull().default(0),
  expiresAt: tstz('expires_at').notNull(),
  consumedAt: tstz('consumed_at'),
  requestIpHash: text('request_ip_hash'),
  createdAt: createdAt(),
}, (t) => [index('sms_codes_phone_created').on(t.phoneHash, t.createdAt)]);

/** Kiosks and displays: paired once with a one-time code, then a long-lived token bound to one outlet. */
export const devices = pgTable('devices', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: deviceKind('kind').notNull(),
  outletId: text('outlet_id').references(() => outlets.id),
  name: text('name').notNull(),
  status: deviceStatus('status').notNull().default('pairing'),
  tokenHash: text('token_hash').unique(),
  pairingCodeHash: text('pairing_code_hash').unique(),
  pairingExpiresAt: tstz('pairing_expires_at'),
  pairedBy: uuid('paired_by'),
  pairedAt: tstz('paired_at'),
  revokedAt: tstz('revoked_at'),
  lastSeenAt: tstz('last_seen_at'),
  createdAt: createdAt(),
}, (t) => [check('devices_active_has_outlet', sql`${t.status} <> 'active' or (${t.outletId} is not null and ${t.tokenHash} is not null)`)]);

// ---------------------------------------------------------------------------------------------
// Bookings and tickets
// ---------------------------------------------------------------------------------------------

export const bookings = pgTable('bookings', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** What the voucher shows; random, never sequential, so it cannot be guessed. */
  appointmentNo: text('appointment_no').notNull().unique(),
  kind: bookingKind('kind').notNull(),
  /** The person who presents their ID at the kiosk: the citizen, or the firm's agent. */
  citizenId: uuid('citizen_id').notNull().references(() => citizens.id),
  agentId: uuid('agent_id').references(() => agents.id),
  firmId: uuid('firm_id').references(() => firms.id),
  serviceId: text('service_id').notNull().references(() => services.id),
  outletId: text('outlet_id').notNull().references(() => outlets.id),
  slotId: uuid('slot_id').notNull().references(() => slots.id),
  date: day('date').notNull(),
  status: bookingStatus('status').notNull().default('active'),
  /** Business details as entered (e.g. plate number). */
  details: jsonb('details').$type<Record<string, string>>().notNull().default({}),
  /** A retried submit carries the same key and gets the same booking. */
  idempotencyKey: text('idempotency_key').notNull(),
  rescheduledFrom: uuid('rescheduled_from'),
  /** Set when a notice closed the outlet or changed its hours after this was booked. */
  affectedByNoticeId: uuid('affected_by_notice_id'),
  clientIpHash: text('client_ip_hash'),
  createdAt: createdAt(),
  cancelledAt: tstz('cancelled_at'),
  checkedInAt: tstz('checked_in_at'),
}, (t) => [
  unique('bookings_citizen_idempotency').on(t.citizenId, t.idempotencyKey),
  index('bookings_outlet_date').on(t.outletId, t.date),
  index('bookings_citizen_status').on(t.citizenId, t.status),
  check('bookings_agency_has_agent', sql`(${t.kind} = 'personal') = (${t.agentId} is null and ${t.firmId} is null)`),
  foreignKey({ columns: [t.rescheduledFrom], foreignColumns: [t.id] }),
]);

/** The last ticket sequence issued per outlet, day and prefix; bumped in the issuing transaction. */
export const ticketSequences = pgTable('ticket_sequences', {
  outletId: text('outlet_id').notNull().references(() => outlets.id),
  serviceDate: day('service_date').notNull(),
  prefix: text('prefix').notNull(),
  lastSeq: integer('last_seq').notNull(),
}, (t) => [primaryKey({ columns: [t.outletId, t.serviceDate, t.prefix] })]);

export const tickets = pgTable('tickets', {
  id: uuid('id').primaryKey().defaultRandom(),
  outletId: text('outlet_id').notNull().references(() => outlets.id),
  serviceDate: day('service_date').notNull(),
  prefix: text('prefix').notNull(),
  seq: integer('seq').notNull(),
  /** `A012`: prefix and a zero-padded daily sequence. */
  number: text('number').notNull(),
  /** Checking in is idempotent: one ticket per booking. */
  bookingId: uuid('booking_id').unique().references(() => bookings.id),
  citizenId: uuid('citizen_id').references(() => citizens.id),
  /** Keyed hash of the holder's ID number (walk-ins included), for one waiting ticket per ID and service. */
  idNumberHash: text('id_number_hash'),
  /** The journey's service; `service_id` is the step (queue) the ticket is in now. */
  journeyServiceId: text('journey_service_id').notNull().references(() => services.id),
  serviceId: text('service_id').notNull().references(() => services.id),
  stepPosition: smallint('step_position').notNull().default(1),
  class: ticketClass('class').notNull(),
  greenReason: greenReason('green_reason'),
  status: ticketStatus('status').notNull().default('waiting'),
  /** When the ticket entered its current queue: first come, first served inside a class. */
  queuedAt: tstz('queued_at').notNull(),
  counterId: uuid('counter_id').references(() => counters.id),
  requeueCount: integer('requeue_count').notNull().default(0),
  /** A random token in the ticket's QR: it opens the ticket's live page on a phone. */
  followToken: text('follow_token').notNull().unique(),
  createdAt: createdAt(),
}, (t) => [
  unique('tickets_outlet_day_prefix_seq').on(t.outletId, t.serviceDate, t.prefix, t.seq),
  uniqueIndex('tickets_one_waiting_per_id_service')
    .on(t.outletId, t.serviceDate, t.idNumberHash, t.serviceId)
    .where(sql`${t.status} in ('waiting', 'called', 'serving') and ${t.idNumberHash} is not null`),
  index('tickets_queue').on(t.outletId, t.serviceId, t.status, t.queuedAt),
  // A counter holds at most one ticket at a time (called or being served).
  uniqueIndex('tickets_one_current_per_counter').on(t.counterId).where(sql`${t.status} in ('called', 'serving')`),
  check('tickets_green_has_reason', sql`(${t.class} = 'green') = (${t.greenReason} is not null)`),
  check('tickets_seq_positive', sql`${t.seq} > 0`),
]);

/** The outlet's live event sequence: one row per outlet, bumped in every transition's transaction. */
export const outletSequences = pgTable('outlet_sequences', {
  outletId: text('outlet_id').primaryKey().references(() => outlets.id),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
});

/** Every ticket transition; reports and live views are derived from these. */
export const ticketEvents = pgTable('ticket_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  ticketId: uuid('ticket_id').notNull().references(() => tickets.id),
  outletId: text('outlet_id').notNull().references(() => outlets.id),
  outletSeq: bigint('outlet_seq', { mode: 'number' }).notNull(),
  type: text('type').notNull(),
  fromStatus: ticketStatus('from_status'),
  toStatus: ticketStatus('to_status').notNull(),
  serviceId: text('service_id').notNull().references(() => services.id),
  counterId: uuid('counter_id').references(() => counters.id),
  actorKind: actorKind('actor_kind').notNull(),
  actorId: text('actor_id'),
  at: tstz('at').notNull(),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
}, (t) => [
  unique('ticket_events_outlet_seq').on(t.outletId, t.outletSeq),
  index('ticket_events_ticket').on(t.ticketId, t.id),
  index('ticket_events_outlet_at').on(t.outletId, t.at),
  // A counter's recent calls decide whether a long-waiting walk-in goes next.
  index('ticket_events_counter').on(t.counterId, t.id),
]);

/** 好差评: five grades; a reason is required for the two lowest. */
export const ratings = pgTable('ratings', {
  ticketId: uuid('ticket_id').primaryKey().references(() => tickets.id),
  grade: smallint('grade').notNull(),
  reason: text('reason'),
  source: text('source').notNull(),
  createdAt: createdAt(),
}, (t) => [
  check('ratings_grade_range', sql`${t.grade} between 1 and 5`),
  check('ratings_low_grade_has_reason', sql`${t.grade} > 2 or length(coalesce(${t.reason}, '')) > 0`),
]);

/** Results of actions keyed by the client's idempotency key (counter actions, submits). */
export const idempotencyKeys = pgTable('idempotency_keys', {
  scope: text('scope').notNull(),
  key: text('key').notNull(),
  response: jsonb('response').$type<unknown>().notNull(),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.scope, t.key] })]);

// ---------------------------------------------------------------------------------------------
// Notices, blacklist, settings, audit, outbox
// ---------------------------------------------------------------------------------------------

export const notices = pgTable('notices', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Null: every outlet. */
  outletId: text('outlet_id').references(() => outlets.id),
  kind: noticeKind('kind').notNull(),
  title: jsonb('title').$type<Bilingual>().notNull(),
  body: jsonb('body').$type<Bilingual>().notNull(),
  /** For closures and hour changes: the days affected. */
  effectiveFrom: day('effective_from'),
  effectiveTo: day('effective_to'),
  /** For hour changes: the hours in force on the affected days. */
  changedHours: jsonb('changed_hours').$type<{ open: string; close: string }[]>(),
  publishAt: tstz('publish_at'),
  withdrawnAt: tstz('withdrawn_at'),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
}, (t) => [check('notices_effective_order', sql`${t.effectiveTo} is null or ${t.effectiveFrom} <= ${t.effectiveTo}`)]);

export const blacklist = pgTable('blacklist', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: blacklistKind('kind').notNull(),
  /** Keyed hash of the ID number or phone; the firm's credit code for firms. */
  valueHash: text('value_hash').notNull(),
  /** What staff see: masked for people. */
  display: text('display').notNull(),
  source: blacklistSource('source').notNull(),
  reason: text('reason').notNull(),
  expiresAt: tstz('expires_at'),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
  removedAt: tstz('removed_at'),
  removedBy: uuid('removed_by'),
}, (t) => [index('blacklist_lookup').on(t.kind, t.valueHash)]);

/** Every *(setting)* of the domain, as JSON values with defaults seeded by migration-time code. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

/** Every staff action and override. Read-only: a trigger refuses UPDATE and DELETE. */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: tstz('at').notNull().defaultNow(),
  actorKind: actorKind('actor_kind').notNull(),
  actorId: text('actor_id'),
  action: text('action').notNull(),
  targetKind: text('target_kind'),
  targetId: text('target_id'),
  outletId: text('outlet_id'),
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
}, (t) => [index('audit_log_at').on(t.at), index('audit_log_action').on(t.action)]);

/** Messages to send (SMS, WeChat subscribe messages), drained by a worker with `SKIP LOCKED`. */
export const outbox = pgTable('outbox', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  channel: outboxChannel('channel').notNull(),
  /** Whom to send to: an openid, or an encrypted phone; never a plaintext phone. */
  recipient: text('recipient').notNull(),
  template: text('template').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  /** Makes enqueueing idempotent (one reminder per booking, ...). */
  dedupeKey: text('dedupe_key').unique(),
  status: outboxStatus('status').notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  availableAt: tstz('available_at').notNull().defaultNow(),
  sentAt: tstz('sent_at'),
  lastError: text('last_error'),
  createdAt: createdAt(),
}, (t) => [index('outbox_pending').on(t.status, t.availableAt)]);

/**
 * Counters of rate-limiter-flexible's drizzle store (per IP, per phone, per ID …): in the database,
 * so every server process counts against the same limits.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull(),
  expire: tstz('expire'),
}, (t) => [index('rate_limits_expire').on(t.expire)]);

/** One-use `state` values of WeChat authorizations in flight, bound to the browser that began them. */
export const oauthStates = pgTable('oauth_states', {
  stateHash: text('state_hash').primaryKey(),
  /** Where the H5 page goes after the authorization; a path on this site only. */
  returnTo: text('return_to').notNull(),
  expiresAt: tstz('expires_at').notNull(),
  usedAt: tstz('used_at'),
  createdAt: createdAt(),
});

/** Required by @socket.io/postgres-adapter for payloads too large for NOTIFY. */
export const socketIoAttachments = pgTable('socket_io_attachments', {
  id: bigserial('id', { mode: 'number' }).unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
  payload: bytea('payload'),
});

export type Outlet = typeof outlets.$inferSelect;
export type Service = typeof services.$inferSelect;
export type ServiceGroup = typeof serviceGroups.$inferSelect;
export type Counter = typeof counters.$inferSelect;
export type Staff = typeof staff.$inferSelect;
export type StaffRole = (typeof staffRole.enumValues)[number];
export type Device = typeof devices.$inferSelect;
export type Citizen = typeof citizens.$inferSelect;
export type Booking = typeof bookings.$inferSelect;
export type Ticket = typeof tickets.$inferSelect;
export type TicketEvent = typeof ticketEvents.$inferSelect;
export type Notice = typeof notices.$inferSelect;
