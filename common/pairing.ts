/**
 * Kiosks and displays: their kinds, the states of a pairing and the pairing code's alphabet and
 * format. No zod here, so the device pages can import it without shipping zod's classic API
 * (common/devices.ts re-exports it beside the API's schemas).
 */
export const DEVICE_KINDS = ['kiosk', 'display'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const PAIRING_STATES = ['pairing', 'active', 'revoked', 'expired'] as const;

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
