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
  // Identity and access
  csrf_failed: { status: 403, zh: '页面已过期，请刷新后重试。', en: 'This page has expired. Refresh it and try again.' },
  login_failed: { status: 401, zh: '用户名或密码错误。', en: 'Wrong user name or password.' },
  account_locked: { status: 423, zh: '登录失败次数过多，账号已临时锁定，请稍后再试。', en: 'Too many failed sign-ins: the account is locked for a while. Try again later.' },
  session_expired: { status: 401, zh: '登录已过期，请重新登录。', en: 'Your session has expired. Please sign in again.' },
  wechat_state_invalid: { status: 400, zh: '授权已失效，请重新进入页面。', en: 'The authorization has expired. Open the page again.' },
  wechat_code_invalid: { status: 400, zh: '微信授权失败，请重新进入页面。', en: 'WeChat authorization failed. Open the page again.' },
  wechat_unavailable: { status: 502, zh: '暂时无法连接微信，请稍后再试。', en: 'WeChat cannot be reached just now. Please try again later.' },
  id_number_format: { status: 400, zh: '身份证号码应为18位，最后一位可以是数字或X。', en: 'An ID number has 18 characters; the last may be a digit or X.' },
  id_number_birth_date: { status: 400, zh: '身份证号码中的出生日期不正确，请核对。', en: 'The birth date in the ID number is not a real date. Please check it.' },
  id_number_checksum: { status: 400, zh: '身份证号码校验位不正确，请核对后重新输入。', en: 'The ID number does not check out. Please check it and type it again.' },
  phone_invalid: { status: 400, zh: '请输入11位手机号码。', en: 'Enter an 11-digit mobile number.' },
  name_invalid: { status: 400, zh: '请填写与身份证一致的姓名。', en: 'Enter your name as it is on your ID card.' },
  sms_code_wrong: { status: 400, zh: '验证码不正确。', en: 'The verification code is wrong.' },
  sms_code_expired: { status: 400, zh: '验证码已过期，请重新获取。', en: 'The verification code has expired. Ask for a new one.' },
  sms_code_attempts_exceeded: { status: 429, zh: '验证码错误次数过多，请重新获取。', en: 'Too many wrong codes. Ask for a new one.' },
  sms_cooldown: { status: 429, zh: '验证码已发送，请60秒后再试。', en: 'A code was just sent. Wait 60 seconds before asking again.' },
  already_registered: { status: 409, zh: '您已完成注册。', en: 'You are registered already.' },
  id_number_registered: { status: 409, zh: '该身份证号码已被其他微信账号注册。如有疑问请到窗口咨询。', en: 'This ID number is registered to another WeChat account. Ask at a counter if this is wrong.' },
  registration_required: { status: 403, zh: '请先完成实名注册。', en: 'Please register with your real name first.' },
  device_pairing_code_invalid: { status: 400, zh: '配对码无效或已过期。', en: 'The pairing code is wrong or has expired.' },
  device_revoked: { status: 401, zh: '本设备已被停用，请联系管理员重新配对。', en: 'This device has been revoked. Ask an administrator to pair it again.' },
  device_not_paired: { status: 401, zh: '本设备尚未配对。', en: 'This device is not paired yet.' },
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
