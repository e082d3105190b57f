/**
 * The hostile-input corpus against the real HTTP API (issue 10): every case a 4xx with its stable
 * code, no 5xx, no stack trace or internal detail, nothing written. One server and one fresh
 * database per suite; the cases are data (test/hostile/cases-*.ts), run family by family.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../support/databases.ts';
import { ACCESS_FAMILIES } from './cases-access.ts';
import { INPUT_FAMILIES } from './cases-input.ts';
import { countByFamily, expectNoProblems, runRefusals, tableList, type HttpCase } from './harness.ts';
import { buildWorld, type World } from './world.ts';

const FAMILIES: Record<string, (w: World) => HttpCase[]> = { ...INPUT_FAMILIES, ...ACCESS_FAMILIES };

describeOnDatabases('hostile input over HTTP', (ctx) => {
  let world: World;
  const tablesAtStart: { names: string[] } = { names: [] };

  beforeAll(async () => {
    world = await buildWorld(ctx.database);
    tablesAtStart.names = await tableList(ctx.database);
  });
  afterAll(async () => {
    await world?.server.close();
  });

  it('holds at least 300 cases', () => {
    const cases = Object.values(FAMILIES).flatMap((build) => build(world));
    const counts = countByFamily(cases);
    console.info(`[${ctx.kind}] hostile HTTP cases: ${cases.length}`, counts);
    expect(cases.length).toBeGreaterThanOrEqual(300);
    const names = cases.map((c) => `${c.family}/${c.name}`);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  for (const [family, build] of Object.entries(FAMILIES)) {
    it(`refuses ${family} with a 4xx and its code, writes nothing, leaks nothing`, async () => {
      const results = await runRefusals(world.url, ctx.database, build(world));
      if (process.env.HOSTILE_TIMES) console.info(family, [...results].sort((a, b) => b.ms - a.ms).slice(0, 8).map((r) => `${Math.round(r.ms)} ms ${r.name}`));
      expectNoProblems(results);
    }, 120_000);
  }

  it('still has every table, and answers as before', async () => {
    expect(await tableList(ctx.database)).toEqual(tablesAtStart.names);
    expect((await fetch(`${world.url}/healthz`)).status).toBe(200);
  });
});
