/**
 * UIO: user-space drivers for the devices that DMA into a u-dma-buf.
 *
 * A UIO device (/dev/uioN) gives interrupts (write 1 to enable, a 4-byte
 * read to wait for the next one) and register regions to map: its sysfs
 * `maps`, or for a PCI device bound to uio_pci_generic its BARs through
 * /sys/bus/pci/devices/<bdf>/resourceN. Registers are 32-bit views.
 *
 * Registers are read and written through {@link Registers}, with
 * Atomics.load/store: plain typed-array accesses may be merged or dropped
 * by V8's optimiser (a store followed by a load of the same element is
 * answered without reading the device), which is wrong for MMIO.
 *
 * Interrupts: `await uio.interrupt({ timeoutMs, signal })` waits on the
 * event loop (the addon's libuv poll on the fd), so timers and I/O go on
 * meanwhile; `waitInterrupt()` is the synchronous wait for scripts.
 *
 * @example
 * const edu = Uio.fromPci(0x1234, 0x11e8);
 * const regs = edu.mapResource(0);
 * regs.write(0x80, udmabuf.phys_addr);   // DMA source
 */
import { closeSync, constants as fsc, existsSync, openSync, readFileSync, readSync, readdirSync, writeFileSync, writeSync } from 'node:fs';

import { binding } from './binding.js';
import { DmaAbortError, DmaTimeoutError } from './dma/errors.js';
import { PermissionDeniedError, UdmabufError, errnoCode } from './errors.js';
import { Mapping } from './np/mapping.js';
import { uint32 } from './np/dtype.js';
import { checkOptions, extraArgumentOf } from './options.js';

const PCI = '/sys/bus/pci/devices';
const sleeper = new Int32Array(new SharedArrayBuffer(4));

function sleepMs(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function readHex(path: string): number {
  return parseInt(readFileSync(path, 'latin1').trim(), 16);
}

function find(list: string[], what: string): string {
  if (list.length === 0) throw new UdmabufError('ENODEV', what);
  return list[0];
}

/** 32-bit registers of a mapped region, by byte offset. */
export class Registers {
  constructor(
    /** The raw view; prefer read/write for device registers. */
    readonly view: Uint32Array,
  ) {}

  /** Read the 32-bit register at byte `offset`. */
  read(offset: number): number {
    if (arguments.length > 1) extraArgumentOf('Registers.read', 1, arguments[1]);
    return Atomics.load(this.view, offset >>> 2);
  }

  /** Write the 32-bit register at byte `offset`. */
  write(offset: number, value: number): void {
    if (arguments.length > 2) extraArgumentOf('Registers.write', 2, arguments[2]);
    Atomics.store(this.view, offset >>> 2, value >>> 0);
  }
}

/** One UIO device. */
export class Uio {
  /** '/dev/uioN'. */
  readonly path: string;
  /** The PCI address (e.g. '0000:00:04.0') when it is a PCI device. */
  readonly pci: string | undefined;
  private fd: number | undefined;
  private readonly mappings: Mapping[] = [];
  /** The event-loop watch, while interrupt() has waiters. */
  private watch: object | undefined;
  private readonly waiters = new Set<(err: Error | null, count: number) => void>();

  /** Open /dev/uioN by number or path. */
  constructor(device: number | string, pci?: string) {
    if (arguments.length > 2) extraArgumentOf('new Uio', 2, arguments[2]);
    this.path = typeof device === 'number' ? `/dev/uio${device}` : device;
    this.pci = pci;
    try {
      // non-blocking: waitInterrupt polls with its own timeout
      this.fd = openSync(this.path, fsc.O_RDWR | fsc.O_NONBLOCK);
    } catch (err) {
      if (errnoCode(err) === 'EACCES') throw new PermissionDeniedError(this.path, { cause: err });
      if (errnoCode(err) === 'ENOENT') {
        throw new UdmabufError('ENODEV', `${this.path} does not exist: load uio (modprobe uio_pci_generic) and bind the device`, { cause: err });
      }
      throw err;
    }
  }

  /**
   * The PCI device vendor:device, bound to uio_pci_generic if it is not
   * yet, with bus mastering on (without it, its DMA moves nothing).
   */
  static fromPci(vendor: number, device: number): Uio {
    if (arguments.length > 2) extraArgumentOf('Uio.fromPci', 2, arguments[2]);
    const hex = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;
    const bdf = find(
      readdirSync(PCI).filter((d) => readHex(`${PCI}/${d}/vendor`) === vendor && readHex(`${PCI}/${d}/device`) === device),
      `no PCI device ${hex(vendor)}:${hex(device)}`,
    );
    if (!existsSync(`${PCI}/${bdf}/uio`)) {
      const drv = '/sys/bus/pci/drivers/uio_pci_generic';
      if (!existsSync(drv)) throw new UdmabufError('ENODEV', 'uio_pci_generic is not loaded: modprobe uio_pci_generic');
      writeFileSync(`${drv}/new_id`, `${vendor.toString(16)} ${device.toString(16)}`);
    }
    Uio.enableBusMaster(bdf);
    const uio = find(readdirSync(`${PCI}/${bdf}/uio`), `${bdf} has no UIO device`);
    return new Uio(`/dev/${uio}`, bdf);
  }

  /** Set Bus Master Enable (bit 2 of the PCI command register). */
  static enableBusMaster(bdf: string): void {
    if (arguments.length > 1) extraArgumentOf('Uio.enableBusMaster', 1, arguments[1]);
    Uio.updateCommand(bdf, (cmd) => cmd | 0x4);
  }

  /** Read-modify-write the PCI command register (config offset 4). */
  private static updateCommand(bdf: string, change: (cmd: number) => number): void {
    const fd = openSync(`${PCI}/${bdf}/config`, 'r+');
    try {
      const cmd = Buffer.alloc(2);
      readSync(fd, cmd, 0, 2, 4);
      cmd.writeUInt16LE(change(cmd.readUInt16LE(0)), 0);
      writeSync(fd, cmd, 0, 2, 4);
    } finally {
      closeSync(fd);
    }
  }

  /** Map region `index` of the UIO device's sysfs maps, as 32-bit registers. */
  map(index = 0): Registers {
    if (arguments.length > 1) extraArgumentOf('Uio.map', 1, arguments[1]);
    const dir = `/sys/class/uio/${this.path.slice(this.path.lastIndexOf('/') + 1)}/maps/map${index}`;
    if (!existsSync(dir)) throw new UdmabufError('ENODEV', `${this.path} has no map${index}`);
    const size = readHex(`${dir}/size`);
    return this.mapFd(this.file(), index * binding().pageSize, size);
  }

  /** Map PCI BAR `bar` through sysfs resourceN, as 32-bit registers. */
  mapResource(bar = 0): Registers {
    if (arguments.length > 1) extraArgumentOf('Uio.mapResource', 1, arguments[1]);
    if (!this.pci) throw new UdmabufError('ENODEV', `${this.path} is not a PCI device`);
    const path = `${PCI}/${this.pci}/resource${bar}`;
    const fd = binding().open(path, binding().constants.O_RDWR | binding().constants.O_SYNC);
    try {
      return this.mapFd(fd, 0, binding().seekEnd(fd) || 4096);
    } finally {
      binding().close(fd);
    }
  }

  private mapFd(fd: number, offset: number, size: number): Registers {
    const { mapping, data } = Mapping.map(fd, offset, size, uint32, 'readwrite');
    this.mappings.push(mapping);
    return new Registers(data as Uint32Array);
  }

  /**
   * Enable (again) the device's interrupt. uio_pci_generic masks INTx in
   * its handler and leaves unmasking to user space: clear the command
   * register's Interrupt Disable bit. Other UIO drivers take a write of 1.
   */
  enableInterrupts(): void {
    if (arguments.length > 0) extraArgumentOf('Uio.enableInterrupts', 0, arguments[0]);
    if (this.pci) {
      Uio.updateCommand(this.pci, (cmd) => cmd & ~0x400);
      return;
    }
    const one = Buffer.alloc(4);
    one.writeUInt32LE(1, 0);
    writeSync(this.file(), one);
  }

  /**
   * Wait for the next interrupt; returns UIO's total event count.
   * @throws UdmabufError ETIMEDOUT after `timeoutMs`
   */
  waitInterrupt(timeoutMs = 1000): number {
    if (arguments.length > 1) extraArgumentOf('Uio.waitInterrupt', 1, arguments[1]);
    const fd = this.file();
    const count = Buffer.alloc(4);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        readSync(fd, count, 0, 4, null);
        return count.readUInt32LE(0);
      } catch (err) {
        if (errnoCode(err) !== 'EAGAIN') throw err;
      }
      if (Date.now() > deadline) throw new UdmabufError('ETIMEDOUT', `no interrupt from ${this.path} within ${timeoutMs} ms`);
      sleepMs(1);
    }
  }

  /**
   * Wait for the next interrupt without blocking the event loop; resolves
   * with UIO's total event count. An interrupt that came since the last
   * wait (read) resolves at once: none is lost between two waits.
   *
   * @param opts.timeoutMs - default 1000; Infinity waits for ever
   * @param opts.signal - an AbortSignal that gives up the wait
   * @throws DmaTimeoutError (code ETIMEDOUT) after timeoutMs; DmaAbortError on abort
   */
  interrupt(opts: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<number> {
    if (arguments.length > 1) extraArgumentOf('Uio.interrupt', 1, arguments[1]);
    checkOptions('Uio.interrupt', opts, { timeoutMs: true, signal: true });
    const timeoutMs = opts.timeoutMs ?? 1000;
    const signal = opts.signal;
    const fd = this.file();
    return new Promise<number>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new DmaAbortError(`interrupt of ${this.path}`, signal.reason));
        return;
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = (err: Error | null, count: number) => {
        this.waiters.delete(done);
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (this.waiters.size === 0) this.unwatch();
        if (err) reject(err);
        else resolve(count);
      };
      const onAbort = () => done(new DmaAbortError(`interrupt of ${this.path}`, signal?.reason), 0);
      this.waiters.add(done);
      if (Number.isFinite(timeoutMs)) {
        timer = setTimeout(() => done(new DmaTimeoutError(this.path, timeoutMs, '', 'no interrupt came'), 0), timeoutMs);
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      if (!this.watch) {
        try {
          this.watch = binding().uioWatch(fd, (err, count) => {
            for (const w of [...this.waiters]) w(err, count);
          });
        } catch (err) {
          done(err as Error, 0);
        }
      }
    });
  }

  /**
   * Consume an interrupt already counted but not yet waited for (a
   * non-blocking read); true if there was one. Call it before starting work
   * whose interrupt you will wait for, so that a stale one does not answer.
   */
  clearInterrupt(): boolean {
    if (arguments.length > 0) extraArgumentOf('Uio.clearInterrupt', 0, arguments[0]);
    const count = Buffer.alloc(4);
    try {
      readSync(this.file(), count, 0, 4, null);
      return true;
    } catch (err) {
      if (errnoCode(err) === 'EAGAIN') return false;
      throw err;
    }
  }

  private unwatch(): void {
    if (this.watch) binding().uioUnwatch(this.watch);
    this.watch = undefined;
  }

  /**
   * Unmap the registers and close the device; pending interrupt() waits
   * reject. Note: uio_pci_generic clears the device's Bus Master Enable on
   * every close of a /dev/uioN file, also for other users of the device
   * (Uio.enableBusMaster gives it back; EduDma does so before each transfer).
   */
  close(): void {
    if (arguments.length > 0) extraArgumentOf('Uio.close', 0, arguments[0]);
    for (const w of [...this.waiters]) w(new UdmabufError('ECLOSED', `${this.path} was closed while waiting for an interrupt`), 0);
    this.unwatch();
    for (const m of this.mappings) m.close();
    this.mappings.length = 0;
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private file(): number {
    if (this.fd === undefined) throw new UdmabufError('ECLOSED', `${this.path} was closed`);
    return this.fd;
  }
}
