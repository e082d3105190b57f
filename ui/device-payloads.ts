/**
 * The API's answers as the kiosk and the display check them: by hand, not with zod. The display
 * imports nothing else of zod, and even zod/mini would cost it about 15 KB gzipped (a quarter of its
 * JavaScript), because the pages share one build and zod's core keeps what the other pages' classic
 * schemas use. Each check returns an object literal of the type the server's schema gives, so a field
 * added to or removed from that schema fails the type check here; ui/device-payloads.test.ts holds
 * the checks to the schemas' verdicts. A wrong shape throws, as `apiRequest`'s `parse` expects.
 *
 *   const result = await apiRequest('/api/device/me', { parse: parseDeviceMe, ... });
 */
import type { DeviceMe, PairingStarted, PairingStatus } from '../common/devices.ts';
import type { Bilingual } from '../common/events.ts';
import { NOTICE_KINDS } from '../common/notice-kinds.ts';
import type { NoticeView } from '../common/notices.ts';
import { DEVICE_KINDS, PAIRING_STATES } from '../common/pairing.ts';

export function parsePairingStarted(body: unknown): PairingStarted {
  const { deviceId, token, pairingCode, expiresAt } = record(body);
  return { deviceId: string(deviceId), token: string(token), pairingCode: string(pairingCode), expiresAt: string(expiresAt) };
}

export function parsePairingStatus(body: unknown): PairingStatus {
  const { status, outletId } = record(body);
  return { status: oneOf(PAIRING_STATES, status), outletId: outletId === undefined ? undefined : string(outletId) };
}

export function parseDeviceMe(body: unknown): DeviceMe {
  const { id, kind, outletId, outletName, name } = record(body);
  return { id: string(id), kind: oneOf(DEVICE_KINDS, kind), outletId: string(outletId), outletName: bilingual(outletName), name: string(name) };
}

/** A notice as the display's ticker shows it: only the fields it reads (the others are dropped). */
export type TickerNotice = Pick<NoticeView, 'kind' | 'title' | 'body'>;

/** `GET /api/notices`, as the ticker reads it. */
export function parseTickerNotices(body: unknown): { notices: TickerNotice[] } {
  const { notices } = record(body);
  if (!Array.isArray(notices)) throw new TypeError('expected an array');
  return {
    notices: notices.map((notice: unknown) => {
      const { kind, title, body } = record(notice);
      return { kind: oneOf(NOTICE_KINDS, kind), title: bilingual(title), body: bilingual(body) };
    }),
  };
}

/** `parse`'s result, or undefined where it throws: for what was kept in storage. */
export function parsedOrUndefined<T>(parse: (body: unknown) => T, body: unknown): T | undefined {
  try {
    return parse(body);
  } catch {
    return undefined;
  }
}

function record(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError('expected an object');
  return value as Record<string, unknown>;
}

function string(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError('expected a string');
  return value;
}

function oneOf<const T extends readonly string[]>(values: T, value: unknown): T[number] {
  if (!values.includes(value as string)) throw new TypeError(`expected one of ${values.join(', ')}`);
  return value as T[number];
}

function bilingual(value: unknown): Bilingual {
  const { zh, en } = record(value);
  return { zh: string(zh), en: string(en) };
}
