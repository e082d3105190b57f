/** Mainland mobile numbers: 11 digits, `1[3-9]` then 9 digits. */
const MOBILE = /^1[3-9]\d{9}$/;

export function normalizePhone(raw: string): string {
  return raw.replace(/[\s-]+/g, '').replace(/^\+?86/, '');
}

export function isValidMobile(raw: string): boolean {
  return MOBILE.test(normalizePhone(raw));
}
