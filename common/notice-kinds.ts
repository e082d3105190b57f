/**
 * The kinds of notice. No zod here, so the lobby display can check the notices it shows without
 * shipping zod's classic API (common/notices.ts re-exports them beside the API's schemas).
 */
export const NOTICE_KINDS = ['info', 'hours_change', 'closure'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
