/**
 * Firms and agents on the API: a citizen applies for a firm (credit code checked, blacklisted firms
 * refused), uploads the power of attorney (judged by content), and staff approve, reject or revoke,
 * each from the right status only and audited.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { creditCheckChar } from '../../common/credit-code.ts';
import { ATTORNEY_MAX_BYTES } from '../../common/firms.ts';
import { agents, auditLog, blacklist, firms, powersOfAttorney } from '../../db/schema.ts';
import { testApp } from '../../test/support/app.ts';
import { describeOnDatabases } from '../../test/support/databases.ts';
import { insertCitizen, type TestCitizen } from '../../test/support/lobby-rows.ts';
import { fetcherFor, signIn, type StaffSession } from '../../test/support/sign-in.ts';
import { seedDemoData } from '../demo-data.ts';
import { TINY_JPEG, TINY_PDF, TINY_PNG, WINDOWS_EXE_HEADER } from '../firms/fixtures.ts';

let codeSerial = 0;
/** A valid credit code, different each call. */
function creditCode(): string {
  codeSerial += 1;
  const first17 = `91360600MA${String(codeSerial).padStart(7, '0')}`;
  return `${first17}${creditCheckChar(first17)}`;
}

describeOnDatabases('firms and agents', (ctx) => {
  let built: ReturnType<typeof testApp>;
  let admin: StaffSession;
  let supervisor: StaffSession;
  let clerk: StaffSession;

  beforeAll(async () => {
    await seedDemoData(ctx.database.db);
    built = testApp(ctx.database);
    const fetcher = fetcherFor(built.app);
    admin = await signIn(fetcher, 'admin', '10.3.0.1');
    supervisor = await signIn(fetcher, 'supervisor', '10.3.0.2');
    clerk = await signIn(fetcher, 'clerk', '10.3.0.3');
  });

  const citizen = () => insertCitizen(ctx.database.db, built.privacy, built.clock.now());
  const apply = (who: TestCitizen, body: unknown) =>
    built.app.request('/api/citizen/agencies', { method: 'POST', headers: { ...who.headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const upload = (who: TestCitizen, agentId: string, bytes: Uint8Array, type = 'application/octet-stream') =>
    built.app.request(`/api/citizen/agencies/${agentId}/power-of-attorney`, { method: 'PUT', headers: { ...who.headers, 'content-type': type }, body: new Blob([new Uint8Array(bytes)]) });
  const staffPost = (who: StaffSession, path: string, body: unknown = {}) =>
    built.app.request(path, { method: 'POST', headers: who.headers, body: JSON.stringify(body) });
  /** A citizen with a pending application and, unless told otherwise, a power of attorney on file. */
  async function pendingAgent(options: { withAttorney?: boolean } = {}) {
    const who = await citizen();
    const res = await apply(who, { firmName: '鹰潭市测试汽车销售有限公司', creditCode: creditCode() });
    expect(res.status).toBe(200);
    const { agentId } = (await res.json()) as { agentId: string };
    if (options.withAttorney !== false) expect((await upload(who, agentId, TINY_PDF, 'application/pdf')).status).toBe(201);
    return { who, agentId };
  }
  const auditFor = (agentId: string) =>
    ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, agentId)).orderBy(auditLog.id);

  it('refuses a credit code whose check character is wrong, and a name that is not one', async () => {
    const who = await citizen();
    const good = creditCode();
    const wrong = `${good.slice(0, 17)}${good[17] === '1' ? '2' : '1'}`;
    const res = await apply(who, { firmName: '鹰潭市某某公司', creditCode: wrong });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'credit_code_invalid', fields: { creditCode: 'credit_code_invalid' } });
    const shaped = await apply(who, { firmName: '鹰潭市某某公司', creditCode: 'ABC' });
    expect((await shaped.json()) as object).toMatchObject({ code: 'credit_code_invalid' });
    const nameless = await apply(who, { firmName: ' 某', creditCode: good });
    expect(await nameless.json()).toMatchObject({ code: 'firm_name_invalid', fields: { firmName: 'firm_name_invalid' } });
    expect(await ctx.database.db.select().from(firms).where(eq(firms.creditCode, good))).toEqual([]);
  });

  it('registers a new firm with a pending agent; a second citizen with the same code joins that firm', async () => {
    const code = creditCode();
    const first = await citizen();
    const res = await apply(first, { firmName: ' 鹰潭市某某二手车经纪有限公司 ', creditCode: code.toLowerCase().replace(/(.{6})/, '$1 ') });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { agentId: string; status: string; firm: { id: string; name: string; creditCode: string } };
    expect(body).toMatchObject({ status: 'pending', reviewReason: null, powerOfAttorney: null, firm: { name: '鹰潭市某某二手车经纪有限公司', creditCode: code } });

    const second = await citizen();
    const joined = (await (await apply(second, { firmName: '另一个名字', creditCode: code })).json()) as typeof body;
    expect(joined.firm).toEqual(body.firm); // the name on record stays
    expect(joined.agentId).not.toBe(body.agentId);
    // Applying again is idempotent.
    const again = (await (await apply(first, { firmName: '鹰潭市某某二手车经纪有限公司', creditCode: code })).json()) as typeof body;
    expect(again.agentId).toBe(body.agentId);
    expect(await ctx.database.db.select().from(agents).where(eq(agents.firmId, body.firm.id))).toHaveLength(2);
    expect((await auditFor(body.agentId)).map((r) => r.action)).toEqual(['agent.applied']);
  });

  it('refuses agents for a blacklisted firm, but not once the listing was removed or ran out', async () => {
    const code = creditCode();
    const now = built.clock.now();
    const [listed] = await ctx.database.db.insert(blacklist).values({
      kind: 'firm', valueHash: code, display: code, source: 'illegal_booking', reason: '以个人名义代办', createdAt: now,
    }).returning();
    const who = await citizen();
    const res = await apply(who, { firmName: '鹰潭市黑名单公司', creditCode: code });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'firm_blacklisted' });
    expect(await ctx.database.db.select().from(firms).where(eq(firms.creditCode, code))).toEqual([]);

    await ctx.database.db.update(blacklist).set({ expiresAt: new Date(now.getTime() - 1000) }).where(eq(blacklist.id, listed!.id));
    expect((await apply(who, { firmName: '鹰潭市黑名单公司', creditCode: code })).status).toBe(200);
  });

  it('stores a JPEG, PNG or PDF with its sha256, typed by content whatever the browser claimed', async () => {
    const { who, agentId } = await pendingAgent({ withAttorney: false });
    for (const [bytes, claimed, real] of [
      [TINY_JPEG, 'image/jpeg', 'image/jpeg'], [TINY_PNG, 'application/octet-stream', 'image/png'], [TINY_PDF, 'image/png', 'application/pdf'],
    ] as const) {
      const res = await upload(who, agentId, bytes, claimed);
      expect(res.status).toBe(201);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      expect(await res.json()).toMatchObject({ mediaType: real, sizeBytes: bytes.length, sha256 });
    }
    const stored = await ctx.database.db.select().from(powersOfAttorney).where(eq(powersOfAttorney.agentId, agentId));
    expect(stored.map((s) => s.mediaType).sort()).toEqual(['application/pdf', 'image/jpeg', 'image/png']);
    expect(Buffer.compare(stored.find((s) => s.mediaType === 'image/png')!.content, TINY_PNG)).toBe(0);
    const listed = (await (await built.app.request('/api/citizen/agencies', { headers: who.headers })).json()) as { agencies: { powerOfAttorney: { mediaType: string } }[] };
    expect(listed.agencies[0]!.powerOfAttorney.mediaType).toBe('application/pdf');
    expect((await auditFor(agentId)).map((r) => r.action)).toEqual(['agent.applied', 'agent.attorney_uploaded', 'agent.attorney_uploaded', 'agent.attorney_uploaded']);
  });

  it('refuses an upload that is too big (413), empty, of another type, or an executable named .pdf', async () => {
    const { who, agentId } = await pendingAgent({ withAttorney: false });
    const big = Buffer.alloc(ATTORNEY_MAX_BYTES + 1024);
    TINY_PDF.copy(big);
    const tooBig = await upload(who, agentId, big, 'application/pdf');
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ code: 'payload_too_large' });
    const empty = await upload(who, agentId, new Uint8Array(0), 'application/pdf');
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ code: 'attorney_file_empty' });
    const gif = await upload(who, agentId, Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;'), 'image/gif');
    expect(gif.status).toBe(415);
    const exe = await upload(who, agentId, WINDOWS_EXE_HEADER, 'application/pdf');
    expect(exe.status).toBe(415);
    expect(await exe.json()).toMatchObject({ code: 'attorney_file_type' });
    // Just under the limit is fine: the upload has its own limit, not the 64 KB of JSON bodies.
    expect((await upload(who, agentId, big.subarray(0, ATTORNEY_MAX_BYTES), 'application/pdf')).status).toBe(201);
    expect(await ctx.database.db.select({ id: powersOfAttorney.id }).from(powersOfAttorney).where(eq(powersOfAttorney.agentId, agentId))).toHaveLength(1);
  });

  it('does not let a citizen upload to someone else\'s application', async () => {
    const { agentId } = await pendingAgent({ withAttorney: false });
    const other = await citizen();
    expect((await upload(other, agentId, TINY_PDF)).status).toBe(404);
  });

  it('lists pending agents for review with the people masked, and serves the file sandboxed with its real type', async () => {
    const { agentId } = await pendingAgent();
    const res = await built.app.request('/api/admin/agents', { headers: supervisor.headers });
    expect(res.status).toBe(200);
    const { agents: pending } = (await res.json()) as { agents: { agentId: string; status: string; citizen: { name: string; idNumber: string; phone: string } }[] };
    const mine = pending.find((a) => a.agentId === agentId)!;
    expect(mine.status).toBe('pending');
    expect(mine.citizen).toMatchObject({ name: '测*人', idNumber: expect.stringMatching(/^3601\*{10}\w{4}$/), phone: expect.stringMatching(/^137\*{4}\d{4}$/) });

    const file = await built.app.request(`/api/admin/agents/${agentId}/power-of-attorney`, { headers: admin.headers });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toMatch(/^inline; filename="power-of-attorney-[\w-]+\.pdf"$/);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-security-policy')).toMatch(/^sandbox;/);
    expect(Buffer.compare(Buffer.from(await file.arrayBuffer()), TINY_PDF)).toBe(0);
    // Pages keep the site's own policy.
    expect((await built.app.request('/api/notices')).headers.get('content-security-policy')).not.toMatch(/sandbox/);
  });

  it('approves a pending agent once, audited; a second approval is a conflict', async () => {
    const { who, agentId } = await pendingAgent();
    const res = await staffPost(admin, `/api/admin/agents/${agentId}/approve`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ agentId, status: 'approved', reviewReason: null });
    const again = await staffPost(supervisor, `/api/admin/agents/${agentId}/approve`);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'agent_status_conflict' });
    const rows = await auditFor(agentId);
    expect(rows.map((r) => r.action)).toEqual(['agent.applied', 'agent.attorney_uploaded', 'agent.approved']);
    expect(rows[2]).toMatchObject({ actorKind: 'staff', targetKind: 'agent' });
    const [agent] = await ctx.database.db.select().from(agents).where(eq(agents.id, agentId));
    expect(agent).toMatchObject({ status: 'approved', reviewedAt: built.clock.now() });
    // Once reviewed, the letter on file stays the one staff saw.
    expect((await upload(who, agentId, TINY_PNG)).status).toBe(409);
  });

  it('does not approve an agent without a power of attorney', async () => {
    const { agentId } = await pendingAgent({ withAttorney: false });
    const res = await staffPost(admin, `/api/admin/agents/${agentId}/approve`);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: 'attorney_missing' });
  });

  it('rejects with a reason the citizen then reads; the citizen may apply again', async () => {
    const { who, agentId } = await pendingAgent();
    const noReason = await staffPost(admin, `/api/admin/agents/${agentId}/reject`, {});
    expect(noReason.status).toBe(400);
    const res = await staffPost(admin, `/api/admin/agents/${agentId}/reject`, { reason: '委托书未加盖公章' });
    expect(await res.json()).toMatchObject({ status: 'rejected', reviewReason: '委托书未加盖公章' });
    const mine = (await (await built.app.request('/api/citizen/agencies', { headers: who.headers })).json()) as { agencies: { agentId: string; status: string; reviewReason: string }[] };
    expect(mine.agencies.find((a) => a.agentId === agentId)).toMatchObject({ status: 'rejected', reviewReason: '委托书未加盖公章' });
    expect((await staffPost(admin, `/api/admin/agents/${agentId}/revoke`, { reason: 'x' })).status).toBe(409);

    const [firm] = await ctx.database.db.select({ name: firms.name, creditCode: firms.creditCode }).from(firms)
      .innerJoin(agents, eq(agents.firmId, firms.id)).where(eq(agents.id, agentId));
    const reapplied = await apply(who, { firmName: firm!.name, creditCode: firm!.creditCode });
    expect(await reapplied.json()).toMatchObject({ agentId, status: 'pending', reviewReason: null });
    const [audit] = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.targetId, agentId), eq(auditLog.action, 'agent.rejected')));
    expect(audit!.details).toMatchObject({ reason: '委托书未加盖公章' });
  });

  it('revokes an approved agent, who cannot apply again to that firm', async () => {
    const { who, agentId } = await pendingAgent();
    expect((await staffPost(admin, `/api/admin/agents/${agentId}/revoke`, { reason: '尚未批准' })).status).toBe(409);
    await staffPost(admin, `/api/admin/agents/${agentId}/approve`);
    const res = await staffPost(supervisor, `/api/admin/agents/${agentId}/revoke`, { reason: '单位已解除委托' });
    expect(await res.json()).toMatchObject({ status: 'revoked', reviewReason: '单位已解除委托' });
    expect((await staffPost(admin, `/api/admin/agents/${agentId}/approve`)).status).toBe(409);
    const [firm] = await ctx.database.db.select({ name: firms.name, creditCode: firms.creditCode }).from(firms)
      .innerJoin(agents, eq(agents.firmId, firms.id)).where(eq(agents.id, agentId));
    const reapplied = await apply(who, { firmName: firm!.name, creditCode: firm!.creditCode });
    expect(reapplied.status).toBe(409);
    expect(await reapplied.json()).toMatchObject({ code: 'agent_revoked' });
    expect((await auditFor(agentId)).map((r) => r.action)).toEqual(['agent.applied', 'agent.attorney_uploaded', 'agent.approved', 'agent.revoked']);
  });

  it('lets neither a clerk nor a citizen review, and asks nobody signed in to sign in', async () => {
    const { who, agentId } = await pendingAgent();
    expect((await staffPost(clerk, `/api/admin/agents/${agentId}/approve`)).status).toBe(403);
    const asCitizen = await built.app.request(`/api/admin/agents/${agentId}/approve`, { method: 'POST', headers: { ...who.headers, 'content-type': 'application/json' }, body: '{}' });
    expect(asCitizen.status).toBe(403);
    expect((await built.app.request(`/api/admin/agents/${agentId}/power-of-attorney`, { headers: clerk.headers })).status).toBe(403);
    expect((await built.app.request(`/api/admin/agents/${agentId}/approve`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    const [agent] = await ctx.database.db.select({ status: agents.status }).from(agents).where(eq(agents.id, agentId));
    expect(agent!.status).toBe('pending');
  });
});
