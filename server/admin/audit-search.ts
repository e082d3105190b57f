/**
 * The audit log, searched: by action prefix, actor, target, outlet and time, newest first, a page at
 * a time by keyset on the id (`before`), so a page never shifts while new entries arrive. Read-only:
 * the table refuses updates by trigger. A supervisor sees the entries of their outlets, and their own.
 */
import { and, desc, eq, gte, inArray, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AuditEntryView, AuditPage, AuditQuery } from '../../common/admin.ts';
import type { Database } from '../../db/client.ts';
import { auditLog, staff } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import { outletScope, type StaffPrincipal } from './staff-principal.ts';

/** `like` treats `%` and `_` as wildcards; a typed prefix means itself. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function searchAudit(db: Database, viewer: StaffPrincipal, query: AuditQuery): Promise<AuditPage> {
  const scope = outletScope(viewer);
  if (scope !== 'all' && query.outletId !== undefined && !scope.includes(query.outletId)) throw new AppError('forbidden', { detail: `audit of outlet ${query.outletId}` });
  const conditions: (SQL | undefined)[] = [
    query.action ? like(auditLog.action, `${escapeLike(query.action)}%`) : undefined,
    query.actorKind ? eq(auditLog.actorKind, query.actorKind) : undefined,
    query.actorId ? eq(auditLog.actorId, query.actorId) : undefined,
    query.targetKind ? eq(auditLog.targetKind, query.targetKind) : undefined,
    query.targetId ? eq(auditLog.targetId, query.targetId) : undefined,
    query.outletId ? eq(auditLog.outletId, query.outletId) : undefined,
    query.from ? gte(auditLog.at, new Date(query.from)) : undefined,
    query.to ? lt(auditLog.at, new Date(query.to)) : undefined,
    query.before ? lt(auditLog.id, query.before) : undefined,
    // A supervisor sees their outlets' entries and their own actions (blacklist entries and agent
    // reviews belong to no outlet); bound to no outlet, only their own.
    scope === 'all' ? undefined : or(
      scope.length > 0 ? inArray(auditLog.outletId, [...scope]) : sql`false`,
      and(eq(auditLog.actorKind, 'staff'), eq(auditLog.actorId, viewer.staffId)),
    ),
  ];
  const rows = await db.select({ entry: auditLog, actorName: staff.displayName }).from(auditLog)
    .leftJoin(staff, and(eq(auditLog.actorKind, 'staff'), sql`${auditLog.actorId} = ${staff.id}::text`))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const entries: AuditEntryView[] = page.map(({ entry: e, actorName }) => ({
    id: e.id, at: e.at.toISOString(), actorKind: e.actorKind, actorId: e.actorId, actorName, action: e.action,
    targetKind: e.targetKind, targetId: e.targetId, outletId: e.outletId, details: e.details,
  }));
  return { entries, next: rows.length > query.limit ? page.at(-1)!.entry.id : null };
}
