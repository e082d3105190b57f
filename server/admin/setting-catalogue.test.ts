import { describe, expect, it } from 'vitest';
import { isSettingKey, parseSettingValue, SETTING_DESCRIPTIONS, SETTING_KEYS, settingLimits } from './setting-catalogue.ts';

describe('the settings catalogue', () => {
  it('describes every setting in both languages', () => {
    for (const key of SETTING_KEYS) expect(SETTING_DESCRIPTIONS[key].zh && SETTING_DESCRIPTIONS[key].en, key).toBeTruthy();
    expect(isSettingKey('noShowLimit')).toBe(true);
    expect(isSettingKey('toString')).toBe(false);
  });

  it('gives number settings the bounds of the schema, and none to others', () => {
    expect(settingLimits('maxActivePersonalBookings')).toEqual({ min: 1, max: 10, integer: true });
    expect(settingLimits('maintenanceWindow')).toBeNull();
  });

  it('checks a value by its setting\'s own rule', () => {
    expect(parseSettingValue('noShowLimit', 4)).toEqual({ ok: true, value: 4 });
    expect(parseSettingValue('noShowLimit', 0)).toEqual({ ok: false, problem: 'too_small' });
    expect(parseSettingValue('noShowLimit', 2.5)).toEqual({ ok: false, problem: 'invalid_type' });
    expect(parseSettingValue('maintenanceWindow', null)).toEqual({ ok: true, value: null });
    expect(parseSettingValue('maintenanceWindow', { from: '25:00', to: '01:00' }).ok).toBe(false);
  });
});
