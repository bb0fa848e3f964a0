/**
 * The result of one sync_mode run, as written to bench/results/<arch>.json,
 * and the lookups the table and the chart share.
 */
import { type MachineInfo } from './machine.js';
import { type Impl, type Measurement, type SizeStatus } from './measure.js';
import { type BenchName } from './original.js';

/** Everything one run measured, with what it ran on. */
export interface SyncModeResults {
  /** Bumped when the layout changes. */
  format: 1;
  date: string;
  machine: MachineInfo;
  driver_version: string;
  /** The buffer used (a device given by the user, or the bench's own). */
  buffer: string;
  /** Calls per cell (the median is reported). */
  repeat: number;
  sizes: SizeStatus[];
  measurements: Measurement[];
}

/** One cell's key. */
export interface Cell {
  test: BenchName;
  impl: Impl;
  size: number;
  sync_mode: number;
  o_sync: boolean;
}

/** The measured seconds of a cell, if it ran. */
export function seconds(r: SyncModeResults, c: Cell): number | undefined {
  return r.measurements.find((m) => m.test === c.test && m.impl === c.impl && m.size === c.size &&
    m.sync_mode === c.sync_mode && m.o_sync === c.o_sync)?.seconds;
}

/** The cell's time over sync_mode 0's with the same O_SYNC, test, size and implementation. */
export function ratioToMode0(r: SyncModeResults, c: Cell): number | undefined {
  const t = seconds(r, c);
  const t0 = seconds(r, { ...c, sync_mode: 0 });
  return t !== undefined && t0 ? t / t0 : undefined;
}

/** Human size: '1 MiB', '512 KiB', '3000 B'. */
export function sizeLabel(bytes: number): string {
  if (bytes % (1 << 20) === 0) return `${bytes / (1 << 20)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} B`;
}
