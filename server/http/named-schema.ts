/**
 * Names a shared schema (plain zod, from common/) for the OpenAPI document: `named(staffMe, 'StaffMe')`.
 *
 * @hono/zod-openapi adds `.openapi()` to zod's prototype, but zod copies prototype methods onto each
 * schema when it is built, so a schema built before that import ran lacks the method (which import
 * runs first depends on who imports what). A fresh copy of the schema, built now, has it.
 */
import type { z } from '@hono/zod-openapi';

export function named<T extends z.ZodType>(schema: T, refId: string): T {
  const Schema = schema.constructor as new (def: T['_zod']['def']) => T;
  return new Schema(schema._zod.def).openapi(refId);
}
