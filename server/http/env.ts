import type { Principal } from '../auth/principal.ts';

/** What every request carries through hono's context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    principal: Principal;
    /** The cookie session's CSRF token, for the page to echo in `x-csrf-token`. */
    csrfToken?: string;
    /** The request carried a device token that has been revoked. */
    deviceRevoked?: boolean;
  };
}
