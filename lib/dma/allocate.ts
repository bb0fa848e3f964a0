/**
 * allocate(): PYNQ's `pynq.allocate` over u-dma-buf. A buffer is made
 * through the manager (/dev/u-dma-buf-mgr), mapped, and returned as an `np`
 * array that knows its bus address and syncs its caches.
 */
import { UdmabufManager } from '../manager.js';
import { type DType, type DTypeLike, type DTypeName, dtypeArg } from '../np/dtype.js';
import { type NdArray, type ShapeLike, sizeOf, toShape } from '../np/ndarray.js';
import { Udmabuf } from '../udmabuf.js';
import { extentOf, physicalAddress, syncBytes } from './registry.js';
import { type OptionKeys, checkOptions, extraArgumentOf } from '../options.js';

const dispose: typeof Symbol.dispose =
  Symbol.dispose ?? (Symbol.for('nodejs.dispose') as typeof Symbol.dispose);

/** Options of {@link allocate}. */
export interface AllocateOptions {
  /**
   * Cached CPU mapping (default true), synced with flush()/invalidate(); false
   * maps it non-cached (sync_mode 1, opened with O_SYNC). On x86 every
   * mapping is cached and DMA coherent whatever is asked: `cacheable` then
   * reads true.
   */
  cacheable?: boolean;
  /** The buffer's name; default a unique 'pynq-<pid>-<n>'. */
  name?: string;
  /** The manager's device; default '/dev/u-dma-buf-mgr'. */
  mgrPath?: string;
}

/** A byte range of the array: `offset` bytes from its first byte, `size` bytes. */
export interface ByteRange {
  offset: number;
  size: number;
}

/** What allocate() adds to the `np` array. */
export interface DmaBufferFields {
  /** The bus address of element 0 (PYNQ's name). */
  readonly physical_address: number;
  readonly physicalAddress: number;
  /** The u-dma-buf behind the array. */
  readonly udmabuf: Udmabuf;
  /** Whether the CPU mapping is cached (then flush/invalidate matter, unless coherent). */
  readonly cacheable: boolean;
  /** Whether the hardware keeps caches coherent with DMA (sysfs dma_coherent). */
  readonly coherent: boolean;
  /** Clean the CPU cache for the device: the whole array, a view of it, or a byte range. */
  flush(range?: NdArray | ByteRange): void;
  /** Drop stale CPU cache lines after the device wrote: whole array, a view of it, or a byte range. */
  invalidate(range?: NdArray | ByteRange): void;
  /** Unmap, close and delete the buffer; later use of its views fails cleanly. Idempotent. */
  freebuffer(): void;
  [Symbol.dispose](): void;
}

/** An array from {@link allocate}. */
export type DmaBuffer<N extends DTypeName = DTypeName> = NdArray<N> & DmaBufferFields;

let serial = 0;

const ALLOCATE_OPTION_KEYS: OptionKeys<AllocateOptions> = { cacheable: true, name: true, mgrPath: true };

/**
 * Allocate a physically contiguous array for DMA, as PYNQ's `allocate`.
 *
 * @param shape - element count or dimensions (C order)
 * @param dtype - numpy dtype name, code or np dtype; default 'uint32' (PYNQ's 'u4')
 * @param opts - cacheable (default true), name, mgrPath
 * @throws ModuleNotLoadedError, PermissionDeniedError, BufferTooLargeError
 *
 * @example
 * using buf = allocate([64, 64], 'uint8');
 * np.fill(buf, 7); buf.flush();
 * dma.sendchannel.transfer(buf);   // buf.physical_address
 */
export function allocate<N extends DTypeName>(shape: ShapeLike, dtype: N | DType<N>, opts?: AllocateOptions): DmaBuffer<N>;
export function allocate(shape: ShapeLike, dtype?: DTypeLike, opts?: AllocateOptions): DmaBuffer;
export function allocate(shape: ShapeLike, dtype: DTypeLike = 'uint32', opts: AllocateOptions = {}): DmaBuffer {
  if (arguments.length > 3) extraArgumentOf('allocate', 3, arguments[3]);
  checkOptions('allocate', opts, ALLOCATE_OPTION_KEYS);
  const dt = dtypeArg('allocate', dtype);
  const dims = toShape(shape);
  const bytes = Math.max(1, sizeOf(dims)) * dt.itemsize;
  const name = opts.name ?? `pynq-${process.pid}-${serial++}`;
  const mgr = opts.mgrPath === undefined ? {} : { mgrPath: opts.mgrPath };
  const wantCached = opts.cacheable ?? true;
  UdmabufManager.create(name, bytes, mgr);
  let udmabuf: Udmabuf | undefined;
  try {
    udmabuf = new Udmabuf(name);
    // sync_mode 1: cached without O_SYNC, non-cached with it (SPEC §1 table)
    if (!wantCached) udmabuf.sync_mode = 1;
    const array = udmabuf.memmap(dt, dims, { sync: !wantCached });
    return augment(array, udmabuf, wantCached || process.arch === 'x64' || process.arch === 'ia32', mgr);
  } catch (err) {
    udmabuf?.close();
    try {
      UdmabufManager.delete(name, mgr);
    } catch {
      // the original error says more
    }
    throw err;
  }
}

function augment(array: NdArray, udmabuf: Udmabuf, cacheable: boolean, mgr: { mgrPath?: string }): DmaBuffer {
  const coherent = udmabuf.dma_coherent === 1;
  const whole = extentOf(array);
  let freed = false;
  const range = (r: NdArray | ByteRange | undefined): [number, number] => {
    if (r === undefined) return [whole.bufferStart, whole.bufferEnd - whole.bufferStart];
    if ('data' in r) {
      const e = extentOf(r);
      if (e.udmabuf !== udmabuf) throw new RangeError(`flush/invalidate: the view is not of ${udmabuf.name}`);
      return [e.bufferStart, e.bufferEnd - e.bufferStart];
    }
    const bytes = whole.bufferEnd - whole.bufferStart;
    if (!Number.isInteger(r.offset) || !Number.isInteger(r.size) || r.offset < 0 || r.size < 0 || r.offset + r.size > bytes) {
      throw new RangeError(`byte range offset ${r.offset} size ${r.size} is outside the ${bytes}-byte array`);
    }
    return [whole.bufferStart + r.offset, r.size];
  };
  const fields: DmaBufferFields = {
    physical_address: physicalAddress(array),
    physicalAddress: physicalAddress(array),
    udmabuf,
    cacheable,
    coherent,
    flush(r) {
      if (arguments.length > 1) extraArgumentOf('DmaBuffer.flush', 1, arguments[1]);
      const [offset, size] = range(r);
      syncBytes(udmabuf, offset, size, true);
    },
    invalidate(r) {
      if (arguments.length > 1) extraArgumentOf('DmaBuffer.invalidate', 1, arguments[1]);
      const [offset, size] = range(r);
      syncBytes(udmabuf, offset, size, false);
    },
    freebuffer() {
      if (arguments.length > 0) extraArgumentOf('DmaBuffer.freebuffer', 0, arguments[0]);
      if (freed) return;
      freed = true;
      udmabuf.close();
      UdmabufManager.delete(udmabuf.name, mgr);
    },
    [dispose]() {
      this.freebuffer();
    },
  };
  for (const key of [...Object.keys(fields), dispose] as (keyof DmaBufferFields)[]) {
    Object.defineProperty(array, key, { value: fields[key], enumerable: false, writable: false });
  }
  return array as DmaBuffer;
}
