import { describe, expect, it } from 'vitest';
import { creditCheckChar, isValidCreditCode } from './credit-code.ts';

describe('unified social credit codes', () => {
  it('accepts published codes', () => {
    // Codes printed on public business licences.
    for (const code of ['91350100M000100Y43', '91110000802100433B', '91440300708461136T']) {
      expect(isValidCreditCode(code)).toBe(true);
    }
  });

  it('writes a check value of 31 as 0', () => {
    const first17 = '91110000802100433';
    expect(creditCheckChar(first17)).toBe('B');
    // Search a prefix whose check value is 31, and make sure it is written as 0.
    let found = '';
    for (let i = 0; i < 31 && !found; i++) {
      const candidate = `9111000080210043${'0123456789ABCDEFGHJKLMNPQRTUWXY'[i]}`;
      if (creditCheckChar(candidate) === '0') found = candidate;
    }
    expect(found).not.toBe('');
    expect(isValidCreditCode(`${found}0`)).toBe(true);
  });

  it('refuses a changed character, a wrong length and letters outside the alphabet', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100I000100Y43')).toBe(false);
  });

  it('reads lower case and spaces as typed', () => {
    expect(isValidCreditCode(' 91350100m000100y43 ')).toBe(true);
  });
});
