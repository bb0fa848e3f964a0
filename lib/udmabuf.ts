/**
 * Udmabuf: one u-dma-buf buffer, with the names of the original Python
 * class (udmabuf.py) so that ported code runs line by line, and camelCase
 * aliases for TypeScript.
 *
 * Reading attributes goes through sysfs as in Python; syncing goes through
 * the driver's ioctl (one system call, no text parsing). The buffer's file
 * is opened on first need and kept until close().
 */
import { binding } from './binding.js';
import { registerMapping } from './dma/registry.js';
import { ClosedError, NoSuchBufferError, PermissionDeniedError, ShapeError, errnoCode } from './errors.js';
import { type DType, type DTypeLike, type DTypeName, dtypeArg } from './np/dtype.js';
import { Mapping } from './np/mapping.js';
import { type NdArray, type ShapeLike, describeArg, sizeOf, toShape, wrap } from './np/ndarray.js';
import { CLASS_DIR, parseInteger, readAttribute, writeAttribute } from './sysfs.js';
import { type OptionKeys, checkOptions, extraArgumentOf } from './options.js';

// Node 18.18+ and 20.4+ define Symbol.dispose; older ones get the shared key.
const dispose: typeof Symbol.dispose =
  Symbol.dispose ?? (Symbol.for('nodejs.dispose') as typeof Symbol.dispose);

/** Options of the constructor. */
export interface UdmabufOptions {
  /** Where device nodes are; default '/dev'. */
  devDir?: string;
  /** Where the driver's class is; default '/sys/class/u-dma-buf'. */
  classDir?: string;
}

/** Options of {@link Udmabuf.memmap}. */
export interface UdmabufMemmapOptions {
  /** Bytes into the buffer where the array starts; default 0. */
  offset?: number;
  /** Map through a file opened with O_SYNC (the sync_mode table decides caching). */
  sync?: boolean;
}

/** Options of {@link Udmabuf.export}. */
export interface ExportOptions {
  /** Bytes into the buffer, a multiple of the page size; default 0. */
  offset?: number;
  /** Bytes; default the rest of the buffer from `offset`. */
  size?: number;
  /** A read-only dma-buf; default false (read-write). */
  readOnly?: boolean;
  /** Map the dma-buf as an O_SYNC file maps the buffer (sync_mode decides); default false. */
  sync?: boolean;
}

const UDMABUF_OPTION_KEYS: OptionKeys<UdmabufOptions> = { devDir: true, classDir: true };
const MEMMAP_OPTION_KEYS: OptionKeys<UdmabufMemmapOptions> = { offset: true, sync: true };
const EXPORT_OPTION_KEYS: OptionKeys<ExportOptions> = { offset: true, size: true, readOnly: true, sync: true };
const SYNC_RANGE_KEYS: OptionKeys<SyncRange> = { offset: true, size: true, direction: true };

/** DMA direction of a sync, as sysfs sync_direction. */
export type SyncDirection = 0 | 1 | 2;

/** A one-off range for sync_for_cpu / sync_for_device. */
export interface SyncRange {
  offset: number;
  size: number;
  /** Default: the stored sync_direction (0 before set_sync_area). */
  direction?: SyncDirection;
}

/**
 * One u-dma-buf buffer.
 *
 * @example
 * const udmabuf = new Udmabuf('udmabuf0');
 * const a = udmabuf.memmap('uint8', udmabuf.buf_size);
 * np.imul(a, 0); np.iadd(a, 0x31);
 * udmabuf.close();
 */
export class Udmabuf {
  /** The buffer's name, e.g. 'udmabuf0'. */
  readonly name: string;
  /** '/dev/<name>'. */
  readonly device_name: string;
  /** '/sys/class/u-dma-buf/<name>'. */
  readonly class_path: string;
  /** The DMA address to give a device (sysfs phys_addr). */
  readonly phys_addr: number;
  /** Size in bytes. */
  readonly buf_size: number;
  /** The stored sync range, null until set_sync_area() runs (as in Python). */
  sync_offset: number | null = null;
  sync_size: number | null = null;
  sync_direction: number | null = null;
  /** The last array memmap() returned (Python's `array`; `mem_map` alias). */
  array: NdArray | null = null;
  /** Bytes per element of the last memmap(). */
  item_size: number | null = null;

  private fd: number | undefined;
  private readonly mappings: Mapping[] = [];
  private closed = false;

  /**
   * Open a buffer by name.
   * @throws ModuleNotLoadedError, NoSuchBufferError, PermissionDeniedError
   */
  constructor(name: string, opts: UdmabufOptions = {}) {
    if (arguments.length > 2) extraArgumentOf('new Udmabuf', 2, arguments[2]);
    checkOptions('new Udmabuf', opts, UDMABUF_OPTION_KEYS);
    this.name = name;
    this.device_name = `${opts.devDir ?? '/dev'}/${name}`;
    this.class_path = `${opts.classDir ?? CLASS_DIR}/${name}`;
    this.phys_addr = this.get_value('phys_addr', 16);
    this.buf_size = this.get_value('size');
  }

  // ---- attributes ----------------------------------------------------------

  /** Read an attribute as an integer (Python's get_value). */
  get_value(name: string, radix = 10): number {
    if (arguments.length > 2) extraArgumentOf('Udmabuf.get_value', 2, arguments[2]);
    return parseInteger(readAttribute(this.class_path, name), radix, `${this.class_path}/${name}`);
  }

  /** Write an attribute (Python's set_value). */
  set_value(name: string, value: number | bigint | string): void {
    if (arguments.length > 2) extraArgumentOf('Udmabuf.set_value', 2, arguments[2]);
    writeAttribute(this.class_path, name, value);
  }

  /** sync_mode, 0-7: how O_SYNC and non-O_SYNC mappings are cached. */
  get sync_mode(): number {
    return this.get_value('sync_mode');
  }
  set sync_mode(mode: number) {
    this.set_value('sync_mode', mode);
  }

  /** 0 when the CPU owns the buffer, 1 when the device does. */
  get sync_owner(): number {
    return this.get_value('sync_owner');
  }

  /** How mmap maps the buffer: 2 page frames (default), 4 pages (O_DIRECT works). */
  get quirk_mmap_mode(): number {
    return this.get_value('quirk_mmap_mode');
  }

  /** 1 when hardware keeps caches coherent (manual sync does no cache work). */
  get dma_coherent(): number {
    return this.get_value('dma_coherent');
  }

  /** Set the stored sync range; what is not given is read back. */
  set_sync_area(direction?: number | null, offset?: number | null, size?: number | null): void {
    if (arguments.length > 3) extraArgumentOf('Udmabuf.set_sync_area', 3, arguments[3]);
    if (offset == null) this.sync_offset = this.get_value('sync_offset');
    else {
      this.set_value('sync_offset', offset);
      this.sync_offset = offset;
    }
    if (size == null) this.sync_size = this.get_value('sync_size');
    else {
      this.set_value('sync_size', size);
      this.sync_size = size;
    }
    if (direction == null) this.sync_direction = this.get_value('sync_direction');
    else {
      this.set_value('sync_direction', direction);
      this.sync_direction = direction;
    }
  }

  /** The device reads the buffer (direction 1). */
  set_sync_to_device(offset?: number | null, size?: number | null): void {
    if (arguments.length > 2) extraArgumentOf('Udmabuf.set_sync_to_device', 2, arguments[2]);
    this.set_sync_area(1, offset, size);
  }

  /** The device writes the buffer (direction 2). */
  set_sync_to_cpu(offset?: number | null, size?: number | null): void {
    if (arguments.length > 2) extraArgumentOf('Udmabuf.set_sync_to_cpu', 2, arguments[2]);
    this.set_sync_area(2, offset, size);
  }

  /** Both ways (direction 0; the original wrote 3, which the driver refuses). */
  set_sync_to_bidirectional(offset?: number | null, size?: number | null): void {
    if (arguments.length > 2) extraArgumentOf('Udmabuf.set_sync_to_bidirectional', 2, arguments[2]);
    this.set_sync_area(0, offset, size);
  }

  // ---- cache sync ----------------------------------------------------------

  /** Hand the buffer (or `range`) to the CPU: invalidate as the direction needs. */
  sync_for_cpu(range?: SyncRange): void {
    if (arguments.length > 1) extraArgumentOf('Udmabuf.sync_for_cpu', 1, arguments[1]);
    this.sync(false, range, 'Udmabuf.sync_for_cpu');
  }

  /** Hand the buffer (or `range`) to the device: clean as the direction needs. */
  sync_for_device(range?: SyncRange): void {
    if (arguments.length > 1) extraArgumentOf('Udmabuf.sync_for_device', 1, arguments[1]);
    this.sync(true, range, 'Udmabuf.sync_for_device');
  }

  /**
   * The ioctl takes the sysfs value: 1 for the stored area, or a one-off
   * range packed as offset << 32 | size | direction << 2 | 1, with offset
   * below 4 GiB and size a multiple of 16. The range is widened to 16-byte
   * boundaries (caches work in whole lines of 32 bytes or more, so this
   * syncs nothing the hardware would not).
   */
  private sync(forDevice: boolean, range: SyncRange | undefined, where: string): void {
    if (range !== undefined) {
      checkOptions(where, range, SYNC_RANGE_KEYS);
      if (!Number.isSafeInteger(range.offset) || !Number.isSafeInteger(range.size)) {
        throw new TypeError(
          `${where}: the range's offset and size are whole numbers of bytes; got offset ${describeArg(range.offset)}, size ${describeArg(range.size)}`,
        );
      }
    }
    const fd = this.file();
    if (!range) {
      binding().syncValue(fd, forDevice, 1n);
      return;
    }
    const direction = range.direction ?? this.sync_direction ?? 0;
    if (range.offset < 0 || range.size < 0 || range.offset + range.size > this.buf_size) {
      throw new ShapeError(
        `sync range offset ${range.offset} size ${range.size} is outside the ${this.buf_size}-byte buffer ${this.name}`,
      );
    }
    if (![0, 1, 2].includes(direction)) {
      throw new RangeError(`sync direction ${direction} is not 0 (bidirectional), 1 (to device) or 2 (from device)`);
    }
    const start = Math.floor(range.offset / 16) * 16;
    const end = Math.ceil((range.offset + range.size) / 16) * 16;
    if (start >= 2 ** 32 || end - start > 0xfffffff0) {
      throw new RangeError(
        `sync range offset ${range.offset} size ${range.size}: the driver's one-off range needs an offset below 4 GiB and a size below 4 GiB; sync the stored area (set_sync_area) instead`,
      );
    }
    const value = (BigInt(start) << 32n) | BigInt(end - start) | (BigInt(direction) << 2n) | 1n;
    binding().syncValue(fd, forDevice, value);
  }

  // ---- DMA-BUF ---------------------------------------------------------------

  /**
   * Export a range of the buffer as a DMA-BUF (U_DMA_BUF_IOCTL_EXPORT) for
   * another driver (V4L2, DRM, a GPU) to import, or to mmap.
   *
   * The buffer cannot be deleted while the dma-buf lives; close the
   * returned descriptor with `fs.closeSync(fd)` when the importer is done.
   * The device address of the range is `phys_addr + offset`.
   *
   * @returns the dma-buf's file descriptor (close-on-exec)
   * @throws ShapeError when the range is not inside the buffer or the
   *   offset is not page-aligned
   */
  export(opts: ExportOptions = {}): number {
    if (arguments.length > 1) extraArgumentOf('Udmabuf.export', 1, arguments[1]);
    checkOptions('Udmabuf.export', opts, EXPORT_OPTION_KEYS);
    const offset = opts.offset ?? 0;
    const size = opts.size ?? this.buf_size - offset;
    const page = binding().pageSize;
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(size) || offset < 0 || size <= 0 ||
        offset + size > this.buf_size || offset % page !== 0) {
      throw new ShapeError(
        `export offset ${offset} size ${size}: give a multiple of ${page} as offset and a size > 0 inside the ${this.buf_size}-byte buffer ${this.name}`,
      );
    }
    const c = binding().constants;
    const flags = (opts.readOnly ? c.O_RDONLY : c.O_RDWR) | c.O_CLOEXEC | (opts.sync ? c.O_SYNC : 0);
    return binding().exportDmaBuf(this.file(), offset, size, flags).fd;
  }

  // ---- mapping -------------------------------------------------------------

  /**
   * Map the buffer as an array of `dtype` and `shape` (no copy), as Python's
   * memmap(). Also stored as `.array`, with `.item_size` set.
   *
   * @param dtype - numpy dtype name, code or np dtype
   * @param shape - element count or dimensions (C order)
   * @param opts - offset in bytes; sync to map through an O_SYNC file
   * @throws ShapeError when the array would pass the end of the buffer
   */
  memmap<N extends DTypeName>(dtype: N | DType<N>, shape: ShapeLike, opts?: UdmabufMemmapOptions): NdArray<N>;
  memmap(dtype: DTypeLike, shape: ShapeLike, opts?: UdmabufMemmapOptions): NdArray;
  memmap(dtype: DTypeLike, shape: ShapeLike, opts: UdmabufMemmapOptions = {}): NdArray {
    if (arguments.length > 3) extraArgumentOf('Udmabuf.memmap', 3, arguments[3]);
    checkOptions('Udmabuf.memmap', opts, MEMMAP_OPTION_KEYS);
    this.checkOpen();
    const dt = dtypeArg('Udmabuf.memmap', dtype);
    const dims = toShape(shape);
    const offset = opts.offset ?? 0;
    const bytes = sizeOf(dims) * dt.itemsize;
    if (!Number.isInteger(offset) || offset < 0 || offset % dt.itemsize !== 0) {
      throw new ShapeError(`offset ${offset} must be a whole multiple of ${dt.name}'s ${dt.itemsize} bytes`);
    }
    if (bytes === 0 || offset + bytes > this.buf_size) {
      throw new ShapeError(
        `shape (${dims.join(', ')}) of ${dt.name} at offset ${offset} needs ${offset + bytes} bytes; ` +
          `${this.name} has ${this.buf_size}`,
      );
    }
    const c = binding().constants;
    const fd = opts.sync ? this.openDevice(c.O_RDWR | c.O_SYNC) : this.file();
    try {
      const { mapping, data } = Mapping.map(fd, offset, bytes, dt, 'readwrite');
      this.mappings.push(mapping);
      registerMapping(data, this, offset); // physicalAddress() of any view of it
      this.array = wrap(data, dims) as NdArray;
      this.item_size = dt.itemsize;
      return this.array;
    } finally {
      if (opts.sync) binding().close(fd); // the mapping keeps the file
    }
  }

  /** Python's udmabuf_test.py reads the array as `mem_map`. */
  get mem_map(): NdArray | null {
    return this.array;
  }

  /** Unmap every array and close the file. Views then read as zero length. */
  close(): void {
    if (arguments.length > 0) extraArgumentOf('Udmabuf.close', 0, arguments[0]);
    for (const m of this.mappings) m.close();
    this.mappings.length = 0;
    if (this.fd !== undefined) binding().close(this.fd);
    this.fd = undefined;
    this.closed = true;
    this.array = null;
  }

  [dispose](): void {
    this.close();
  }

  private checkOpen(): void {
    if (this.closed) throw new ClosedError(`Udmabuf ${this.name}`);
  }

  private file(): number {
    this.checkOpen();
    if (this.fd === undefined) this.fd = this.openDevice(binding().constants.O_RDWR);
    return this.fd;
  }

  private openDevice(flags: number): number {
    try {
      return binding().open(this.device_name, flags);
    } catch (err) {
      const code = errnoCode(err);
      if (code === 'EACCES' || code === 'EPERM') throw new PermissionDeniedError(this.device_name, { cause: err });
      if (code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO') throw new NoSuchBufferError(this.name, { cause: err });
      throw err;
    }
  }

  // ---- camelCase aliases ---------------------------------------------------

  get deviceName(): string { return this.device_name; }
  get classPath(): string { return this.class_path; }
  get physAddr(): number { return this.phys_addr; }
  get bufSize(): number { return this.buf_size; }
  get itemSize(): number | null { return this.item_size; }
  get syncOffset(): number | null { return this.sync_offset; }
  get syncSize(): number | null { return this.sync_size; }
  get syncDirection(): number | null { return this.sync_direction; }
  get syncMode(): number { return this.sync_mode; }
  set syncMode(mode: number) { this.sync_mode = mode; }
  get syncOwner(): number { return this.sync_owner; }
  get dmaCoherent(): number { return this.dma_coherent; }
  get quirkMmapMode(): number { return this.quirk_mmap_mode; }
  getValue(name: string, radix = 10): number { if (arguments.length > 2) extraArgumentOf('Udmabuf.getValue', 2, arguments[2]); return this.get_value(name, radix); }
  setValue(name: string, value: number | bigint | string): void { if (arguments.length > 2) extraArgumentOf('Udmabuf.setValue', 2, arguments[2]); this.set_value(name, value); }
  setSyncArea(direction?: number | null, offset?: number | null, size?: number | null): void {
    if (arguments.length > 3) extraArgumentOf('Udmabuf.setSyncArea', 3, arguments[3]);
    this.set_sync_area(direction, offset, size);
  }
  setSyncToDevice(offset?: number | null, size?: number | null): void { if (arguments.length > 2) extraArgumentOf('Udmabuf.setSyncToDevice', 2, arguments[2]); this.set_sync_to_device(offset, size); }
  setSyncToCpu(offset?: number | null, size?: number | null): void { if (arguments.length > 2) extraArgumentOf('Udmabuf.setSyncToCpu', 2, arguments[2]); this.set_sync_to_cpu(offset, size); }
  setSyncToBidirectional(offset?: number | null, size?: number | null): void {
    if (arguments.length > 2) extraArgumentOf('Udmabuf.setSyncToBidirectional', 2, arguments[2]);
    this.set_sync_to_bidirectional(offset, size);
  }
  syncForCpu(range?: SyncRange): void { if (arguments.length > 1) extraArgumentOf('Udmabuf.syncForCpu', 1, arguments[1]); this.sync_for_cpu(range); }
  syncForDevice(range?: SyncRange): void { if (arguments.length > 1) extraArgumentOf('Udmabuf.syncForDevice', 1, arguments[1]); this.sync_for_device(range); }
}
