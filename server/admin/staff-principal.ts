/**
 * Who is administering, and which outlets they speak for: an administrator every outlet, a
 * supervisor the outlets they are bound to (`staff_outlets`).
 */
import type { Principal } from '../auth/principal.ts';
import { AppError } from '../errors.ts';

export type StaffPrincipal = Extract<Principal, { kind: 'staff' }>;

/** The outlets `staff` may see, or `'all'` for an administrator. */
export function outletScope(staff: StaffPrincipal): readonly string[] | 'all' {
  return staff.role === 'admin' ? 'all' : staff.outletIds;
}

/** Throws `forbidden` unless `staff` speaks for `outletId`. */
export function ensureOutlet(staff: StaffPrincipal, outletId: string): void {
  const scope = outletScope(staff);
  if (scope !== 'all' && !scope.includes(outletId)) throw new AppError('forbidden', { detail: `outlet ${outletId}` });
}
