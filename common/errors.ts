/**
 * Every error the API can return, with its HTTP status and the sentence a person reads
 * (Chinese first, English available). The code is the stable contract; the text may improve.
 * Shared so the pages can show the same sentence for a code they meet offline.
 */
export const ERRORS = {
  bad_request: { status: 400, zh: '请求有误，请检查后重试。', en: 'The request is not valid. Check it and try again.' },
  validation_failed: { status: 400, zh: '填写的内容有误，请按提示修改。', en: 'Some fields are not valid. Correct them as shown.' },
  unauthenticated: { status: 401, zh: '请先登录。', en: 'Please sign in first.' },
  forbidden: { status: 403, zh: '您没有权限进行此操作。', en: 'You are not allowed to do this.' },
  not_found: { status: 404, zh: '没有找到相应的内容。', en: 'Nothing was found here.' },
  conflict: { status: 409, zh: '数据已被修改，请刷新后重试。', en: 'This was changed meanwhile. Refresh and try again.' },
  payload_too_large: { status: 413, zh: '提交的内容太大。', en: 'What you sent is too large.' },
  unsupported_media_type: { status: 415, zh: '不支持的内容类型。', en: 'This content type is not supported.' },
  rate_limited: { status: 429, zh: '操作太频繁，请稍后再试。', en: 'Too many attempts. Please wait and try again.' },
  internal: { status: 500, zh: '系统出现问题，请稍后再试。', en: 'Something went wrong on our side. Please try again later.' },
  database_unavailable: { status: 503, zh: '系统暂时无法服务，请稍后再试。', en: 'The service is briefly unavailable. Please try again shortly.' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** The body of every error response. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  messageEn: string;
  requestId: string;
  /** Field problems for `validation_failed`: path → code. */
  fields?: Record<string, string>;
}
