/**
 * CSV that Excel opens with Chinese intact: UTF-8 with a byte-order mark, CRLF line ends, every field
 * quoted when it holds a comma, quote or line break (RFC 4180). A field that starts like a formula
 * (=, +, -, @) is prefixed with an apostrophe, so a spreadsheet never runs text from a citizen.
 */
export const BOM = '\uFEFF';

export interface Column<Row> {
  header: string;
  value: (row: Row) => string | number | null | undefined;
}

function field(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** `toCsv([{ header: '号', value: (r) => r.n }], [{ n: 'A001' }]) === '\uFEFF号\r\nA001\r\n'` */
export function toCsv<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => field(c.header)).join(','), ...rows.map((row) => columns.map((c) => field(c.value(row))).join(','))];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
