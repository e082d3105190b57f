import { describe, expect, it } from 'vitest';
import { checkNotice, type CreateNoticeRequest } from './notices.ts';

const base: CreateNoticeRequest = {
  outletId: 'yt-dmv', kind: 'info', title: { zh: '通知', en: 'Notice' }, body: { zh: '内容', en: 'Text' },
};

describe('what a notice must carry', () => {
  it('accepts an information notice with a title and body', () => {
    expect(checkNotice(base)).toEqual({});
    expect(checkNotice({ ...base, title: { zh: ' ', en: '' } })).toEqual({ 'title.zh': 'required' });
  });

  it('needs the days of a closure, in order and within a year', () => {
    expect(checkNotice({ ...base, kind: 'closure' })).toEqual({ effectiveFrom: 'required' });
    expect(checkNotice({ ...base, kind: 'closure', effectiveFrom: '2026-11-25' })).toEqual({});
    expect(checkNotice({ ...base, kind: 'closure', effectiveFrom: '2026-11-25', effectiveTo: '2026-11-24' })).toEqual({ effectiveTo: 'before_from' });
    expect(checkNotice({ ...base, kind: 'closure', effectiveFrom: '2026-02-30' })).toEqual({ effectiveFrom: 'invalid_date' });
    expect(checkNotice({ ...base, kind: 'closure', effectiveFrom: '2026-01-01', effectiveTo: '2027-06-01' })).toEqual({ effectiveTo: 'range_too_long' });
  });

  it('needs the new hours of an hours change, each opening before it closes', () => {
    const change = { ...base, kind: 'hours_change' as const, effectiveFrom: '2026-11-25' };
    expect(checkNotice(change)).toEqual({ changedHours: 'required' });
    expect(checkNotice({ ...change, changedHours: [{ open: '09:00', close: '12:00' }] })).toEqual({});
    expect(checkNotice({ ...change, changedHours: [{ open: '12:00', close: '09:00' }, { open: '9:00', close: '10:00' }] }))
      .toEqual({ 'changedHours.0': 'invalid_period', 'changedHours.1': 'invalid_period' });
    expect(checkNotice({ ...base, changedHours: [{ open: '09:00', close: '12:00' }] })).toEqual({ changedHours: 'only_for_hours_change' });
  });
});
