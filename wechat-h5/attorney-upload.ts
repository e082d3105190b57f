/**
 * `<h5-attorney-upload>`: the power of attorney with the firm's official seal, for one application —
 * a photo or scan (JPEG, PNG) or a PDF of at most 5 MB. The size and the type the phone gives the
 * file are checked before anything is sent, to save a mobile upload that would be refused; the
 * server decides the type again by the file's content and its refusal is shown in its own words.
 * Sends `h5-uploaded` (detail: what was stored) once the server has it.
 */
import { LitElement, css, html, nothing } from 'lit';
import { ERRORS } from '../common/errors.ts';
import { ATTORNEY_MAX_BYTES, ATTORNEY_MEDIA_TYPES, type AttorneyUploaded } from '../common/firms.ts';
import { LocaleController, t, type Text } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { uploadPowerOfAttorney } from './booking-api.ts';
import { failureText, sessionEnded } from './citizen-api.ts';
import { formStyles } from './form-styles.ts';
import { h5Styles } from './h5-styles.ts';

/** `formatBytes(2_500_000)` → `'2.4 MB'` */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const MAX = formatBytes(ATTORNEY_MAX_BYTES);

/**
 * What is wrong with a chosen file before it is sent, if anything. An empty type (some WebViews give
 * none) is left to the server, which judges by content anyway.
 */
export function attorneyChoiceProblem(file: { size: number; type: string }): Text | undefined {
  if (file.size === 0) return { zh: ERRORS.attorney_file_empty.zh, en: ERRORS.attorney_file_empty.en };
  if (file.type !== '' && !(ATTORNEY_MEDIA_TYPES as readonly string[]).includes(file.type)) {
    return { zh: ERRORS.attorney_file_type.zh, en: ERRORS.attorney_file_type.en };
  }
  if (file.size > ATTORNEY_MAX_BYTES) {
    return {
      zh: `该文件 ${formatBytes(file.size)}，委托书不能超过 ${MAX}。请压缩或重新拍摄后再上传。`,
      en: `This file is ${formatBytes(file.size)}; a power of attorney may be at most ${MAX}. Compress it or take the photo again.`,
    };
  }
  return undefined;
}

export class H5AttorneyUpload extends LitElement {
  static override properties = {
    agentId: {},
    csrfToken: {},
    file: { state: true },
    problem: { state: true },
    refusal: { state: true },
    uploading: { state: true },
  };

  static override styles = [
    theme,
    h5Styles,
    formStyles,
    css`
      :host {
        display: grid;
        gap: 0.5rem;
      }
      input[type='file'] {
        width: 100%;
        min-height: 48px;
        font: inherit;
      }
      progress {
        width: 100%;
      }
    `,
  ];

  declare agentId: string;
  declare csrfToken: string;
  declare file: File | undefined;
  /** What is wrong with the chosen file, found before sending: a new file is needed. */
  declare problem: Text | undefined;
  /** Why the last upload failed (the server's sentence, or no network): trying again may help. */
  declare refusal: Text | undefined;
  declare uploading: boolean;

  constructor() {
    super();
    new LocaleController(this);
    this.agentId = '';
    this.csrfToken = '';
    this.uploading = false;
  }

  override render() {
    const file = this.file;
    const message = this.problem ?? this.refusal;
    return html`
      <label for="f-attorney">${t({ zh: '加盖单位公章的委托书', en: 'Power of attorney with the firm\'s official seal' })}</label>
      <input id="f-attorney" class="attorney-file" type="file" accept=${ATTORNEY_MEDIA_TYPES.join(',')}
        ?disabled=${this.uploading} aria-describedby="m-attorney" @change=${this.#onChoose} />
      <p id="m-attorney" class=${message ? 'error' : 'hint'} role=${message ? 'alert' : nothing} aria-live="polite">
        ${message ? t(message) : t({ zh: `拍照或选择 JPG、PNG 图片或 PDF 文件，不超过 ${MAX}`, en: `A photo, a JPEG or PNG image or a PDF, at most ${MAX}` })}
      </p>
      ${file && !this.problem ? html`<p class="muted chosen">${file.name} · ${formatBytes(file.size)}</p>` : nothing}
      ${this.uploading
        ? html`<div class="uploading" role="status">
            <progress aria-label=${t({ zh: '正在上传', en: 'Uploading' })}></progress>
            <p class="muted">${t({ zh: '正在上传委托书……', en: 'Uploading the power of attorney…' })}</p>
          </div>`
        : nothing}
      <button type="button" class="primary upload" ?disabled=${!file || !!this.problem || this.uploading} @click=${this.#upload}>
        ${t({ zh: '上传委托书', en: 'Upload' })}
      </button>
    `;
  }

  #onChoose(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    this.file = file;
    this.problem = file ? attorneyChoiceProblem(file) : undefined;
    this.refusal = undefined;
  }

  async #upload(): Promise<void> {
    const file = this.file;
    if (!file || this.problem) return;
    this.uploading = true;
    this.refusal = undefined;
    const result = await uploadPowerOfAttorney(this.agentId, file, this.csrfToken);
    this.uploading = false;
    if (result.ok) {
      this.file = undefined;
      this.dispatchEvent(new CustomEvent<AttorneyUploaded>('h5-uploaded', { detail: result.data, bubbles: true, composed: true }));
      return;
    }
    if (sessionEnded(result)) {
      this.dispatchEvent(new CustomEvent('h5-session-ended', { bubbles: true, composed: true }));
      return;
    }
    const text = failureText(result);
    // The server's general "too large" sentence, with the limit that applies here.
    this.refusal = result.kind === 'server' && result.error.code === 'payload_too_large'
      ? { zh: `${text.zh}委托书不能超过 ${MAX}。`, en: `${text.en} A power of attorney may be at most ${MAX}.` }
      : text;
  }
}

customElements.define('h5-attorney-upload', H5AttorneyUpload);

declare global {
  interface HTMLElementTagNameMap {
    'h5-attorney-upload': H5AttorneyUpload;
  }
}
