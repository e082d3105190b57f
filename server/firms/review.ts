/**
 * Which review action an agent's status allows, as a table: the routes turn it into one
 * conditional update (`… where status = <from>`), so two staff members acting at once cannot
 * both succeed, and an action from the wrong status changes nothing.
 */
import type { ReviewStatus } from '../../common/firms.ts';

export const REVIEW_ACTIONS = ['approve', 'reject', 'revoke'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export const REVIEW_TRANSITIONS: Record<ReviewAction, { from: readonly ReviewStatus[]; to: ReviewStatus; needsReason: boolean }> = {
  approve: { from: ['pending'], to: 'approved', needsReason: false },
  reject: { from: ['pending'], to: 'rejected', needsReason: true },
  // Revoking withdraws an approval; a pending application is rejected instead.
  revoke: { from: ['approved'], to: 'revoked', needsReason: true },
};

/** The status `action` leads to from `from`, or undefined when it is not allowed. */
export function nextReviewStatus(from: ReviewStatus, action: ReviewAction): ReviewStatus | undefined {
  const transition = REVIEW_TRANSITIONS[action];
  return transition.from.includes(from) ? transition.to : undefined;
}

/**
 * What applying again does to an existing agent row: a pending or approved one stays as it is
 * (the request is idempotent), a rejected one goes back to pending for another review, and a
 * revoked one stays revoked (the office withdrew it; only staff can change that).
 */
export function reapplication(status: ReviewStatus): 'unchanged' | 'reopen' | 'refused' {
  if (status === 'rejected') return 'reopen';
  if (status === 'revoked') return 'refused';
  return 'unchanged';
}
