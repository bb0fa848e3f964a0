/**
 * QEMU's `edu` PCI device as a DMA engine, driven from user space through
 * UIO: registers in BAR0, a 4 KiB internal buffer at device address
 * 0x40000, and an interrupt when a transfer is done.
 *
 * Register map (QEMU docs/specs/edu.rst): 0x24 interrupt status, 0x64
 * interrupt acknowledge, 0x80 DMA source, 0x88 destination, 0x90 count,
 * 0x98 command (bit 0 start/busy, bit 1 device-to-RAM, bit 2 interrupt when
 * done, raising status bit 0x100).
 */
import { type Registers, Uio } from 'u-dma-buf';

const IRQ_STATUS = 0x24;
const IRQ_ACK = 0x64;
const DMA_SRC = 0x80;
const DMA_DST = 0x88;
const DMA_COUNT = 0x90;
const DMA_CMD = 0x98;
const CMD_START = 1;
const CMD_TO_RAM = 2;
const CMD_IRQ = 4;
const IRQ_DMA_DONE = 0x100;

/** Where the device's buffer is in its own address space. */
export const EDU_BUFFER = 0x40000;
/**
 * Bytes per transfer. The buffer is 4 KiB, but Debian's QEMU 7.2 stops the
 * whole machine if a transfer touches its last byte: 2 KiB tiles at its
 * start never do.
 */
export const EDU_TILE = 2048;

/** The edu device's DMA engine. */
export class EduDma {
  /** Transfers done so far. */
  transfers = 0;
  private readonly uio: Uio;
  private readonly regs: Registers;

  /** Find the device (1234:11e8), bind it to uio_pci_generic, map BAR0. */
  constructor() {
    this.uio = Uio.fromPci(0x1234, 0x11e8);
    this.regs = this.uio.mapResource(0);
  }

  /** Copy `count` bytes of RAM at bus address `src` into the device's buffer. */
  toDevice(src: number, count: number): void {
    this.transfer(src, EDU_BUFFER, count, 0);
  }

  /** Copy `count` bytes of the device's buffer to RAM at bus address `dst`. */
  toRam(dst: number, count: number): void {
    this.transfer(EDU_BUFFER, dst, count, CMD_TO_RAM);
  }

  private transfer(src: number, dst: number, count: number, direction: number): void {
    if (count <= 0 || count > EDU_TILE) throw new RangeError(`edu transfers are 1-${EDU_TILE} bytes, not ${count}`);
    this.write64(DMA_SRC, src);
    this.write64(DMA_DST, dst);
    this.regs.write(DMA_COUNT, count);
    // uio_pci_generic masked INTx when the last interrupt came: unmask first
    this.uio.enableInterrupts();
    this.regs.write(DMA_CMD, CMD_START | direction | CMD_IRQ);
    this.uio.waitInterrupt(10000);
    const status = this.regs.read(IRQ_STATUS);
    this.regs.write(IRQ_ACK, status);
    if (!(status & IRQ_DMA_DONE) || this.regs.read(DMA_CMD) & CMD_START) {
      throw new Error(`edu: the DMA did not complete (interrupt status 0x${status.toString(16)})`);
    }
    this.transfers++;
  }

  private write64(offset: number, value: number): void {
    this.regs.write(offset, value >>> 0);
    this.regs.write(offset + 4, Math.floor(value / 2 ** 32));
  }

  close(): void {
    this.uio.close();
  }
}
