import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createVoucherSigner, issuedForAny, readVoucherToken, voucherExpiry } from './voucher-token.ts';

const signer = createVoucherSigner(randomBytes(32));
const booking = { id: '6f1c1e0a-3b55-4c1e-9a47-7f1f0c2b9d11', appointmentNo: '482913650274', date: '2026-11-24' };
const claims = { bookingId: booking.id, appointmentNo: booking.appointmentNo, expiresAt: voucherExpiry(booking.date) };
const token = signer.sign(claims);
const morning = new Date('2026-11-24T09:00:00+08:00');

describe('voucher tokens', () => {
  it('are valid until the end of the booking\'s day in Beijing', () => {
    expect(voucherExpiry('2026-11-24')).toEqual(new Date('2026-11-25T00:00:00+08:00'));
    expect(readVoucherToken(signer, token, morning)).toEqual({ status: 'valid', claims });
    expect(readVoucherToken(signer, token, new Date('2026-11-24T23:59:59+08:00')).status).toBe('valid');
    expect(readVoucherToken(signer, token, new Date('2026-11-25T00:00:00+08:00')).status).toBe('expired');
  });

  it('are refused when signed with another key (forged): our signature is not on them', () => {
    const forged = createVoucherSigner(randomBytes(32)).sign(claims);
    const reading = readVoucherToken(signer, forged, morning);
    expect(reading.status).toBe('bad_signature');
    expect(reading.status === 'bad_signature' && issuedForAny(signer, reading.mac, [booking])).toBe(false);
  });

  it('are refused when a field is edited (altered): the signature we issued no longer matches', () => {
    const later = token.replace(/\.(\d+)\.([^.]+)$/, (_, exp: string, mac: string) => `.${Number(exp) + 86_400}.${mac}`);
    const reading = readVoucherToken(signer, later, morning);
    expect(reading.status).toBe('bad_signature');
    expect(reading.status === 'bad_signature' && issuedForAny(signer, reading.mac, [booking])).toBe(true);
  });

  it('are malformed when not in the token\'s shape', () => {
    expect(readVoucherToken(signer, 'hello', morning)).toEqual({ status: 'malformed' });
    expect(readVoucherToken(signer, `${token}x`, morning)).toEqual({ status: 'malformed' });
  });

  it('derive their key from the master key: the same key signs the same', () => {
    const key = randomBytes(32);
    expect(createVoucherSigner(key).sign(claims)).toBe(createVoucherSigner(Buffer.from(key)).sign(claims));
    expect(token.length).toBeLessThan(120);
  });
});
