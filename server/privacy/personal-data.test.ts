import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPersonalDataCipher, parseDataKey } from './personal-data.ts';

describe('personal data at rest', () => {
  const cipher = createPersonalDataCipher(randomBytes(32));

  it('round-trips, and never stores the same value the same way twice', () => {
    const a = cipher.encrypt('11010519491231002X');
    const b = cipher.encrypt('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('11010519491231002X');
    expect(cipher.decrypt(a)).toBe('11010519491231002X');
  });

  it('refuses a tampered value', () => {
    const stored = cipher.encrypt('13812345678');
    const parts = stored.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0]! ^= 1;
    parts[3] = body.toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).toThrow();
  });

  it('hashes deterministically per key and kind', () => {
    expect(cipher.hash('phone', '13812345678')).toBe(cipher.hash('phone', '13812345678'));
    expect(cipher.hash('phone', '13812345678')).not.toBe(cipher.hash('id_number', '13812345678'));
    const other = createPersonalDataCipher(randomBytes(32));
    expect(other.hash('phone', '13812345678')).not.toBe(cipher.hash('phone', '13812345678'));
  });

  it('reads keys as hex or base64 and refuses other lengths', () => {
    const key = randomBytes(32);
    expect(parseDataKey(key.toString('hex')).equals(key)).toBe(true);
    expect(parseDataKey(key.toString('base64')).equals(key)).toBe(true);
    expect(() => parseDataKey('c2hvcnQ=')).toThrow(/32 bytes/);
  });
});
