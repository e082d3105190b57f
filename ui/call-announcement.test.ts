import { describe, expect, it } from 'vitest';
import { callAnnouncement, spokenTicketNumber } from './call-announcement.ts';

describe('call announcements', () => {
  it('reads a ticket number one character at a time, so "A012" is not read as "A twelve"', () => {
    expect(spokenTicketNumber('A012')).toBe('A 0 1 2');
    expect(spokenTicketNumber('C1000')).toBe('C 1 0 0 0');
  });

  it('names the number and the counter in Chinese, and in English when asked', () => {
    expect(callAnnouncement({ number: 'A012', counterNumber: 3 }, 'zh')).toBe('请 A 0 1 2 号到 3 号窗口办理');
    expect(callAnnouncement({ number: 'C001', counterNumber: 12 }, 'en')).toBe('Number C 0 0 1, please go to counter 12');
  });
});
