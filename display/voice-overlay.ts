/**
 * `<display-voice-overlay>`: browsers keep a page silent until someone touches it, so a display
 * that has just started asks once for a click (or any key). Everything behind stays visible, and
 * the calls are shown whether or not anyone clicks.
 */
import { LitElement, css, html } from 'lit';
import { theme } from '../ui/theme.ts';

export class DisplayVoiceOverlay extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        position: fixed;
        inset: 0;
        z-index: 10;
        display: grid;
        place-items: center;
        background: rgb(0 0 0 / 0.45);
        cursor: pointer;
      }
      button {
        display: grid;
        gap: 0.4em;
        padding: 4vh 4vw;
        border: 0.5vh solid var(--lobby-accent);
        border-radius: 2vh;
        font-size: 2.4em;
        font-weight: 700;
        color: var(--lobby-text);
        background: var(--lobby-surface);
        cursor: pointer;
      }
      .en {
        font-size: 0.55em;
        font-weight: normal;
        color: var(--lobby-muted);
      }
      .hint {
        font-size: 0.4em;
        font-weight: normal;
        color: var(--lobby-muted);
      }
    `,
  ];

  override render() {
    // The click itself (any click on the page) turns the sound on: see VoiceController.
    return html`
      <button type="button" autofocus>
        <span>🔊 点击启用语音</span>
        <span class="en" lang="en">Click to enable voice</span>
        <span class="hint">按 M 静音 · E 英文播报 · +/− 音量　<span lang="en">M mute · E English · +/− volume</span></span>
      </button>
    `;
  }
}

customElements.define('display-voice-overlay', DisplayVoiceOverlay);

declare global {
  interface HTMLElementTagNameMap {
    'display-voice-overlay': DisplayVoiceOverlay;
  }
}
