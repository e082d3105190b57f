import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, idCheckChar, parseIdNumber } from './id-number.ts';

const TODAY = '2026-11-22';

describe('resident ID numbers', () => {
  it('accepts the GB 11643 example with a trailing X, in either case', () => {
    expect(parseIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      info: { value: '11010519491231002X', birthDate: '1949-12-31', sex: 'female' },
    });
    expect(parseIdNumber(' 11010519491231002x ', TODAY).ok).toBe(true);
  });

  it('computes the check character from the weights', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    // 3·7+6·9+0·10+1·5+0·8+2·4+1·2+9·1+8·6+0·3+0·7+1·9+0·10+1·5+1·8+2·4+3·2 = 183; 183 mod 11 = 7 → '5'
    expect(idCheckChar('36010219800101123')).toBe('5');
  });

  it('refuses a wrong check character', () => {
    expect(parseIdNumber('110105194912310021', TODAY)).toEqual({ ok: false, problem: 'checksum' });
  });

  it('refuses impossible and future birth dates before looking at the checksum', () => {
    const withCheck = (first17: string) => first17 + idCheckChar(first17);
    expect(parseIdNumber(withCheck('11010519490230002'), TODAY)).toEqual({ ok: false, problem: 'birth_date' });
    expect(parseIdNumber(withCheck('11010520270101002'), TODAY)).toEqual({ ok: false, problem: 'birth_date' });
    expect(parseIdNumber(withCheck('11010518991231002'), TODAY)).toEqual({ ok: false, problem: 'birth_date' });
    expect(parseIdNumber(withCheck('11010520000229002'), TODAY).ok).toBe(true);
    expect(parseIdNumber(withCheck('11010519000229002'), TODAY)).toEqual({ ok: false, problem: 'birth_date' });
  });

  it('refuses wrong shapes', () => {
    for (const bad of ['', '1101051949123100', '11010519491231002XX', '1101051949123100AX', 'X10105194912310021']) {
      expect(parseIdNumber(bad, TODAY)).toEqual({ ok: false, problem: 'format' });
    }
  });

  it('detects every single-digit change (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
        const valid = '11010519491231002X';
        const digit = (Number(valid[position]) + delta) % 10;
        const altered = valid.slice(0, position) + digit + valid.slice(position + 1);
        const result = parseIdNumber(altered, TODAY);
        expect(result.ok).toBe(false);
      }),
    );
  });

  it('counts age in whole years, turning 70 on the birthday itself', () => {
    expect(ageOn('1956-11-23', '2026-11-22')).toBe(69);
    expect(ageOn('1956-11-23', '2026-11-23')).toBe(70);
    expect(ageOn('1956-02-29', '2026-02-28')).toBe(69);
    expect(ageOn('1956-02-29', '2026-03-01')).toBe(70);
  });
});
