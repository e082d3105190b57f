/** A booking can be cancelled or rescheduled until *(setting: 60 minutes)* before its slot starts. */
import { shanghaiInstant, wallTime, serviceDate } from '../../common/time.ts';
import { AppError } from '../errors.ts';

/** The last instant to cancel a booking of `date` whose slot starts at `startsAt` (`HH:MM`). */
export function cancelDeadline(date: string, startsAt: string, deadlineMinutes: number): Date {
  return new Date(shanghaiInstant(date, startsAt.slice(0, 5)).getTime() - deadlineMinutes * 60_000);
}

export function ensureBeforeCancelDeadline(date: string, startsAt: string, deadlineMinutes: number, now: Date): void {
  const deadline = cancelDeadline(date, startsAt, deadlineMinutes);
  if (now < deadline) return;
  const at = `${serviceDate(deadline)} ${wallTime(deadline)}`;
  throw new AppError('cancel_deadline_passed', {
    sentence: {
      zh: `取消或改约须在时段开始前${deadlineMinutes}分钟（${at}）之前办理，现已超过。`,
      en: `Cancelling or rescheduling closes ${deadlineMinutes} minutes before the slot (${at}, Beijing time); that has passed.`,
    },
    details: { deadline: deadline.toISOString() },
  });
}
