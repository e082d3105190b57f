/** OpenAPI pieces every route shares. */
import { z } from '@hono/zod-openapi';
import { ERRORS } from '../../common/errors.ts';

export const errorBodySchema = z
  .object({
    code: z.enum(Object.keys(ERRORS) as [keyof typeof ERRORS, ...(keyof typeof ERRORS)[]]),
    message: z.string().openapi({ description: 'For the person, in Chinese.' }),
    messageEn: z.string().openapi({ description: 'The same in English.' }),
    requestId: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    details: z.record(z.string(), z.string()).optional().openapi({ description: 'What the sentence names (`until`, `appointmentNo`, …).' }),
  })
  .openapi('Error');

export function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: errorBodySchema } } };
}

/** A JSON response: `json('The booking.', bookingSchema)`. */
export function json<T extends z.ZodType>(description: string, schema: T) {
  return { description, content: { 'application/json': { schema } } };
}

/** A required JSON request body, to spread into a route's `request`. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { required: true, content: { 'application/json': { schema } } } };
}
