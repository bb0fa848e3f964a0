/**
 * DMA from TypeScript the way PYNQ does it: allocate(), MMIO, and DMA
 * engines with PYNQ's channel shape. Re-exported from the package root.
 */
export { allocate, type AllocateOptions, type DmaBuffer, type DmaBufferFields, type ByteRange } from './allocate.js';
export { physicalAddress } from './registry.js';
export { MMIO, type MmioOptions, type RegisterFile } from './mmio.js';
export { DmaChannel, type TransferOptions, type WaitOptions, type WaitAsyncOptions } from './engine.js';
export { EduDma, EduDmaChannel, EDU_BUFFER, EDU_MAX_TRANSFER, type EduTransferOptions } from './edu.js';
export { Zdma, ZDMA, ZDMA_GDMA_BASE, type ZdmaOptions, type ZdmaTransferOptions } from './zdma.js';
export { DmaTimeoutError, DmaAbortError, DmaBusyError, DmaEngineError, NotContiguousError, NotDmaMemoryError, MmioError } from './errors.js';
