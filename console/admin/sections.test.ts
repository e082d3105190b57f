import { describe, expect, it } from 'vitest';
import { configSectionOf, tabOf, tabsFor } from './sections.ts';

describe('what each role sees in the console', () => {
  it('gives clerks and guides their counter work only', () => {
    expect(tabsFor('clerk')).toEqual(['work']);
    expect(tabsFor('guide')).toEqual(['work']);
  });

  it('gives supervisors the blacklist, notices, reports, audit and agents review, but no configuration', () => {
    expect(tabsFor('supervisor')).toEqual(['work', 'agents', 'blacklist', 'notices', 'reports', 'audit']);
    expect(tabsFor('supervisor')).not.toContain('config');
  });

  it('gives administrators the configuration first', () => {
    expect(tabsFor('admin')[0]).toBe('config');
  });

  it('never opens a tab the role lacks, whatever the address asks', () => {
    expect(tabOf('supervisor', 'config')).toBe('work');
    expect(tabOf('clerk', 'reports')).toBe('work');
    expect(tabOf('admin', 'reports')).toBe('reports');
    expect(tabOf('admin', undefined)).toBe('config');
  });

  it('opens a known configuration section, else the devices', () => {
    expect(configSectionOf('calendar')).toBe('calendar');
    expect(configSectionOf('nonsense')).toBe('devices');
  });
});
