/**
 * Every panel ends the same way when the server no longer knows the session: it sends
 * `console-session-ended` and the app shows the sign-in form.
 *
 *   if (!stillSignedIn(this, result)) return;
 */
import type { ApiResult } from '../ui/api.ts';
import { sessionEnded } from './console-api.ts';

/** False (after telling the app) when `result` says the session is gone. */
export function stillSignedIn(from: EventTarget, result: ApiResult<unknown>): boolean {
  if (result.ok || !sessionEnded(result)) return true;
  from.dispatchEvent(new CustomEvent('console-session-ended', { bubbles: true, composed: true }));
  return false;
}
