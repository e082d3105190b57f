import { expect, it } from 'vitest';
import { classifyScan } from './scan.ts';

it('tells an ID card, an appointment number and a voucher token apart by their shape', () => {
  expect(classifyScan('36060219850615001x')).toEqual({ kind: 'id', value: '36060219850615001X' });
  expect(classifyScan(' 1234 5678 9012 ')).toEqual({ kind: 'appointment', value: '123456789012' });
  expect(classifyScan('LV1.abc-DEF.123')).toEqual({ kind: 'voucher', value: 'LV1.abc-DEF.123' });
});

it('keeps a short run of digits as partial, never a voucher the server would call forged', () => {
  expect(classifyScan('12345')).toEqual({ kind: 'partial', value: '12345' });
  expect(classifyScan('3606021985061500')).toEqual({ kind: 'partial', value: '3606021985061500' });
});
