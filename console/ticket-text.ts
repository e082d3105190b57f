/** How tickets are named on the staff screens, in both languages. */
import type { StaffTicket } from '../common/counters.ts';
import type { Text } from '../ui/i18n.ts';

export const CLASS_TEXT: Record<StaffTicket['class'], Text> = {
  green: { zh: '绿色通道', en: 'Green channel' },
  appointment: { zh: '预约', en: 'Appointment' },
  walk_in: { zh: '现场', en: 'Walk-in' },
  late: { zh: '迟到', en: 'Late' },
};

export const STATUS_TEXT: Record<StaffTicket['status'], Text> = {
  waiting: { zh: '等候中', en: 'Waiting' },
  called: { zh: '已叫号', en: 'Called' },
  serving: { zh: '办理中', en: 'Being served' },
  finished: { zh: '已办结', en: 'Finished' },
  missed: { zh: '已过号', en: 'Missed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** "12 分钟" / "12 min". */
export function minutesText(minutes: number): Text {
  return { zh: `${minutes} 分钟`, en: `${minutes} min` };
}

/** "第 2/4 步" for a step of a multi-step journey, nothing for a single service. */
export function stepText(ticket: Pick<StaffTicket, 'step' | 'steps'>): Text | undefined {
  if (ticket.steps <= 1) return undefined;
  return { zh: `第 ${ticket.step}/${ticket.steps} 步`, en: `Step ${ticket.step}/${ticket.steps}` };
}
