/**
 * Who is calling: resolved once per request from the session cookie or device token, then checked
 * against the route's declared access (server/http/route.ts).
 */
import type { StaffRole } from '../../db/schema.ts';

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'citizen'; sessionId: string; openid: string; citizenId: string | null }
  | { kind: 'staff'; sessionId: string; staffId: string; role: StaffRole; outletIds: string[] }
  | { kind: 'device'; deviceId: string; deviceKind: 'kiosk' | 'display'; outletId: string };

/**
 * Whom a route admits. `public`: anyone. `wechat-user`: a WeChat identity, registered or not.
 * `citizen`: a registered citizen. A staff role admits that role; `kiosk`/`display` admit paired devices.
 */
export type Audience = 'public' | 'wechat-user' | 'citizen' | StaffRole | 'kiosk' | 'display';

export const ANONYMOUS: Principal = { kind: 'anonymous' };

export const STAFF_ROLES = ['admin', 'supervisor', 'clerk', 'guide'] as const satisfies readonly StaffRole[];
export const DEVICES = ['kiosk', 'display'] as const;

/** Narrows the principal a route's access already admitted; a mismatch is a bug in the declaration. */
export function expectPrincipal<K extends Principal['kind']>(principal: Principal, kind: K): Extract<Principal, { kind: K }> {
  if (principal.kind !== kind) throw new Error(`route admitted a ${principal.kind} where it expects a ${kind}`);
  return principal as Extract<Principal, { kind: K }>;
}

/** Whether `principal` is among `audiences`. */
export function admits(audiences: readonly Audience[], principal: Principal): boolean {
  return audiences.some((audience) => {
    switch (audience) {
      case 'public':
        return true;
      case 'wechat-user':
        return principal.kind === 'citizen';
      case 'citizen':
        return principal.kind === 'citizen' && principal.citizenId !== null;
      case 'kiosk':
      case 'display':
        return principal.kind === 'device' && principal.deviceKind === audience;
      default:
        return principal.kind === 'staff' && principal.role === audience;
    }
  });
}
