/**
 * The history report's charts, built from its totals and rows: wait and service time distributions
 * (the server's histogram bins), tickets by class, green-channel share and satisfaction. Pure: the
 * figures are the server's, these only say how to draw them.
 */
import type { ChartConfiguration } from 'chart.js';
import type { DayRow, HistoryReport } from '../../common/reports.ts';
import { t, type Text } from '../../ui/i18n.ts';

/** The theme's colours, told apart in grey too. */
const CHART_COLOURS = ['#0b4ea2', '#0a6b2f', '#c77700', '#b3001b'] as const;
type Bin = HistoryReport['totals']['waitHistogram'][number];

/** `0–5`, `5–10`, …, `55+` (minutes). */
export function binLabel(bin: Bin): string {
  return bin.to === null ? `${bin.from}+` : `${bin.from}–${bin.to}`;
}

function bars(labels: string[], counts: number[], series: Text, axis: Text, colour: string = CHART_COLOURS[0]): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: { labels, datasets: [{ label: t(series), data: counts, backgroundColor: colour }] },
    options: {
      plugins: { legend: { display: false } },
      scales: {
        x: { title: { display: true, text: t(axis) } },
        y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t({ zh: '人次', en: 'Tickets' }) } },
      },
    },
  };
}

export function histogramChart(bins: Bin[], series: Text): ChartConfiguration<'bar'> {
  return bars(bins.map(binLabel), bins.map((b) => b.count), series, { zh: '分钟', en: 'Minutes' });
}

/** Tickets by class, summed over the rows on screen: appointment on time, walk-in, late. */
export function ticketClasses(rows: DayRow[]): { label: Text; count: number }[] {
  const sum = (pick: (r: DayRow) => number) => rows.reduce((n, r) => n + pick(r), 0);
  return [
    { label: { zh: '预约号', en: 'Appointment' }, count: sum((r) => r.appointment) },
    { label: { zh: '现场号', en: 'Walk-in' }, count: sum((r) => r.walkIn) },
    { label: { zh: '迟到号', en: 'Late' }, count: sum((r) => r.late) },
  ];
}

export function classesChart(rows: DayRow[]): ChartConfiguration<'bar'> {
  const classes = ticketClasses(rows);
  return {
    type: 'bar',
    data: {
      labels: classes.map((c) => t(c.label)),
      datasets: [{ label: t({ zh: '取号数', en: 'Tickets' }), data: classes.map((c) => c.count), backgroundColor: [CHART_COLOURS[0], CHART_COLOURS[2], CHART_COLOURS[3]] }],
    },
    options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  };
}

export function greenChart(totals: HistoryReport['totals']): ChartConfiguration<'doughnut'> {
  return {
    type: 'doughnut',
    data: {
      labels: [t({ zh: '绿色通道', en: 'Green channel' }), t({ zh: '普通', en: 'Other' })],
      datasets: [{ data: [totals.green, totals.tickets - totals.green], backgroundColor: [CHART_COLOURS[1], '#d5dae0'] }],
    },
    options: { plugins: { legend: { position: 'bottom' } } },
  };
}

export function ratingsChart(counts: number[]): ChartConfiguration<'bar'> {
  return bars(counts.map((_, i) => `${i + 1}★`), counts, { zh: '评价数', en: 'Ratings' }, { zh: '评分', en: 'Grade' }, CHART_COLOURS[2]);
}
