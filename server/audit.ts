/**
 * The audit trail: one append-only row per staff action, sign-in and override (the table refuses
 * UPDATE and DELETE). Write it in the same transaction as the change it records, so a rolled-back
 * change leaves no entry and a committed one always has its entry.
 *
 *   await audit(tx, { actor: { kind: 'staff', id: staffId }, action: 'device.revoked',
 *     target: { kind: 'device', id }, outletId, at: now, details: { name } });
 *
 * Never put personal data in `details`: ID numbers, phones and IP addresses go in as keyed hashes
 * (`deps.privacy.hash('ip', ip)`), names of citizens not at all.
 */
import type { Database, Transaction } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';

export type AuditActor =
  | { kind: 'staff'; id: string | null }
  | { kind: 'device'; id: string }
  | { kind: 'citizen'; id: string }
  | { kind: 'system'; id?: null };

export interface AuditEntry {
  actor: AuditActor;
  /** `<subject>.<what happened>`, past tense: `staff.signed_in`, `device.revoked`. */
  action: string;
  target?: { kind: string; id: string };
  outletId?: string | null;
  /** The server clock's now, so entries agree with the rest of the request. */
  at: Date;
  details?: Record<string, unknown>;
}

export async function audit(db: Database | Transaction, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    at: entry.at,
    actorKind: entry.actor.kind,
    actorId: entry.actor.id ?? null,
    action: entry.action,
    targetKind: entry.target?.kind ?? null,
    targetId: entry.target?.id ?? null,
    outletId: entry.outletId ?? null,
    details: entry.details ?? {},
  });
}
