/**
 * The counter and queue requests of the console, typed by the shared contract (`common/counters.ts`).
 * Every state-changing request carries an idempotency key made once per press (see `press.ts`), so a
 * double click or a retry after a lost answer does the thing once.
 */
import {
  counterActionResult, counterList, explanation, outletQueue,
  type CounterActionResult, type CounterView, type OrderExplanation, type OutletQueue, type RatingRequest,
} from '../common/counters.ts';
import type { STAFF_GREEN_REASONS } from '../common/kiosk.ts';
import type { ApiResult } from '../ui/api.ts';
import { consoleRequest } from './console-api.ts';

/** The actions on a counter that take nothing but a key; `transfer` also names a service. */
export const COUNTER_ACTIONS = ['open', 'pause', 'resume', 'close', 'call-next', 'recall', 'missed', 'start', 'finish'] as const;
export type CounterAction = (typeof COUNTER_ACTIONS)[number];

export type StaffGreenReason = (typeof STAFF_GREEN_REASONS)[number];

const path = (part: string) => encodeURIComponent(part);

export function fetchQueue(outletId: string): Promise<ApiResult<OutletQueue>> {
  return consoleRequest(`/api/outlets/${path(outletId)}/queue`, { parse: (body) => outletQueue.parse(body) });
}

export function fetchCounters(outletId: string): Promise<ApiResult<CounterView[]>> {
  return consoleRequest(`/api/outlets/${path(outletId)}/counters`, { parse: (body) => counterList.parse(body).counters });
}

export function postCounterAction(
  counterId: string, action: CounterAction, idempotencyKey: string, csrfToken: string,
): Promise<ApiResult<CounterActionResult>> {
  return consoleRequest(`/api/counters/${path(counterId)}/${action}`, {
    method: 'POST', csrfToken, body: { idempotencyKey }, parse: (body) => counterActionResult.parse(body),
  });
}

export function postTransfer(
  counterId: string, serviceId: string, idempotencyKey: string, csrfToken: string,
): Promise<ApiResult<CounterActionResult>> {
  return consoleRequest(`/api/counters/${path(counterId)}/transfer`, {
    method: 'POST', csrfToken, body: { idempotencyKey, serviceId }, parse: (body) => counterActionResult.parse(body),
  });
}

/** A missed ticket back into the queue; what comes back does not matter, the live queue shows it. */
export function postRequeue(ticketId: string, idempotencyKey: string, csrfToken: string): Promise<ApiResult<undefined>> {
  return consoleRequest(`/api/tickets/${path(ticketId)}/requeue`, {
    method: 'POST', csrfToken, body: { idempotencyKey }, parse: () => undefined,
  });
}

export function postGreen(
  ticketId: string, grant: { reason: StaffGreenReason; note?: string }, idempotencyKey: string, csrfToken: string,
): Promise<ApiResult<undefined>> {
  return consoleRequest(`/api/tickets/${path(ticketId)}/green`, {
    method: 'POST', csrfToken, body: { idempotencyKey, ...grant }, parse: () => undefined,
  });
}

export function postRating(ticketId: string, rating: RatingRequest, idempotencyKey: string, csrfToken: string): Promise<ApiResult<undefined>> {
  return consoleRequest(`/api/tickets/${path(ticketId)}/rating`, {
    method: 'POST', csrfToken, body: { idempotencyKey, ...rating }, parse: () => undefined,
  });
}

/** Why `ticketId` is called before `behindId`, in the server's words. */
export function fetchExplanation(ticketId: string, behindId: string): Promise<ApiResult<OrderExplanation>> {
  return consoleRequest(`/api/tickets/${path(ticketId)}/explain?behind=${path(behindId)}`, { parse: (body) => explanation.parse(body) });
}
