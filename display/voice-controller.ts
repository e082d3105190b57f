/**
 * The display's voice as its host sees it: the settings, whether the browser still waits for a
 * touch before it lets the page make sound, and the keys that change the settings (nobody touches
 * the screen, but whoever sets it up may have a keyboard):
 *
 *   M  mute / unmute      E  English on / off      + −  volume
 *
 * Each change is shown for a moment (`toast`). The first click or key press anywhere also turns the
 * sound on, which is what the "click to enable voice" overlay asks for.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AudioCue } from '../ui/audio-cue.ts';
import type { Text } from '../ui/i18n.ts';
import { Announcer, type CallToAnnounce } from './announcer.ts';
import { clampVolume, readVoiceSettings, writeVoiceSettings, type VoiceSettings } from './voice-settings.ts';

const TOAST_MS = 2_500;

export class VoiceController implements ReactiveController {
  settings: VoiceSettings = readVoiceSettings();
  /** The browser keeps the page silent until someone clicks or presses a key. */
  needsGesture = false;
  /** The last change of setting, shown briefly. */
  toast: Text | undefined;

  readonly #host: ReactiveControllerHost;
  readonly #cue = new AudioCue();
  readonly #announcer = new Announcer(() => this.settings, this.#cue);
  #toastTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.needsGesture = !this.#cue.allowed;
    window.addEventListener('keydown', this.#onKey);
    window.addEventListener('pointerdown', this.#onGesture);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.#onKey);
    window.removeEventListener('pointerdown', this.#onGesture);
    clearTimeout(this.#toastTimer);
    this.#announcer.stop();
    this.#cue.close();
  }

  /** Says a call (once per `callSeq`, in turn with the others). */
  announce(call: CallToAnnounce): void {
    this.#announcer.announce(call);
  }

  readonly #onGesture = (): void => {
    void this.#cue.unlock();
    if (!this.needsGesture) return;
    this.needsGesture = false;
    this.#host.requestUpdate();
  };

  readonly #onKey = (event: KeyboardEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    this.#onGesture();
    switch (event.key) {
      case 'm':
      case 'M':
        this.#change({ muted: !this.settings.muted });
        break;
      case 'e':
      case 'E':
        this.#change({ english: !this.settings.english });
        break;
      case '+':
      case '=':
        this.#change({ muted: false, volume: clampVolume(this.settings.volume + 0.1) });
        break;
      case '-':
      case '_':
        this.#change({ volume: clampVolume(this.settings.volume - 0.1) });
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  #change(change: Partial<VoiceSettings>): void {
    this.settings = { ...this.settings, ...change };
    writeVoiceSettings(this.settings);
    this.toast = describe(this.settings, change);
    clearTimeout(this.#toastTimer);
    this.#toastTimer = setTimeout(() => {
      this.toast = undefined;
      this.#host.requestUpdate();
    }, TOAST_MS);
    this.#host.requestUpdate();
  }
}

function describe(settings: VoiceSettings, change: Partial<VoiceSettings>): Text {
  if (change.english !== undefined) {
    return settings.english ? { zh: '英文播报：开', en: 'English announcements on' } : { zh: '英文播报：关', en: 'English announcements off' };
  }
  if (settings.muted) return { zh: '语音已静音', en: 'Voice muted' };
  const percent = Math.round(settings.volume * 100);
  return { zh: `音量 ${percent}%`, en: `Volume ${percent}%` };
}
