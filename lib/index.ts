/**
 * u-dma-buf: physically contiguous DMA buffers from user space.
 *
 * import { Udmabuf, UdmabufManager, np } from 'u-dma-buf';
 */
export { Udmabuf, type UdmabufOptions, type UdmabufMemmapOptions, type SyncRange, type SyncDirection, type ExportOptions } from './udmabuf.js';
export { UdmabufManager, type ManagerOptions, type CreateOptions } from './manager.js';
export { Uio, Registers } from './uio.js';
export * from './dma/index.js';
export * as np from './np/index.js';
export {
  UdmabufError, ModuleNotLoadedError, NoSuchBufferError, PermissionDeniedError, ShapeError,
  DTypeError, ClosedError, BufferTooLargeError, BusyError,
} from './errors.js';
