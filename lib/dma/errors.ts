/**
 * Errors of the DMA layer (allocate, MMIO, UIO interrupts, engines). Each is
 * a {@link UdmabufError} with a stable `code`.
 */
import { UdmabufError } from '../errors.js';

/** A wait that did not finish in time: an engine's transfer or an interrupt. */
export class DmaTimeoutError extends UdmabufError {
  /** What was waited for, e.g. 'EduDma recvchannel' or '/dev/uio0'. */
  readonly engine: string;
  /** The engine's status registers when the wait gave up (empty for a bare interrupt). */
  readonly status: string;
  readonly timeoutMs: number;

  constructor(engine: string, timeoutMs: number, status: string, what = 'the transfer did not finish') {
    super('ETIMEDOUT', `${engine}: ${what} within ${timeoutMs} ms${status ? ` (${status})` : ''}`);
    this.engine = engine;
    this.status = status;
    this.timeoutMs = timeoutMs;
  }
}

/** A wait given up because its AbortSignal fired; `cause` is the signal's reason. */
export class DmaAbortError extends UdmabufError {
  constructor(what: string, reason?: unknown) {
    super('ABORT_ERR', `${what}: aborted`, { cause: reason });
  }
}

/** An engine that reported an error after (or instead of) finishing. */
export class DmaEngineError extends UdmabufError {
  readonly engine: string;
  readonly status: string;

  constructor(engine: string, status: string, what = 'the engine reported an error') {
    super('EDMA', `${engine}: ${what} (${status})`);
    this.engine = engine;
    this.status = status;
  }
}

/** A view whose elements are not one contiguous run of bytes, given where DMA needs one. */
export class NotContiguousError extends UdmabufError {
  constructor(shape: readonly number[], stride: readonly number[], itemsize: number) {
    super(
      'ENOTCONTIG',
      `a DMA engine needs one contiguous run of bytes, but this view (shape (${shape.join(', ')}), ` +
        `strides in bytes (${stride.map((s) => s * itemsize).join(', ')})) is not C-contiguous; ` +
        `copy it into a contiguous array of an allocate()d buffer first (np.copyto(dst, view))`,
    );
  }
}

/** An array that is not a view of mapped DMA memory, so it has no bus address. */
export class NotDmaMemoryError extends UdmabufError {
  constructor() {
    super(
      'ENODMA',
      'this array is not a view of a mapped u-dma-buf (allocate(), Udmabuf.memmap()): ' +
        'ordinary memory has no bus address a device could use',
    );
  }
}

/** /dev/mem cannot be opened or the kernel refuses to map the range. */
export class MmioError extends UdmabufError {}

/** A transfer was asked of an engine that is still moving the last one. */
export class DmaBusyError extends UdmabufError {
  constructor(engine: string, status: string) {
    super('EBUSY', `${engine}: a transfer is still in flight (${status}); wait for it first`);
  }
}
