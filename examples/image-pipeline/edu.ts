/**
 * QEMU's `edu` PCI device as a DMA engine: the library's EduDma (lib/dma/edu.ts),
 * PYNQ's channel shape over UIO. `sendchannel` moves RAM into the device's
 * 4 KiB buffer (at device address 0x40000), `recvchannel` moves it back.
 */
export { EduDma, EDU_BUFFER } from 'u-dma-buf';
/**
 * Bytes per transfer. The buffer is 4 KiB, but Debian's QEMU 7.2 stops the
 * whole machine if a transfer touches its last byte: 2 KiB tiles at its
 * start never do.
 */
export { EDU_MAX_TRANSFER as EDU_TILE } from 'u-dma-buf';
