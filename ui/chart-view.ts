/**
 * `<lobby-chart>`: a Chart.js chart on a canvas, for any page.
 *
 *   <lobby-chart .config=${{ type: 'bar', data, options }} .label=${{ zh: '等候时间分布', en: 'Wait times' }}></lobby-chart>
 *
 * Chart.js draws on a canvas and sets sizes through the CSSOM only: no inline `style` attribute, no
 * injected stylesheet, no eval, so it runs under this site's CSP (`script-src 'self'; style-src
 * 'self'`). A canvas says nothing to a screen reader, so `label` names the chart and the page shows
 * the same figures in a table beside it. Only the pieces used are registered, which keeps the bundle small.
 */
import {
  ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, Title, Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { LitElement, css, html } from 'lit';
import { LocaleController, t, type Text } from './i18n.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Legend, Tooltip, Title);

let defaultsSet = false;
/** A canvas cannot use CSS variables: the page's font and text colour are read once and handed over. */
function setDefaults(): void {
  if (defaultsSet) return;
  defaultsSet = true;
  const root = getComputedStyle(document.documentElement);
  Chart.defaults.font.family = root.getPropertyValue('--lobby-font').trim() || 'sans-serif';
  Chart.defaults.font.size = 13;
  Chart.defaults.color = root.getPropertyValue('--lobby-text').trim() || '#111111';
  // Figures that slide in are slower to read and differ between two screenshots of the same data.
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
}

export class LobbyChart extends LitElement {
  static override properties = { config: { attribute: false }, label: { attribute: false } };

  static override styles = css`
    :host {
      display: block;
    }
    .frame {
      /* Chart.js sizes the canvas to this box (responsive) and needs it positioned. */
      position: relative;
      height: var(--lobby-chart-height, 14rem);
    }
  `;

  declare config: ChartConfiguration | undefined;
  declare label: Text | undefined;

  #chart: Chart | undefined;
  /** The type the chart was made with: another type needs a new chart, the same one just new data. */
  #type: string | undefined;

  constructor() {
    super();
    new LocaleController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: the canvas is new to the chart, which was destroyed on the way out.
    if (this.hasUpdated && !this.#chart) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Chart.js watches the document for its canvas leaving, which it cannot see inside a shadow root.
    this.#chart?.destroy();
    this.#chart = undefined;
    this.removeAttribute('data-rendered');
  }

  override render() {
    return html`<div class="frame"><canvas role="img" aria-label=${this.label ? t(this.label) : ''}></canvas></div>`;
  }

  protected override updated(): void {
    const canvas = this.renderRoot.querySelector('canvas');
    if (!canvas || !this.config) return;
    setDefaults();
    if (this.#chart && this.#type === this.config.type) {
      this.#chart.data = this.config.data;
      if (this.config.options) this.#chart.options = this.config.options;
      this.#chart.update();
    } else {
      this.#chart?.destroy();
      this.#chart = new Chart(canvas, this.config);
      this.#type = this.config.type;
    }
    // For tests and tools: the chart has drawn what it was given.
    this.setAttribute('data-rendered', '');
  }
}

customElements.define('lobby-chart', LobbyChart);

declare global {
  interface HTMLElementTagNameMap {
    'lobby-chart': LobbyChart;
  }
}
