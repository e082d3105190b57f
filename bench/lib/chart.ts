/**
 * The latency distributions as one SVG: the cumulative share of requests (or receipts) answered by
 * each latency, on a logarithmic time axis. Hand-written; no chart library.
 */
import { percentile } from './stats.ts';

export interface Series {
  name: string;
  values: readonly number[];
  color: string;
  /** Floors and ceilings are drawn dashed. */
  dashed?: boolean;
}

const WIDTH = 960;
const HEIGHT = 560;
const MARGIN = { left: 64, right: 300, top: 48, bottom: 56 };

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function fmt(ms: number): string {
  return ms >= 100 ? String(Math.round(ms)) : ms >= 10 ? ms.toFixed(0) : ms.toFixed(1);
}

export function latencyChart(title: string, subtitle: string, series: readonly Series[]): string {
  const drawn = series.filter((s) => s.values.length > 0);
  const all = drawn.flatMap((s) => [percentile(s.values, 0.5), percentile(s.values, 100)]);
  const low = 10 ** Math.floor(Math.log10(Math.max(0.1, Math.min(...all))));
  const high = 10 ** Math.ceil(Math.log10(Math.max(...all, low * 10)));
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (ms: number) => MARGIN.left + ((Math.log10(Math.min(high, Math.max(low, ms))) - Math.log10(low)) / (Math.log10(high) - Math.log10(low))) * plotW;
  const y = (share: number) => MARGIN.top + (1 - share) * plotH;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<text x="${MARGIN.left}" y="22" font-size="16" font-weight="600">${escape(title)}</text>`,
    `<text x="${MARGIN.left}" y="38" fill="#555">${escape(subtitle)}</text>`,
  ];
  for (let decade = low; decade <= high; decade *= 10) {
    for (const step of [1, 2, 5]) {
      const ms = decade * step;
      if (ms > high) break;
      parts.push(`<line x1="${x(ms)}" y1="${MARGIN.top}" x2="${x(ms)}" y2="${MARGIN.top + plotH}" stroke="${step === 1 ? '#ccc' : '#eee'}"/>`);
      parts.push(`<text x="${x(ms)}" y="${MARGIN.top + plotH + 16}" text-anchor="middle" fill="#444">${fmt(ms)}</text>`);
    }
  }
  for (const share of [0, 0.25, 0.5, 0.75, 0.9, 1]) {
    parts.push(`<line x1="${MARGIN.left}" y1="${y(share)}" x2="${MARGIN.left + plotW}" y2="${y(share)}" stroke="${share === 0.5 || share === 0.9 ? '#bbb' : '#eee'}"/>`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${y(share) + 4}" text-anchor="end" fill="#444">${Math.round(share * 100)}%</text>`);
  }
  parts.push(`<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 14}" text-anchor="middle" fill="#222">latency, ms (log scale)</text>`);
  parts.push(`<text transform="translate(16 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle" fill="#222">share answered within</text>`);

  drawn.forEach((s, i) => {
    const sorted = [...s.values].sort((a, b) => a - b);
    const points: string[] = [];
    const steps = Math.min(sorted.length, 400);
    for (let k = 0; k <= steps; k++) {
      const index = Math.min(sorted.length - 1, Math.round((k / steps) * (sorted.length - 1)));
      points.push(`${x(sorted[index]!).toFixed(1)},${y((index + 1) / sorted.length).toFixed(1)}`);
    }
    parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''} points="${points.join(' ')}"/>`);
    const ly = MARGIN.top + 8 + i * 40;
    const lx = MARGIN.left + plotW + 16;
    parts.push(`<line x1="${lx}" y1="${ly}" x2="${lx + 24}" y2="${ly}" stroke="${s.color}" stroke-width="3"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    parts.push(`<text x="${lx + 30}" y="${ly + 4}" fill="#111">${escape(s.name)}</text>`);
    parts.push(`<text x="${lx + 30}" y="${ly + 20}" fill="#555">p50 ${fmt(percentile(s.values, 50))} · p99 ${fmt(percentile(s.values, 99))} ms · n ${s.values.length}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
