/** Percentiles and rounding for the results file. */

/** Nearest-rank percentile of unsorted values; NaN for none. `percentile([3, 1, 2], 50) === 2` */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** One decimal for milliseconds, whole numbers above 100: what the summary and the file show. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
}

/** Two decimals, for ratios. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export interface Distribution {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export function distribution(values: readonly number[]): Distribution {
  return {
    count: values.length,
    p50: round(percentile(values, 50)),
    p90: round(percentile(values, 90)),
    p99: round(percentile(values, 99)),
    max: round(values.length ? values.reduce((m, v) => (v > m ? v : m), Number.NEGATIVE_INFINITY) : Number.NaN),
  };
}
