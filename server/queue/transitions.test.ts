import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { canTransition, ensureMayRequeue, nextStep, TRANSITIONS, type TicketStatus } from './transitions.ts';

const STATUSES: TicketStatus[] = ['waiting', 'called', 'serving', 'finished', 'missed', 'cancelled'];

describe('ticket transitions', () => {
  it('calls only waiting tickets, and starts, recalls or misses only called ones', () => {
    expect(STATUSES.filter((s) => canTransition('call', s))).toEqual(['waiting']);
    expect(STATUSES.filter((s) => canTransition('start', s))).toEqual(['called']);
    expect(STATUSES.filter((s) => canTransition('recall', s))).toEqual(['called']);
    expect(STATUSES.filter((s) => canTransition('miss', s))).toEqual(['called']);
  });

  it('finishes and transfers a ticket in hand, called or being served', () => {
    expect(STATUSES.filter((s) => canTransition('finish', s))).toEqual(['called', 'serving']);
    expect(STATUSES.filter((s) => canTransition('transfer', s))).toEqual(['called', 'serving']);
  });

  it('never moves a finished or cancelled ticket', () => {
    for (const action of Object.keys(TRANSITIONS) as (keyof typeof TRANSITIONS)[]) {
      expect(canTransition(action, 'finished')).toBe(false);
      expect(canTransition(action, 'cancelled')).toBe(false);
    }
  });

  it('requeues a missed ticket up to the limit, then says to take a new one', () => {
    expect(() => ensureMayRequeue({ status: 'missed', number: 'A012', requeueCount: 0 }, 1)).not.toThrow();
    const refused = (() => {
      try {
        ensureMayRequeue({ status: 'missed', number: 'A012', requeueCount: 1 }, 1);
      } catch (error) {
        return error as AppError;
      }
    })();
    expect(refused?.code).toBe('requeue_limit_reached');
    expect(refused?.sentence?.zh).toContain('A012');
    expect(() => ensureMayRequeue({ status: 'waiting', number: 'A013', requeueCount: 0 }, 1)).toThrow(AppError);
  });

  it('goes through a journey step by step and ends after the last', () => {
    const steps = ['mv-inspection', 'mv-acceptance', 'mv-payment', 'mv-issuing'];
    expect(nextStep(steps, 1)).toEqual({ position: 2, serviceId: 'mv-acceptance' });
    expect(nextStep(steps, 3)).toEqual({ position: 4, serviceId: 'mv-issuing' });
    expect(nextStep(steps, 4)).toBeUndefined();
    expect(nextStep([], 1)).toBeUndefined();
  });
});
