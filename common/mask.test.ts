import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPersonalData, maskPhone } from './mask.ts';
import { isValidMobile } from './phone.ts';

describe('masking personal data', () => {
  it('masks names, ID numbers and phones as the design says', () => {
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskIdNumber('36010219800101123X')).toBe('3601**********123X');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('finds ID numbers and phones inside free text', () => {
    const text = 'citizen 36010219800101123X called from 13812345678 about ticket A012 at 2026-11-22';
    expect(maskPersonalData(text)).toBe('citizen 3601**********123X called from 138****5678 about ticket A012 at 2026-11-22');
  });

  it('leaves longer digit runs and non-mobile numbers alone', () => {
    expect(maskPersonalData('order 1234567890123456789012')).toBe('order 1234567890123456789012');
    expect(maskPersonalData('tel 0701-1234567')).toBe('tel 0701-1234567');
  });
});

describe('mobile numbers', () => {
  it('accepts 1[3-9] followed by nine digits, with +86 and spaces', () => {
    expect(isValidMobile('13812345678')).toBe(true);
    expect(isValidMobile('+86 138 1234 5678')).toBe(true);
    expect(isValidMobile('12812345678')).toBe(false);
    expect(isValidMobile('1381234567')).toBe(false);
  });
});
