/**
 * The original README's measurements (Tables 1 and 2): check_buf and
 * clear_buf on a Zynq-7000 for sync_mode 0-7, without and with O_SYNC, on
 * 1, 5 and 10 MByte buffers, in seconds. Kept as reference figures: on real
 * hardware the pattern of ratios to sync_mode 0 is what to compare.
 */

/** The sizes the original measured, in bytes. */
export const ORIGINAL_SIZES = [1 << 20, 5 << 20, 10 << 20] as const;

/** Seconds for [1, 5, 10] MByte, indexed [sync_mode][O_SYNC ? 1 : 0]. */
type Table = readonly (readonly [readonly number[], readonly number[]])[];

/** Table 1: check_buf. */
const CHECK_BUF: Table = [
  [[0.437, 2.171, 4.340], [0.437, 2.171, 4.340]],
  [[0.434, 2.179, 4.337], [2.283, 11.414, 22.830]],
  [[0.434, 2.169, 4.337], [1.616, 8.262, 16.562]],
  [[0.434, 2.169, 4.337], [1.600, 8.391, 16.587]],
  [[0.437, 2.171, 4.337], [0.437, 2.171, 4.337]],
  [[2.283, 11.414, 22.809], [2.283, 11.414, 22.840]],
  [[1.655, 8.391, 16.587], [1.655, 8.391, 16.587]],
  [[1.655, 8.391, 16.587], [1.655, 8.391, 16.587]],
];

/** Table 2: clear_buf. */
const CLEAR_BUF: Table = [
  [[0.067, 0.359, 0.713], [0.067, 0.362, 0.716]],
  [[0.067, 0.362, 0.718], [0.912, 4.563, 9.126]],
  [[0.068, 0.360, 0.721], [0.063, 0.310, 0.620]],
  [[0.068, 0.361, 0.715], [0.062, 0.310, 0.620]],
  [[0.068, 0.360, 0.718], [0.067, 0.360, 0.710]],
  [[0.913, 4.562, 9.126], [0.913, 4.562, 9.126]],
  [[0.062, 0.310, 0.618], [0.062, 0.310, 0.619]],
  [[0.062, 0.310, 0.620], [0.062, 0.310, 0.621]],
];

/** The two benchmarks of the tables. */
export type BenchName = 'check_buf' | 'clear_buf';

/**
 * The original's time in seconds, or undefined for a size it did not
 * measure.
 */
export function originalSeconds(test: BenchName, syncMode: number, oSync: boolean, size: number): number | undefined {
  const column = ORIGINAL_SIZES.indexOf(size as (typeof ORIGINAL_SIZES)[number]);
  if (column < 0) return undefined;
  const table = test === 'check_buf' ? CHECK_BUF : CLEAR_BUF;
  return table[syncMode]?.[oSync ? 1 : 0][column];
}
