/**
 * The raw binding of native/ (udmabuf.node). lib/binding.ts loads it; the
 * classes users see are built on it in lib/.
 */

/** A mapping: the memory as an ArrayBuffer, and the handle that unmaps it. */
export interface RawMapping {
  buffer: ArrayBuffer;
  handle: object;
}

/** What U_DMA_BUF_IOCTL_GET_INFO reports. */
export interface RawInfo {
  size: number;
  dmaAddr: bigint;
  syncMode: number;
  syncOwner: number;
  dmaCoherent: boolean;
  version: string;
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
  };
  /** U_DMA_BUF_SYNC_* flags of the sync ioctl. */
  syncFlags: { FOR_CPU: number; FOR_DEVICE: number; STORED_AREA: number };
  pageSize: number;
  open(path: string, flags: number): number;
  close(fd: number): void;
  /** Size by lseek(fd, 0, SEEK_END): works for device files too. */
  seekEnd(fd: number): number;
  /** access: 0 read-only, 1 read-write (both MAP_SHARED), 2 copy-on-write. */
  mmap(fd: number, offset: number, length: number, access: 0 | 1 | 2): RawMapping;
  /** munmap, then detach buffer; views over it read as zero length. */
  unmap(handle: object, buffer: ArrayBuffer): void;
  getInfo(fd: number): RawInfo;

  // ---- numeric kernels (csrc/kernels.h); dtype codes in numpy's order ----
  /** out = a op b; a or b may be a scalar; all arrays of dtype `type`. */
  binary(op: number, type: number, out: ArrayBufferView, a: ArrayBufferView | number | bigint, b: ArrayBufferView | number | bigint): void;
  /** Integer true division into float64. */
  divideToFloat64(type: number, out: ArrayBufferView, a: ArrayBufferView | number | bigint, b: ArrayBufferView | number | bigint): void;
  fill(type: number, out: ArrayBufferView, value: number | bigint): void;
  sum(type: number, a: ArrayBufferView): number | bigint;
  extreme(type: number, a: ArrayBufferView, wantMax: boolean): number | bigint;
  equal(type: number, a: ArrayBufferView, b: ArrayBufferView): boolean;
  /** The original README's check_buf() / clear_buf(), compiled as C. */
  checkBuf(buffer: Uint8Array): number;
  clearBuf(buffer: Uint8Array): number;
  sync(fd: number, offset: number, size: number, direction: number, flags: number): void;
}
