import { describe, expect, it } from 'vitest';
import { noShowRuleChanges } from './setting-effects.ts';

const rule = (noShowLimit: number, noShowWindowDays = 30, noShowSuspensionDays = 30) => ({ noShowLimit, noShowWindowDays, noShowSuspensionDays });

describe('who a new no-show rule suspends or frees', () => {
  const dates = new Map([
    ['twice', ['2026-11-10', '2026-11-20']],
    ['thrice', ['2026-11-02', '2026-11-10', '2026-11-20']],
    ['once', ['2026-11-20']],
  ]);

  it('suspends those who reach a lowered limit, and frees those a raised limit no longer reaches', () => {
    expect(noShowRuleChanges(dates, '2026-11-23', rule(3), rule(2))).toEqual({ suspended: ['twice'], freed: [] });
    expect(noShowRuleChanges(dates, '2026-11-23', rule(3), rule(4))).toEqual({ suspended: [], freed: ['thrice'] });
  });

  it('frees everybody whose suspension a shorter one has already ended', () => {
    expect(noShowRuleChanges(dates, '2026-11-23', rule(3, 30, 30), rule(3, 30, 2))).toEqual({ suspended: [], freed: ['thrice'] });
  });
});
