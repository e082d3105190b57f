/**
 * The phone's ticket page talks to the server by the ticket's follow token alone: no sign-in, and no
 * cookie sent (a WeChat session in the same browser has nothing to do with a ticket that is public
 * by its token, and a cookie would make the rating need the session's CSRF token).
 */
import type { RatingRequest } from '../common/counters.ts';
import { followView, type FollowView } from '../common/follow.ts';
import { apiRequest, type ApiResult } from '../ui/api.ts';

const path = (token: string) => `/api/follow/${encodeURIComponent(token)}`;

export function fetchFollowView(token: string, signal?: AbortSignal): Promise<ApiResult<FollowView>> {
  return apiRequest(path(token), { parse: (body) => followView.parse(body), credentials: 'omit', ...(signal ? { signal } : {}) });
}

export function rateFollowedTicket(token: string, rating: RatingRequest): Promise<ApiResult<{ grade: number }>> {
  return apiRequest(`${path(token)}/rating`, {
    method: 'POST',
    body: rating,
    credentials: 'omit',
    parse: (body) => {
      const grade = (body as { grade?: unknown } | null)?.grade;
      if (typeof grade !== 'number') throw new TypeError('not a rating');
      return { grade };
    },
  });
}
