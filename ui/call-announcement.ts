/**
 * What the lobby's voice says for a call. A ticket number is read character by character — "A012"
 * as "A 0 1 2" — because a zh-CN synthesizer reads "A012" as "A 十二" and "1000" as "一千"; the
 * spaces make it say each digit singly, as a person calling numbers does. The counter is a number
 * people know ("3 号窗口"), so it is said as one.
 *
 *   callAnnouncement({ number: 'A012', counterNumber: 3 }, 'zh') === '请 A 0 1 2 号到 3 号窗口办理'
 */

export type AnnouncementLanguage = 'zh' | 'en';

/** `spokenTicketNumber('A012') === 'A 0 1 2'` */
export function spokenTicketNumber(number: string): string {
  return [...number.replace(/\s+/g, '')].join(' ');
}

export function callAnnouncement(call: { number: string; counterNumber: number }, language: AnnouncementLanguage): string {
  const spoken = spokenTicketNumber(call.number);
  return language === 'zh'
    ? `请 ${spoken} 号到 ${call.counterNumber} 号窗口办理`
    : `Number ${spoken}, please go to counter ${call.counterNumber}`;
}
