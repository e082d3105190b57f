/**
 * The lobby's voice: each call is a chime, then the sentence in Chinese (and in English when set).
 * Announcements wait their turn — one ends before the next begins, none is dropped — and each call
 * is said once: the queue remembers the `callSeq`s it has taken.
 *
 * A synthesizer does not always say when it has finished (no voice installed, a stuck engine), so
 * each sentence also has a deadline after which the queue moves on.
 *
 *   const announcer = new Announcer(() => settings, cue);
 *   announcer.announce({ callSeq: 41, number: 'A012', counterNumber: 3 });
 */
import type { AudioCue } from '../ui/audio-cue.ts';
import { callAnnouncement } from '../ui/call-announcement.ts';
import type { VoiceSettings } from './voice-settings.ts';

export interface CallToAnnounce {
  callSeq: number;
  number: string;
  counterNumber: number;
}

/** Call sequences remembered; far more than a day's calls could put in the queue at once. */
const REMEMBERED = 2_000;
const LANG = { zh: 'zh-CN', en: 'en-US' } as const;

export class Announcer {
  readonly #settings: () => VoiceSettings;
  readonly #cue: AudioCue;
  readonly #queue: CallToAnnounce[] = [];
  readonly #taken = new Set<number>();
  #running = false;
  #stopped = false;

  constructor(settings: () => VoiceSettings, cue: AudioCue) {
    this.#settings = settings;
    this.#cue = cue;
  }

  /** Queues a call unless its `callSeq` was taken before; returns whether it was queued. */
  announce(call: CallToAnnounce): boolean {
    if (this.#taken.has(call.callSeq)) return false;
    this.#taken.add(call.callSeq);
    if (this.#taken.size > REMEMBERED) {
      const oldest = this.#taken.values().next();
      if (!oldest.done) this.#taken.delete(oldest.value);
    }
    this.#queue.push(call);
    void this.#drain();
    return true;
  }

  /** Stops speaking and forgets what is queued (the page is going away). */
  stop(): void {
    this.#stopped = true;
    this.#queue.length = 0;
    globalThis.speechSynthesis?.cancel();
  }

  async #drain(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      for (let call = this.#queue.shift(); call && !this.#stopped; call = this.#queue.shift()) {
        const settings = this.#settings();
        if (settings.muted || settings.volume <= 0) continue;
        await this.#cue.play('chime', settings.volume);
        await speak(callAnnouncement(call, 'zh'), LANG.zh, settings.volume);
        if (settings.english) await speak(callAnnouncement(call, 'en'), LANG.en, settings.volume);
      }
    } finally {
      this.#running = false;
    }
  }
}

/** Resolves when the sentence has been said, failed, or overran its deadline. */
function speak(text: string, lang: string, volume: number): Promise<void> {
  const synthesis = globalThis.speechSynthesis;
  if (!synthesis || typeof SpeechSynthesisUtterance === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang;
    utterance.volume = volume;
    // A little slower than conversation: the hall echoes and people are far away.
    utterance.rate = 0.9;
    const voice = voiceFor(synthesis, lang);
    if (voice) utterance.voice = voice;

    let settled = false;
    const done = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve();
    };
    // Generous for a slow voice; a few characters a second.
    const deadline = setTimeout(() => {
      synthesis.cancel();
      done();
    }, 3_000 + text.length * 350);
    utterance.onend = done;
    utterance.onerror = done;
    synthesis.speak(utterance);
  });
}

function voiceFor(synthesis: SpeechSynthesis, lang: string): SpeechSynthesisVoice | undefined {
  const voices = synthesis.getVoices();
  const base = lang.slice(0, 2);
  return voices.find((v) => v.lang.replace('_', '-') === lang) ?? voices.find((v) => v.lang.startsWith(base));
}
