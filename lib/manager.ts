/**
 * UdmabufManager: create and delete buffers at run time through
 * /dev/u-dma-buf-mgr (root only).
 */
import { existsSync, writeFileSync } from 'node:fs';

import {
  BufferTooLargeError, BusyError, ModuleNotLoadedError, NoSuchBufferError, PermissionDeniedError,
  UdmabufError, errnoCode,
} from './errors.js';

/** Options of the manager's calls. */
export interface ManagerOptions {
  /** The manager's device; default '/dev/u-dma-buf-mgr'. */
  mgrPath?: string;
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
  create(name: string, size: number, opts: ManagerOptions = {}): void {
    if (!Number.isSafeInteger(size) || size <= 0) {
      throw new UdmabufError('EINVAL', `size ${size} must be a whole number of bytes > 0`);
    }
    if (/[\s;]/.test(name)) throw new UdmabufError('EINVAL', `name '${name}' must not hold spaces or ';'`);
    send(`create ${name} ${size}`, name, size, opts);
  },

  /**
   * Delete a buffer.
   * @throws BusyError while it is open or mapped; NoSuchBufferError
   */
  delete(name: string, opts: ManagerOptions = {}): void {
    if (/[\s;]/.test(name)) throw new UdmabufError('EINVAL', `name '${name}' must not hold spaces or ';'`);
    send(`delete ${name}`, name, 0, opts);
  },
};
