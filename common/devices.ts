/**
 * Kiosks and displays: the device API's shapes, shared by the server, the console (which pairs and
 * revokes) and the device pages (which wait to be paired; they check the answers without zod, in
 * ui/device-payloads.ts). The kinds and the pairing code are in ./pairing.ts.
 */
import { z } from 'zod';
import { bilingual } from './outlets.ts';
import { DEVICE_KINDS, PAIRING_STATES } from './pairing.ts';

export {
  DEVICE_KINDS, formatPairingCode, isPairingCodeShaped, normalizePairingCode, PAIRING_CODE_ALPHABET, PAIRING_CODE_LENGTH,
  PAIRING_STATES, type DeviceKind,
} from './pairing.ts';

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
