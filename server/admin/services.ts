/**
 * Services as administrators configure them: average minutes, required materials, bookable and
 * active, a journey's steps, and which outlets offer it. Taking a service away from an outlet, or
 * out of service, spoils the bookings made for it there: the change counts them (and can be
 * previewed); it cancels none. New bookings are refused at once by the booking core
 * (`serviceAtOutlet`: active, bookable, offered here).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AdminService, ServiceChanged, UpdateServiceRequest } from '../../common/admin.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { outletServices, outlets, serviceGroups, serviceSteps, services, type Service } from '../../db/schema.ts';
import { audit } from '../audit.ts';
import { AppError } from '../errors.ts';
import { changeInTransaction } from './dry-run.ts';
import { impactOf } from './impact.ts';
import { checkSteps, type CatalogueService } from './journey-steps.ts';
import type { StaffPrincipal } from './staff-principal.ts';
import { upcomingBookings } from './upcoming-bookings.ts';

type Db = Database | Transaction;

async function stepsAndOutlets(db: Db) {
  const steps = await db.select().from(serviceSteps).orderBy(asc(serviceSteps.serviceId), asc(serviceSteps.position));
  const offered = await db.select().from(outletServices).orderBy(asc(outletServices.outletId));
  const stepsOf = new Map<string, string[]>();
  for (const s of steps) stepsOf.set(s.serviceId, [...(stepsOf.get(s.serviceId) ?? []), s.stepServiceId]);
  const outletsOf = new Map<string, string[]>();
  for (const o of offered) outletsOf.set(o.serviceId, [...(outletsOf.get(o.serviceId) ?? []), o.outletId]);
  return { stepsOf, outletsOf };
}

function serviceView(row: Service, prefix: string, steps: string[], outletIds: string[]): AdminService {
  return {
    id: row.id, groupId: row.groupId, prefix, name: row.name, description: row.description, averageMinutes: row.averageMinutes,
    requiredMaterials: row.requiredMaterials, bookable: row.bookable, active: row.active, sortOrder: row.sortOrder, steps, outletIds,
  };
}

/** Every service, inactive ones and journey steps included, in the catalogue's order. */
export async function listServices(db: Db): Promise<AdminService[]> {
  const rows = await db.select({ service: services, prefix: serviceGroups.prefix }).from(services)
    .innerJoin(serviceGroups, eq(serviceGroups.id, services.groupId))
    .orderBy(asc(services.sortOrder), asc(services.id));
  const { stepsOf, outletsOf } = await stepsAndOutlets(db);
  return rows.map(({ service, prefix }) => serviceView(service, prefix, stepsOf.get(service.id) ?? [], outletsOf.get(service.id) ?? []));
}

async function ensureSteps(tx: Transaction, serviceId: string, steps: readonly string[]): Promise<void> {
  const all = await tx.select({ id: services.id, active: services.active }).from(services);
  const { stepsOf } = await stepsAndOutlets(tx);
  const catalogue = new Map<string, CatalogueService>(all.map((s) => [s.id, { active: s.active, steps: stepsOf.get(s.id) ?? [] }]));
  const problems = checkSteps(serviceId, steps, catalogue);
  if (Object.keys(problems).length > 0) throw new AppError('service_steps_invalid', { fields: problems });
}

async function ensureOutletsExist(tx: Transaction, outletIds: readonly string[]): Promise<void> {
  const found = outletIds.length === 0 ? [] : await tx.select({ id: outlets.id }).from(outlets).where(inArray(outlets.id, [...outletIds]));
  const known = new Set(found.map((o) => o.id));
  const fields: Record<string, string> = {};
  outletIds.forEach((id, i) => { if (!known.has(id)) fields[`outletIds.${i}`] = 'not_found'; });
  if (Object.keys(fields).length > 0) throw new AppError('validation_failed', { fields });
}

/**
 * Changes what is sent; answers with the service and the bookings the change spoils.
 * Throws `not_found`, `service_steps_invalid`, `validation_failed` (an unknown outlet).
 */
export async function updateService(
  db: Database, staff: StaffPrincipal, serviceId: string, input: UpdateServiceRequest, options: { dryRun: boolean; now: Date },
): Promise<ServiceChanged> {
  const { now } = options;
  return changeInTransaction(db, options.dryRun, async (tx) => {
    const [before] = await tx.select().from(services).where(eq(services.id, serviceId)).for('update');
    if (!before) throw new AppError('not_found');
    if (input.steps) await ensureSteps(tx, serviceId, input.steps);
    const outletIds = input.outletIds ? [...new Set(input.outletIds)] : undefined;
    if (outletIds) await ensureOutletsExist(tx, outletIds);
    const { outletsOf } = await stepsAndOutlets(tx);
    const outletsBefore = outletsOf.get(serviceId) ?? [];
    const removedFrom = outletIds ? outletsBefore.filter((o) => !outletIds.includes(o)) : [];
    const addedTo = outletIds ? outletIds.filter((o) => !outletsBefore.includes(o)) : [];
    const retiring = before.active && input.active === false;

    // Whom it spoils: every booking of a service taken out of service, else those at the outlets it leaves.
    const affected = retiring
      ? await upcomingBookings(tx, { serviceIds: [serviceId] }, now)
      : removedFrom.length > 0 ? await upcomingBookings(tx, { serviceIds: [serviceId], outletIds: removedFrom }, now) : [];

    const columns = {
      ...(input.averageMinutes !== undefined ? { averageMinutes: input.averageMinutes } : {}),
      ...(input.requiredMaterials !== undefined ? { requiredMaterials: input.requiredMaterials } : {}),
      ...(input.bookable !== undefined ? { bookable: input.bookable } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    };
    // An update must set something: a change of steps or outlets alone leaves the row as it was.
    const [after] = Object.keys(columns).length > 0
      ? await tx.update(services).set(columns).where(eq(services.id, serviceId)).returning()
      : [before];
    if (input.steps) {
      await tx.delete(serviceSteps).where(eq(serviceSteps.serviceId, serviceId));
      if (input.steps.length > 0) {
        await tx.insert(serviceSteps).values(input.steps.map((stepServiceId, i) => ({ serviceId, position: i + 1, stepServiceId })));
      }
    }
    if (removedFrom.length > 0) {
      await tx.delete(outletServices).where(and(inArray(outletServices.outletId, removedFrom), eq(outletServices.serviceId, serviceId)));
    }
    if (addedTo.length > 0) await tx.insert(outletServices).values(addedTo.map((outletId) => ({ outletId, serviceId }))).onConflictDoNothing();

    await audit(tx, {
      actor: { kind: 'staff', id: staff.staffId }, action: 'service.updated', target: { kind: 'service', id: serviceId }, at: now,
      outletId: removedFrom.length === 1 && addedTo.length === 0 ? removedFrom[0]! : null,
      details: {
        changed: Object.keys(input).filter((k) => input[k as keyof UpdateServiceRequest] !== undefined),
        ...(input.averageMinutes !== undefined ? { averageMinutes: { from: before.averageMinutes, to: after!.averageMinutes } } : {}),
        ...(input.bookable !== undefined ? { bookable: after!.bookable } : {}),
        ...(input.active !== undefined ? { active: after!.active } : {}),
        ...(input.steps ? { steps: input.steps } : {}),
        ...(outletIds ? { outletsAdded: addedTo, outletsRemoved: removedFrom } : {}),
        affectedBookings: affected.length,
      },
    });

    const advice = affected.length === 0 ? [] : [{
      zh: retiring ? '该业务停办后不再接受预约；已有预约请发布公告告知或到期照常办理。' : '这些办理点不再提供该业务；已有预约请发布公告告知或到期照常办理。',
      en: retiring
        ? 'The service takes no new bookings; publish a notice to the holders, or serve them as booked.'
        : 'Those outlets no longer offer the service; publish a notice to the holders, or serve them as booked.',
    }];
    const notice = affected.length === 0 ? null
      : { kind: 'info' as const, outletId: !retiring && removedFrom.length === 1 ? removedFrom[0]! : null, effectiveFrom: null, effectiveTo: null };
    const [group] = await tx.select({ prefix: serviceGroups.prefix }).from(serviceGroups).where(eq(serviceGroups.id, after!.groupId));
    const { stepsOf, outletsOf: outletsAfter } = await stepsAndOutlets(tx);
    return {
      dryRun: options.dryRun,
      service: serviceView(after!, group!.prefix, stepsOf.get(serviceId) ?? [], outletsAfter.get(serviceId) ?? []),
      impact: impactOf(affected, advice, notice),
    };
  });
}
