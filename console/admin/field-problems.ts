/**
 * What is wrong with a field, as a person reads it: the server names each wrong field with a code
 * (`{ 'openingHours.1.0': 'close_before_open' }`, zod's `too_small`, …); the console says it in both
 * languages beside that field.
 */
import { ERRORS } from '../../common/errors.ts';
import type { Text } from '../../ui/i18n.ts';

const PROBLEMS: Record<string, Text> = {
  required: { zh: '必填。', en: 'Required.' },
  too_small: { zh: '太小或太短。', en: 'Too small or too short.' },
  too_big: { zh: '太大或太长。', en: 'Too large or too long.' },
  invalid_format: { zh: '格式不正确。', en: 'Not in the right format.' },
  invalid_type: { zh: '类型不正确。', en: 'Not the right kind of value.' },
  invalid_value: { zh: '不是可选的值。', en: 'Not one of the allowed values.' },
  not_multiple_of: { zh: '须为整数。', en: 'Must be a whole number.' },
  custom: { zh: '不符合要求。', en: 'Not valid.' },
  close_before_open: { zh: '结束时间须晚于开始时间。', en: 'The end must be after the start.' },
  overlaps: { zh: '与同一天的其他时段重叠。', en: 'Overlaps another period of the same day.' },
  not_found: { zh: '不存在。', en: 'Does not exist.' },
  invalid_date: { zh: '不是有效的日期。', en: 'Not a real date.' },
  before_from: { zh: '结束日期不能早于开始日期。', en: 'Cannot end before it starts.' },
  range_too_long: { zh: '时间跨度太长。', en: 'The span is too long.' },
  in_past: { zh: '不能是过去的时间。', en: 'Cannot be in the past.' },
  invalid_period: { zh: '时段须为 HH:MM，且开始早于结束。', en: 'A period is HH:MM to HH:MM, starting before it ends.' },
  only_for_hours_change: { zh: '只有“营业时间调整”公告需要填写时段。', en: 'Only an hours-change notice takes hours.' },
  not_offered_here: { zh: '该网点不办理此业务。', en: 'Not offered at this outlet.' },
  duplicate: { zh: '重复。', en: 'Appears twice.' },
  self: { zh: '不能把业务本身作为它的步骤。', en: 'A service cannot be its own step.' },
  inactive: { zh: '该业务已停用。', en: 'That service is inactive.' },
  is_a_journey: { zh: '多步骤业务不能再作为步骤。', en: 'A multi-step service cannot be a step.' },
  service_is_a_step: { zh: '该业务是其他业务的步骤，不能再有步骤。', en: 'This service is a step of another, so it cannot have steps.' },
  mismatch: { zh: '两次输入不一致。', en: 'The two entries differ.' },
};

/** `fieldProblemText('overlaps')`; a code of the error catalogue (`phone_invalid`) reads as its sentence. */
export function fieldProblemText(code: string): Text {
  const known = PROBLEMS[code];
  if (known) return known;
  if (Object.hasOwn(ERRORS, code)) {
    const error = ERRORS[code as keyof typeof ERRORS];
    return { zh: error.zh, en: error.en };
  }
  if (code.startsWith('more_than_')) return { zh: `不能超过 ${code.replace(/\D/g, '')} 天。`, en: `At most ${code.replace(/\D/g, '')} days.` };
  return { zh: `不正确（${code}）。`, en: `Not valid (${code}).` };
}

/** The problem of `field` or of anything under it (`openingHours.1` covers `openingHours.1.0`). */
export function problemAt(fields: Record<string, string>, field: string): Text | undefined {
  const code = fields[field] ?? Object.entries(fields).find(([path]) => path.startsWith(`${field}.`))?.[1];
  return code ? fieldProblemText(code) : undefined;
}
