/**
 * The shape every DMA engine here shares, PYNQ's DMA channel:
 * `transfer(array, { start, nbytes })`, then `wait({ timeoutMs })` or
 * `await waitAsync({ timeoutMs, signal })`, and `idle` / `running` /
 * `error`. Every wait has a timeout (none spins for ever) that throws a
 * DmaTimeoutError naming the engine and its status registers.
 *
 * The base class polls (`idle`) for engines without an interrupt the
 * process can wait on; engines with one (EduDma over UIO) override the waits.
 */
import type { NdArray } from '../np/ndarray.js';
import { DmaAbortError, DmaEngineError, DmaTimeoutError } from './errors.js';
import { type DmaExtent, dmaExtentOf } from './registry.js';
import { type OptionKeys, checkOptions, extraArgumentOf } from '../options.js';

/** Where in the array a transfer starts and how much it moves. */
export interface TransferOptions {
  /** Bytes into the array; default 0. */
  start?: number;
  /** Bytes to move; default the rest of the array from `start`. */
  nbytes?: number;
}

/** Options of the synchronous wait. */
export interface WaitOptions {
  /** Default 1000 ms. */
  timeoutMs?: number;
}

/** Options of the asynchronous wait. */
export interface WaitAsyncOptions extends WaitOptions {
  /** Gives up the wait (the transfer itself goes on in the hardware). */
  signal?: AbortSignal;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
export const DEFAULT_TIMEOUT_MS = 1000;

/** The bus address and length of `nbytes` at `start` in a contiguous view. */
export function transferRange(array: NdArray, opts: TransferOptions = {}): { extent: DmaExtent; address: number; nbytes: number } {
  const extent = dmaExtentOf(array);
  const bytes = extent.bufferEnd - extent.bufferStart;
  const start = opts.start ?? 0;
  const nbytes = opts.nbytes || bytes - start;
  if (!Number.isInteger(start) || !Number.isInteger(nbytes) || start < 0 || nbytes <= 0 || start + nbytes > bytes) {
    throw new RangeError(`transfer start ${start} nbytes ${nbytes} is outside the ${bytes}-byte array`);
  }
  return { extent, address: extent.busAddress + start, nbytes };
}

/** The keys of the option interfaces above (a key outside them is a TypeError). */
export const TRANSFER_OPTION_KEYS: OptionKeys<TransferOptions> = { start: true, nbytes: true };
export const WAIT_OPTION_KEYS: OptionKeys<WaitOptions> = { timeoutMs: true };
export const WAIT_ASYNC_OPTION_KEYS: OptionKeys<WaitAsyncOptions> = { timeoutMs: true, signal: true };

/** A DMA channel (PYNQ's shape). */
export abstract class DmaChannel {
  /** Names the engine in errors, e.g. 'Zdma 0' or 'EduDma recvchannel'. */
  abstract readonly name: string;
  /** True when no transfer is in flight. */
  abstract get idle(): boolean;
  /** True when the engine reports an error. */
  abstract get error(): boolean;
  /** The status registers, for error messages, e.g. 'STATUS 0x0 ISR 0x400'. */
  abstract status(): string;
  /** Start moving the array (or `nbytes` at `start` of it); does not wait. */
  abstract transfer(array: NdArray, opts?: TransferOptions): void;

  /** True while a transfer is in flight. */
  get running(): boolean {
    return !this.idle;
  }

  /** Called once a transfer is seen finished (cache sync, acknowledge). */
  protected finish(): void {
    if (this.error) throw new DmaEngineError(this.name, this.status());
  }

  /**
   * Wait for the transfer, blocking (for scripts), polling every 1 ms.
   * @throws DmaTimeoutError, DmaEngineError
   */
  wait(opts: WaitOptions = {}): void {
    if (arguments.length > 1) extraArgumentOf(`${this.name}.wait`, 1, arguments[1]);
    checkOptions(`${this.name}.wait`, opts, WAIT_OPTION_KEYS);
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const deadline = Date.now() + timeoutMs;
    while (!this.idle && !this.error) {
      if (Date.now() >= deadline) throw new DmaTimeoutError(this.name, timeoutMs, this.status());
      Atomics.wait(sleeper, 0, 0, 1);
    }
    this.finish();
  }

  /**
   * Wait for the transfer without blocking the event loop: polls on a timer
   * (engines with an interrupt wait for it instead).
   * @throws DmaTimeoutError, DmaAbortError, DmaEngineError
   */
  async waitAsync(opts: WaitAsyncOptions = {}): Promise<void> {
    if (arguments.length > 1) extraArgumentOf(`${this.name}.waitAsync`, 1, arguments[1]);
    checkOptions(`${this.name}.waitAsync`, opts, WAIT_ASYNC_OPTION_KEYS);
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (opts.signal?.aborted) throw new DmaAbortError(this.name, opts.signal.reason);
      if (this.idle || this.error) break;
      if (Date.now() >= deadline) throw new DmaTimeoutError(this.name, timeoutMs, this.status());
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    this.finish();
  }
}
