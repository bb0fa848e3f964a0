/**
 * The raw binding of native/ (udmabuf.node). lib/binding.ts loads it; the
 * classes users see are built on it in lib/.
 */

/** A mapping: the memory as an ArrayBuffer, and the handle that unmaps it. */
export interface RawMapping {
  buffer: ArrayBuffer;
  handle: object;
}

/** What U_DMA_BUF_IOCTL_GET_DEV_INFO reports. */
export interface RawDevInfo {
  size: number;
  /** The address the device must use. */
  addr: bigint;
  dmaMaskBits: number;
  dmaCoherent: boolean;
  /** 2 PFN map, 4 page mode. */
  mmapMode: number;
}

/** What U_DMA_BUF_IOCTL_GET_DRV_INFO reports. */
export interface RawDrvInfo {
  ioctlVersion: number;
  version: string;
}

/** What U_DMA_BUF_IOCTL_GET_SYNC reports: the stored sync area. */
export interface RawSync {
  offset: number;
  size: number;
  direction: number;
  mode: number;
  owner: number;
}

export interface RawBinding {
  /** open(2) flag values of this platform. */
  constants: {
    O_RDONLY: number;
    O_WRONLY: number;
    O_RDWR: number;
    O_CREAT: number;
    O_TRUNC: number;
    O_SYNC: number;
    O_CLOEXEC: number;
  };
  pageSize: number;
  open(path: string, flags: number): number;
  close(fd: number): void;
  /** Size by lseek(fd, 0, SEEK_END): works for device files too. */
  seekEnd(fd: number): number;
  /** access: 0 read-only, 1 read-write (both MAP_SHARED), 2 copy-on-write. */
  mmap(fd: number, offset: number, length: number, access: 0 | 1 | 2): RawMapping;
  /** munmap, then detach buffer; views over it read as zero length. */
  unmap(handle: object, buffer: ArrayBuffer): void;
  getDevInfo(fd: number): RawDevInfo;
  getDrvInfo(fd: number): RawDrvInfo;
  getSync(fd: number): RawSync;
  /**
   * U_DMA_BUF_IOCTL_SET_SYNC_FOR_DEVICE (forDevice) or _FOR_CPU with the
   * sysfs value: 1n for the stored area, or a packed one-off range.
   */
  syncValue(fd: number, forDevice: boolean, value: bigint): void;
  /** U_DMA_BUF_IOCTL_EXPORT: a dma-buf fd and the device address of `offset`. */
  exportDmaBuf(fd: number, offset: number, size: number, flags: number): { fd: number; addr: bigint };

  /**
   * Watch a UIO device on the event loop (libuv poll): `callback(null, count)`
   * with UIO's total interrupt count each time one arrives (the 4-byte read is
   * done natively), or `callback(err, 0)`. The fd should be O_NONBLOCK. The
   * watch keeps the loop alive until uioUnwatch.
   */
  uioWatch(fd: number, callback: (err: Error | null, count: number) => void): object;
  /** Stop a watch; idempotent. */
  uioUnwatch(handle: object): void;

  // ---- the n-d ufunc engine (csrc/engine/, src/engine.cc) ----
  /**
   * Run one registered loop over n-d strided operands described in
   * `scratch` (see native/src/engine.cc for its layout).
   */
  ufunc(scratch: Float64Array, ...operands: ArrayBufferView[]): void;
  /** The index of ufunc `name`'s loop for signature `sig` ('bb->b'), or -1. */
  ufuncLoop(name: string, sig: string): number;
  /** The CPU features the engine's loops were chosen for ('avx512f', 'neon', ...). */
  engineFeatures(): string;
  /** madvise(MADV_HUGEPAGE) over the 2 MiB aligned interior of a new large result. */
  adviseHuge(array: ArrayBufferView): void;
  /** The threads large element-wise calls are shared among; with `n` (1-8), sets it and returns the old count. */
  engineThreads(n?: number): number;
  /** How many calls so far were shared with the worker threads. */
  enginePoolJobs(): number;
  /**
   * The reductions (src/reduce.cc; scratch layouts there): each returns 1
   * when it ran, 0 when the engine has no loop for the dtypes.
   */
  reduce(scratch: Float64Array, input: ArrayBufferView, out: ArrayBufferView, aux?: ArrayBufferView): number;
  argReduce(scratch: Float64Array, input: ArrayBufferView, out: ArrayBufferView): number;
  accumulate(scratch: Float64Array, input: ArrayBufferView, out: ArrayBufferView): number;
  select(scratch: Float64Array, input: ArrayBufferView, out: ArrayBufferView): number;
  /** The original README's check_buf() / clear_buf(), compiled as C. */
  checkBuf(buffer: Uint8Array): number;
  clearBuf(buffer: Uint8Array): number;
}
