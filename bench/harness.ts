/**
 * Timing for the benches: benchmark.js runs and samples our side; the median
 * of any sample set (ours or numpy's, bench/numpy_ops.py) comes from stdlib-js.
 * Speed is reported here, never asserted in a test.
 */
import Benchmark from 'benchmark';
import mediansorted from '@stdlib/stats-base-mediansorted';

/** Median time of one call in milliseconds, benchmark.js's margin of error (%) and its samples (s). */
export interface Timing {
  ms: number;
  rme: number;
  samples: number[];
}

/** How long benchmark.js may sample one case. */
export interface MeasureOptions {
  /** Seconds per case (benchmark.js maxTime). */
  maxTime?: number;
  /** Seconds per sample at least (benchmark.js minTime; its default is 0.05). */
  minTime?: number;
  /** Samples at least (benchmark.js minSamples). */
  minSamples?: number;
}

/** The median of seconds-per-call samples, in milliseconds (stdlib-js). */
export function medianMs(samples: readonly number[]): number {
  const sorted = Float64Array.from(samples).sort();
  return mediansorted(sorted.length, sorted, 1) * 1000;
}

/** Time `fn` with benchmark.js; `maxTime` in seconds per case, or the options. */
export function measure(name: string, fn: () => void, opts: number | MeasureOptions = 0.3): Timing {
  const o = typeof opts === 'number' ? { maxTime: opts } : opts;
  const bench = new Benchmark(name, fn, {
    maxTime: o.maxTime ?? 0.3,
    minSamples: o.minSamples ?? 5,
    initCount: 1,
    ...(o.minTime === undefined ? {} : { minTime: o.minTime }),
  });
  bench.run();
  if (bench.error) throw bench.error;
  const samples = [...bench.stats.sample];
  return { ms: medianMs(samples), rme: bench.stats.rme, samples };
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

/** A time for a table: µs under 1 ms, else ms. */
export function fmtTime(ms: number): string {
  if (ms < 1) {
    const us = ms * 1000;
    return `${us >= 100 ? us.toFixed(0) : us >= 1 ? us.toFixed(2) : us.toFixed(3)} µs`;
  }
  return `${fmt(ms)} ms`;
}

/**
 * The largest distance in units in the last place between two float arrays'
 * bytes (NaN equals NaN; -0 and 0 are 0 apart).
 */
export function maxUlp(dtype: string, a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  if (dtype === 'float32') {
    const x = new Int32Array(a.buffer, a.byteOffset, a.length / 4);
    const y = new Int32Array(b.buffer, b.byteOffset, b.length / 4);
    const fx = new Float32Array(x.buffer, x.byteOffset, x.length);
    const fy = new Float32Array(y.buffer, y.byteOffset, y.length);
    const ordered = (i: number) => (i < 0 ? -(i & 0x7fffffff) : i);
    for (let i = 0; i < x.length; i++) {
      if (x[i] === y[i] || (fx[i] !== fx[i] && fy[i] !== fy[i])) continue;
      worst = Math.max(worst, Math.abs(ordered(x[i]) - ordered(y[i])));
    }
    return worst;
  }
  const x = new BigInt64Array(a.buffer, a.byteOffset, a.length / 8);
  const y = new BigInt64Array(b.buffer, b.byteOffset, b.length / 8);
  const fx = new Float64Array(x.buffer, x.byteOffset, x.length);
  const fy = new Float64Array(y.buffer, y.byteOffset, y.length);
  const ordered = (i: bigint) => (i < 0n ? -(i & 0x7fffffffffffffffn) : i);
  for (let i = 0; i < x.length; i++) {
    if (x[i] === y[i] || (fx[i] !== fx[i] && fy[i] !== fy[i])) continue;
    const d = ordered(x[i]) - ordered(y[i]);
    worst = Math.max(worst, Number(d < 0n ? -d : d));
  }
  return worst;
}
