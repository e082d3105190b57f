import { describe, expect, it } from 'vitest';
import { isValidName, normalizeName } from './name.ts';

describe('names as on the ID card', () => {
  it('accepts Chinese names of two characters or more', () => {
    expect(isValidName('张三')).toBe(true);
    expect(isValidName('欧阳娜娜')).toBe(true);
  });

  it('accepts minority names joined by a middle dot, whichever dot the phone typed', () => {
    expect(isValidName('阿卜杜拉·艾买提')).toBe(true);
    expect(normalizeName(' 阿卜杜拉•艾买提 ')).toBe('阿卜杜拉·艾买提');
    expect(isValidName('阿卜杜拉・艾买提')).toBe(true);
  });

  it('accepts letters of other scripts', () => {
    expect(isValidName('Aliya')).toBe(true);
  });

  it('counts a character outside the basic plane as one', () => {
    expect(isValidName('𠮷')).toBe(false);
    expect(isValidName('𠮷野')).toBe(true);
  });

  it('refuses a single character, more than 30, digits, spaces inside and stray dots', () => {
    expect(isValidName('张')).toBe(false);
    expect(isValidName('张'.repeat(31))).toBe(false);
    expect(isValidName('张'.repeat(30))).toBe(true);
    expect(isValidName('张3')).toBe(false);
    expect(isValidName('张 三')).toBe(false);
    expect(isValidName('·张三')).toBe(false);
    expect(isValidName('张三·')).toBe(false);
    expect(isValidName('张··三')).toBe(false);
    expect(isValidName('<b>张三</b>')).toBe(false);
  });
});
