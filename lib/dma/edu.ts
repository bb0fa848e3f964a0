/**
 * EduDma: QEMU's `edu` PCI device (1234:11e8) as a DMA engine driven from
 * user space through UIO, in PYNQ's shape: `sendchannel` moves RAM into the
 * device's 4 KiB buffer, `recvchannel` moves it back into RAM.
 *
 * Registers (QEMU docs/specs/edu.rst): 0x20 status, 0x24 interrupt status,
 * 0x64 interrupt acknowledge, 0x80 DMA source, 0x88 destination, 0x90
 * count, 0x98 command (bit 0 start/busy, bit 1 device-to-RAM, bit 2
 * interrupt when done, raising interrupt status 0x100). One engine serves
 * both channels: one transfer at a time. It reports no errors (`error` is
 * always false) and takes ~100 ms (virtual clock) per transfer.
 *
 * sendchannel.transfer() flushes the bytes it moves and recvchannel's wait
 * invalidates them, as PYNQ's channels do, so cached buffers just work.
 */
import type { NdArray } from '../np/ndarray.js';
import { type Registers, Uio } from '../uio.js';
import {
  DEFAULT_TIMEOUT_MS, DmaChannel, TRANSFER_OPTION_KEYS, type TransferOptions, WAIT_ASYNC_OPTION_KEYS, WAIT_OPTION_KEYS,
  type WaitAsyncOptions, type WaitOptions, transferRange,
} from './engine.js';
import { DmaBusyError, DmaTimeoutError } from './errors.js';
import { type DmaExtent, syncBytes } from './registry.js';
import { checkOptions, extraArgumentOf } from '../options.js';

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
 * whole machine if a transfer touches its last byte: keep transfers to 2 KiB.
 */
export const EDU_MAX_TRANSFER = 2048;

/** Options of an edu transfer: where in the device's buffer. */
export interface EduTransferOptions extends TransferOptions {
  /** Bytes into the device's 4 KiB buffer; default 0. */
  deviceOffset?: number;
}

/** One direction of the edu engine. */
export class EduDmaChannel extends DmaChannel {
  readonly name: string;
  private pending: { extent: DmaExtent; offset: number; nbytes: number } | undefined;

  constructor(
    private readonly edu: EduDma,
    private readonly toRam: boolean,
  ) {
    super();
    this.name = `EduDma ${toRam ? 'recvchannel' : 'sendchannel'}`;
  }

  get idle(): boolean {
    return (this.edu.regs.read(DMA_CMD) & CMD_START) === 0;
  }

  get error(): boolean {
    return false;
  }

  status(): string {
    const r = this.edu.regs;
    return `command 0x${r.read(DMA_CMD).toString(16)}, interrupt status 0x${r.read(IRQ_STATUS).toString(16)}`;
  }

  /**
   * Start moving `nbytes` (default all, at most 2 KiB) at `start` of the
   * array to (sendchannel) or from (recvchannel) the device's buffer.
   * @throws DmaBusyError while a transfer is in flight; NotContiguousError; RangeError
   */
  transfer(array: NdArray, opts: EduTransferOptions = {}): void {
    if (arguments.length > 2) extraArgumentOf(`${this.name}.transfer`, 2, arguments[2]);
    checkOptions(`${this.name}.transfer`, opts, { ...TRANSFER_OPTION_KEYS, deviceOffset: true });
    const { extent, address, nbytes } = transferRange(array, opts);
    const deviceOffset = opts.deviceOffset ?? 0;
    if (nbytes > EDU_MAX_TRANSFER || deviceOffset < 0 || deviceOffset + nbytes > 0xfff) {
      throw new RangeError(
        `edu transfers are 1-${EDU_MAX_TRANSFER} bytes inside the device buffer before its last byte; ` +
          `got ${nbytes} bytes at device offset ${deviceOffset}`,
      );
    }
    if (!this.edu.idle) throw new DmaBusyError(this.name, this.status());
    const offset = extent.bufferStart + (address - extent.busAddress);
    if (!this.toRam) syncBytes(extent.udmabuf, offset, nbytes, true);
    this.pending = { extent, offset, nbytes };
    const device = EDU_BUFFER + deviceOffset;
    this.edu.start(this.toRam ? device : address, this.toRam ? address : device, nbytes, this.toRam);
  }

  /** Blocking wait (the interrupt, read synchronously). */
  override wait(opts: WaitOptions = {}): void {
    checkOptions(`${this.name}.wait`, opts, WAIT_OPTION_KEYS);
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (this.pending) {
      try {
        this.edu.uio.waitInterrupt(timeoutMs);
      } catch (err) {
        if ((err as { code?: string }).code === 'ETIMEDOUT') throw new DmaTimeoutError(this.name, timeoutMs, this.status());
        throw err;
      }
    }
    super.wait({ timeoutMs });
  }

  /** Event-loop wait for the engine's interrupt. */
  override async waitAsync(opts: WaitAsyncOptions = {}): Promise<void> {
    checkOptions(`${this.name}.waitAsync`, opts, WAIT_ASYNC_OPTION_KEYS);
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (this.pending) {
      try {
        await this.edu.uio.interrupt({ timeoutMs, signal: opts.signal });
      } catch (err) {
        if (err instanceof DmaTimeoutError) throw new DmaTimeoutError(this.name, timeoutMs, this.status());
        throw err;
      }
    }
    await super.waitAsync({ timeoutMs, signal: opts.signal });
  }

  protected override finish(): void {
    this.edu.acknowledge();
    const p = this.pending;
    this.pending = undefined;
    if (p && this.toRam) syncBytes(p.extent.udmabuf, p.offset, p.nbytes, false);
    super.finish();
  }
}

/**
 * The edu device's DMA engine.
 *
 * @example
 * using src = allocate(1024, 'uint8'), dst = allocate(1024, 'uint8');
 * const edu = new EduDma();
 * edu.sendchannel.transfer(src); await edu.sendchannel.waitAsync({ timeoutMs: 5000 });
 * edu.recvchannel.transfer(dst); await edu.recvchannel.waitAsync({ timeoutMs: 5000 });
 */
export class EduDma {
  readonly uio: Uio;
  readonly regs: Registers;
  /** RAM → the device's buffer (PYNQ's MM2S). */
  readonly sendchannel: EduDmaChannel;
  /** The device's buffer → RAM (PYNQ's S2MM). */
  readonly recvchannel: EduDmaChannel;
  /** Transfers started so far. */
  transfers = 0;

  /** Find the device (1234:11e8), bind it to uio_pci_generic, bus mastering on, map BAR0. */
  constructor(uio?: Uio) {
    if (arguments.length > 1) extraArgumentOf('new EduDma', 1, arguments[1]);
    this.uio = uio ?? Uio.fromPci(0x1234, 0x11e8);
    this.regs = this.uio.mapResource(0);
    this.sendchannel = new EduDmaChannel(this, false);
    this.recvchannel = new EduDmaChannel(this, true);
  }

  /** True when the engine is not moving anything. */
  get idle(): boolean {
    return (this.regs.read(DMA_CMD) & CMD_START) === 0;
  }

  /** Program and start one transfer (bus addresses), with an interrupt when done. */
  start(src: number, dst: number, count: number, toRam: boolean): void {
    if (arguments.length > 4) extraArgumentOf('EduDma.start', 4, arguments[4]);
    // uio_pci_generic turns bus mastering off whenever any file of the device
    // is closed (by anyone): without it the engine silently moves nothing
    if (this.uio.pci) Uio.enableBusMaster(this.uio.pci);
    this.acknowledge();
    this.uio.clearInterrupt(); // a late one of an earlier transfer must not answer this one
    this.write64(DMA_SRC, src);
    this.write64(DMA_DST, dst);
    this.regs.write(DMA_COUNT, count);
    // uio_pci_generic masked INTx when the last interrupt came: unmask first
    this.uio.enableInterrupts();
    this.regs.write(DMA_CMD, CMD_START | (toRam ? CMD_TO_RAM : 0) | CMD_IRQ);
    this.transfers++;
  }

  /** Acknowledge the engine's interrupt (drops the line). */
  acknowledge(): void {
    if (arguments.length > 0) extraArgumentOf('EduDma.acknowledge', 0, arguments[0]);
    const status = this.regs.read(IRQ_STATUS);
    if (status & IRQ_DMA_DONE) this.regs.write(IRQ_ACK, IRQ_DMA_DONE);
  }

  private write64(offset: number, value: number): void {
    this.regs.write(offset, value >>> 0);
    this.regs.write(offset + 4, Math.floor(value / 2 ** 32));
  }

  close(): void {
    if (arguments.length > 0) extraArgumentOf('EduDma.close', 0, arguments[0]);
    this.uio.close();
  }
}
