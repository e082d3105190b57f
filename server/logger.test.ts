import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), text: () => lines.join('') };
}

describe('the logger', () => {
  it('never writes an ID number or a phone, wherever it appears', () => {
    const { logger, text } = capture();
    logger.info({ idNumber: '11010519491231002X', phone: '13812345678' }, 'registration');
    logger.info({ body: { note: 'ID 11010519491231002X, tel 13812345678' } }, 'nested');
    logger.info('message with 11010519491231002X and 13812345678');
    logger.error({ err: new Error('lookup failed for 11010519491231002X') }, 'failure');
    const out = text();
    expect(out).not.toContain('11010519491231002X');
    expect(out).not.toContain('13812345678');
    expect(out).toContain('1101**********002X');
    expect(out).toContain('138****5678');
    expect(out).toContain('[redacted]');
  });
});
