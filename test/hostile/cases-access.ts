/**
 * The corpus, part two: who may do what. Forged, altered, replayed and expired voucher QR tokens;
 * other people's appointment numbers, bookings, tickets and outlets; revoked, unpaired and
 * wrong-kind devices; cookie sessions without their CSRF token, or with another session's.
 */
import { randomBytes } from 'node:crypto';
import type { ErrorCode } from '../../common/errors.ts';
import { createVoucherSigner, voucherExpiry } from '../../server/booking/voucher-token.ts';
import type { HttpCase } from './harness.ts';
import { TODAY, type World } from './world.ts';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A token's parts: `LV1.<booking id>.<number>.<expiry>.<mac>`. */
function parts(token: string): [string, string, string, string, string] {
  return token.split('.') as [string, string, string, string, string];
}

/** Forged, altered, replayed and expired QR tokens at the voucher check and at check-in. */
export function voucherCases(w: World): HttpCase[] {
  const h = w.holders;
  const [prefix, id, number, expiry, mac] = parts(h[0]!.token);
  const flip = (text: string) => `${text.slice(0, -1)}${text.at(-1) === 'A' ? 'B' : 'A'}`;
  const strangerSigner = createVoucherSigner(randomBytes(32));
  const tokens: [string, string, ErrorCode, ErrorCode][] = [
    // name, token, at the voucher check, at check-in with the holder's own ID
    ['a signature that is not ours', `${prefix}.${id}.${number}.${expiry}.${flip(mac)}`, 'voucher_forged', 'voucher_forged'],
    ['signed with another key', strangerSigner.sign({ bookingId: h[0]!.booking.id, appointmentNo: h[0]!.booking.appointmentNo, expiresAt: voucherExpiry(TODAY) }), 'voucher_forged', 'voucher_forged'],
    ['our signature, the number changed', `${prefix}.${id}.${h[1]!.booking.appointmentNo}.${expiry}.${mac}`, 'voucher_altered', 'voucher_altered'],
    ['our signature, the booking id changed', `${prefix}.${h[1]!.booking.id}.${number}.${expiry}.${mac}`, 'voucher_altered', 'voucher_altered'],
    ['our signature, the expiry put off a year', `${prefix}.${id}.${number}.${Number(expiry) + 365 * 86400}.${mac}`, 'voucher_altered', 'voucher_altered'],
    ['expired: for a day that has passed', w.server.vouchers.sign({ bookingId: h[0]!.booking.id, appointmentNo: h[0]!.booking.appointmentNo, expiresAt: voucherExpiry('2026-11-20') }), 'voucher_expired', 'voucher_expired'],
    ['of a cancelled booking', w.cancelled.token, 'voucher_cancelled', 'appointment_cancelled'],
    ['another version', `LV2.${id}.${number}.${expiry}.${mac}`, 'voucher_forged', 'voucher_forged'],
    ['cut short', h[0]!.token.slice(0, 60), 'voucher_forged', 'voucher_forged'],
    ['with a trailing part', `${h[0]!.token}.extra`, 'voucher_forged', 'voucher_forged'],
    ['a URL instead of a token', 'https://evil.example/voucher?LV1', 'voucher_forged', 'voucher_forged'],
    ['signed for a booking that does not exist', w.server.vouchers.sign({ bookingId: '00000000-0000-4000-8000-000000000000', appointmentNo: '999999999999', expiresAt: voucherExpiry(TODAY) }), 'voucher_forged', 'appointment_not_found'],
    ['signed for an id with another booking\'s number', w.server.vouchers.sign({ bookingId: h[0]!.booking.id, appointmentNo: h[1]!.booking.appointmentNo, expiresAt: voucherExpiry(TODAY) }), 'voucher_forged', 'appointment_not_yours'],
    // Only a leaked key makes these; check-in then looks the number up and finds nothing.
  ];
  const checks = tokens.flatMap(([name, token, atVerify, atCheckIn]): HttpCase[] => [
    { family: 'voucher tokens', name: `voucher check: ${name}`, path: '/api/vouchers/verify', headers: bearer(w.kiosk), json: { token }, expect: atVerify },
    { family: 'voucher tokens', name: `check-in: ${name}`, path: '/api/kiosk/check-in', headers: bearer(w.kiosk), json: { idNumber: (name.includes('cancelled') ? w.cancelled : h[0]!).idNumber, voucherToken: token }, expect: atCheckIn },
  ]);
  return [
    ...checks,
    { family: 'voucher tokens', name: 'voucher check replayed after check-in', path: '/api/vouchers/verify', headers: bearer(w.kiosk), json: { token: w.checkedIn.token }, expect: 'voucher_used' },
    { family: 'voucher tokens', name: 'a checked-in voucher replayed with another ID card', path: '/api/kiosk/check-in', headers: bearer(w.kiosk), json: { idNumber: h[2]!.idNumber, voucherToken: w.checkedIn.token }, expect: 'appointment_not_yours' },
    { family: 'voucher tokens', name: 'someone else\'s valid voucher with my ID card', path: '/api/kiosk/check-in', headers: bearer(w.kiosk), json: { idNumber: h[2]!.idNumber, voucherToken: h[3]!.token }, expect: 'appointment_not_yours' },
    { family: 'voucher tokens', name: 'a voucher of another outlet', path: '/api/kiosk/check-in', headers: bearer(w.kiosk), json: { idNumber: w.elsewhere.idNumber, voucherToken: w.elsewhere.token }, expect: 'appointment_other_outlet' },
    { family: 'voucher tokens', name: 'a token of 513 characters', path: '/api/vouchers/verify', headers: bearer(w.kiosk), json: { token: 'A'.repeat(513) }, expect: 'validation_failed' },
    { family: 'voucher tokens', name: 'a token and a number together', path: '/api/kiosk/check-in', headers: bearer(w.kiosk), json: { idNumber: h[0]!.idNumber, voucherToken: h[0]!.token, appointmentNo: h[0]!.booking.appointmentNo }, expect: 'validation_failed' },
    { family: 'voucher tokens', name: 'neither token nor number', path: '/api/kiosk/check-in', headers: bearer(w.kiosk), json: { idNumber: h[0]!.idNumber }, expect: 'validation_failed' },
    { family: 'voucher tokens', name: 'a token that is a number', path: '/api/vouchers/verify', headers: bearer(w.kiosk), json: { token: 123456789012 }, expect: 'validation_failed' },
    { family: 'voucher tokens', name: 'the voucher check by a display', path: '/api/vouchers/verify', headers: bearer(w.display), json: { token: h[0]!.token }, expect: 'forbidden' },
    { family: 'voucher tokens', name: 'the voucher check by a citizen', path: '/api/vouchers/verify', headers: w.bookers[1]!.headers, json: { token: h[0]!.token }, expect: 'forbidden' },
  ];
}

/** Other people's appointments, bookings and tickets, and other outlets. */
export function othersCases(w: World): HttpCase[] {
  const me = w.bookers[1]!.headers;
  const other = w.other.bookingId;
  const cases: [string, Pick<HttpCase, 'method' | 'path' | 'headers' | 'json'>, ErrorCode | readonly ErrorCode[]][] = [
    ['check in someone else\'s appointment number with my ID card', { path: '/api/kiosk/check-in', headers: bearer(w.kiosk), json: { idNumber: w.holders[4]!.idNumber, appointmentNo: w.holders[5]!.booking.appointmentNo } }, 'appointment_not_yours'],
    ['check in an appointment number nobody has', { path: '/api/kiosk/check-in', headers: bearer(w.kiosk), json: { idNumber: w.holders[4]!.idNumber, appointmentNo: '100000000000' } }, 'appointment_not_found'],
    ['check in a cancelled appointment', { path: '/api/kiosk/check-in', headers: bearer(w.kiosk), json: { idNumber: w.cancelled.idNumber, appointmentNo: w.cancelled.booking.appointmentNo } }, 'appointment_cancelled'],
    ['see someone else\'s voucher', { path: `/api/bookings/${other}`, headers: me }, 'not_found'],
    ['download someone else\'s calendar file', { path: `/api/bookings/${other}/calendar.ics`, headers: me }, 'not_found'],
    ['cancel someone else\'s booking', { method: 'POST', path: `/api/bookings/${other}/cancel`, headers: { ...me, origin: w.url } }, 'not_found'],
    ['reschedule someone else\'s booking', { path: `/api/bookings/${other}/reschedule`, headers: me, json: { slotId: w.slots.tomorrowOther, idempotencyKey: 'others-reschedule-1' } }, 'not_found'],
    ['a kiosk reprints a ticket of another outlet', { path: `/api/kiosk/tickets/${w.pointTicketId}`, headers: bearer(w.kiosk) }, 'ticket_not_found'],
    ['a guide of the office makes a ticket of a service point green', { path: `/api/tickets/${w.pointTicketId}/green`, headers: w.supervisor.headers, json: { reason: 'pregnancy' } }, 'ticket_not_found'],
    ['a clerk of the office reads a service point\'s queue', { path: '/api/outlets/yt-zhishu/queue', headers: w.clerk.headers }, 'forbidden'],
    ['a clerk of the office reads a service point\'s counters', { path: '/api/outlets/yt-zhishu/counters', headers: w.clerk.headers }, 'forbidden'],
    ['a supervisor writes a notice for another outlet', { path: '/api/admin/notices', headers: w.supervisor.headers, json: { outletId: 'yt-zhishu', kind: 'info', title: { zh: '越权', en: '' }, body: { zh: '越权', en: '' } } }, 'forbidden'],
    ['a supervisor writes a notice for every outlet', { path: '/api/admin/notices', headers: w.supervisor.headers, json: { outletId: null, kind: 'info', title: { zh: '越权', en: '' }, body: { zh: '越权', en: '' } } }, 'forbidden'],
    ['a clerk reads the reports', { path: '/api/reports/history?from=2026-11-23&to=2026-11-23', headers: w.clerk.headers }, 'forbidden'],
    ['a clerk approves an agent', { method: 'POST', path: `/api/admin/agents/${w.pendingAgentId}/approve`, headers: w.clerk.headers }, 'forbidden'],
    ['a supervisor pairs a device', { path: '/api/admin/devices/pair', headers: w.supervisor.headers, json: { pairingCode: 'ABCD-EFGH', outletId: 'yt-dmv', name: 'x' } }, 'forbidden'],
    ['a citizen reads the blacklist', { path: '/api/admin/blacklist', headers: me }, 'forbidden'],
    ['nobody reads the audit log', { path: '/api/admin/audit' }, 'unauthenticated'],
    ['a citizen reads a rating screen\'s ticket explained', { path: `/api/tickets/${w.checkedIn.ticketId}/explain?behind=${w.pointTicketId}`, headers: me }, 'forbidden'],
    ['a phone rates a ticket with a token that is not one', { path: `/api/follow/${'A'.repeat(24)}/rating`, json: { grade: 5 } }, 'ticket_not_found'],
  ];
  return cases.map(([name, request, expect]): HttpCase => ({ family: 'other people and outlets', name, ...request, expect }));
}

/** Revoked, unpaired, unknown and wrong-kind devices on every device route. */
export function deviceCases(w: World): HttpCase[] {
  const routes: [string, Pick<HttpCase, 'method' | 'path' | 'json'>][] = [
    ['check-in', { path: '/api/kiosk/check-in', json: { idNumber: w.holders[0]!.idNumber, appointmentNo: w.holders[0]!.booking.appointmentNo } }],
    ['walk-in', { path: '/api/kiosk/walk-ins', json: { idNumber: w.holders[0]!.idNumber, serviceId: 'violation' } }],
    ['walk-in options', { path: '/api/kiosk/walk-in-options' }],
    ['voucher check', { path: '/api/vouchers/verify', json: { token: w.holders[0]!.token } }],
    ['ticket reprint', { path: `/api/kiosk/tickets/${w.checkedIn.ticketId}` }],
    ['green by staff code', { path: `/api/kiosk/tickets/${w.checkedIn.ticketId}/green`, json: { staffCode: '246810', reason: 'disability' } }],
  ];
  const who: [string, Record<string, string>, ErrorCode][] = [
    ['a revoked kiosk', bearer(w.revokedKiosk), 'device_revoked'],
    ['a revoked display', bearer(w.revokedDisplay), 'device_revoked'],
    ['a kiosk never paired', bearer(w.unpairedDevice), 'unauthenticated'],
    ['a token nobody issued', bearer(randomBytes(32).toString('base64url')), 'unauthenticated'],
    ['the display', bearer(w.display), 'forbidden'],
    ['an empty bearer', { authorization: 'Bearer ' }, 'unauthenticated'],
    ['a basic authorization', { authorization: 'Basic YWRtaW46bG9iYnk=' }, 'unauthenticated'],
  ];
  const perRoute = routes.flatMap(([route, request]) => who.map(([name, headers, expect]): HttpCase => ({ family: 'devices', name: `${route} by ${name}`, ...request, headers, expect })));
  return [
    ...perRoute,
    { family: 'devices', name: 'a revoked kiosk asks who it is', path: '/api/device/me', headers: bearer(w.revokedKiosk), expect: 'device_revoked' },
    { family: 'devices', name: 'a kiosk calls a staff route', path: `/api/counters/${w.counter7}/open`, headers: bearer(w.kiosk), json: { idempotencyKey: 'kiosk-open-1' }, expect: 'forbidden' },
    { family: 'devices', name: 'a kiosk rates a ticket as a counter would', path: `/api/tickets/${w.checkedIn.ticketId}/rating`, headers: bearer(w.kiosk), json: { grade: 5 }, expect: 'forbidden' },
    { family: 'devices', name: 'a revoked kiosk token with a staff cookie', path: '/api/kiosk/walk-in-options', headers: { ...bearer(w.revokedKiosk), cookie: w.admin.cookie }, expect: 'device_revoked' },
    { family: 'devices', name: 'pairing status of a token nobody issued', path: '/api/devices/pairing/status', headers: bearer('nobody-issued-this'), expect: 'not_found' },
    { family: 'devices', name: 'pairing with a code nobody showed', path: '/api/admin/devices/pair', headers: w.admin.headers, json: { pairingCode: 'ACDE-FGHJ', outletId: 'yt-dmv', name: '大厅一号机' }, expect: 'device_pairing_code_invalid' },
    { family: 'devices', name: 'pairing to an outlet that does not exist', path: '/api/admin/devices/pair', headers: w.admin.headers, json: { pairingCode: 'ACDE-FGHJ', outletId: 'nowhere', name: 'x' }, expect: 'device_pairing_code_invalid' },
    { family: 'devices', name: 'asking for pairing as a printer', path: '/api/devices/pairing', headers: { 'x-forwarded-for': '10.98.0.1' }, json: { kind: 'printer' }, expect: 'validation_failed' },
    { family: 'devices', name: 'revoking a device that does not exist', method: 'POST', path: '/api/admin/devices/00000000-0000-4000-8000-000000000000/revoke', headers: w.admin.headers, expect: 'not_found' },
  ];
}

/** Cookie sessions on state-changing routes without the CSRF token, with another session's, or from another site. */
export function csrfCases(w: World): HttpCase[] {
  // From the page's own origin (hono's csrf() lets it by), so what refuses it is the missing session token.
  const without = (headers: Record<string, string>) => ({ ...Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'x-csrf-token')), origin: w.url });
  const citizen = w.bookers[1]!.headers;
  const staffRoutes: [string, Pick<HttpCase, 'method' | 'path' | 'json'>, Record<string, string>][] = [
    ['write a notice', { path: '/api/admin/notices', json: { outletId: 'yt-dmv', kind: 'info', title: { zh: 'x', en: '' }, body: { zh: 'x', en: '' } } }, w.supervisor.headers],
    ['publish a notice', { path: `/api/admin/notices/${w.draftNoticeId}/publish`, json: {} }, w.supervisor.headers],
    ['withdraw a notice', { method: 'POST', path: `/api/admin/notices/${w.draftNoticeId}/withdraw` }, w.supervisor.headers],
    ['open a counter', { path: `/api/counters/${w.counter7}/open`, json: { idempotencyKey: 'csrf-open-0001' } }, w.clerk.headers],
    ['call the next ticket', { path: `/api/counters/${w.counter7}/call-next`, json: { idempotencyKey: 'csrf-call-0001' } }, w.clerk.headers],
    ['add to the blacklist', { path: '/api/admin/blacklist', json: { kind: 'phone', value: '13700990000', reason: 'csrf' } }, w.admin.headers],
    ['approve an agent', { method: 'POST', path: `/api/admin/agents/${w.pendingAgentId}/approve` }, w.admin.headers],
    ['reject an agent', { path: `/api/admin/agents/${w.pendingAgentId}/reject`, json: { reason: 'csrf' } }, w.admin.headers],
    ['pair a device', { path: '/api/admin/devices/pair', json: { pairingCode: 'ACDE-FGHJ', outletId: 'yt-dmv', name: 'x' } }, w.admin.headers],
    ['make a ticket green', { path: `/api/tickets/${w.checkedIn.ticketId}/green`, json: { reason: 'pregnancy' } }, w.supervisor.headers],
    ['sign out of the console', { method: 'POST', path: '/api/staff/logout' }, w.clerk.headers],
  ];
  const citizenRoutes: [string, Pick<HttpCase, 'method' | 'path' | 'json'>, Record<string, string>][] = [
    ['book', { path: '/api/bookings', json: { kind: 'personal', serviceId: 'mv-transfer', outletId: 'yt-dmv', slotId: w.slots.tomorrow, idempotencyKey: 'csrf-book-0001', details: {} } }, citizen],
    ['cancel', { method: 'POST', path: `/api/bookings/${w.other.bookingId}/cancel` }, w.other.headers],
    ['reschedule', { path: `/api/bookings/${w.other.bookingId}/reschedule`, json: { slotId: w.slots.tomorrowOther, idempotencyKey: 'csrf-reschedule-1' } }, w.other.headers],
    ['apply as an agent', { path: '/api/citizen/agencies', json: { firmName: '跨站公司', creditCode: '91360600MA35X12340' } }, citizen],
    ['upload a power of attorney', { method: 'PUT', path: `/api/citizen/agencies/${w.pendingAgentId}/power-of-attorney`, json: {} }, w.bookers[0]!.headers],
    ['ask for an SMS code', { path: '/api/citizen/sms-code', json: { phone: '13800138000' } }, w.newcomer.headers],
    ['register', { path: '/api/citizen/register', json: { name: '张三', idNumber: '360602198506151234', phone: '13800138000', smsCode: '123456' } }, w.newcomer.headers],
    ['sign out', { method: 'POST', path: '/api/citizen/logout' }, citizen],
  ];
  const all = [...staffRoutes, ...citizenRoutes];
  const missing = all.map(([name, request, headers]): HttpCase => ({ family: 'CSRF', name: `${name} without the token`, ...request, headers: without(headers), expect: 'csrf_failed' }));
  // Another session's token: a token is bound to its session.
  const borrowed = all.map(([name, request, headers]): HttpCase => ({
    family: 'CSRF', name: `${name} with another session's token`, ...request,
    headers: { ...headers, origin: w.url, 'x-csrf-token': headers === w.admin.headers ? w.clerk.csrfToken : w.admin.csrfToken }, expect: 'csrf_failed',
  }));
  const crossSite: HttpCase[] = [
    { family: 'CSRF', name: 'a form posted from another site to book', path: '/api/bookings', headers: { cookie: citizen.cookie!, 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }, raw: 'kind=personal', expect: 'forbidden' },
    { family: 'CSRF', name: 'a form posted from another site to sign out', path: '/api/staff/logout', headers: { cookie: w.clerk.cookie, 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }, raw: '', expect: 'forbidden' },
    { family: 'CSRF', name: 'a text/plain post from another site to write a notice', path: '/api/admin/notices', headers: { cookie: w.supervisor.cookie, 'content-type': 'text/plain', origin: 'https://evil.example' }, raw: '{}', expect: 'forbidden' },
  ];
  return [...missing, ...borrowed, ...crossSite];
}

export const ACCESS_FAMILIES = {
  'voucher tokens': voucherCases,
  'other people and outlets': othersCases,
  devices: deviceCases,
  CSRF: csrfCases,
} as const;
