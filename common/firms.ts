/**
 * Firms, their agents and powers of attorney: the API's shapes and the rules both the H5 page (for
 * instant feedback) and the server (the judge) apply. Plain zod: the server adds the OpenAPI names.
 */
import { z } from 'zod';

export const REVIEW_STATUSES = ['pending', 'approved', 'rejected', 'revoked'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** What a power of attorney may be: a photo or scan of the sealed letter, or a PDF. */
export const ATTORNEY_MEDIA_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type AttorneyMediaType = (typeof ATTORNEY_MEDIA_TYPES)[number];
/** A phone photo of one page is 2–4 MB; a scanned PDF of a letter well under that. */
export const ATTORNEY_MAX_BYTES = 5 * 1024 * 1024;

/**
 * A firm's name as on its business licence: 2–100 characters after trimming, no control characters.
 * `normalizeFirmName(' 鹰潭市某某汽车销售有限公司 ') === '鹰潭市某某汽车销售有限公司'`
 */
export function normalizeFirmName(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

export function isValidFirmName(raw: string): boolean {
  const name = normalizeFirmName(raw);
  const length = Array.from(name).length;
  return length >= 2 && length <= 100 && !/[\u0000-\u001f\u007f]/.test(name);
}

export const registerAgencyRequest = z.object({
  firmName: z.string().max(200),
  creditCode: z.string().max(40),
});
export type RegisterAgencyRequest = z.infer<typeof registerAgencyRequest>;

export const agency = z.object({
  agentId: z.string(),
  firm: z.object({ id: z.string(), name: z.string(), creditCode: z.string() }),
  status: z.enum(REVIEW_STATUSES),
  /** Why it was rejected or revoked, as staff wrote it. */
  reviewReason: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  /** The last power of attorney uploaded, if any. */
  powerOfAttorney: z.object({ mediaType: z.string(), sizeBytes: z.number().int(), uploadedAt: z.string() }).nullable(),
  createdAt: z.string(),
});
export type Agency = z.infer<typeof agency>;

export const agencyList = z.object({ agencies: z.array(agency) });
export type AgencyList = z.infer<typeof agencyList>;

export const attorneyUploaded = z.object({
  id: z.string(),
  mediaType: z.enum(ATTORNEY_MEDIA_TYPES),
  sizeBytes: z.number().int(),
  sha256: z.string(),
});
export type AttorneyUploaded = z.infer<typeof attorneyUploaded>;

/** An agent as staff review them: the person masked, the firm in full. */
export const agentForReview = z.object({
  agentId: z.string(),
  status: z.enum(REVIEW_STATUSES),
  citizen: z.object({ id: z.string(), name: z.string(), idNumber: z.string(), phone: z.string() }),
  firm: z.object({ id: z.string(), name: z.string(), creditCode: z.string() }),
  reviewReason: z.string().nullable(),
  powerOfAttorney: z.object({ id: z.string(), mediaType: z.string(), sizeBytes: z.number().int(), sha256: z.string(), uploadedAt: z.string() }).nullable(),
  createdAt: z.string(),
});
export type AgentForReview = z.infer<typeof agentForReview>;

export const agentReviewList = z.object({ agents: z.array(agentForReview) });

export const reviewReasonRequest = z.object({ reason: z.string().trim().min(1).max(500) });
export type ReviewReasonRequest = z.infer<typeof reviewReasonRequest>;
