/** What anyone may know about an outlet (published in the traffic police's notices). */
import { z } from 'zod';

export const bilingual = z.object({ zh: z.string(), en: z.string() });

export const outletSummary = z.object({
  id: z.string(),
  kind: z.enum(['office', 'service_point']),
  name: bilingual,
  address: bilingual,
});
export type OutletSummary = z.infer<typeof outletSummary>;

export const outletList = z.object({ outlets: z.array(outletSummary) });
export type OutletList = z.infer<typeof outletList>;
