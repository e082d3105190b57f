/**
 * Which ticket transitions exist (DOMAIN.md "The queue and the counters"), as one table: a clerk
 * calls a waiting ticket, recalls or marks missed a called one, starts serving it, finishes or
 * transfers it; a missed ticket may go back into the queue a limited number of times *(setting)*.
 * Pure: the database then makes each one a conditional update on the status read here.
 */
import type { Ticket } from '../../db/schema.ts';
import { AppError } from '../errors.ts';

export type TicketStatus = Ticket['status'];

export const TRANSITIONS = {
  call: { from: ['waiting'], to: 'called' },
  recall: { from: ['called'], to: 'called' },
  miss: { from: ['called'], to: 'missed' },
  start: { from: ['called'], to: 'serving' },
  /** To `finished`, or back to `waiting` in the next step of a journey. */
  finish: { from: ['called', 'serving'], to: 'finished' },
  transfer: { from: ['called', 'serving'], to: 'waiting' },
  requeue: { from: ['missed'], to: 'waiting' },
  green: { from: ['waiting'], to: 'waiting' },
} as const satisfies Record<string, { from: readonly TicketStatus[]; to: TicketStatus }>;

export type TicketAction = keyof typeof TRANSITIONS;

/** `canTransition('start', 'called') === true`; `canTransition('start', 'waiting') === false`. */
export function canTransition(action: TicketAction, from: TicketStatus): boolean {
  return (TRANSITIONS[action].from as readonly TicketStatus[]).includes(from);
}

export function ensureTransition(action: TicketAction, ticket: Pick<Ticket, 'status' | 'number'>): void {
  if (!canTransition(action, ticket.status)) {
    throw new AppError('ticket_state_conflict', { details: { number: ticket.number, status: ticket.status, action } });
  }
}

/** A missed ticket goes back once *(setting `missedRequeueLimit`)*. */
export function ensureMayRequeue(ticket: Pick<Ticket, 'status' | 'number' | 'requeueCount'>, limit: number): void {
  ensureTransition('requeue', ticket);
  if (ticket.requeueCount >= limit) {
    throw new AppError('requeue_limit_reached', {
      sentence: {
        zh: `${ticket.number} 已重新排队过 ${ticket.requeueCount} 次，不能再次排队，请重新取号。`,
        en: `${ticket.number} has been requeued ${ticket.requeueCount} time(s) already and cannot be again. Take a new ticket.`,
      },
    });
  }
}

/**
 * The step after `position` in a journey of `steps` (step service ids in order), or undefined when
 * it was the last: `nextStep(['insp', 'acc', 'pay'], 2)` is `{ position: 3, serviceId: 'pay' }`.
 */
export function nextStep(steps: readonly string[], position: number): { position: number; serviceId: string } | undefined {
  const serviceId = steps[position];
  return serviceId === undefined ? undefined : { position: position + 1, serviceId };
}
