// Summaries of measured times for the benchmarks (tests/e2e/typing.test.mjs,
// scripts/bench_startup.mjs): nearest-rank percentiles, rounded to 0.01.

/** Count, min, median, 95th percentile and max of `values`. */
export function summarise(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
  const round = (value) => Math.round(value * 100) / 100;
  return {
    count: sorted.length,
    min: round(sorted[0]),
    median: round(at(0.5)),
    p95: round(at(0.95)),
    max: round(sorted[sorted.length - 1]),
  };
}
