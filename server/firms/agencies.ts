/**
 * Firms and their agents: a citizen applies to act for a firm (registering the firm on first use of
 * its credit code), uploads the sealed power of attorney, and staff approve, reject or revoke.
 * Each change is one transaction with its audit row; status changes are conditional updates from
 * the status the action needs (server/firms/review.ts), so concurrent reviews cannot both win.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, exists, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { isValidCreditCode, normalizeCreditCode } from '../../common/credit-code.ts';
import { isValidFirmName, normalizeFirmName, type Agency, type AgentForReview, type RegisterAgencyRequest, type ReviewStatus } from '../../common/firms.ts';
import { maskIdNumber, maskName, maskPhone } from '../../common/mask.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { agents, blacklist, citizens, firms, powersOfAttorney } from '../../db/schema.ts';
import { audit } from '../audit.ts';
import { AppError } from '../errors.ts';
import type { PersonalDataCipher } from '../privacy/personal-data.ts';
import { checkAttorneyFile } from './attorney-file.ts';
import { reapplication, REVIEW_TRANSITIONS, type ReviewAction } from './review.ts';

/** The firm's name and credit code, checked; throws `firm_name_invalid` or `credit_code_invalid` with the field. */
export function ensureFirmInput(input: RegisterAgencyRequest): { name: string; creditCode: string } {
  const creditCode = normalizeCreditCode(input.creditCode);
  if (!isValidCreditCode(creditCode)) throw new AppError('credit_code_invalid', { fields: { creditCode: 'credit_code_invalid' } });
  if (!isValidFirmName(input.firmName)) throw new AppError('firm_name_invalid', { fields: { firmName: 'firm_name_invalid' } });
  return { name: normalizeFirmName(input.firmName), creditCode };
}

/** Whether a firm's credit code is on the blacklist now (firms are listed by their code in clear). */
export async function isFirmBlacklisted(db: Database | Transaction, creditCode: string, now: Date): Promise<boolean> {
  const rows = await db
    .select({ id: blacklist.id })
    .from(blacklist)
    .where(and(
      eq(blacklist.kind, 'firm'), eq(blacklist.valueHash, creditCode), isNull(blacklist.removedAt),
      or(isNull(blacklist.expiresAt), gt(blacklist.expiresAt, now)),
    ))
    .limit(1);
  return rows.length > 0;
}

/**
 * The citizen applies to be the firm's agent. A new credit code registers the firm; a known one
 * joins it (the name on record stays). Applying again is idempotent, reopens a rejected
 * application, and is refused after a revocation. Returns the agent's id.
 */
export async function applyAsAgent(db: Database, citizenId: string, input: RegisterAgencyRequest, now: Date): Promise<string> {
  const firm = ensureFirmInput(input);
  return db.transaction(async (tx) => {
    if (await isFirmBlacklisted(tx, firm.creditCode, now)) throw new AppError('firm_blacklisted');
    // Insert-or-nothing, then read: two citizens registering the same new firm at once both end
    // up with the one row the unique credit code allows.
    await tx.insert(firms).values(firm).onConflictDoNothing({ target: firms.creditCode });
    const [firmRow] = await tx.select({ id: firms.id }).from(firms).where(eq(firms.creditCode, firm.creditCode));
    const firmId = firmRow!.id;

    const [inserted] = await tx.insert(agents).values({ firmId, citizenId }).onConflictDoNothing().returning({ id: agents.id });
    let agentId = inserted?.id;
    let action = 'agent.applied';
    if (!agentId) {
      const [existing] = await tx.select({ id: agents.id, status: agents.status }).from(agents)
        .where(and(eq(agents.firmId, firmId), eq(agents.citizenId, citizenId)));
      agentId = existing!.id;
      const next = reapplication(existing!.status);
      if (next === 'refused') throw new AppError('agent_revoked');
      if (next === 'unchanged') return agentId;
      const reopened = await tx.update(agents)
        .set({ status: 'pending', reviewReason: null, reviewedBy: null, reviewedAt: null })
        .where(and(eq(agents.id, agentId), eq(agents.status, 'rejected')))
        .returning({ id: agents.id });
      if (reopened.length === 0) return agentId; // reviewed meanwhile: as it stands
      action = 'agent.reapplied';
    }
    await audit(tx, {
      actor: { kind: 'citizen', id: citizenId }, action, at: now,
      target: { kind: 'agent', id: agentId }, details: { firmId, creditCode: firm.creditCode },
    });
    return agentId;
  });
}

/**
 * Stores the power of attorney of the citizen's own pending application, after checking by content
 * that it is a JPEG, PNG or PDF. Throws `attorney_file_empty`, `attorney_file_type`,
 * `payload_too_large`, `not_found` (not this citizen's agent) or `agent_status_conflict`.
 */
export async function uploadPowerOfAttorney(db: Database, citizenId: string, agentId: string, bytes: Uint8Array, now: Date) {
  const checked = checkAttorneyFile(bytes);
  if (!checked.ok) {
    throw new AppError(checked.problem === 'empty' ? 'attorney_file_empty' : checked.problem === 'too_large' ? 'payload_too_large' : 'attorney_file_type');
  }
  const content = Buffer.from(bytes);
  const sha256 = createHash('sha256').update(content).digest('hex');
  return db.transaction(async (tx) => {
    // Locked, so a review cannot approve the application between this check and the insert.
    const [agent] = await tx.select({ status: agents.status }).from(agents)
      .where(and(eq(agents.id, agentId), eq(agents.citizenId, citizenId))).for('update');
    if (!agent) throw new AppError('not_found');
    // Once reviewed, the letter on file is the one staff saw; a new letter means applying again.
    if (agent.status !== 'pending') throw new AppError('agent_status_conflict');
    // `created_at` from the database: it orders a citizen's uploads ("the newest"), also under a test clock.
    const [stored] = await tx.insert(powersOfAttorney).values({
      agentId, mediaType: checked.mediaType, sizeBytes: content.length, sha256, content: byteaFromBase64(content),
    }).returning({ id: powersOfAttorney.id });
    await audit(tx, {
      actor: { kind: 'citizen', id: citizenId }, action: 'agent.attorney_uploaded', at: now,
      target: { kind: 'agent', id: agentId }, details: { attorneyId: stored!.id, mediaType: checked.mediaType, sizeBytes: content.length, sha256 },
    });
    return { id: stored!.id, mediaType: checked.mediaType, sizeBytes: content.length, sha256 };
  });
}

const attorneyMeta = {
  id: powersOfAttorney.id, agentId: powersOfAttorney.agentId, mediaType: powersOfAttorney.mediaType,
  sizeBytes: powersOfAttorney.sizeBytes, sha256: powersOfAttorney.sha256, createdAt: powersOfAttorney.createdAt,
};

/** The newest power of attorney of each agent (metadata only, never the content). */
async function latestAttorneys(db: Database, agentIds: string[]) {
  const rows = agentIds.length === 0 ? [] : await db.select(attorneyMeta).from(powersOfAttorney)
    .where(inArray(powersOfAttorney.agentId, agentIds))
    .orderBy(desc(powersOfAttorney.createdAt), desc(powersOfAttorney.id));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!latest.has(row.agentId)) latest.set(row.agentId, row);
  return latest;
}

/** The citizen's applications with their status and review reason, newest first. */
export async function listAgencies(db: Database, citizenId: string): Promise<Agency[]> {
  const rows = await db
    .select({ agent: agents, firm: { id: firms.id, name: firms.name, creditCode: firms.creditCode } })
    .from(agents)
    .innerJoin(firms, eq(firms.id, agents.firmId))
    .where(eq(agents.citizenId, citizenId))
    .orderBy(desc(agents.createdAt));
  const attorneys = await latestAttorneys(db, rows.map((r) => r.agent.id));
  return rows.map(({ agent, firm }) => {
    const attorney = attorneys.get(agent.id);
    return {
      agentId: agent.id, firm, status: agent.status, reviewReason: agent.reviewReason,
      reviewedAt: agent.reviewedAt?.toISOString() ?? null,
      powerOfAttorney: attorney ? { mediaType: attorney.mediaType, sizeBytes: attorney.sizeBytes, uploadedAt: attorney.createdAt.toISOString() } : null,
      createdAt: agent.createdAt.toISOString(),
    };
  });
}

/** Agents in `status` for staff to review, oldest first; the people masked. */
export async function listAgentsForReview(db: Database, privacy: PersonalDataCipher, status: ReviewStatus): Promise<AgentForReview[]> {
  const rows = await db
    .select({
      agent: agents,
      firm: { id: firms.id, name: firms.name, creditCode: firms.creditCode },
      citizen: { id: citizens.id, name: citizens.name, idNumberEnc: citizens.idNumberEnc, phoneEnc: citizens.phoneEnc },
    })
    .from(agents)
    .innerJoin(firms, eq(firms.id, agents.firmId))
    .innerJoin(citizens, eq(citizens.id, agents.citizenId))
    .where(eq(agents.status, status))
    .orderBy(agents.createdAt)
    .limit(500);
  const attorneys = await latestAttorneys(db, rows.map((r) => r.agent.id));
  return rows.map(({ agent, firm, citizen }) => {
    const attorney = attorneys.get(agent.id);
    return {
      agentId: agent.id, status: agent.status, firm, reviewReason: agent.reviewReason,
      citizen: {
        id: citizen.id, name: maskName(citizen.name),
        idNumber: maskIdNumber(privacy.decrypt(citizen.idNumberEnc)), phone: maskPhone(privacy.decrypt(citizen.phoneEnc)),
      },
      powerOfAttorney: attorney
        ? { id: attorney.id, mediaType: attorney.mediaType, sizeBytes: attorney.sizeBytes, sha256: attorney.sha256, uploadedAt: attorney.createdAt.toISOString() }
        : null,
      createdAt: agent.createdAt.toISOString(),
    };
  });
}

/**
 * Bytes to and from `bytea` as base64 text. PGlite turns a binary parameter into `bytea` slowly
 * (a 5 MB letter: ~5 s in, ~1.5 s out, measured here) while it holds the one connection every
 * request waits for; as base64 text with `decode`/`encode` the same takes ~0.5 s and ~0.1 s.
 */
function byteaFromBase64(bytes: Buffer) {
  return sql`decode(${bytes.toString('base64')}, 'base64')`;
}

/** The agent's newest power of attorney, content included, for staff to look at. */
export async function attorneyFile(db: Database, agentId: string) {
  const [row] = await db
    .select({ ...attorneyMeta, contentBase64: sql<string>`encode(${powersOfAttorney.content}, 'base64')` })
    .from(powersOfAttorney)
    .where(eq(powersOfAttorney.agentId, agentId))
    .orderBy(desc(powersOfAttorney.createdAt), desc(powersOfAttorney.id)).limit(1);
  // PostgreSQL wraps base64 at 76 characters; Node's decoder skips the line breaks.
  return row && { ...row, content: Buffer.from(row.contentBase64, 'base64') };
}

/**
 * Approves, rejects or revokes an agent: one conditional update from the status the action needs,
 * audited in the same transaction. Approval also needs a power of attorney on file. Throws
 * `not_found`, `agent_status_conflict` or `attorney_missing`.
 */
export async function reviewAgent(
  db: Database,
  review: { staffId: string; agentId: string; action: ReviewAction; reason?: string | undefined },
  now: Date,
) {
  const transition = REVIEW_TRANSITIONS[review.action];
  const reason = transition.needsReason ? review.reason ?? null : null;
  return db.transaction(async (tx) => {
    const hasAttorney = exists(tx.select({ one: sql`1` }).from(powersOfAttorney).where(eq(powersOfAttorney.agentId, agents.id)));
    const [changed] = await tx.update(agents)
      .set({ status: transition.to, reviewReason: reason, reviewedBy: review.staffId, reviewedAt: now })
      .where(and(
        eq(agents.id, review.agentId),
        inArray(agents.status, [...transition.from]),
        ...(review.action === 'approve' ? [hasAttorney] : []),
      ))
      .returning();
    if (!changed) {
      const [current] = await tx.select({ status: agents.status }).from(agents).where(eq(agents.id, review.agentId));
      if (!current) throw new AppError('not_found');
      if (review.action === 'approve' && transition.from.includes(current.status)) throw new AppError('attorney_missing');
      throw new AppError('agent_status_conflict', { detail: `cannot ${review.action} an agent who is ${current.status}` });
    }
    await audit(tx, {
      actor: { kind: 'staff', id: review.staffId }, action: `agent.${transition.to}`, at: now,
      target: { kind: 'agent', id: changed.id },
      details: { firmId: changed.firmId, from: transition.from, ...(reason ? { reason } : {}) },
    });
    return changed;
  });
}
