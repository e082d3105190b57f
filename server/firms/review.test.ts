import { describe, expect, it } from 'vitest';
import { REVIEW_STATUSES } from '../../common/firms.ts';
import { nextReviewStatus, reapplication } from './review.ts';

describe('agent review transitions', () => {
  it('approves and rejects only pending agents, and revokes only approved ones', () => {
    const table = Object.fromEntries(REVIEW_STATUSES.map((from) => [from, {
      approve: nextReviewStatus(from, 'approve'), reject: nextReviewStatus(from, 'reject'), revoke: nextReviewStatus(from, 'revoke'),
    }]));
    expect(table).toEqual({
      pending: { approve: 'approved', reject: 'rejected', revoke: undefined },
      approved: { approve: undefined, reject: undefined, revoke: 'revoked' },
      rejected: { approve: undefined, reject: undefined, revoke: undefined },
      revoked: { approve: undefined, reject: undefined, revoke: undefined },
    });
  });

  it('lets a rejected applicant apply again, but not a revoked agent', () => {
    expect(REVIEW_STATUSES.map(reapplication)).toEqual(['unchanged', 'unchanged', 'reopen', 'refused']);
  });
});
