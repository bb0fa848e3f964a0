/**
 * Timing for the benches: benchmark.js statistics for our side, numpy's
 * side timed by python3 in the same run (bench/numpy_ops.py), ratios.
 * Speed is reported here, never asserted in a test.
 */
import Benchmark from 'benchmark';

/** Median time of one call in milliseconds, and benchmark.js's margin of error (%). */
export interface Timing {
  ms: number;
  rme: number;
}

/** Time `fn` with benchmark.js; maxTime in seconds per case. */
export function measure(name: string, fn: () => void, maxTime = 0.3): Timing {
  const bench = new Benchmark(name, fn, { maxTime, minSamples: 5, initCount: 1 });
  bench.run();
  if (bench.error) throw bench.error;
  const samples = [...bench.stats.sample].sort((x, y) => x - y);
  return { ms: samples[Math.floor(samples.length / 2)] * 1000, rme: bench.stats.rme };
}

/** A fixed-width table in markdown. */
export function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function fmt(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3);
}
