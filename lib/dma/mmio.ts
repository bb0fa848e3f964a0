/**
 * MMIO: PYNQ's class for device registers at a physical address, mapped
 * through /dev/mem. Every access is an Atomics load or store, so V8 never
 * merges, reorders or drops one (plain typed-array accesses may be).
 */
import { binding } from '../binding.js';
import { errnoCode } from '../errors.js';
import { Mapping } from '../np/mapping.js';
import { uint8 } from '../np/dtype.js';
import { MmioError } from './errors.js';
import { checkOptions, extraArgumentOf } from '../options.js';

const dispose: typeof Symbol.dispose =
  Symbol.dispose ?? (Symbol.for('nodejs.dispose') as typeof Symbol.dispose);

/** Anything with 32-bit register reads and writes (MMIO, Registers, a test's fake). */
export interface RegisterFile {
  read(offset: number): number;
  write(offset: number, value: number): void;
}

/** Options of {@link MMIO}. */
export interface MmioOptions {
  /** The memory device; default '/dev/mem'. */
  device?: string;
}

const hex = (n: number) => `0x${n.toString(16)}`;

/**
 * `length` bytes of registers at physical address `base`.
 *
 * @example
 * const gdma = new MMIO(0xfd500000, 0x1000);
 * gdma.write(0x110, 0x80);
 * gdma.read(0x11c);          // 32-bit: a number
 * gdma.read(0x158, 8);       // 64-bit: a bigint
 */
export class MMIO implements RegisterFile {
  readonly base: number;
  readonly length: number;
  /** The registers as 32-bit words (PYNQ's `array`); prefer read/write. */
  readonly array: Uint32Array;
  private readonly words64: BigUint64Array;
  private readonly mapping: Mapping;
  /** Bytes from the mapped page's start to `base`. */
  private readonly lead: number;

  constructor(base: number, length = 4, opts: MmioOptions = {}) {
    if (arguments.length > 3) extraArgumentOf('new MMIO', 3, arguments[3]);
    checkOptions('new MMIO', opts, { device: true });
    const device = opts.device ?? '/dev/mem';
    if (!Number.isSafeInteger(base) || base < 0 || base % 4 !== 0) {
      throw new RangeError(`MMIO base ${base} must be a 4-byte aligned physical address`);
    }
    if (!Number.isInteger(length) || length <= 0) throw new RangeError(`MMIO length ${length} must be > 0 bytes`);
    this.base = base;
    this.length = length;
    const c = binding().constants;
    let fd: number;
    try {
      fd = binding().open(device, c.O_RDWR | c.O_SYNC);
    } catch (err) {
      const code = errnoCode(err);
      if (code === 'EACCES' || code === 'EPERM') {
        throw new MmioError(code, `cannot open ${device}: it needs root (CAP_SYS_RAWIO)`, { cause: err });
      }
      if (code === 'ENOENT') {
        throw new MmioError(code, `${device} does not exist: the kernel was built without CONFIG_DEVMEM`, { cause: err });
      }
      throw err;
    }
    const page = binding().pageSize;
    const start = base - (base % page);
    const span = Math.ceil((base + length - start) / 8) * 8;
    try {
      this.mapping = Mapping.map(fd, start, span, uint8, 'readwrite').mapping;
    } catch (err) {
      const code = errnoCode(err) ?? 'EIO';
      throw new MmioError(
        code,
        `the kernel refused to map ${hex(base)}-${hex(base + length - 1)} from ${device} (${code}): ` +
          `with CONFIG_STRICT_DEVMEM /dev/mem maps only ranges that are not RAM, and with ` +
          `CONFIG_IO_STRICT_DEVMEM only ranges no driver has claimed (see /proc/iomem; unbind that ` +
          `driver or boot with iomem=relaxed)`,
        { cause: err },
      );
    } finally {
      binding().close(fd); // the mapping keeps what it needs
    }
    const lead = base - start;
    this.lead = lead;
    this.array = new Uint32Array(this.mapping.buffer, lead, Math.floor(length / 4));
    this.words64 = new BigUint64Array(this.mapping.buffer, 0, Math.floor(span / 8));
  }

  /**
   * Read the register at byte `offset`: 32-bit (a number) by default,
   * 64-bit (a bigint) with `length` 8.
   */
  read(offset?: number, length?: 4): number;
  read(offset: number, length: 8): bigint;
  read(offset = 0, length: 4 | 8 = 4): number | bigint {
    if (arguments.length > 2) extraArgumentOf('MMIO.read', 2, arguments[2]);
    const word = this.index(offset, length);
    return length === 8 ? Atomics.load(this.words64, word) : Atomics.load(this.array, word);
  }

  /** Write the register at byte `offset`: a number writes 32 bits, a bigint 64. */
  write(offset: number, value: number | bigint): void {
    if (arguments.length > 2) extraArgumentOf('MMIO.write', 2, arguments[2]);
    if (typeof value === 'bigint') {
      Atomics.store(this.words64, this.index(offset, 8), BigInt.asUintN(64, value));
    } else {
      Atomics.store(this.array, this.index(offset, 4), value >>> 0);
    }
  }

  /** Unmap; later accesses throw. Idempotent. */
  close(): void {
    if (arguments.length > 0) extraArgumentOf('MMIO.close', 0, arguments[0]);
    this.mapping.close();
  }

  [dispose](): void {
    this.close();
  }

  private index(offset: number, size: 4 | 8): number {
    if (this.mapping.closed) throw new MmioError('ECLOSED', `MMIO at ${hex(this.base)} was closed`);
    if (!Number.isInteger(offset) || offset < 0 || offset + size > this.length || (this.lead + offset) % size !== 0) {
      throw new RangeError(
        `MMIO offset ${offset} for a ${size * 8}-bit access must be ${size}-byte aligned (base + offset) inside the ${this.length}-byte region`,
      );
    }
    return size === 8 ? (this.lead + offset) / 8 : offset / 4;
  }
}
