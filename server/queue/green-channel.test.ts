import { describe, expect, it } from 'vitest';
import { greenByAge } from './green-channel.ts';

describe('the green channel by age', () => {
  it('is green from the 70th birthday on, not the day before', () => {
    expect(greenByAge('1956-11-24', '2026-11-23')).toBe(false);
    expect(greenByAge('1956-11-23', '2026-11-23')).toBe(true);
    expect(greenByAge('1930-01-01', '2026-11-23')).toBe(true);
  });

  it('counts a 29 February birthday from 1 March in other years', () => {
    expect(greenByAge('1956-02-29', '2026-02-28')).toBe(false);
    expect(greenByAge('1956-02-29', '2026-03-01')).toBe(true);
  });
});
