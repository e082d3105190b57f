/**
 * The administration API of the staff console (issue 8): configuration (outlets, services, capacity,
 * calendar, counters, staff, settings) for administrators; the blacklist, no-show suspensions and
 * the audit log for administrators and supervisors. One module per area (server/admin/routes/), the
 * rules in server/admin/.
 *
 * Every change that can affect bookings takes `?dryRun=true` and answers `impact` (how many active
 * bookings it spoils, examples, advice, the notice to publish), in the preview and the save alike.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../app.ts';
import type { AppEnv } from '../http/env.ts';
import { adminAuditRoutes } from '../admin/routes/audit.ts';
import { adminBlacklistRoutes } from '../admin/routes/blacklist.ts';
import { adminCalendarRoutes } from '../admin/routes/calendar.ts';
import { adminCapacityRoutes } from '../admin/routes/capacity.ts';
import { adminCounterRoutes } from '../admin/routes/counters.ts';
import { adminOutletRoutes } from '../admin/routes/outlets.ts';
import { adminServiceRoutes } from '../admin/routes/services.ts';
import { adminSettingRoutes } from '../admin/routes/settings.ts';
import { adminStaffRoutes } from '../admin/routes/staff.ts';

export function adminRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .route('/', adminOutletRoutes(deps))
    .route('/', adminServiceRoutes(deps))
    .route('/', adminCapacityRoutes(deps))
    .route('/', adminCalendarRoutes(deps))
    .route('/', adminCounterRoutes(deps))
    .route('/', adminStaffRoutes(deps))
    .route('/', adminSettingRoutes(deps))
    .route('/', adminBlacklistRoutes(deps))
    .route('/', adminAuditRoutes(deps));
}
