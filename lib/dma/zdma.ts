/**
 * Zdma: one channel of the ZynqMP's general-purpose DMA (GDMA, "ZDMA"),
 * memory to memory in simple (register) mode, driven through /dev/mem as
 * PYNQ's MMIO does: Debian's kernel has no driver for it, and its interrupt
 * has no UIO node, so completion is polled.
 *
 * Registers of a channel (ZynqMP TRM UG1087 "ZDMA", as QEMU's xlnx-zdma
 * models them), at 0xfd500000 + n * 0x10000 for GDMA channel n (0-7):
 *   0x100 ISR (write 1 to clear; bit 10 DMA_DONE, bits 0 and 3-9 errors)
 *   0x104 IMR, 0x108 IEN, 0x10c IDS   (interrupt mask; left masked)
 *   0x110 CTRL0 (bit 6 POINT_TYPE: 0 simple mode; bits 4-5 MODE: 0 read-write)
 *   0x11c STATUS (bits 0-1 STATE; 3 = done with error)
 *   0x120 DATA_ATTR (AXI burst types: INCR, reset value 0x0483d20f)
 *   0x128-0x134 SRC_DSCR_WORD0-3 (address low, address high 17 bits, size 30 bits, control)
 *   0x138-0x144 DST_DSCR_WORD0-3
 *   0x188 TOTAL_BYTE (write 1s to clear)
 *   0x200 CTRL2 (bit 0 EN: starts the channel, cleared when the transfer is done)
 */
import type { NdArray } from '../np/ndarray.js';
import { DmaBusyError, DmaEngineError } from './errors.js';
import { DmaChannel, TRANSFER_OPTION_KEYS, type TransferOptions, WAIT_ASYNC_OPTION_KEYS, type WaitAsyncOptions, transferRange } from './engine.js';
import { MMIO, type RegisterFile } from './mmio.js';
import { type DmaExtent, dmaExtentOf, syncBytes } from './registry.js';
import { checkOptions, extraArgumentOf } from '../options.js';

export const ZDMA_GDMA_BASE = 0xfd500000;
export const ZDMA_CHANNEL_STRIDE = 0x10000;
export const ZDMA_CHANNELS = 8;

/** Register offsets of one channel. */
export const ZDMA = {
  ISR: 0x100,
  IMR: 0x104,
  IEN: 0x108,
  IDS: 0x10c,
  CTRL0: 0x110,
  STATUS: 0x11c,
  DATA_ATTR: 0x120,
  SRC_DSCR_WORD0: 0x128,
  SRC_DSCR_WORD1: 0x12c,
  SRC_DSCR_WORD2: 0x130,
  SRC_DSCR_WORD3: 0x134,
  DST_DSCR_WORD0: 0x138,
  DST_DSCR_WORD1: 0x13c,
  DST_DSCR_WORD2: 0x140,
  DST_DSCR_WORD3: 0x144,
  TOTAL_BYTE: 0x188,
  CTRL2: 0x200,
} as const;

const ISR_DMA_DONE = 1 << 10;
/** INV_APB, BYTE_CNT_OVRFL, SRC/DST_ACCT_ERR, AXI_RD_SRC/DST_DSCR, AXI_RD_DATA, AXI_WR_DATA. */
const ISR_ERRORS = 0x3f9;
const ISR_ALL = 0xfff;
const STATE_ERROR = 3;
const CTRL2_EN = 1;
/** AXI read and write bursts INCR, the reset value. */
const DATA_ATTR_INCR = 0x0483d20f;
/** The size field of a descriptor: 30 bits. */
export const ZDMA_MAX_TRANSFER = 0x3fffffff;
const hex = (n: number) => `0x${n.toString(16)}`;

/** Options of {@link Zdma.transfer}: the destination of a memory-to-memory move. */
export interface ZdmaTransferOptions extends TransferOptions {
  /** Where the bytes go: a contiguous view of DMA memory. */
  dst: NdArray;
  /** Bytes into `dst`; default 0. */
  dstStart?: number;
}

/** Options of {@link Zdma}. */
export interface ZdmaOptions {
  /** The channel's registers instead of /dev/mem (tests, or a mapping of your own). */
  registers?: RegisterFile;
}

/**
 * One GDMA channel.
 *
 * @example
 * using src = allocate(4096, 'uint8'), dst = allocate(4096, 'uint8');
 * await new Zdma(0).copy(dst, src, { timeoutMs: 1000 });
 */
export class Zdma extends DmaChannel {
  readonly name: string;
  readonly channel: number;
  readonly regs: RegisterFile;
  private pending: { extent: DmaExtent; offset: number; nbytes: number } | undefined;

  constructor(channel = 0, opts: ZdmaOptions = {}) {
    if (arguments.length > 2) extraArgumentOf('new Zdma', 2, arguments[2]);
    super();
    checkOptions('new Zdma', opts, { registers: true });
    if (!Number.isInteger(channel) || channel < 0 || channel >= ZDMA_CHANNELS) {
      throw new RangeError(`GDMA channel ${channel} must be 0-${ZDMA_CHANNELS - 1}`);
    }
    this.channel = channel;
    this.name = `Zdma ${channel}`;
    this.regs = opts.registers ?? new MMIO(ZDMA_GDMA_BASE + channel * ZDMA_CHANNEL_STRIDE, 0x1000);
  }

  get idle(): boolean {
    return (this.regs.read(ZDMA.CTRL2) & CTRL2_EN) === 0;
  }

  get error(): boolean {
    return (this.regs.read(ZDMA.STATUS) & 3) === STATE_ERROR || (this.regs.read(ZDMA.ISR) & ISR_ERRORS) !== 0;
  }

  status(): string {
    const r = this.regs;
    return `STATUS ${hex(r.read(ZDMA.STATUS))}, ISR ${hex(r.read(ZDMA.ISR))}, CTRL2 ${hex(r.read(ZDMA.CTRL2))}, ` +
      `TOTAL_BYTE ${r.read(ZDMA.TOTAL_BYTE)}`;
  }

  /**
   * Start copying `nbytes` (default the rest of `array`) at `start` of
   * `array` into `opts.dst` at `opts.dstStart`. Flushes the source bytes;
   * the wait invalidates the destination's.
   * @throws DmaBusyError while a transfer is in flight; NotContiguousError; RangeError
   */
  transfer(array: NdArray, opts: ZdmaTransferOptions): void {
    if (arguments.length > 2) extraArgumentOf(`${this.name}.transfer`, 2, arguments[2]);
    if (!opts || !opts.dst) throw new TypeError(`${this.name}.transfer(src, { dst }): a memory-to-memory copy needs a destination`);
    checkOptions(`${this.name}.transfer`, opts, { ...TRANSFER_OPTION_KEYS, dst: true, dstStart: true });
    const src = transferRange(array, opts);
    const dstExtent = dmaExtentOf(opts.dst);
    const dstStart = opts.dstStart ?? 0;
    const dstBytes = dstExtent.bufferEnd - dstExtent.bufferStart;
    if (!Number.isInteger(dstStart) || dstStart < 0 || dstStart + src.nbytes > dstBytes) {
      throw new RangeError(`${this.name}: ${src.nbytes} bytes at ${dstStart} do not fit the ${dstBytes}-byte destination`);
    }
    if (src.nbytes > ZDMA_MAX_TRANSFER) throw new RangeError(`${this.name}: at most ${ZDMA_MAX_TRANSFER} bytes per transfer`);
    if (!this.idle) throw new DmaBusyError(this.name, this.status());
    syncBytes(src.extent.udmabuf, src.extent.bufferStart + (src.address - src.extent.busAddress), src.nbytes, true);
    const dst = dstExtent.busAddress + dstStart;
    this.pending = { extent: dstExtent, offset: dstExtent.bufferStart + dstStart, nbytes: src.nbytes };
    this.program(src.address, dst, src.nbytes);
  }

  /** Copy `src` into `dst` (both contiguous, dst at least as large) and wait. */
  async copy(dst: NdArray, src: NdArray, opts: WaitAsyncOptions & { nbytes?: number } = {}): Promise<void> {
    if (arguments.length > 3) extraArgumentOf(`${this.name}.copy`, 3, arguments[3]);
    const { nbytes, ...wait } = checkOptions(`${this.name}.copy`, opts, { ...WAIT_ASYNC_OPTION_KEYS, nbytes: true });
    this.transfer(src, { dst, nbytes });
    await this.waitAsync(wait);
  }

  /** Simple-mode programming of one transfer, then EN. */
  private program(src: number, dst: number, nbytes: number): void {
    const r = this.regs;
    r.write(ZDMA.ISR, ISR_ALL); // clear what the last transfer left
    r.write(ZDMA.TOTAL_BYTE, 0xffffffff);
    r.write(ZDMA.IDS, ISR_ALL); // no interrupt: nothing in the kernel would take it
    r.write(ZDMA.CTRL0, 0x80); // simple mode, read-write, no rate control (reset value)
    r.write(ZDMA.DATA_ATTR, DATA_ATTR_INCR);
    r.write(ZDMA.SRC_DSCR_WORD0, src >>> 0);
    r.write(ZDMA.SRC_DSCR_WORD1, Math.floor(src / 2 ** 32) & 0x1ffff);
    r.write(ZDMA.SRC_DSCR_WORD2, nbytes);
    r.write(ZDMA.SRC_DSCR_WORD3, 0);
    r.write(ZDMA.DST_DSCR_WORD0, dst >>> 0);
    r.write(ZDMA.DST_DSCR_WORD1, Math.floor(dst / 2 ** 32) & 0x1ffff);
    r.write(ZDMA.DST_DSCR_WORD2, nbytes);
    r.write(ZDMA.DST_DSCR_WORD3, 0);
    r.write(ZDMA.CTRL2, CTRL2_EN);
  }

  protected override finish(): void {
    const p = this.pending;
    this.pending = undefined;
    if (p) syncBytes(p.extent.udmabuf, p.offset, p.nbytes, false);
    super.finish();
    if (p && !(this.regs.read(ZDMA.ISR) & ISR_DMA_DONE)) {
      throw new DmaEngineError(this.name, this.status(), 'the channel stopped without DMA_DONE');
    }
  }

  /** Unmap the channel's registers (when they are an MMIO of its own). */
  close(): void {
    if (arguments.length > 0) extraArgumentOf(`${this.name}.close`, 0, arguments[0]);
    if (this.regs instanceof MMIO) this.regs.close();
  }
}
