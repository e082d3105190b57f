import { describe, expect, it } from 'vitest';
import { fileNameOf } from './download.ts';

describe('the name a downloaded file is saved under', () => {
  it('is the one the server gave', () => {
    expect(fileNameOf('attachment; filename="history-2026-11-23-2026-11-23.csv"', 'report.csv')).toBe('history-2026-11-23-2026-11-23.csv');
    expect(fileNameOf("attachment; filename*=UTF-8''%E6%8A%A5%E8%A1%A8.csv", 'report.csv')).toBe('报表.csv');
  });

  it('falls back when the server gave none', () => {
    expect(fileNameOf(null, 'report.csv')).toBe('report.csv');
  });
});
