/**
 * `<lobby-device-screen>`: what a kiosk or display shows while it is not in service — its pairing
 * code, very large, or that it has been revoked. Both languages at once: whoever stands in front of
 * it (an administrator, a technician, a citizen) should understand it without touching anything.
 *
 *   <lobby-device-screen .state=${device.state} @lobby-pair-again=${() => device.pairAgain()}>
 */
import { LitElement, css, html } from 'lit';
import { formatPairingCode } from '../common/pairing.ts';
import type { DeviceState } from './device-controller.ts';
import type { Text } from './i18n.ts';
import './status-view.ts';
import { theme } from './theme.ts';

const TEXT = {
  starting: { zh: '正在连接服务器……', en: 'Connecting to the server…' },
  notPaired: { zh: '本设备尚未配对', en: 'This device is not paired yet' },
  instruction: {
    zh: '请管理员登录工作台，在「设备」中输入以下配对码：',
    en: 'An administrator signs in to the console and enters this code under Devices:',
  },
  validity: { zh: '配对码10分钟内有效，过期后自动更换', en: 'The code is valid for 10 minutes; a new one appears by itself' },
  revoked: { zh: '本设备已停用', en: 'This device has been revoked' },
  revokedHelp: { zh: '如需继续使用，请联系管理员重新配对。', en: 'To use it again, ask an administrator to pair it again.' },
  unknown: { zh: '服务器不认识本设备', en: 'The server does not know this device' },
  unknownHelp: { zh: '本设备的登记已不存在，需要重新配对。', en: 'Its registration no longer exists: it needs to be paired again.' },
  pairAgain: { zh: '重新配对', en: 'Pair again' },
} satisfies Record<string, Text>;

export class LobbyDeviceScreen extends LitElement {
  static override properties = { state: { attribute: false } };

  static override styles = [
    theme,
    css`
      :host {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 0.8em;
        padding: 1em;
        text-align: center;
      }
      h2 {
        margin: 0;
        font-size: 1.8em;
        line-height: 1.2;
      }
      p {
        margin: 0;
      }
      .en {
        display: block;
        font-size: 0.6em;
        font-weight: normal;
        color: var(--lobby-muted);
      }
      p .en {
        font-size: 0.85em;
      }
      .code {
        margin: 0.2em 0;
        padding: 0.15em 0.4em;
        border: 0.06em solid currentColor;
        border-radius: 0.12em;
        font-family: ui-monospace, 'DejaVu Sans Mono', 'Noto Sans Mono', Menlo, Consolas, monospace;
        /* Large, but never wider than a portrait kiosk or taller than a sixth of a display. */
        font-size: clamp(40px, min(4.5em, 11vw, 16vh), 200px);
        font-weight: 700;
        letter-spacing: 0.12em;
        line-height: 1.1;
        font-variant-numeric: tabular-nums;
        user-select: all;
      }
      .revoked h2 {
        color: var(--lobby-danger);
      }
      .stack {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 0.8em;
      }
      button {
        font-size: 1.1em;
      }
    `,
  ];

  declare state: Exclude<DeviceState, { phase: 'active' }>;

  constructor() {
    super();
    this.state = { phase: 'starting' };
  }

  override render() {
    const state = this.state;
    switch (state.phase) {
      case 'starting':
        return html`<lobby-status kind="loading" bilingual .text=${TEXT.starting}></lobby-status>`;
      case 'pairing':
        return html`
          <div class="stack pairing">
            <h2>${both(TEXT.notPaired)}</h2>
            <p>${both(TEXT.instruction)}</p>
            <p class="code" aria-label=${state.pairingCode.split('').join(' ')} data-code=${state.pairingCode}>${formatPairingCode(state.pairingCode)}</p>
            <p>${both(TEXT.validity)}</p>
          </div>
        `;
      case 'revoked':
      case 'unknown': {
        const [title, help] = state.phase === 'revoked' ? [TEXT.revoked, TEXT.revokedHelp] : [TEXT.unknown, TEXT.unknownHelp];
        return html`
          <div class="stack revoked" role="alert">
            <h2>${both(title)}</h2>
            <p>${both(help)}</p>
            <button type="button" class="primary" @click=${this.#pairAgain}>${TEXT.pairAgain.zh} / <span lang="en">${TEXT.pairAgain.en}</span></button>
          </div>
        `;
      }
    }
  }

  #pairAgain(): void {
    this.dispatchEvent(new CustomEvent('lobby-pair-again', { bubbles: true, composed: true }));
  }
}

function both(text: Text) {
  return html`<span lang="zh-CN">${text.zh}</span><span class="en" lang="en">${text.en}</span>`;
}

customElements.define('lobby-device-screen', LobbyDeviceScreen);

declare global {
  interface HTMLElementTagNameMap {
    'lobby-device-screen': LobbyDeviceScreen;
  }
}
