/**
 * UdmabufManager: create and delete buffers at run time through
 * /dev/u-dma-buf-mgr (root only).
 */
import { existsSync, writeFileSync } from 'node:fs';

import {
  BufferTooLargeError, BusyError, ModuleNotLoadedError, NoSuchBufferError, PermissionDeniedError,
  UdmabufError, errnoCode,
} from './errors.js';
import { type OptionKeys, checkOptions, extraArgumentOf } from './options.js';

/** Options of the manager's calls. */
export interface ManagerOptions {
  /** The manager's device; default '/dev/u-dma-buf-mgr'. */
  mgrPath?: string;
}

/** What {@link UdmabufManager.create} can ask of the driver (upstream u-dma-buf-mgr's options). */
export interface CreateOptions extends ManagerOptions {
  /** Allocate for this device, e.g. a PCI card '0000:01:00.0': phys_addr is then its address. */
  device?: string;
  /** The device's bus; default 'platform'. */
  bus?: 'platform' | 'pci';
  /** DMA address bits of a buffer made for its own device, 12-64 (not with `device`). */
  dmaMask?: number;
  /** Page mode: mmap maps the buffer's pages, so O_DIRECT and io_uring work. */
  quirkMmapPage?: boolean;
}

const MANAGER_OPTION_KEYS: OptionKeys<ManagerOptions> = { mgrPath: true };
const CREATE_OPTION_KEYS: OptionKeys<CreateOptions> = { mgrPath: true, device: true, bus: true, dmaMask: true, quirkMmapPage: true };

/** The create command's words after the size. */
function createOptions(opts: CreateOptions): string {
  const words: string[] = [];
  for (const [key, value] of [['bus', opts.bus], ['device', opts.device]] as const) {
    if (value === undefined) continue;
    if (!/^[\w.:-]+$/.test(value)) throw new UdmabufError('EINVAL', `${key} '${value}' is not a device name`);
    words.push(`${key}=${value}`);
  }
  if (opts.bus !== undefined && opts.device === undefined) {
    throw new UdmabufError('EINVAL', 'bus needs device: the device on that bus to allocate for');
  }
  if (opts.dmaMask !== undefined) {
    if (!Number.isInteger(opts.dmaMask) || opts.dmaMask < 12 || opts.dmaMask > 64) {
      throw new UdmabufError('EINVAL', `dmaMask ${opts.dmaMask} must be 12 to 64 (address bits)`);
    }
    if (opts.device !== undefined) {
      throw new UdmabufError('EINVAL', `dmaMask is for buffers made for their own device; ${opts.device}'s driver sets its mask`);
    }
    words.push(`dma-mask=${opts.dmaMask}`);
  }
  if (opts.quirkMmapPage) words.push('quirk-mmap-page');
  return words.length ? ` ${words.join(' ')}` : '';
}

const MGR = '/dev/u-dma-buf-mgr';

function send(command: string, name: string, size: number, opts: ManagerOptions): void {
  const path = opts.mgrPath ?? MGR;
  if (!existsSync(path)) throw new ModuleNotLoadedError(path);
  try {
    writeFileSync(path, command);
  } catch (err) {
    switch (errnoCode(err)) {
      case 'EACCES':
      case 'EPERM':
        throw new PermissionDeniedError(path, { cause: err });
      case 'EEXIST':
        throw new UdmabufError('EEXIST', `a u-dma-buf named '${name}' already exists`, { cause: err });
      case 'ENOMEM':
        throw new BufferTooLargeError(name, size, { cause: err });
      case 'ENOENT':
        throw new NoSuchBufferError(name, { cause: err });
      case 'ENODEV':
        throw new UdmabufError('ENODEV', `'${command}': no such parent device (see /sys/bus/<bus>/devices/)`, { cause: err });
      case 'EBUSY':
        throw new BusyError(name, { cause: err });
      case 'EINVAL':
        throw new UdmabufError(
          'EINVAL',
          `the driver refused '${command}': names are 1-63 visible characters without '/', sizes > 0 (dmesg says more)`,
          { cause: err },
        );
      default:
        throw err;
    }
  }
}

/** Create and delete buffers through /dev/u-dma-buf-mgr. */
export const UdmabufManager = {
  /**
   * Create /dev/<name> of `size` bytes.
   * @throws BufferTooLargeError when CMA cannot provide it; UdmabufError EEXIST, EINVAL
   */
  create(name: string, size: number, opts: CreateOptions = {}): void {
    if (arguments.length > 3) extraArgumentOf('UdmabufManager.create', 3, arguments[3]);
    checkOptions('UdmabufManager.create', opts, CREATE_OPTION_KEYS);
    if (!Number.isSafeInteger(size) || size <= 0) {
      throw new UdmabufError('EINVAL', `size ${size} must be a whole number of bytes > 0`);
    }
    if (/[\s;]/.test(name)) throw new UdmabufError('EINVAL', `name '${name}' must not hold spaces or ';'`);
    send(`create ${name} ${size}${createOptions(opts)}`, name, size, opts);
  },

  /**
   * Delete a buffer.
   * @throws BusyError while it is open or mapped; NoSuchBufferError
   */
  delete(name: string, opts: ManagerOptions = {}): void {
    if (arguments.length > 2) extraArgumentOf('UdmabufManager.delete', 2, arguments[2]);
    checkOptions('UdmabufManager.delete', opts, MANAGER_OPTION_KEYS);
    if (/[\s;]/.test(name)) throw new UdmabufError('EINVAL', `name '${name}' must not hold spaces or ';'`);
    send(`delete ${name}`, name, 0, opts);
  },
};
