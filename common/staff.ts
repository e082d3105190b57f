/**
 * The staff API's shapes, shared by the server (which validates and documents them) and the console
 * (which checks what it receives). Plain zod: the server adds the OpenAPI names.
 */
import { z } from 'zod';
import type { StaffRole } from '../db/schema.ts';

export const STAFF_ROLE_VALUES = ['admin', 'supervisor', 'clerk', 'guide'] as const satisfies readonly StaffRole[];

export const signInRequest = z.object({
  username: z.string().trim().min(1).max(64),
  // Long enough for any passphrase, short enough that hashing it costs nothing unusual.
  password: z.string().min(1).max(256),
});
export type SignInRequest = z.infer<typeof signInRequest>;

export const staffMe = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(STAFF_ROLE_VALUES),
  outletIds: z.array(z.string()),
  /** Echo it in `x-csrf-token` on every state-changing request. */
  csrfToken: z.string(),
});
export type StaffMe = z.infer<typeof staffMe>;

/** Whether anyone is signed in, without an error when nobody is (a page asks this on every load). */
export const staffSession = z.object({ staff: staffMe.nullable() });
export type StaffSession = z.infer<typeof staffSession>;
