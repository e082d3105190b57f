import { describe, expect, it } from 'vitest';
import { checkSteps, type CatalogueService } from './journey-steps.ts';

const catalogue = new Map<string, CatalogueService>([
  ['registration', { active: true, steps: ['inspection', 'acceptance'] }],
  ['inspection', { active: true, steps: [] }],
  ['acceptance', { active: true, steps: [] }],
  ['payment', { active: true, steps: [] }],
  ['retired', { active: false, steps: [] }],
  ['transfer', { active: true, steps: [] }],
]);

describe('the steps of a journey', () => {
  it('accepts existing one-step services in order, and no steps at all', () => {
    expect(checkSteps('registration', ['inspection', 'acceptance', 'payment'], catalogue)).toEqual({});
    expect(checkSteps('registration', [], catalogue)).toEqual({});
  });

  it('names each wrong step: itself, unknown, twice, a journey, inactive', () => {
    expect(checkSteps('transfer', ['transfer', 'nope', 'payment', 'payment', 'registration', 'retired'], catalogue)).toEqual({
      'steps.0': 'self', 'steps.1': 'not_found', 'steps.3': 'duplicate', 'steps.4': 'is_a_journey', 'steps.5': 'inactive',
    });
  });

  it('refuses steps for a service that is itself a step of a journey', () => {
    expect(checkSteps('inspection', ['payment'], catalogue)).toEqual({ steps: 'service_is_a_step' });
    // Taking its steps away is always possible.
    expect(checkSteps('inspection', [], catalogue)).toEqual({});
  });
});
