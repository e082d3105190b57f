/**
 * A setting's value as the console edits it: the catalogue gives numbers with bounds and one time
 * window (`{ from, to }` or none); anything else is edited as JSON text, so a setting added on the
 * server is editable before the console learns its shape.
 */
import type { SettingView } from '../../common/admin.ts';
import type { Text } from '../../ui/i18n.ts';
import { fieldProblemText } from './field-problems.ts';

export type SettingKind = 'number' | 'window' | 'json';
export type Window = { from: string; to: string };

const isWindow = (value: unknown): value is Window =>
  typeof value === 'object' && value !== null && typeof (value as Window).from === 'string' && typeof (value as Window).to === 'string';

export function kindOf(setting: SettingView): SettingKind {
  if (setting.limits) return 'number';
  if ((setting.value === null || isWindow(setting.value)) && (setting.default === null || isWindow(setting.default))) return 'window';
  return 'json';
}

/** The text a setting's input starts with. */
export function rawOf(setting: SettingView, value: unknown = setting.value): string {
  switch (kindOf(setting)) {
    case 'number':
      return String(value);
    case 'window':
      return isWindow(value) ? `${value.from}-${value.to}` : '';
    case 'json':
      return JSON.stringify(value);
  }
}

/** How a value reads in the table: `3`, `23:00–01:00`, `无`. */
export function shown(value: unknown): Text {
  if (value === null) return { zh: '无', en: 'None' };
  if (isWindow(value)) return { zh: `${value.from}–${value.to}`, en: `${value.from}–${value.to}` };
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return { zh: text, en: text };
}

/**
 * The value typed for `setting`, or what is wrong with it (the bounds the server gave; the server
 * checks again and has the last word).
 */
export function parseRaw(setting: SettingView, raw: string): { ok: true; value: unknown } | { ok: false; problem: Text } {
  switch (kindOf(setting)) {
    case 'number': {
      if (raw.trim() === '') return { ok: false, problem: fieldProblemText('required') };
      const value = Number(raw);
      const limits = setting.limits!;
      if (!Number.isFinite(value)) return { ok: false, problem: fieldProblemText('invalid_type') };
      if (limits.integer && !Number.isInteger(value)) return { ok: false, problem: fieldProblemText('not_multiple_of') };
      if (limits.min !== null && value < limits.min) return { ok: false, problem: { zh: `不能小于 ${limits.min}。`, en: `At least ${limits.min}.` } };
      if (limits.max !== null && value > limits.max) return { ok: false, problem: { zh: `不能大于 ${limits.max}。`, en: `At most ${limits.max}.` } };
      return { ok: true, value };
    }
    case 'window': {
      if (raw === '') return { ok: true, value: null };
      const [from = '', to = ''] = raw.split('-');
      if (!/^\d{2}:\d{2}$/.test(from) || !/^\d{2}:\d{2}$/.test(to)) return { ok: false, problem: fieldProblemText('invalid_period') };
      return { ok: true, value: { from, to } };
    }
    case 'json':
      try {
        return { ok: true, value: JSON.parse(raw) as unknown };
      } catch {
        return { ok: false, problem: { zh: 'JSON 格式不正确。', en: 'Not valid JSON.' } };
      }
  }
}
