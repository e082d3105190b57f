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
  // Firms, agents and powers of attorney
  credit_code_invalid: { status: 400, zh: '统一社会信用代码不正确，请核对后重新输入。', en: 'The unified social credit code does not check out. Please check it and type it again.' },
  firm_name_invalid: { status: 400, zh: '请填写与营业执照一致的单位名称。', en: 'Enter the firm\'s name as it is on its business licence.' },
  firm_blacklisted: { status: 403, zh: '该单位已被列入黑名单，不能登记经办人。如有疑问请到窗口咨询。', en: 'This firm is on the blacklist and cannot register agents. Ask at a counter if this is wrong.' },
  agent_revoked: { status: 409, zh: '您在该单位的经办人资格已被撤销，请到窗口咨询。', en: 'Your authority as this firm\'s agent has been revoked. Please ask at a counter.' },
  agent_status_conflict: { status: 409, zh: '该经办人当前状态不允许此操作，请刷新后重试。', en: 'The agent\'s status does not allow this. Refresh and try again.' },
  attorney_file_empty: { status: 400, zh: '请上传加盖公章的委托书。', en: 'Upload the power of attorney with the official seal.' },
  attorney_missing: { status: 409, zh: '该经办人尚未上传委托书，不能通过审核。', en: 'This agent has not uploaded a power of attorney yet, so cannot be approved.' },
  attorney_file_type: { status: 415, zh: '委托书须为 JPG、PNG 图片或 PDF 文件。', en: 'The power of attorney must be a JPEG or PNG image or a PDF file.' },
  // Notices
  notice_invalid: { status: 400, zh: '公告内容不完整，请按提示修改。', en: 'The notice is incomplete. Correct it as shown.' },
  notice_status_conflict: { status: 409, zh: '公告当前状态不允许此操作，请刷新后重试。', en: 'The notice\'s status does not allow this. Refresh and try again.' },
  // Booking and vouchers
  slot_full: { status: 409, zh: '该时段已约满，请选择其他时段。', en: 'This time slot is fully booked. Please choose another.' },
  one_active_booking: { status: 409, zh: '一人一号：您已有一个有效预约，请办理或取消后再预约。', en: 'One person, one number: you already hold an active booking. Use or cancel it before booking again.' },
  outside_window: { status: 400, zh: '只能预约明天起若干个工作日内的时段。', en: 'Only slots within the booking window, from tomorrow on, can be booked.' },
  closed_day: { status: 409, zh: '该日不办公，请选择其他日期。', en: 'The outlet is closed on that day. Please choose another date.' },
  service_not_at_outlet: { status: 400, zh: '该办理点不办理此项业务，请选择其他办理点。', en: 'This outlet does not handle this service. Please choose another outlet.' },
  blacklisted: { status: 403, zh: '您已被列入预约黑名单，暂不能预约。如有疑问请到窗口咨询。', en: 'You are on the booking blacklist and cannot book for now. Ask at a counter if this is wrong.' },
  suspended_for_no_shows: { status: 403, zh: '您近期多次预约未到，暂停预约一段时间。', en: 'You missed several appointments recently, so booking is suspended for a while.' },
  agent_not_approved: { status: 403, zh: '您还不是该单位经审核的经办人，不能代办预约。', en: 'You are not an approved agent of this firm, so you cannot book on its behalf.' },
  maintenance_window: { status: 503, zh: '系统维护中，暂停预约，请稍后再试。', en: 'Booking is paused for maintenance. Please try again later.' },
  idempotency_key_reused: { status: 409, zh: '提交重复但内容不同，请刷新页面后重新提交。', en: 'This submission repeats an earlier one with different content. Refresh the page and submit again.' },
  booking_not_active: { status: 409, zh: '该预约已取消或已办理，不能再修改。', en: 'This booking has been cancelled or used and cannot be changed.' },
  cancel_deadline_passed: { status: 409, zh: '已过取消或改约的截止时间。', en: 'The deadline to cancel or reschedule has passed.' },
  voucher_forged: { status: 400, zh: '无效的预约凭证，请到窗口咨询。', en: 'This is not a valid booking voucher. Please ask at a counter.' },
  voucher_altered: { status: 400, zh: '预约凭证已被改动，不能使用。', en: 'This booking voucher has been altered and cannot be used.' },
  voucher_expired: { status: 410, zh: '预约凭证已过期。', en: 'This booking voucher has expired.' },
  voucher_cancelled: { status: 410, zh: '该预约已取消。', en: 'This booking has been cancelled.' },
  voucher_used: { status: 409, zh: '该预约已签到取号。', en: 'This booking has already been checked in.' },
  // Check-in at the lobby kiosk, walk-ins and the green channel
  appointment_not_found: { status: 404, zh: '没有找到该预约号，请核对后重新输入。', en: 'There is no appointment with this number. Check it and enter it again.' },
  appointment_not_yours: { status: 403, zh: '预约号与身份证不符。代办业务请刷经办人本人的身份证。', en: 'This appointment was not made with this ID card. For a firm\'s business, use the agent\'s own ID card.' },
  appointment_other_outlet: { status: 409, zh: '该预约不在本办理点，请到预约的办理点签到。', en: 'This appointment is at another outlet. Check in at the outlet you booked.' },
  appointment_not_today: { status: 409, zh: '该预约不是今天的，请在预约当天前来签到。', en: 'This appointment is not for today. Come back on the day of your appointment.' },
  appointment_cancelled: { status: 410, zh: '该预约已取消，不能签到。可以现场取号或重新预约。', en: 'This appointment was cancelled and cannot be checked in. Take a walk-in ticket or book again.' },
  appointment_missed: { status: 410, zh: '该预约已过期（未按时签到）。可以现场取号或重新预约。', en: 'This appointment has lapsed (it was not checked in in time). Take a walk-in ticket or book again.' },
  check_in_not_open: { status: 409, zh: '还未到签到时间，请稍后再来。', en: 'Check-in has not opened yet. Please come back a little later.' },
  check_in_closed: { status: 409, zh: '您预约的时段已过，签到已截止。可以现场取号排队。', en: 'Your time slot is over and check-in has closed. You can take a walk-in ticket.' },
  attorney_not_approved: { status: 403, zh: '代办业务须有经审核通过的委托书，您的委托书尚未通过审核，请到窗口咨询。', en: 'A firm\'s business needs an approved power of attorney, and yours is not approved. Please ask at a counter.' },
  ticket_already_waiting: { status: 409, zh: '您已有该业务的排队号，请留意叫号。', en: 'You already hold a ticket for this service. Please wait for it to be called.' },
  walk_ins_not_allowed: { status: 409, zh: '本办理点不提供现场取号，请先网上预约。', en: 'This outlet does not take walk-ins. Please book online first.' },
  outlet_closed_now: { status: 409, zh: '现在不是办公时间，不能取号。', en: 'The outlet is not open now, so no tickets can be issued.' },
  staff_code_invalid: { status: 401, zh: '员工码不正确，请引导员重新输入。', en: 'The staff code is wrong. The guide should enter it again.' },
  ticket_not_waiting: { status: 409, zh: '该号已叫号或已办结，不能再改为绿色通道。', en: 'This ticket has been called or finished and can no longer be moved to the green channel.' },
  ticket_not_found: { status: 404, zh: '没有找到该排队号。', en: 'There is no such ticket.' },
  // Counters and the queue
  counter_taken: { status: 409, zh: '该窗口已由其他工作人员使用。', en: 'Another member of staff is working at this counter.' },
  counter_busy: { status: 409, zh: '该窗口还有正在办理的号，请先办结、过号或转移。', en: 'This counter still has a ticket in hand. Finish, miss or transfer it first.' },
  counter_not_open: { status: 409, zh: '窗口未开启或已暂停，请先开启。', en: 'This counter is closed or paused. Open it first.' },
  no_current_ticket: { status: 409, zh: '该窗口当前没有号，请先叫号。', en: 'This counter has no ticket in hand. Call the next one first.' },
  ticket_state_conflict: { status: 409, zh: '该号的状态已经改变，请刷新后重试。', en: 'This ticket has changed meanwhile. Refresh and try again.' },
  requeue_limit_reached: { status: 409, zh: '该号已重新排队过，不能再次排队，请重新取号。', en: 'This ticket has been requeued before and cannot be again. Take a new ticket.' },
  rating_exists: { status: 409, zh: '该号已经评价过了，谢谢。', en: 'This ticket has been rated already. Thank you.' },
  ticket_not_finished: { status: 409, zh: '办结后才能评价。', en: 'A ticket can be rated once its business is finished.' },
  // Administration
  staff_username_taken: { status: 409, zh: '该用户名已被使用，请换一个。', en: 'This user name is taken. Choose another.' },
  last_admin: { status: 409, zh: '至少要保留一名启用的管理员，不能停用或改变最后一名管理员的角色。', en: 'At least one active administrator must remain: the last one cannot be deactivated or given another role.' },
  staff_code_in_use: { status: 409, zh: '同一办理点已有工作人员使用该员工码，请换一个。', en: 'Someone at the same outlet already uses this staff code. Choose another.' },
  staff_code_role: { status: 400, zh: '只有引导员和值班长需要员工码。', en: 'Only guides and supervisors use a staff code.' },
  counter_number_taken: { status: 409, zh: '该办理点已有这个窗口号。', en: 'This outlet already has a counter with this number.' },
  service_group_prefix_taken: { status: 409, zh: '该号码前缀已被其他业务类别使用。', en: 'Another service group already uses this ticket prefix.' },
  service_group_id_taken: { status: 409, zh: '该业务类别编号已存在。', en: 'A service group with this id exists already.' },
  service_steps_invalid: { status: 400, zh: '办理步骤设置有误，请按提示修改。', en: 'The steps are not valid. Correct them as shown.' },
  blacklist_entry_exists: { status: 409, zh: '该对象已在黑名单中。', en: 'This is on the blacklist already.' },
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
  /** What a specific sentence names (`until`, `appointmentNo`, ...), for the page. */
  details?: Record<string, string>;
}
