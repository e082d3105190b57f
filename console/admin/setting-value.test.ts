import { describe, expect, it } from 'vitest';
import type { SettingView } from '../../common/admin.ts';
import { kindOf, parseRaw, rawOf } from './setting-value.ts';

const setting = (over: Partial<SettingView>): SettingView => ({
  key: 'k', value: 3, default: 3, overridden: false, description: { zh: '', en: '' }, limits: null, updatedAt: null, updatedBy: null, ...over,
});

describe('a setting as the console edits it', () => {
  const noShows = setting({ limits: { min: 1, max: 10, integer: true } });
  const maintenance = setting({ value: null, default: null });

  it('edits numbers within the bounds the server gave', () => {
    expect(kindOf(noShows)).toBe('number');
    expect(parseRaw(noShows, '4')).toEqual({ ok: true, value: 4 });
    expect(parseRaw(noShows, '0').ok).toBe(false);
    expect(parseRaw(noShows, '2.5').ok).toBe(false);
    expect(parseRaw(noShows, '').ok).toBe(false);
  });

  it('edits a time window, or none', () => {
    expect(kindOf(maintenance)).toBe('window');
    expect(rawOf(maintenance)).toBe('');
    expect(parseRaw(maintenance, '')).toEqual({ ok: true, value: null });
    expect(parseRaw(maintenance, '23:00-01:00')).toEqual({ ok: true, value: { from: '23:00', to: '01:00' } });
    expect(parseRaw(maintenance, '23-1').ok).toBe(false);
  });

  it('edits any other shape as JSON', () => {
    const list = setting({ value: ['a'], default: [] });
    expect(kindOf(list)).toBe('json');
    expect(parseRaw(list, '["a","b"]')).toEqual({ ok: true, value: ['a', 'b'] });
    expect(parseRaw(list, '[').ok).toBe(false);
  });
});
