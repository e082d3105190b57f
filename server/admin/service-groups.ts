/**
 * Service groups: a ticket prefix (one capital letter, unique, `A012`) and a name; each group also
 * carries booking capacity per slot (capacity.ts). A group's prefix is what today's tickets show, so
 * a change applies to tickets issued from then on; numbering restarts at 1 under the new prefix.
 */
import { asc, eq } from 'drizzle-orm';
import type { CreateServiceGroupRequest, ServiceGroupView, UpdateServiceGroupRequest } from '../../common/admin.ts';
import type { Database } from '../../db/client.ts';
import { serviceGroups } from '../../db/schema.ts';
import { audit } from '../audit.ts';
import { AppError, constraintName, sqlState } from '../errors.ts';
import type { StaffPrincipal } from './staff-principal.ts';

export async function listServiceGroups(db: Database): Promise<ServiceGroupView[]> {
  return db.select().from(serviceGroups).orderBy(asc(serviceGroups.prefix));
}

/** The unique constraints answer races between two administrators choosing the same prefix. */
function uniqueViolation(error: unknown): AppError | undefined {
  if (sqlState(error) !== '23505') return undefined;
  return new AppError(constraintName(error) === 'service_groups_prefix_unique' ? 'service_group_prefix_taken' : 'service_group_id_taken', { cause: error });
}

export async function createServiceGroup(db: Database, staff: StaffPrincipal, input: CreateServiceGroupRequest, now: Date): Promise<ServiceGroupView> {
  try {
    return await db.transaction(async (tx) => {
      const [created] = await tx.insert(serviceGroups).values(input).returning();
      await audit(tx, {
        actor: { kind: 'staff', id: staff.staffId }, action: 'service_group.created', target: { kind: 'service_group', id: input.id }, at: now,
        details: { prefix: input.prefix, name: input.name.zh },
      });
      return created!;
    });
  } catch (error) {
    throw uniqueViolation(error) ?? error;
  }
}

export async function updateServiceGroup(db: Database, staff: StaffPrincipal, groupId: string, input: UpdateServiceGroupRequest, now: Date): Promise<ServiceGroupView> {
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(serviceGroups).where(eq(serviceGroups.id, groupId)).for('update');
      if (!before) throw new AppError('not_found');
      const columns = {
        ...(input.prefix !== undefined ? { prefix: input.prefix } : {}),
        ...(input.name !== undefined ? { name: input.name } : {}),
      };
      const [after] = Object.keys(columns).length > 0 ? await tx.update(serviceGroups).set(columns).where(eq(serviceGroups.id, groupId)).returning() : [before];
      await audit(tx, {
        actor: { kind: 'staff', id: staff.staffId }, action: 'service_group.updated', target: { kind: 'service_group', id: groupId }, at: now,
        details: {
          ...(input.prefix !== undefined ? { prefix: { from: before.prefix, to: after!.prefix } } : {}),
          ...(input.name !== undefined ? { name: { from: before.name.zh, to: after!.name.zh } } : {}),
        },
      });
      return after!;
    });
  } catch (error) {
    throw uniqueViolation(error) ?? error;
  }
}
