/** The settings in force: the `settings` rows an administrator changed, merged over the defaults. */
import type { Database, Transaction } from '../../db/client.ts';
import { settings } from '../../db/schema.ts';
import { resolveSettings, type Settings } from './settings.ts';

export async function readSettings(db: Database | Transaction): Promise<Settings> {
  return resolveSettings(await db.select({ key: settings.key, value: settings.value }).from(settings));
}
