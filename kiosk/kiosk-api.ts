/**
 * The kiosk's API calls. A kiosk is a device: its token (kept by ui/device-controller.ts) is its only
 * identity, sent as a Bearer token with cookies omitted, so a staff session left in the same browser
 * never counts. Each success body is checked against the shared shape (common/kiosk.ts).
 */
import {
  issuedTicket, kioskTicket, walkInOptions,
  type CheckInRequest, type IssuedTicket, type KioskGreenRequest, type KioskTicket, type WalkInOptions, type WalkInRequest,
} from '../common/kiosk.ts';
import { apiRequest, type ApiResult, type RequestOptions } from '../ui/api.ts';
import { storedDeviceToken } from '../ui/device-controller.ts';

function asDevice<T>(path: string, options: RequestOptions<T>): Promise<ApiResult<T>> {
  const token = storedDeviceToken();
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  return apiRequest(path, { ...options, headers, credentials: 'omit' });
}

const ticketPath = (id: string) => `/api/kiosk/tickets/${encodeURIComponent(id)}`;

/** 201 with a new ticket, or 200 with the one this booking was given before (`created: false`). */
export function checkIn(input: CheckInRequest): Promise<ApiResult<IssuedTicket>> {
  return asDevice('/api/kiosk/check-in', { method: 'POST', body: input, parse: (body) => issuedTicket.parse(body) });
}

export function fetchWalkInOptions(): Promise<ApiResult<WalkInOptions>> {
  return asDevice('/api/kiosk/walk-in-options', { parse: (body) => walkInOptions.parse(body) });
}

/** `created: false` when this ID already holds a waiting ticket for the service: that one again. */
export function takeWalkIn(input: WalkInRequest): Promise<ApiResult<IssuedTicket>> {
  return asDevice('/api/kiosk/walk-ins', { method: 'POST', body: input, parse: (body) => issuedTicket.parse(body) });
}

/** The ticket as it stands now (people ahead, status), for a reprint. */
export function fetchTicket(id: string): Promise<ApiResult<KioskTicket>> {
  return asDevice(ticketPath(id), { parse: (body) => kioskTicket.parse(body) });
}

export function grantGreen(id: string, input: KioskGreenRequest): Promise<ApiResult<KioskTicket>> {
  return asDevice(`${ticketPath(id)}/green`, { method: 'POST', body: input, parse: (body) => kioskTicket.parse(body) });
}
