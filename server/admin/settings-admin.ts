/**
 * Every *(setting)* of DOMAIN.md for administrators: each with its value in force, its default, a
 * description and its bounds; and changes to one or several at once, each checked by its own rule
 * in `settingsSchema` and then all together. The table keeps only overrides, so a value set back to
 * its default removes the row (and the setting follows the default from then on).
 */
import { inArray } from 'drizzle-orm';
import type { SettingsChanged, SettingView, UpdateSettingsRequest } from '../../common/admin.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { settings } from '../../db/schema.ts';
import { audit } from '../audit.ts';
import { readSettings } from '../domain/read-settings.ts';
import { DEFAULT_SETTINGS, type SettingKey } from '../domain/settings.ts';
import { AppError } from '../errors.ts';
import { changeInTransaction } from './dry-run.ts';
import { impactOf } from './impact.ts';
import { isSettingKey, parseSettingValue, SETTING_DESCRIPTIONS, SETTING_KEYS, settingLimits } from './setting-catalogue.ts';
import { settingsEffects } from './setting-effects.ts';
import type { StaffPrincipal } from './staff-principal.ts';

type Db = Database | Transaction;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export async function listSettings(db: Db): Promise<SettingView[]> {
  const inForce = await readSettings(db);
  const rows = new Map((await db.select().from(settings)).map((r) => [r.key, r]));
  return SETTING_KEYS.map((key) => {
    const row = rows.get(key);
    return {
      key, value: inForce[key], default: DEFAULT_SETTINGS[key], overridden: row !== undefined,
      description: SETTING_DESCRIPTIONS[key], limits: settingLimits(key),
      updatedAt: row?.updatedAt.toISOString() ?? null, updatedBy: row?.updatedBy ?? null,
    };
  });
}

/** The values to store, checked one by one: `validation_failed` names each wrong key. */
function checkedChanges(input: Required<UpdateSettingsRequest>): Map<SettingKey, unknown> {
  const fields: Record<string, string> = {};
  const changes = new Map<SettingKey, unknown>();
  for (const [key, value] of Object.entries(input.values)) {
    if (!isSettingKey(key)) { fields[`values.${key}`] = 'unknown_setting'; continue; }
    const parsed = parseSettingValue(key, value);
    if (!parsed.ok) fields[`values.${key}`] = parsed.problem;
    else changes.set(key, parsed.value);
  }
  for (const key of input.reset) {
    if (!isSettingKey(key)) fields[`reset.${key}`] = 'unknown_setting';
    else if (changes.has(key)) fields[`reset.${key}`] = 'also_in_values';
    else changes.set(key, DEFAULT_SETTINGS[key]);
  }
  if (Object.keys(fields).length > 0) throw new AppError('validation_failed', { fields });
  return changes;
}

/**
 * Sets and resets settings; answers with every setting, what the change does now (people over a
 * lowered limit, bookings past a shorter window, citizens suspended or freed) and the bookings it
 * leaves outside a rule. Throws `validation_failed`.
 */
export async function updateSettings(
  db: Database, staff: StaffPrincipal, input: Required<UpdateSettingsRequest>, options: { dryRun: boolean; now: Date },
): Promise<SettingsChanged> {
  const changes = checkedChanges(input);
  const { now } = options;
  return changeInTransaction(db, options.dryRun, async (tx) => {
    const before = await readSettings(tx);
    const toDefault = [...changes].filter(([key, value]) => same(value, DEFAULT_SETTINGS[key])).map(([key]) => key);
    const toStore = [...changes].filter(([key]) => !toDefault.includes(key));
    if (toDefault.length > 0) await tx.delete(settings).where(inArray(settings.key, toDefault));
    for (const [key, value] of toStore) {
      await tx.insert(settings).values({ key, value, updatedBy: staff.staffId, updatedAt: now })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: staff.staffId, updatedAt: now } });
    }
    // All together must still make sense (each value was checked alone above).
    const after = await readSettings(tx);
    const { effects, bookings } = await settingsEffects(tx, before, after, now);
    const changed = Object.fromEntries([...changes.keys()].filter((k) => !same(before[k], after[k])).map((k) => [k, { from: before[k], to: after[k] }]));
    await audit(tx, {
      actor: { kind: 'staff', id: staff.staffId }, action: 'settings.updated', target: { kind: 'settings', id: Object.keys(changed).join(',') || '-' },
      at: now, details: { changed, effects: effects.map((e) => ({ key: e.key, count: e.count, unit: e.unit })) },
    });
    return { dryRun: options.dryRun, settings: await listSettings(tx), effects, impact: impactOf(bookings) };
  });
}

