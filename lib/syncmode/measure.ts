/**
 * Runs the original's check_buf and clear_buf on a u-dma-buf for each
 * sync_mode, without and with O_SYNC, in C (the addon) and in TypeScript,
 * timing each call once as the original did.
 */
import { existsSync, readFileSync } from 'node:fs';

import { BufferTooLargeError, PermissionDeniedError, Udmabuf, UdmabufError, UdmabufManager } from '../index.js';

import { binding } from '../binding.js';
import { check_buf, clear_buf } from './checkbuf.js';
import { type BenchName } from './original.js';

/** Which implementation ran: the C of the original (addon) or TypeScript. */
export type Impl = 'c' | 'ts';

/** One timed call. */
export interface Measurement {
  test: BenchName;
  impl: Impl;
  size: number;
  sync_mode: number;
  o_sync: boolean;
  seconds: number;
  /** The benchmark's own error_count: bytes that did not read back. */
  errors: number;
}

/** Whether a size could be measured, and why not. */
export interface SizeStatus {
  bytes: number;
  available: boolean;
  reason?: string;
}

/** Where a run is, for progress output. */
export interface Progress {
  done: number;
  total: number;
  size: number;
  sync_mode: number;
  o_sync: boolean;
}

/** Options of {@link measureSyncModes}. */
export interface MeasureOptions {
  /** Buffer sizes in bytes. */
  sizes: readonly number[];
  /** Use this existing buffer (sizes above its size are n/a) instead of creating one per size. */
  device?: string;
  /** sync_mode values; default 0-7. */
  modes?: readonly number[];
  /** Implementations; default both. */
  impls?: readonly Impl[];
  /** Calls per cell; the median is kept (default 1: timed once, as the original). */
  repeat?: number;
  onProgress?: (p: Progress) => void;
}

/** The name of the buffer the bench creates (and deletes) per size. */
export const BENCH_BUFFER = 'udmabuf-bench';

const ALL_MODES = [0, 1, 2, 3, 4, 5, 6, 7];
const MiB = 1 << 20;

function meminfo(field: string): number | undefined {
  if (!existsSync('/proc/meminfo')) return undefined;
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/meminfo', 'latin1'));
  return m ? Number(m[1]) * 1024 : undefined;
}

/** Why the kernel refused a buffer of `size` bytes, in words a user can act on. */
export function noMemoryReason(size: number): string {
  const total = meminfo('CmaTotal');
  if (!total) {
    return 'this kernel has no CMA (Debian amd64), so a contiguous buffer is at most 4 MiB';
  }
  const free = meminfo('CmaFree') ?? 0;
  return `CMA has ${(free / MiB).toFixed(0)} MiB free of ${(total / MiB).toFixed(0)} MiB, ` +
    `not ${(size / MiB).toFixed(0)} MiB contiguous: boot with a larger cma=`;
}

interface Lease {
  name: string;
  release(): void;
}

/** A buffer of at least `size` bytes for the run, or the reason there is none. */
function lease(size: number, device: string | undefined): Lease | string {
  if (device) {
    const u = new Udmabuf(device);
    const mode = u.sync_mode;
    if (size > u.buf_size) return `${device} holds only ${u.buf_size} bytes`;
    return { name: device, release: () => { u.sync_mode = mode; } };
  }
  if (existsSync(`/dev/${BENCH_BUFFER}`)) UdmabufManager.delete(BENCH_BUFFER); // an interrupted run's
  try {
    UdmabufManager.create(BENCH_BUFFER, size);
  } catch (err) {
    if (err instanceof BufferTooLargeError) return noMemoryReason(size);
    if (err instanceof PermissionDeniedError) {
      throw new UdmabufError('EACCES', `the bench makes its buffers through /dev/u-dma-buf-mgr, which is ` +
        `root-only: run it as root, or measure an existing buffer with --device udmabuf0`, { cause: err });
    }
    throw err;
  }
  return { name: BENCH_BUFFER, release: () => UdmabufManager.delete(BENCH_BUFFER) };
}

/** The median time of `repeat` calls, and the most errors any call saw. */
function time(fn: () => number, repeat: number): { seconds: number; errors: number } {
  const times: number[] = [];
  let errors = 0;
  for (let i = 0; i < repeat; i++) {
    const start = process.hrtime.bigint();
    errors = Math.max(errors, fn());
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  times.sort((a, b) => a - b);
  return { seconds: times[Math.floor(times.length / 2)], errors };
}

/** The four calls of one table row on one mapping. */
function measureRow(
  buf: Uint8Array, impls: readonly Impl[], repeat: number, row: Omit<Measurement, 'test' | 'impl' | 'seconds' | 'errors'>,
): Measurement[] {
  const size = buf.length;
  const calls: [BenchName, Impl, () => number][] = [
    ['check_buf', 'c', () => binding().checkBuf(buf)],
    ['check_buf', 'ts', () => check_buf(buf, size)],
    ['clear_buf', 'c', () => binding().clearBuf(buf)],
    ['clear_buf', 'ts', () => clear_buf(buf, size)],
  ];
  return calls.filter(([, impl]) => impls.includes(impl))
    .map(([test, impl, fn]) => ({ test, impl, ...row, ...time(fn, repeat) }));
}

/**
 * Let V8 compile check_buf and clear_buf before the first timed call (C
 * needs no warming): a few calls over a megabyte reach the optimising tier.
 */
function warmUp(): void {
  const scratch = new Uint8Array(1 << 20);
  for (let i = 0; i < 3; i++) {
    check_buf(scratch, scratch.length);
    clear_buf(scratch, scratch.length);
  }
}

/** Measure every row at every size. */
export function measureSyncModes(opts: MeasureOptions): { sizes: SizeStatus[]; measurements: Measurement[] } {
  const modes = opts.modes ?? ALL_MODES;
  const impls = opts.impls ?? ['c', 'ts'];
  const total = opts.sizes.length * modes.length * 2;
  const sizes: SizeStatus[] = [];
  const measurements: Measurement[] = [];
  let done = 0;
  warmUp();
  for (const size of opts.sizes) {
    const got = lease(size, opts.device);
    if (typeof got === 'string') {
      sizes.push({ bytes: size, available: false, reason: got });
      done += modes.length * 2;
      continue;
    }
    try {
      for (const sync_mode of modes) {
        for (const o_sync of [false, true]) {
          opts.onProgress?.({ done, total, size, sync_mode, o_sync });
          const u = new Udmabuf(got.name);
          try {
            u.sync_mode = sync_mode;
            const buf = u.memmap('uint8', size, { sync: o_sync }).data;
            measurements.push(...measureRow(buf, impls, opts.repeat ?? 1, { size, sync_mode, o_sync }));
          } finally {
            u.close();
          }
          done++;
        }
      }
    } finally {
      got.release();
    }
    sizes.push({ bytes: size, available: true });
  }
  opts.onProgress?.({ done, total, size: 0, sync_mode: -1, o_sync: false });
  return { sizes, measurements };
}
