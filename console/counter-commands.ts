/**
 * The counter screen's commands: what each button says and which keys press it. The function keys
 * follow the order of a service (call, recall, miss, start, finish, transfer, pause), so a clerk's
 * fingers learn them left to right; the letters are there for keyboards without an F row.
 */
import type { CounterView } from '../common/counters.ts';
import type { Text } from '../ui/i18n.ts';
import type { Shortcut } from './shortcuts-controller.ts';

export const COMMANDS = ['call-next', 'recall', 'missed', 'start', 'finish', 'transfer', 'pause-resume', 'close'] as const;
export type Command = (typeof COMMANDS)[number];

export const COMMAND_TEXT: Record<Exclude<Command, 'pause-resume'>, Text> = {
  'call-next': { zh: '叫号', en: 'Call next' },
  recall: { zh: '重呼', en: 'Recall' },
  missed: { zh: '过号', en: 'Missed' },
  start: { zh: '开始办理', en: 'Start' },
  finish: { zh: '办结', en: 'Finish' },
  transfer: { zh: '转移', en: 'Transfer' },
  close: { zh: '关闭窗口', en: 'Close counter' },
};

export const PAUSE_TEXT: Text = { zh: '暂停', en: 'Pause' };
export const RESUME_TEXT: Text = { zh: '恢复', en: 'Resume' };

/** Closing the counter has no key on purpose: it is done once a day, never by a slip of a finger. */
export const SHORTCUTS: readonly Shortcut<Command>[] = [
  { command: 'call-next', keys: ['F1', 'n'] },
  { command: 'recall', keys: ['F2', 'r'] },
  { command: 'missed', keys: ['F3', 'm'] },
  { command: 'start', keys: ['F4', 's'] },
  { command: 'finish', keys: ['F5', 'f'] },
  { command: 'transfer', keys: ['F6', 't'] },
  { command: 'pause-resume', keys: ['F7', 'p'] },
];

/**
 * Whether a command applies to the counter as it is. Only to grey out what plainly cannot be meant
 * (recalling with no ticket in hand); the server still decides, and its refusal is what is shown.
 */
export function commandApplies(command: Command, counter: CounterView): boolean {
  const current = counter.current;
  switch (command) {
    case 'call-next':
      return counter.status === 'open';
    case 'recall':
    case 'missed':
    case 'start':
      return current?.status === 'called';
    case 'finish':
    case 'transfer':
      return current !== null;
    case 'pause-resume':
      return counter.status !== 'closed';
    case 'close':
      return counter.status !== 'closed';
  }
}
