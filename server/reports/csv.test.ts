import { expect, it } from 'vitest';
import { BOM, toCsv } from './csv.ts';

it('starts with a byte-order mark, ends lines with CRLF and keeps Chinese text', () => {
  const csv = toCsv([{ header: '业务', value: (r: { s: string; n: number }) => r.s }, { header: 'n', value: (r) => r.n }], [{ s: '机动车转移登记（过户）', n: 3 }]);
  expect(csv).toBe(`${BOM}业务,n\r\n机动车转移登记（过户）,3\r\n`);
  expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
});

it('quotes commas, quotes and line breaks, leaves empty what is missing, and defuses formulas', () => {
  const csv = toCsv([{ header: 'x', value: (r: { x: string | null }) => r.x }], [{ x: 'a,b' }, { x: 'say "hi"' }, { x: 'two\nlines' }, { x: null }, { x: '=HYPERLINK("x")' }]);
  expect(csv.split('\r\n')).toEqual(['\uFEFFx', '"a,b"', '"say ""hi"""', '"two\nlines"', '', '"\'=HYPERLINK(""x"")"', '']);
});
