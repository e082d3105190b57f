/**
 * The display's voice settings — muted, English after Chinese, volume — kept in localStorage, so a
 * screen set up once stays that way across reboots.
 */

export interface VoiceSettings {
  muted: boolean;
  /** Say each call in English too, after the Chinese. */
  english: boolean;
  /** 0–1, in steps of 0.1. */
  volume: number;
}

export const DEFAULT_VOICE_SETTINGS: VoiceSettings = { muted: false, english: false, volume: 0.8 };

const STORAGE_KEY = 'lobby.display.voice';

export function readVoiceSettings(): VoiceSettings {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (typeof stored !== 'object' || stored === null) return DEFAULT_VOICE_SETTINGS;
    const { muted, english, volume } = stored as Record<string, unknown>;
    return {
      muted: typeof muted === 'boolean' ? muted : DEFAULT_VOICE_SETTINGS.muted,
      english: typeof english === 'boolean' ? english : DEFAULT_VOICE_SETTINGS.english,
      volume: typeof volume === 'number' && Number.isFinite(volume) ? clampVolume(volume) : DEFAULT_VOICE_SETTINGS.volume,
    };
  } catch {
    return DEFAULT_VOICE_SETTINGS;
  }
}

export function writeVoiceSettings(settings: VoiceSettings): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // Not remembered (storage refused): the setting holds until the page reloads.
  }
}

/** `clampVolume(1.04) === 1`; rounded to a tenth so repeated steps do not drift. */
export function clampVolume(volume: number): number {
  return Math.min(1, Math.max(0, Math.round(volume * 10) / 10));
}
