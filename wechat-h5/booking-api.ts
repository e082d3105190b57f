/**
 * The booking API as the H5 page calls it: catalogue, availability, bookings and vouchers, notices,
 * the citizen's agencies. Each success body is checked against the shared shape (common/booking.ts);
 * every state-changing request carries the session's CSRF token.
 */
import {
  availableDates, bookingList, bookingSummary, serviceList, serviceOutlets, slotList, voucher,
  type AvailableDates, type BookingRequest, type BookingSummary, type RescheduleRequest, type ServiceSummary,
  type OutletDetail, type SlotList, type Voucher,
} from '../common/booking.ts';
import { agency, agencyList, attorneyUploaded, type Agency, type AttorneyUploaded, type RegisterAgencyRequest } from '../common/firms.ts';
import { noticeList, type NoticeView } from '../common/notices.ts';
import { apiRequest, type ApiResult } from '../ui/api.ts';

const csrf = (token: string) => ({ 'x-csrf-token': token });
const query = (params: Record<string, string>) => new URLSearchParams(params).toString();
const bookingPath = (id: string) => `/api/bookings/${encodeURIComponent(id)}`;

export function fetchServices(): Promise<ApiResult<ServiceSummary[]>> {
  return apiRequest('/api/services', { parse: (body) => serviceList.parse(body).services });
}

export function fetchServiceOutlets(serviceId: string): Promise<ApiResult<OutletDetail[]>> {
  return apiRequest(`/api/services/${encodeURIComponent(serviceId)}/outlets`, { parse: (body) => serviceOutlets.parse(body).outlets });
}

export function fetchDates(serviceId: string, outletId: string): Promise<ApiResult<AvailableDates>> {
  return apiRequest(`/api/availability/dates?${query({ serviceId, outletId })}`, { parse: (body) => availableDates.parse(body) });
}

export function fetchSlots(serviceId: string, outletId: string, date: string): Promise<ApiResult<SlotList>> {
  return apiRequest(`/api/availability/slots?${query({ serviceId, outletId, date })}`, { parse: (body) => slotList.parse(body) });
}

/** The new booking (201), or the one an earlier submit with the same key made (200). */
export function submitBooking(input: BookingRequest, csrfToken: string): Promise<ApiResult<BookingSummary>> {
  return apiRequest('/api/bookings', { method: 'POST', body: input, headers: csrf(csrfToken), parse: (body) => bookingSummary.parse(body) });
}

export function rescheduleBooking(id: string, input: RescheduleRequest, csrfToken: string): Promise<ApiResult<BookingSummary>> {
  return apiRequest(`${bookingPath(id)}/reschedule`, { method: 'POST', body: input, headers: csrf(csrfToken), parse: (body) => bookingSummary.parse(body) });
}

export function cancelBooking(id: string, csrfToken: string): Promise<ApiResult<void>> {
  return apiRequest(`${bookingPath(id)}/cancel`, { method: 'POST', headers: csrf(csrfToken), parse: () => undefined });
}

export function fetchBookings(): Promise<ApiResult<BookingSummary[]>> {
  return apiRequest('/api/bookings', { parse: (body) => bookingList.parse(body).bookings });
}

export function fetchVoucher(id: string): Promise<ApiResult<Voucher>> {
  return apiRequest(bookingPath(id), { parse: (body) => voucher.parse(body) });
}

/** The calendar file: a plain link, the browser downloads it with the session cookie. */
export function icsUrl(id: string): string {
  return `${bookingPath(id)}/calendar.ics`;
}

export function fetchNotices(outletId?: string): Promise<ApiResult<NoticeView[]>> {
  return apiRequest(`/api/notices${outletId ? `?${query({ outletId })}` : ''}`, { parse: (body) => noticeList.parse(body).notices });
}

export function fetchAgencies(): Promise<ApiResult<Agency[]>> {
  return apiRequest('/api/citizen/agencies', { parse: (body) => agencyList.parse(body).agencies });
}

/** Registers the firm (a new credit code) or joins it; applying again returns the application as it stands. */
export function applyAsAgent(input: RegisterAgencyRequest, csrfToken: string): Promise<ApiResult<Agency>> {
  return apiRequest('/api/citizen/agencies', { method: 'POST', body: input, headers: csrf(csrfToken), parse: (body) => agency.parse(body) });
}

/** The file itself is the body; the server decides its type by its first bytes. */
export function uploadPowerOfAttorney(agentId: string, file: Blob, csrfToken: string): Promise<ApiResult<AttorneyUploaded>> {
  return apiRequest(`/api/citizen/agencies/${encodeURIComponent(agentId)}/power-of-attorney`, {
    method: 'PUT', body: file, headers: csrf(csrfToken), parse: (body) => attorneyUploaded.parse(body),
  });
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A fresh idempotency key: 22 random characters (132 bits). `crypto.getRandomValues` works in every
 * WebView, secure context or not (`randomUUID` does not).
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(22));
  return Array.from(bytes, (b) => KEY_ALPHABET[b & 63]).join('');
}

