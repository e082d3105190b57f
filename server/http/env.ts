import type { Principal } from '../auth/principal.ts';

/** What every request carries through hono's context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    principal: Principal;
  };
}
