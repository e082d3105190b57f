/**
 * The corpus, part one: what people type and send. Malformed and checksum-invalid ID numbers,
 * credit codes, phones and names; impossible dates; bookings against every rule; injection into
 * every field that has a format (so it must be refused), every path and query parameter and header;
 * oversized, broken and mistyped bodies; uploads that are not what they claim.
 * Each family is a function of the world (test/hostile/world.ts) that returns its cases as data.
 */
import type { ErrorCode } from '../../common/errors.ts';
import { TINY_PDF, WINDOWS_EXE_HEADER } from '../../server/firms/fixtures.ts';
import type { HttpCase } from './harness.ts';
import { BAD_CREDIT_CODES, BAD_DATES, BAD_ID_NUMBERS, BAD_PHONES, INJECTIONS, creditCode, idNumber, type BadIdNumber, type Payload } from './payloads.ts';
import { TODAY, type World } from './world.ts';

const kioskHeaders = (token: string) => ({ authorization: `Bearer ${token}` });
let address = 0;
/** A fresh client address: limits per address (registration, sign-in) stay out of the cases' way. */
export const freshIp = () => {
  address += 1;
  return `10.99.${Math.floor(address / 250) % 250}.${(address % 250) + 1}`;
};
let sequence = 100;
/** A valid ID number never used before in the suite (limits per ID number stay out of the way). */
export const freshIdNumber = () => {
  sequence += 1;
  return idNumber('19880808', String(sequence % 1000).padStart(3, '0'), String(310000 + Math.floor(sequence / 1000)));
};
let phones = 0;
const freshPhone = () => {
  phones += 1;
  return `1370099${String(phones).padStart(4, '0')}`;
};

const idCode = (bad: BadIdNumber, schemaRefusal: ErrorCode, tooLong: ErrorCode): ErrorCode => {
  switch (bad.problem) {
    case 'empty':
      return schemaRefusal;
    case 'too_long':
      return tooLong;
    case 'unstorable':
      return 'bad_request';
    default:
      return `id_number_${bad.problem}`;
  }
};

/** Malformed, impossible and checksum-invalid ID numbers wherever one is typed. */
export function idNumberCases(w: World): HttpCase[] {
  return BAD_ID_NUMBERS.flatMap((bad): HttpCase[] => [
    {
      family: 'ID numbers', name: `kiosk check-in: ${bad.name}`, path: '/api/kiosk/check-in', headers: kioskHeaders(w.kiosk),
      json: { idNumber: bad.value, appointmentNo: w.holders[0]!.booking.appointmentNo }, expect: idCode(bad, 'validation_failed', 'validation_failed'),
    },
    {
      family: 'ID numbers', name: `kiosk walk-in: ${bad.name}`, path: '/api/kiosk/walk-ins', headers: kioskHeaders(w.kiosk),
      json: { idNumber: bad.value, serviceId: 'violation' }, expect: idCode(bad, 'validation_failed', 'validation_failed'),
    },
    {
      family: 'ID numbers', name: `registration: ${bad.name}`, path: '/api/citizen/register', headers: { ...w.newcomer.headers, 'x-forwarded-for': freshIp() },
      json: { name: '张三', idNumber: bad.value, phone: '13800138000', smsCode: '123456' }, expect: idCode(bad, 'id_number_format', 'validation_failed'),
    },
    {
      family: 'ID numbers', name: `blacklist entry: ${bad.name}`, path: '/api/admin/blacklist', headers: w.admin.headers,
      json: { kind: 'id_number', value: bad.value, reason: '测试' }, expect: idCode(bad, 'validation_failed', 'id_number_format'),
    },
  ]);
}

/** Credit codes that fail GB 32100, and firm names that are not names. */
export function firmCases(w: World): HttpCase[] {
  const apply = (firmName: string, code: string) => ({ path: '/api/citizen/agencies', headers: w.bookers[1]!.headers, json: { firmName, creditCode: code } });
  const codes = BAD_CREDIT_CODES.flatMap((bad): HttpCase[] => [
    { family: 'credit codes', name: `agent application: ${bad.name}`, ...apply('鹰潭市某某汽车销售有限公司', bad.value), expect: bad.unstorable ? 'bad_request' : 'credit_code_invalid' },
    {
      family: 'credit codes', name: `blacklist entry: ${bad.name}`, path: '/api/admin/blacklist', headers: w.admin.headers,
      json: { kind: 'firm', value: bad.value, reason: '测试' },
      expect: bad.unstorable ? 'bad_request' : bad.value.trim() === '' ? 'validation_failed' : 'credit_code_invalid',
    },
  ]);
  const valid = creditCode('91360600MA35Y9876');
  const names: [string, string, ErrorCode][] = [
    ['empty', '', 'firm_name_invalid'], ['blank', '    ', 'firm_name_invalid'], ['one character', '厂', 'firm_name_invalid'],
    ['101 characters', '某'.repeat(101), 'firm_name_invalid'], ['201 characters', '某'.repeat(201), 'validation_failed'],
    ['a bell character', '某某\u0007公司', 'firm_name_invalid'], ['a DEL character', '某某\u007f公司', 'firm_name_invalid'],
    ['U+0000', '某某\u0000公司', 'bad_request'],
  ];
  return [...codes, ...names.map(([name, firmName, expect]): HttpCase => ({ family: 'firm names', name, ...apply(firmName, valid), expect }))];
}

/** Phones and names at registration, phones for the SMS code. */
export function personCases(w: World): HttpCase[] {
  const register = (body: Record<string, string>): Pick<HttpCase, 'path' | 'headers' | 'json'> => ({
    path: '/api/citizen/register', headers: { ...w.newcomer.headers, 'x-forwarded-for': freshIp() },
    json: { name: '张三', idNumber: freshIdNumber(), phone: '13800138000', smsCode: '123456', ...body },
  });
  const phones = BAD_PHONES.flatMap((phone): HttpCase[] => [
    { family: 'phones', name: `SMS code to ${JSON.stringify(phone)}`, path: '/api/citizen/sms-code', headers: { ...w.newcomer.headers, 'x-forwarded-for': freshIp() }, json: { phone }, expect: 'phone_invalid' },
    { family: 'phones', name: `registration with ${JSON.stringify(phone)}`, ...register({ phone }), expect: 'phone_invalid' },
  ]);
  const names: [string, string, ErrorCode][] = [
    ['empty', '', 'name_invalid'], ['one letter', '张', 'name_invalid'], ['digits', '张三1', 'name_invalid'],
    ['SQL', "Robert'); DROP TABLE citizens;--", 'name_invalid'], ['script', '<script>alert(1)</script>', 'name_invalid'],
    ['31 letters', '张'.repeat(31), 'name_invalid'], ['65 letters', '张'.repeat(65), 'validation_failed'], ['U+0000', '张\u0000三', 'bad_request'],
  ];
  return [...phones, ...names.map(([name, value, expect]): HttpCase => ({ family: 'names', name: `registration: ${name}`, ...register({ name: value }), expect }))];
}

/** Impossible days and no days at all, wherever a day is given. */
export function dateCases(w: World): HttpCase[] {
  return BAD_DATES.flatMap((bad): HttpCase[] => {
    const q = encodeURIComponent(bad.value);
    return [
      { family: 'dates', name: `slots of ${bad.name}`, path: `/api/availability/slots?serviceId=mv-transfer&outletId=yt-dmv&date=${q}`, expect: 'validation_failed' },
      { family: 'dates', name: `history report from ${bad.name}`, path: `/api/reports/history?from=${q}&to=${TODAY}`, headers: w.supervisor.headers, expect: 'validation_failed' },
      { family: 'dates', name: `history CSV to ${bad.name}`, path: `/api/reports/history.csv?from=${TODAY}&to=${q}`, headers: w.supervisor.headers, expect: 'validation_failed' },
      { family: 'dates', name: `scalper report from ${bad.name}`, path: `/api/reports/scalpers?from=${q}&to=${TODAY}`, headers: w.supervisor.headers, expect: 'validation_failed' },
      {
        family: 'dates', name: `closure notice from ${bad.name}`, path: '/api/admin/notices', headers: w.supervisor.headers,
        json: { outletId: 'yt-dmv', kind: 'closure', title: { zh: '停办', en: '' }, body: { zh: '停办', en: '' }, effectiveFrom: bad.value },
        expect: bad.value.length > 10 ? 'validation_failed' : 'notice_invalid',
      },
      {
        family: 'dates', name: `blacklist until ${bad.name}`, path: '/api/admin/blacklist', headers: w.admin.headers,
        json: { kind: 'phone', value: freshPhone(), reason: '测试', expiresAt: `${bad.value}T00:00:00+08:00` }, expect: 'validation_failed',
      },
      {
        family: 'dates', name: `notice published at ${bad.name}`, path: `/api/admin/notices/${w.draftNoticeId}/publish`, headers: w.supervisor.headers,
        json: { publishAt: `${bad.value}T09:00:00+08:00` }, expect: 'validation_failed',
      },
      {
        family: 'dates', name: `calendar closure from ${bad.name}`, path: '/api/admin/calendar/overrides', headers: w.admin.headers,
        json: { outletId: 'yt-dmv', from: bad.value, kind: 'closed', reason: { zh: '停电', en: '' } }, expect: 'validation_failed',
      },
    ];
  });
}

/** Bookings against every rule the booking core keeps, and requests that are not bookings. */
export function bookingCases(w: World): HttpCase[] {
  let turn = 0;
  const as = () => w.bookers[(turn++ % (w.bookers.length - 1)) + 1]!.headers;
  let keys = 0;
  const book = (body: Record<string, unknown>, headers = as()): Pick<HttpCase, 'path' | 'headers' | 'json'> => ({
    path: '/api/bookings', headers,
    json: { kind: 'personal', serviceId: 'mv-transfer', outletId: 'yt-dmv', slotId: w.slots.tomorrow, idempotencyKey: `hostile-key-${++keys}`, details: {}, ...body },
  });
  const s = w.slots;
  const cases: [string, Pick<HttpCase, 'path' | 'headers' | 'json' | 'raw'>, ErrorCode | readonly ErrorCode[]][] = [
    ['a slot today (the window starts tomorrow)', book({ slotId: s.today }), 'outside_window'],
    ['a slot last week', book({ slotId: s.past }), 'outside_window'],
    ['a slot beyond the window', book({ slotId: s.beyondWindow }), 'outside_window'],
    ['a slot on a Saturday', book({ slotId: s.saturday }), 'closed_day'],
    ['a slot a closure notice closed', book({ slotId: s.closedByNotice }), 'closed_day'],
    ['a full slot', book({ slotId: s.full }), 'slot_full'],
    ['a vehicle service at a service point', book({ outletId: 'yt-zhishu', slotId: s.atPoint }), 'service_not_at_outlet'],
    ['a service point\'s slot named as the office\'s', book({ slotId: s.atPoint }), 'validation_failed'],
    ['a licence slot for a vehicle service', book({ slotId: s.licenceTomorrow }), 'validation_failed'],
    ['a slot that does not exist', book({ slotId: '00000000-0000-4000-8000-000000000000' }), 'validation_failed'],
    ['a slot id that is no UUID', book({ slotId: 'slot-1' }), 'validation_failed'],
    ['a service that does not exist', book({ serviceId: 'no-such-service' }), ['not_found', 'service_not_at_outlet', 'validation_failed']],
    ['a service that cannot be booked (a journey step)', book({ serviceId: 'mv-inspection' }), ['not_found', 'service_not_at_outlet', 'validation_failed']],
    ['an outlet that does not exist', book({ outletId: 'no-such-outlet' }), 'validation_failed'],
    ['a kind that does not exist', book({ kind: 'vip' }), 'validation_failed'],
    ['an agency booking without an agent', book({ kind: 'agency' }), 'validation_failed'],
    ['an agency booking by an agent not yet approved', book({ kind: 'agency', agentId: w.pendingAgentId }, w.bookers[0]!.headers), 'agent_not_approved'],
    ['an agency booking as someone else\'s agent', book({ kind: 'agency', agentId: w.pendingAgentId }), 'agent_not_approved'],
    ['a personal booking naming an agent', book({ agentId: w.pendingAgentId }, w.bookers[0]!.headers), 'validation_failed'],
    ['an idempotency key of 7 characters', book({ idempotencyKey: '1234567' }), 'validation_failed'],
    ['an idempotency key of 101 characters', book({ idempotencyKey: 'k'.repeat(101) }), 'validation_failed'],
    ['an idempotency key with a space', book({ idempotencyKey: 'hostile key 1' }), 'validation_failed'],
    ['an idempotency key in Chinese', book({ idempotencyKey: '预约预约预约预约预约' }), 'validation_failed'],
    ['an idempotency key with a path', book({ idempotencyKey: '../../../etc/passwd' }), 'validation_failed'],
    ['21 details', book({ details: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])) }), 'validation_failed'],
    ['a detail name of 41 characters', book({ details: { ['k'.repeat(41)]: 'v' } }), 'validation_failed'],
    ['an empty detail name', book({ details: { '': 'v' } }), 'validation_failed'],
    ['a detail of 201 characters', book({ details: { plate: 'v'.repeat(201) } }), 'validation_failed'],
    ['details as an array', book({ details: ['赣L12345'] }), 'validation_failed'],
    ['details as text', book({ details: '赣L12345' }), 'validation_failed'],
    ['a detail that is a number', book({ details: { plate: 12345 } }), 'validation_failed'],
    ['a detail that is an object', book({ details: { plate: { $ne: null } } }), 'validation_failed'],
    ['no fields at all', { path: '/api/bookings', headers: as(), json: {} }, 'validation_failed'],
    ['an array for a body', { path: '/api/bookings', headers: as(), json: [] }, 'validation_failed'],
    ['null for a body', { path: '/api/bookings', headers: as(), json: null }, 'validation_failed'],
    ['a string for a body', { path: '/api/bookings', headers: as(), json: 'book me' }, 'validation_failed'],
    ['a blacklisted citizen', book({}, w.blacklisted.headers), 'blacklisted'],
    ['a second number for one person', book({ slotId: s.tomorrowOther }, w.other.headers), 'one_active_booking'],
    ['a WeChat user not registered', book({}, w.newcomer.headers), ['forbidden', 'registration_required']],
    ['nobody signed in', book({}, {}), 'unauthenticated'],
    ['a kiosk booking', book({}, kioskHeaders(w.kiosk)), 'forbidden'],
    ['a clerk booking', book({}, w.clerk.headers), 'forbidden'],
  ];
  return cases.map(([name, request, expect]): HttpCase => ({ family: 'booking rules', name, ...request, expect }));
}

const HASHED_ONLY = new Set(['SQL tautology', 'SQL stacked DROP', 'script tag', 'U+0000']);
const URL_PAYLOADS = new Set(['SQL tautology', 'SQL UNION', 'script tag', 'attribute breakout', 'format string', 'RTL override and zero width', 'U+0000', 'lone surrogate']);

/**
 * Injection into every field, parameter and header whose value has a format or names something:
 * each payload must be refused with that field's own code, never reach SQL as SQL, never 5xx.
 */
export function injectionCases(w: World): HttpCase[] {
  let holderTurn = 0;
  const holder = () => w.holders[(holderTurn++ % (w.holders.length - 1)) + 1]!;
  let kioskTurn = 0;
  const spareKiosk = () => w.spareKiosks[Math.floor(kioskTurn++ / 4) % w.spareKiosks.length]!;
  let bookerTurn = 0;
  const booker = () => w.bookers[(bookerTurn++ % (w.bookers.length - 1)) + 1]!.headers;
  /** Percent-encoded; a lone surrogate (which has no UTF-8) as the bytes a careless client would send. */
  const seg = (text: string) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd')).replace('%EF%BF%BD', '%ED%A0%80');
  const pad16 = (text: string) => (text.length >= 16 ? text : `${text}${'_'.repeat(16 - text.length)}`);
  const ascii = (text: string) => /^[\x20-\x7e]*$/.test(text);

  return INJECTIONS.flatMap((p: Payload): HttpCase[] => {
    const t = p.text;
    const refused = (code: ErrorCode | readonly ErrorCode[]): ErrorCode | readonly ErrorCode[] => (p.unstorable ? 'bad_request' : code);
    /** In a URL, a lone surrogate can only travel as a malformed escape, which is storable text: the field's own code then. */
    const refusedInUrl = (code: ErrorCode | readonly ErrorCode[]): ErrorCode | readonly ErrorCode[] => (p.unstorable ? ['bad_request', ...(typeof code === 'string' ? [code] : code)] : code);
    const family = 'injection';
    const named = (field: string) => `${field} ← ${p.name}`;
    // Passwords and staff codes only ever meet scrypt (half a second a try here), never SQL or a
    // page: a few payloads show that, and keep the suite fast.
    const hashedOnly: HttpCase[] = HASHED_ONLY.has(p.name) ? [
      { family, name: named('kiosk green staffCode'), path: `/api/kiosk/tickets/${w.checkedIn.ticketId}/green`, headers: kioskHeaders(spareKiosk()), json: { staffCode: pad16(t), reason: 'disability' }, expect: refused(pad16(t).length > 32 ? 'validation_failed' : 'staff_code_invalid') },
      { family, name: named('sign-in password'), path: '/api/staff/login', headers: { 'x-forwarded-for': freshIp() }, json: { username: 'nobody-here', password: t }, expect: refused('login_failed'), mayWrite: ['audit_log'] },
    ] : [];
    const cases: HttpCase[] = [
      ...hashedOnly,
      { family, name: named('kiosk check-in appointmentNo'), path: '/api/kiosk/check-in', headers: kioskHeaders(w.kiosk), json: { idNumber: holder().idNumber, appointmentNo: t }, expect: refused(t.length > 32 ? 'validation_failed' : 'appointment_not_found') },
      { family, name: named('kiosk check-in voucherToken'), path: '/api/kiosk/check-in', headers: kioskHeaders(w.kiosk), json: { idNumber: holder().idNumber, voucherToken: t }, expect: refused('voucher_forged') },
      { family, name: named('kiosk walk-in serviceId'), path: '/api/kiosk/walk-ins', headers: kioskHeaders(w.kiosk), json: { idNumber: freshIdNumber(), serviceId: t }, expect: refused(['not_found', 'service_not_at_outlet']) },
      { family, name: named('voucher check token'), path: '/api/vouchers/verify', headers: kioskHeaders(w.kiosk), json: { token: t }, expect: refused('voucher_forged') },
      { family, name: named('SMS code phone'), path: '/api/citizen/sms-code', headers: { ...w.newcomer.headers, 'x-forwarded-for': freshIp() }, json: { phone: t }, expect: refused(t.length > 32 ? 'validation_failed' : 'phone_invalid') },
      {
        family, name: named('registration smsCode'), path: '/api/citizen/register', headers: { ...w.newcomer.headers, 'x-forwarded-for': freshIp() },
        json: { name: '张三', idNumber: freshIdNumber(), phone: '13800138000', smsCode: t.slice(0, 16) }, expect: refused(['sms_code_expired', 'validation_failed']),
      },
      { family, name: named('booking serviceId'), path: '/api/bookings', headers: booker(), json: { kind: 'personal', serviceId: t, outletId: 'yt-dmv', slotId: w.slots.tomorrow, idempotencyKey: 'injection-service-1', details: {} }, expect: refused(['not_found', 'service_not_at_outlet', 'validation_failed']) },
      { family, name: named('booking outletId'), path: '/api/bookings', headers: booker(), json: { kind: 'personal', serviceId: 'mv-transfer', outletId: t, slotId: w.slots.tomorrow, idempotencyKey: 'injection-outlet-1', details: {} }, expect: refused('validation_failed') },
      { family, name: named('booking slotId'), path: '/api/bookings', headers: booker(), json: { kind: 'personal', serviceId: 'mv-transfer', outletId: 'yt-dmv', slotId: t, idempotencyKey: 'injection-slot-1', details: {} }, expect: refused('validation_failed') },
      { family, name: named('booking idempotencyKey'), path: '/api/bookings', headers: booker(), json: { kind: 'personal', serviceId: 'mv-transfer', outletId: 'yt-dmv', slotId: w.slots.full, idempotencyKey: t, details: {} }, expect: refused('validation_failed') },
      { family, name: named('reschedule slotId'), path: `/api/bookings/${w.other.bookingId}/reschedule`, headers: w.other.headers, json: { slotId: t, idempotencyKey: 'injection-reschedule' }, expect: refused('validation_failed') },
      { family, name: named('sign-in user name'), path: '/api/staff/login', headers: { 'x-forwarded-for': freshIp() }, json: { username: t, password: 'whatever-1' }, expect: refused('login_failed'), mayWrite: ['audit_log'] },
      { family, name: named('device pairing code'), path: '/api/admin/devices/pair', headers: w.admin.headers, json: { pairingCode: t.slice(0, 32), outletId: 'yt-dmv', name: 'x' }, expect: refused('device_pairing_code_invalid') },
      { family, name: named('device pairing outletId'), path: '/api/admin/devices/pair', headers: w.admin.headers, json: { pairingCode: 'ABCD-EFGH', outletId: t, name: 'x' }, expect: refused('device_pairing_code_invalid') },
      { family, name: named('rating reason before the ticket is finished'), path: `/api/follow/${w.checkedIn.followToken}/rating`, json: { grade: 1, reason: t }, expect: refused('ticket_not_finished') },
      { family, name: named('green-channel note for a ticket of another outlet'), path: `/api/tickets/${w.pointTicketId}/green`, headers: w.supervisor.headers, json: { reason: 'disability', note: t }, expect: refused('ticket_not_found') },
      { family, name: named('counter transfer serviceId with no ticket in hand'), path: `/api/counters/${w.counter7}/transfer`, headers: w.clerk.headers, json: { idempotencyKey: `injection-${p.name.replace(/\W/g, '')}`.padEnd(8, '0'), serviceId: t }, expect: refused(['counter_not_open', 'no_current_ticket', 'not_found', 'validation_failed', 'forbidden']) },
    ];
    // Path and query parameters, and headers: the payloads that differ there (quotes, markup, U+0000, lone surrogates).
    if (!URL_PAYLOADS.has(p.name)) return cases;
    cases.push(
      { family, name: named('path: follow token'), path: `/api/follow/${seg(pad16(t))}`, expect: refusedInUrl(['ticket_not_found', 'validation_failed']) },
      { family, name: named('path: booking id to cancel'), path: `/api/bookings/${seg(t)}/cancel`, method: 'POST', headers: { ...booker(), origin: w.url }, expect: refusedInUrl(['validation_failed', 'not_found']) },
      { family, name: named('path: kiosk ticket id'), path: `/api/kiosk/tickets/${seg(t)}`, headers: kioskHeaders(w.kiosk), expect: refusedInUrl(['validation_failed', 'not_found']) },
      { family, name: named('path: agent to approve'), path: `/api/admin/agents/${seg(t)}/approve`, method: 'POST', headers: w.admin.headers, expect: refusedInUrl(['validation_failed', 'not_found']) },
      { family, name: named('path: notice to publish'), path: `/api/admin/notices/${seg(t)}/publish`, headers: w.supervisor.headers, json: {}, expect: refusedInUrl(['validation_failed', 'not_found']) },
      { family, name: named('path: outlet queue'), path: `/api/outlets/${seg(t)}/queue`, headers: w.clerk.headers, expect: refusedInUrl(['forbidden', 'not_found', 'validation_failed']) },
      { family, name: named('path: service outlets'), path: `/api/services/${seg(t)}/outlets`, expect: refusedInUrl(['not_found', 'validation_failed']) },
      { family, name: named('query: availability serviceId'), path: `/api/availability/dates?serviceId=${seg(t)}&outletId=yt-dmv`, expect: refusedInUrl(['not_found', 'service_not_at_outlet', 'validation_failed']) },
      { family, name: named('query: availability outletId'), path: `/api/availability/dates?serviceId=mv-transfer&outletId=${seg(t)}`, expect: refusedInUrl(['not_found', 'service_not_at_outlet', 'validation_failed']) },
      { family, name: named('query: agents by status'), path: `/api/admin/agents?status=${seg(t)}`, headers: w.admin.headers, expect: refusedInUrl('validation_failed') },
      { family, name: named('query: blacklist by state'), path: `/api/admin/blacklist?state=${seg(t)}`, headers: w.admin.headers, expect: refusedInUrl('validation_failed') },
      { family, name: named('query: ticket order explained behind'), path: `/api/tickets/${w.checkedIn.ticketId}/explain?behind=${seg(t)}`, headers: w.clerk.headers, expect: refusedInUrl('validation_failed') },
    );
    if (ascii(t)) {
      cases.push(
        { family, name: named('header: device bearer token'), path: '/api/kiosk/walk-in-options', headers: { authorization: `Bearer ${t}` }, expect: 'unauthenticated' },
        { family, name: named('header: staff session cookie'), path: '/api/staff/me', headers: { cookie: `lobby_staff=${t}` }, expect: 'unauthenticated' },
        { family, name: named('header: CSRF token'), path: '/api/bookings', headers: { ...booker(), 'x-csrf-token': t }, json: {}, expect: 'csrf_failed' },
        { family, name: named('header: forwarded address at registration'), path: '/api/citizen/register', headers: { ...w.newcomer.headers, 'x-forwarded-for': t }, json: { name: '1', idNumber: '1', phone: '1', smsCode: '1' }, expect: 'name_invalid' },
      );
    }
    return cases;
  });
}

const OVERSIZED = JSON.stringify({ padding: 'x'.repeat(64 * 1024) });

/** Bodies that are too big, broken, deeply nested, or of a type the route does not take. */
export function bodyCases(w: World): HttpCase[] {
  const targets: [string, string, Record<string, string>][] = [
    ['booking', '/api/bookings', w.bookers[1]!.headers],
    ['registration', '/api/citizen/register', w.newcomer.headers],
    ['SMS code', '/api/citizen/sms-code', w.newcomer.headers],
    ['agent application', '/api/citizen/agencies', w.bookers[1]!.headers],
    ['notice', '/api/admin/notices', w.supervisor.headers],
    ['sign-in', '/api/staff/login', {}],
    ['kiosk check-in', '/api/kiosk/check-in', kioskHeaders(w.kiosk)],
    ['kiosk walk-in', '/api/kiosk/walk-ins', kioskHeaders(w.kiosk)],
    ['voucher check', '/api/vouchers/verify', kioskHeaders(w.kiosk)],
    ['phone rating', `/api/follow/${w.checkedIn.followToken}/rating`, {}],
    ['device pairing', '/api/devices/pairing', {}],
    ['blacklist entry', '/api/admin/blacklist', w.admin.headers],
  ];
  const json = { 'content-type': 'application/json' };
  const perTarget = targets.flatMap(([name, path, headers]): HttpCase[] => [
    { family: 'bodies', name: `${name}: 64 KB and more`, path, headers: { ...headers, ...json }, raw: OVERSIZED, expect: 'payload_too_large' },
    { family: 'bodies', name: `${name}: broken JSON`, path, headers: { ...headers, ...json }, raw: '{"idNumber": "3606', expect: 'bad_request' },
    { family: 'bodies', name: `${name}: a form from another site`, path, headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }, raw: 'a=1', expect: 'forbidden' },
    { family: 'bodies', name: `${name}: JSON sent as text/plain`, path, headers: { ...headers, 'content-type': 'text/plain' }, raw: '{}', expect: 'forbidden' },
  ]);
  const deep = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;
  const booking = { path: '/api/bookings', headers: { ...w.bookers[2]!.headers, ...json } };
  const odd: HttpCase[] = [
    { family: 'bodies', name: 'JSON nested 30,000 deep', ...booking, raw: deep, expect: ['validation_failed', 'bad_request'] },
    { family: 'bodies', name: 'a number too big for a double', ...booking, raw: '{"kind":1e999}', expect: 'validation_failed' },
    { family: 'bodies', name: '__proto__ and constructor as fields', ...booking, raw: '{"__proto__":{"kind":"personal"},"constructor":{"prototype":{"x":1}}}', expect: 'validation_failed' },
    { family: 'bodies', name: 'a multipart form', path: '/api/bookings', headers: { ...w.bookers[2]!.headers, 'content-type': 'multipart/form-data; boundary=x' }, raw: '--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\npersonal\r\n--x--\r\n', expect: 'forbidden' },
    { family: 'bodies', name: 'XML', path: '/api/bookings', headers: { ...w.bookers[2]!.headers, 'content-type': 'application/xml' }, raw: '<booking/>', expect: ['validation_failed', 'bad_request', 'unsupported_media_type'] },
    { family: 'bodies', name: 'no content type', path: '/api/bookings', headers: w.bookers[2]!.headers, raw: new TextEncoder().encode('{}'), expect: ['validation_failed', 'bad_request', 'unsupported_media_type', 'forbidden'] },
    { family: 'bodies', name: 'JSON as UTF-16', path: '/api/bookings', headers: { ...w.bookers[2]!.headers, 'content-type': 'application/json; charset=utf-16le' }, raw: Buffer.from('{"kind":"personal"}', 'utf16le'), expect: ['validation_failed', 'bad_request', 'unsupported_media_type'] },
    { family: 'bodies', name: 'a method-override header (ignored)', path: '/api/bookings', method: 'POST', headers: { ...w.bookers[2]!.headers, ...json, 'x-http-method-override': 'DELETE' }, raw: '{}', expect: 'validation_failed' },
  ];
  return [...perTarget, ...odd];
}

/** Power-of-attorney uploads that are not a JPEG, PNG or PDF by their content, or too big, or not the caller's. */
export function uploadCases(w: World): HttpCase[] {
  const upload = (raw: Uint8Array | string, contentType: string, agentId = w.pendingAgentId, headers = w.bookers[0]!.headers): Pick<HttpCase, 'method' | 'path' | 'headers' | 'raw'> => ({
    method: 'PUT', path: `/api/citizen/agencies/${agentId}/power-of-attorney`, headers: { ...headers, 'content-type': contentType }, raw,
  });
  const bytes = (text: string) => Buffer.from(text, 'latin1');
  const cases: [string, Pick<HttpCase, 'method' | 'path' | 'headers' | 'raw'>, ErrorCode][] = [
    ['a Windows program named a PDF', upload(WINDOWS_EXE_HEADER, 'application/pdf'), 'attorney_file_type'],
    ['a Windows program as a JPEG', upload(WINDOWS_EXE_HEADER, 'image/jpeg'), 'attorney_file_type'],
    ['a Linux program', upload(bytes('\x7fELF\x02\x01\x01\x00'), 'application/octet-stream'), 'attorney_file_type'],
    ['a ZIP archive', upload(bytes('PK\x03\x04\x14\x00\x00\x00'), 'application/pdf'), 'attorney_file_type'],
    ['an HTML page with script', upload(bytes('<html><script>alert(1)</script></html>'), 'application/pdf'), 'attorney_file_type'],
    ['an SVG with script', upload(bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'image/png'), 'attorney_file_type'],
    ['a GIF', upload(bytes('GIF89a\x01\x00\x01\x00\x00\x00\x00;'), 'image/png'), 'attorney_file_type'],
    ['the first bytes of a PDF only', upload(bytes('%PD'), 'application/pdf'), 'attorney_file_type'],
    ['a PDF signature after a program', upload(Buffer.concat([WINDOWS_EXE_HEADER, TINY_PDF]), 'application/pdf'), 'attorney_file_type'],
    ['nothing', upload(new Uint8Array(0), 'application/pdf'), 'attorney_file_empty'],
    ['5 MB and one byte', upload(Buffer.concat([TINY_PDF, Buffer.alloc(5 * 1024 * 1024 + 1 - TINY_PDF.length, 0x20)]), 'application/pdf'), 'payload_too_large'],
    ['to someone else\'s application', upload(TINY_PDF, 'application/pdf', w.pendingAgentId, w.bookers[1]!.headers), 'not_found'],
    ['to an application that does not exist', upload(TINY_PDF, 'application/pdf', '00000000-0000-4000-8000-000000000000'), 'not_found'],
    ['to an agent id that is no UUID', upload(TINY_PDF, 'application/pdf', "1' OR '1'='1"), 'validation_failed'],
    ['as text/plain (a form another site can send)', upload(TINY_PDF, 'text/plain'), 'forbidden'],
  ];
  return cases.map(([name, request, expect]): HttpCase => ({ family: 'uploads', name, ...request, expect }));
}

/** The family builders of this part, in the order the suite runs them. */
export const INPUT_FAMILIES = {
  'ID numbers': idNumberCases,
  'credit codes and firm names': firmCases,
  'phones and names': personCases,
  dates: dateCases,
  'booking rules': bookingCases,
  injection: injectionCases,
  bodies: bodyCases,
  uploads: uploadCases,
} as const;
