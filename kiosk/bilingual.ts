/**
 * Both languages at once. Nobody switches the language of a lobby machine before reading it, so
 * every sentence shows in the chosen language with the other beneath it, smaller:
 *
 *   html`<h2>${both({ zh: '请刷身份证', en: 'Scan your ID card' })}</h2>`
 *
 * Hosts re-render on a switch through their `LocaleController`.
 */
import { html } from 'lit';
import { locale, type Text } from '../ui/i18n.ts';

export function both(text: Text) {
  const english = locale() === 'en';
  return html`<span class="first" lang=${english ? 'en' : 'zh-CN'}>${english ? text.en : text.zh}</span><span
    class="other"
    lang=${english ? 'zh-CN' : 'en'}
    >${english ? text.zh : text.en}</span
  >`;
}
