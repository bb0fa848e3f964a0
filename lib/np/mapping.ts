/**
 * A memory mapping behind `np` arrays: the page-aligned region the kernel
 * mapped, and the typed array over the requested part of it.
 *
 * The mapping lives as long as any view of it (the ArrayBuffer's finalizer
 * unmaps it), or until {@link Mapping.close}, after which every view reads
 * as zero length instead of touching unmapped memory.
 */
import { binding } from '../binding.js';
import type { AnyTypedArray, DType } from './dtype.js';

/** How a file is mapped, as numpy.memmap's modes. */
export type Access = 'readwrite' | 'copyonwrite';

const ACCESS_CODE = { readwrite: 1, copyonwrite: 2 } as const;

export class Mapping {
  private handle: object | undefined;
  /** The whole mapped region (page-aligned). */
  readonly buffer: ArrayBuffer;

  private constructor(buffer: ArrayBuffer, handle: object) {
    this.buffer = buffer;
    this.handle = handle;
  }

  /**
   * Map `length` bytes of `fd` at byte `offset` (any offset: the region is
   * widened down to a page boundary) and view them as `dtype`.
   */
  static map(fd: number, offset: number, length: number, dt: DType, access: Access):
    { mapping: Mapping; data: AnyTypedArray } {
    const page = binding().pageSize;
    const start = offset - (offset % page);
    const lead = offset - start;
    const raw = binding().mmap(fd, start, lead + length, ACCESS_CODE[access]);
    const mapping = new Mapping(raw.buffer, raw.handle);
    const data = new dt.ArrayType(raw.buffer, lead, length / dt.itemsize) as AnyTypedArray;
    return { mapping, data };
  }

  /** Whether close() has run. */
  get closed(): boolean {
    return this.handle === undefined;
  }

  /** Unmap now; views over the mapping then have zero length. Idempotent. */
  close(): void {
    if (this.handle === undefined) return;
    binding().unmap(this.handle, this.buffer);
    this.handle = undefined;
  }
}
