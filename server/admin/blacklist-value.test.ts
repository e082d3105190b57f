import { describe, expect, it } from 'vitest';
import { creditCheckChar } from '../../common/credit-code.ts';
import { idCheckChar } from '../../common/id-number.ts';
import { blacklistValue } from './blacklist-value.ts';

const TODAY = '2026-11-23';
const id = `36060219850615123${idCheckChar('36060219850615123')}`;
const FIRST17 = '91360600MA35R1B10';
const code = `${FIRST17}${creditCheckChar(FIRST17)}`;

describe('a value for the blacklist', () => {
  it('checks an ID number and keeps it masked for display', () => {
    expect(blacklistValue('id_number', id.toLowerCase(), TODAY)).toEqual({ ok: true, kind: 'id_number', value: id, display: `3606**********${id.slice(-4)}` });
    const wrong = `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`;
    expect(blacklistValue('id_number', wrong, TODAY)).toEqual({ ok: false, code: 'id_number_checksum' });
    expect(blacklistValue('id_number', '1234', TODAY)).toEqual({ ok: false, code: 'id_number_format' });
  });

  it('normalises a mobile number as registration does', () => {
    expect(blacklistValue('phone', '+86 138-1234-5678', TODAY)).toEqual({ ok: true, kind: 'phone', value: '13812345678', display: '138****5678' });
    expect(blacklistValue('phone', '12812345678', TODAY)).toEqual({ ok: false, code: 'phone_invalid' });
  });

  it('keeps a firm\'s public credit code in clear, checked by GB 32100', () => {
    expect(blacklistValue('firm', code.toLowerCase(), TODAY)).toEqual({ ok: true, kind: 'firm', value: code, display: code });
    const wrong = `${FIRST17}${code[17] === '1' ? '2' : '1'}`;
    expect(blacklistValue('firm', wrong, TODAY)).toEqual({ ok: false, code: 'credit_code_invalid' });
  });
});
