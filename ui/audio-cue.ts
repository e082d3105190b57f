/**
 * Short tones made with a WebAudio oscillator (no sound files): the lobby display's two-note chime
 * before a call, and the phone's beeps when its ticket is called.
 *
 * Browsers keep audio off until the person has touched the page. `allowed` says whether it is on;
 * `unlock()` must run inside a click or key handler to turn it on.
 *
 *   const cue = new AudioCue();
 *   button.onclick = () => void cue.unlock();
 *   await cue.play('chime', 0.8); // resolves when the tone has ended
 */

export type CueKind = 'chime' | 'alert';

interface Note {
  frequency: number;
  /** Seconds from the cue's start. */
  at: number;
  duration: number;
}

const CUES: Record<CueKind, Note[]> = {
  // A falling major third, as lobby chimes go ("ding-dong").
  chime: [
    { frequency: 659.25, at: 0, duration: 0.55 },
    { frequency: 523.25, at: 0.45, duration: 0.8 },
  ],
  alert: [
    { frequency: 880, at: 0, duration: 0.18 },
    { frequency: 880, at: 0.3, duration: 0.18 },
    { frequency: 1175, at: 0.6, duration: 0.35 },
  ],
};

type AudioContextConstructor = new () => AudioContext;

function audioContextClass(): AudioContextConstructor | undefined {
  const scope = globalThis as { AudioContext?: AudioContextConstructor; webkitAudioContext?: AudioContextConstructor };
  return scope.AudioContext ?? scope.webkitAudioContext;
}

export class AudioCue {
  #context: AudioContext | undefined;

  /**
   * Whether sound can play now. Asking creates the audio context, which starts suspended unless
   * the page was touched or the browser allows autoplay (a kiosk-mode screen may).
   */
  get allowed(): boolean {
    return this.#ensure()?.state === 'running';
  }

  /** Call from a click or key handler: the gesture lets the browser start the audio. */
  async unlock(): Promise<boolean> {
    const context = this.#ensure();
    if (!context) return false;
    if (context.state !== 'running') {
      try {
        await context.resume();
      } catch {
        return false;
      }
    }
    return context.state === 'running';
  }

  /** Plays a cue at `volume` (0–1); resolves when it has ended, at once when sound is off. */
  play(kind: CueKind, volume: number): Promise<void> {
    const context = this.#context;
    if (!context || context.state !== 'running' || volume <= 0) return Promise.resolve();
    const notes = CUES[kind];
    const start = context.currentTime + 0.02;
    for (const note of notes) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = note.frequency;
      const from = start + note.at;
      const to = from + note.duration;
      // A quick attack and an exponential fade: a bell, not a click.
      gain.gain.setValueAtTime(0.0001, from);
      gain.gain.exponentialRampToValueAtTime(Math.max(0.0002, 0.5 * volume), from + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, to);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(from);
      oscillator.stop(to + 0.05);
    }
    const seconds = Math.max(...notes.map((n) => n.at + n.duration)) + 0.1;
    return new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }

  close(): void {
    void this.#context?.close().catch(() => undefined);
    this.#context = undefined;
  }

  #ensure(): AudioContext | undefined {
    if (this.#context) return this.#context;
    const Context = audioContextClass();
    if (!Context) return undefined;
    try {
      this.#context = new Context();
    } catch {
      return undefined;
    }
    return this.#context;
  }
}
