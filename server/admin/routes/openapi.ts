/** Pieces the administration routes share: JSON bodies and answers, path parameters, the dry-run flag. */
import { z } from '@hono/zod-openapi';
import { dryRunQuery, impact } from '../../../common/admin.ts';
import { named } from '../../http/named-schema.ts';

export const ADMIN = ['admin'] as const;
/** The blacklist and the audit log (their own outlets') are supervisors' too. */
export const ADMIN_OR_SUPERVISOR = ['admin', 'supervisor'] as const;

export const json = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });
export const body = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

/** A path parameter: `pathParams({ outletId: z.string().max(64) })`. */
export function pathParams<S extends Record<string, z.ZodString | z.ZodUUID>>(shape: S) {
  const documented = Object.fromEntries(Object.entries(shape).map(([name, schema]) => [name, schema.openapi({ param: { name, in: 'path' } })]));
  return z.object(documented as { [K in keyof S]: S[K] });
}

export const dryRunParams = dryRunQuery;
export const impactSchema = named(impact, 'Impact');
export const DRY_RUN_NOTE = 'With `?dryRun=true` nothing is saved: the answer says what the save would do, and `dryRun` is true.';

export const isDryRun = (query: { dryRun?: 'true' | 'false' | undefined }) => query.dryRun === 'true';
