/**
 * Errors of the u-dma-buf layer. Each says what went wrong and what to do;
 * `code` is stable for scripts, `cause` keeps the system error when there is
 * one.
 */

/** Base class: every error this package throws on purpose. */
export class UdmabufError extends Error {
  /** A short stable identifier, e.g. `ENOMODULE`, `EBUSY`. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The u-dma-buf kernel module is not loaded. */
export class ModuleNotLoadedError extends UdmabufError {
  constructor(what: string, options?: { cause?: unknown }) {
    super(
      'ENOMODULE',
      `${what}: the u-dma-buf kernel module is not loaded; load it first ` +
        `(sudo modprobe u-dma-buf udmabuf0=<size> when DKMS or the .deb installed it, ` +
        `or sudo insmod u-dma-buf.ko udmabuf0=<size>)`,
      options,
    );
  }
}

/** No buffer of that name exists. */
export class NoSuchBufferError extends UdmabufError {
  constructor(name: string, options?: { cause?: unknown }) {
    super(
      'ENOBUF',
      `no u-dma-buf named '${name}': create it with the module parameter udmabufN=<size> ` +
        `(sudo modprobe u-dma-buf udmabuf0=1M), a device-tree node, or at run time with ` +
        `'u-dma-buf create ${name} SIZE' (the manager, /dev/u-dma-buf-mgr)`,
      options,
    );
  }
}

/** The device node or attribute is not open to this user. */
export class PermissionDeniedError extends UdmabufError {
  constructor(path: string, options?: { cause?: unknown }) {
    super(
      'EACCES',
      `permission denied on ${path}: u-dma-buf nodes are root-only; run as root or install ` +
        `the udev rule: sudo cp kernel/99-u-dma-buf.rules /etc/udev/rules.d/ (from the package or ` +
        `the repository; the .deb installs it) && sudo udevadm control --reload-rules`,
      options,
    );
  }
}

/** A shape, offset or dtype that does not fit the buffer or file. */
export class ShapeError extends UdmabufError {
  constructor(message: string) {
    super('ESHAPE', message);
  }
}

/** A dtype name or code this layer does not know. */
export class DTypeError extends UdmabufError {
  constructor(message: string) {
    super('EDTYPE', message);
  }
}

/** Use of a buffer or mapping after close(). */
export class ClosedError extends UdmabufError {
  constructor(what: string) {
    super('ECLOSED', `${what} was closed; open a new Udmabuf to use the buffer again`);
  }
}

/** The kernel could not find that much contiguous memory. */
export class BufferTooLargeError extends UdmabufError {
  constructor(name: string, size: number, options?: { cause?: unknown }) {
    super(
      'ENOMEM',
      `cannot allocate ${size} bytes for '${name}': contiguous DMA memory comes from CMA; ` +
        `use a smaller size, or boot with a larger cma= (e.g. cma=256M). A kernel without ` +
        `CMA (Debian's amd64 kernel) gives at most 4 MiB. dmesg says more.`,
      options,
    );
  }
}

/** The buffer is open or mapped and cannot be deleted. */
export class BusyError extends UdmabufError {
  constructor(name: string, options?: { cause?: unknown }) {
    super(
      'EBUSY',
      `u-dma-buf '${name}' is open or mapped; close every file and Udmabuf using it first`,
      options,
    );
  }
}

/** The errno code of a system error, if it is one. */
export function errnoCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}
