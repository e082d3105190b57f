/**
 * The rule of a journey's steps (一票到底): each step is another active service that exists, appears
 * once, and is not itself a journey; and a service that is a step of some journey cannot become one
 * (a ticket moves through one level of steps, server/queue/transitions.ts). Pure.
 */

export interface CatalogueService {
  active: boolean;
  steps: readonly string[];
}

/**
 * What is wrong with `steps` for `serviceId`, by field (empty when nothing).
 * `checkSteps('mv-registration', ['mv-inspection', 'mv-inspection'], catalogue)` → `{ 'steps.1': 'duplicate' }`
 */
export function checkSteps(serviceId: string, steps: readonly string[], catalogue: ReadonlyMap<string, CatalogueService>): Record<string, string> {
  const problems: Record<string, string> = {};
  if (steps.length > 0) {
    const usedBy = [...catalogue].find(([id, s]) => id !== serviceId && s.steps.includes(serviceId));
    if (usedBy) problems.steps = 'service_is_a_step';
  }
  const seen = new Set<string>();
  steps.forEach((step, i) => {
    const field = `steps.${i}`;
    const entry = catalogue.get(step);
    if (step === serviceId) problems[field] = 'self';
    else if (!entry) problems[field] = 'not_found';
    else if (seen.has(step)) problems[field] = 'duplicate';
    else if (entry.steps.length > 0) problems[field] = 'is_a_journey';
    else if (!entry.active) problems[field] = 'inactive';
    seen.add(step);
  });
  return problems;
}
