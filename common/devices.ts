/**
 * Kiosks and displays: the pairing code's alphabet and format, and the device API's shapes, shared
 * by the server, the console (which pairs and revokes) and the device pages (which wait to be paired).
 */
import { z } from 'zod';
import { bilingual } from './outlets.ts';

export const DEVICE_KINDS = ['kiosk', 'display'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** Letters and digits that cannot be mistaken for one another on a screen (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). */
export const PAIRING_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const PAIRING_CODE_LENGTH = 8;

/** What an administrator typed, as the code it means: `normalizePairingCode(' abcd-efgh ') === 'ABCDEFGH'`. */
export function normalizePairingCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** Whether a normalized code could be one we issue (saves a database round trip for typos). */
export function isPairingCodeShaped(code: string): boolean {
  return code.length === PAIRING_CODE_LENGTH && [...code].every((ch) => PAIRING_CODE_ALPHABET.includes(ch));
}

/** For reading aloud and typing: `formatPairingCode('ACDEFGHJ') === 'ACDE-FGHJ'`. */
export function formatPairingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export const startPairingRequest = z.object({ kind: z.enum(DEVICE_KINDS) });

export const pairingStarted = z.object({
  deviceId: z.string(),
  /** The device's secret: kept on the device, sent as `Authorization: Bearer …`, never shown. */
  token: z.string(),
  /** Shown on the device's screen for an administrator to type into the console. */
  pairingCode: z.string(),
  expiresAt: z.string(),
});
export type PairingStarted = z.infer<typeof pairingStarted>;

export const PAIRING_STATES = ['pairing', 'active', 'revoked', 'expired'] as const;
export const pairingStatus = z.object({
  status: z.enum(PAIRING_STATES),
  outletId: z.string().optional(),
});
export type PairingStatus = z.infer<typeof pairingStatus>;

export const pairDeviceRequest = z.object({
  pairingCode: z.string().min(1).max(32),
  outletId: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(60),
});
export type PairDeviceRequest = z.infer<typeof pairDeviceRequest>;

export const renameDeviceRequest = z.object({ name: z.string().trim().min(1).max(60) });

export const deviceSummary = z.object({
  id: z.string(),
  kind: z.enum(DEVICE_KINDS),
  name: z.string(),
  outletId: z.string().nullable(),
  status: z.enum(['pairing', 'active', 'revoked']),
  pairedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
});
export type DeviceSummary = z.infer<typeof deviceSummary>;

export const deviceList = z.object({ devices: z.array(deviceSummary) });

export const deviceMe = z.object({
  id: z.string(),
  kind: z.enum(DEVICE_KINDS),
  outletId: z.string(),
  outletName: bilingual,
  name: z.string(),
});
export type DeviceMe = z.infer<typeof deviceMe>;
