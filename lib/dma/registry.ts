/**
 * Which mapped memory is DMA memory, and where its bytes are on the bus.
 *
 * Every mapping of a u-dma-buf (Udmabuf.memmap, allocate) is recorded here,
 * keyed by the ArrayBuffer of the mapping (weakly: the record goes with the
 * mapping). Any view over it — np.index, lo/hi/step/pick, transpose —
 * shares that ArrayBuffer, so its bus address is found from its element
 * offset alone, without the view having to carry anything.
 */
import { ClosedError } from '../errors.js';
import type { NdArray } from '../np/ndarray.js';
import type { SyncRange, Udmabuf } from '../udmabuf.js';
import { NotContiguousError, NotDmaMemoryError } from './errors.js';

interface DmaMemory {
  udmabuf: Udmabuf | undefined;
  /** The bus address of the ArrayBuffer's byte 0. */
  busBase: number;
  /** The buffer offset (bytes into the u-dma-buf) of the ArrayBuffer's byte 0. */
  bufferBase: number;
}

const memories = new WeakMap<ArrayBufferLike, DmaMemory>();

/**
 * Record a mapping: `data` views the u-dma-buf from byte `offset`.
 * (Udmabuf.memmap calls this for every mapping it makes.)
 */
export function registerMapping(data: ArrayBufferView, udmabuf: Udmabuf, offset: number): void {
  const bufferBase = offset - data.byteOffset;
  memories.set(data.buffer, { udmabuf, busBase: udmabuf.phys_addr + bufferBase, bufferBase });
}

/**
 * Record memory that is not a u-dma-buf but has a known bus address (e.g.
 * on-chip RAM mapped through /dev/mem): `data`'s first byte is at `busAddress`.
 * Such memory has no cache sync (flush/invalidate do nothing for it).
 */
export function registerBusMemory(data: ArrayBufferView, busAddress: number): void {
  memories.set(data.buffer, { udmabuf: undefined, busBase: busAddress - data.byteOffset, bufferBase: 0 });
}

/** What DMA needs to know of a view: its bytes in the mapping and on the bus. */
export interface DmaExtent {
  udmabuf: Udmabuf | undefined;
  /** Bus address of the view's first element. */
  busAddress: number;
  /** Bytes into the u-dma-buf of the lowest and one past the highest byte the view touches. */
  bufferStart: number;
  bufferEnd: number;
  /** Whether the view is C-contiguous (then bufferStart is its first element). */
  contiguous: boolean;
  itemsize: number;
  /** Element count. */
  size: number;
}

type View = NdArray | ArrayBufferView;

function isNdArray(v: View): v is NdArray {
  return typeof (v as NdArray).shape === 'object' && 'stride' in v && 'data' in v;
}

/** The extent of any view of mapped memory. */
export function extentOf(view: View): DmaExtent {
  const nd = isNdArray(view);
  const data = (nd ? view.data : view) as ArrayBufferView & { BYTES_PER_ELEMENT?: number };
  const memory = memories.get(data.buffer);
  if (!memory) throw new NotDmaMemoryError();
  if (data.buffer.byteLength === 0) throw new ClosedError('the u-dma-buf mapping behind this array');
  const itemsize = data.BYTES_PER_ELEMENT ?? 1;
  const shape = nd ? view.shape : [data.byteLength / itemsize];
  const stride = nd ? view.stride : [1];
  const first = nd ? view.offset : 0;
  let lo = first;
  let hi = first;
  let size = 1;
  let contiguous = true;
  let expect = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    size *= shape[d];
    const reach = (shape[d] - 1) * stride[d];
    if (reach < 0) lo += reach;
    else hi += reach;
    if (shape[d] !== 1) {
      if (stride[d] !== expect) contiguous = false;
      expect *= shape[d];
    }
  }
  const byteBase = data.byteOffset;
  return {
    udmabuf: memory.udmabuf,
    busAddress: memory.busBase + byteBase + first * itemsize,
    bufferStart: memory.bufferBase + byteBase + lo * itemsize,
    bufferEnd: size === 0 ? memory.bufferBase + byteBase + lo * itemsize : memory.bufferBase + byteBase + (hi + 1) * itemsize,
    contiguous,
    itemsize,
    size,
  };
}

/** The extent of a view a DMA engine will move: it must be C-contiguous. */
export function dmaExtentOf(view: View): DmaExtent {
  const e = extentOf(view);
  if (!e.contiguous && isNdArray(view)) throw new NotContiguousError(view.shape, view.stride, e.itemsize);
  return e;
}

/**
 * The bus address of a view's first element, for any view of any mapped
 * u-dma-buf (allocate(), Udmabuf.memmap(), and np.index / lo / hi / step /
 * pick views of them): what a DMA engine's address register takes.
 *
 * @throws NotContiguousError for a view that is not C-contiguous (a DMA
 *   engine moves one run of bytes); NotDmaMemoryError for ordinary memory;
 *   ClosedError after the mapping was closed
 */
export function physicalAddress(view: View): number {
  return dmaExtentOf(view).busAddress;
}

/**
 * Sync the bytes a view spans (contiguous or not) for the device (`flush`,
 * clean: direction 1) or for the CPU (`invalidate`: direction 2), through
 * the driver's one-off range ioctl. Memory without a u-dma-buf does nothing.
 */
export function syncView(view: View, forDevice: boolean): void {
  const e = extentOf(view);
  syncBytes(e.udmabuf, e.bufferStart, e.bufferEnd - e.bufferStart, forDevice);
}

/** Sync `size` bytes at `offset` into the u-dma-buf. */
export function syncBytes(udmabuf: Udmabuf | undefined, offset: number, size: number, forDevice: boolean): void {
  if (!udmabuf || size <= 0) return;
  const range: SyncRange = { offset, size, direction: forDevice ? 1 : 2 };
  if (forDevice) udmabuf.sync_for_device(range);
  else udmabuf.sync_for_cpu(range);
}
