/**
 * np.memmap: an array over a file's bytes, as numpy.memmap.
 *
 * Works for regular files and device files alike (a device's size comes
 * from lseek, which u-dma-buf answers with the buffer size).
 */
import { closeSync, constants as fsc, fstatSync, ftruncateSync, openSync } from 'node:fs';

import { binding } from '../binding.js';
import { DTypeError, PermissionDeniedError, ShapeError, UdmabufError, errnoCode } from '../errors.js';
import { type OptionKeys, pathArg, plainOptions, extraArgument } from './axisarg.js';
import { stridedView } from './create.js';
import { type DType, type DTypeLike, dtypeArg, uint8 } from './dtype.js';
import { ValueError } from './errors.js';
import { Mapping, type Access } from './mapping.js';
import { type NdArray, type ShapeLike, arrayArg, markReadOnly, sizeOf, toShape, wrap } from './ndarray.js';

/** numpy.memmap's modes and their long names. */
export type MemmapMode = 'r' | 'r+' | 'w+' | 'c' | 'readonly' | 'readwrite' | 'write' | 'copyonwrite';

const MODES: Record<MemmapMode, 'r' | 'r+' | 'w+' | 'c'> = {
  r: 'r', 'r+': 'r+', 'w+': 'w+', c: 'c',
  readonly: 'r', readwrite: 'r+', write: 'w+', copyonwrite: 'c',
};

/** Options of {@link memmap}, named as numpy's. */
export interface MemmapOptions {
  /** Element type; default 'uint8'. */
  dtype?: DTypeLike;
  /** Default 'r+'. */
  mode?: MemmapMode;
  /** Bytes into the file where the array starts; default 0. */
  offset?: number;
  /** Default: as many elements as fit from offset to the end. */
  shape?: ShapeLike;
  /** Element order of the file: 'C' (default, last axis fastest) or 'F' (first axis fastest). */
  order?: 'C' | 'F';
}

/** The keys of {@link MemmapOptions}, in numpy's order: any other key is refused. */
export const MEMMAP_OPTION_KEYS: OptionKeys<MemmapOptions> = { dtype: true, mode: true, offset: true, shape: true, order: true };

const OPEN_FLAGS = {
  r: fsc.O_RDONLY,
  'r+': fsc.O_RDWR,
  'w+': fsc.O_RDWR | fsc.O_CREAT | fsc.O_TRUNC,
  c: fsc.O_RDONLY,
} as const;

// NOTE: mode 'r' maps copy-on-write: JavaScript cannot make a typed array
// read-only, and a store into a PROT_READ mapping would kill the process.
// The array is marked read-only (set and np's writers refuse, as numpy's);
// a store straight into its typed array stays in this process, as mode 'c'.
const ACCESS: Record<'r' | 'r+' | 'w+' | 'c', Access> = {
  r: 'copyonwrite', 'r+': 'readwrite', 'w+': 'readwrite', c: 'copyonwrite',
};

/** The data of every memmap array (views share it), so they print as numpy's `memmap(...)`. */
const MAPPED = new WeakSet<object>();

/**
 * Whether `a` views a file mapped by {@link memmap} (or `load` with
 * `mmap_mode`): numpy's `isinstance(a, np.memmap)` for the array and its
 * views. Results computed from it are new arrays, as numpy's.
 *
 * @example
 * ```ts
 * np.save('/tmp/doc-ismemmap.npy', np.zeros(3));
 * np.isMemmap(np.load('/tmp/doc-ismemmap.npy', { mmap_mode: 'r' })) // => true
 * np.isMemmap(np.load('/tmp/doc-ismemmap.npy')) // => false
 * ```
 */
export function isMemmap(a: NdArray): boolean {
  if (arguments.length > 1) extraArgument('np.isMemmap', 1, arguments[1]);
  return MAPPED.has(arrayArg('np.isMemmap', a).data);
}

function openFile(path: string, mode: 'r' | 'r+' | 'w+' | 'c'): number {
  try {
    return openSync(path, OPEN_FLAGS[mode], 0o644);
  } catch (err) {
    if (errnoCode(err) === 'EACCES') throw new PermissionDeniedError(path, { cause: err });
    throw err;
  }
}

function mapOrExplain(path: string, fd: number, offset: number, nbytes: number, dt: DType, access: Access) {
  try {
    return Mapping.map(fd, offset, nbytes, dt, access);
  } catch (err) {
    if (errnoCode(err) === 'EINVAL' && access === 'copyonwrite') {
      throw new UdmabufError('EINVAL', `${path} can only be mapped shared: use mode 'r+'`, { cause: err });
    }
    throw err;
  }
}

/**
 * Map a file into an array, as `numpy.memmap(path, dtype, mode, offset, shape)`.
 *
 * Caveats: the offset must be a multiple of the dtype's size (JavaScript
 * typed arrays cannot be unaligned).
 *
 * @param path - file or device to map
 * @param options - dtype (default 'uint8'), mode (default 'r+'), offset (0), shape, order ('C')
 * @returns an ndarray viewing the file's bytes; no copy is made
 * @throws ShapeError when the shape does not fit, or with mode 'w+' and no shape
 * @example
 * ```ts
 * np.tofile(np.arange(4, { dtype: 'uint8' }), '/tmp/doc-memmap.bin');
 * np.memmap('/tmp/doc-memmap.bin', { dtype: 'uint8', mode: 'r' }) // => memmap([0, 1, 2, 3], dtype=uint8)
 * ```
 */
export function memmap(path: string, optionsArg?: MemmapOptions): NdArray {
  if (arguments.length > 2) extraArgument('np.memmap', 2, arguments[2]);
  pathArg('np.memmap', path);
  const options = plainOptions('np.memmap', optionsArg, MEMMAP_OPTION_KEYS, "{ dtype: 'uint8', mode: 'r' }");
  const modeName = options.mode ?? 'r+';
  const mode = MODES[modeName];
  if (!mode) {
    throw new UdmabufError('EMODE', `mode must be one of ${Object.keys(MODES).map((m) => `'${m}'`).join(', ')}, not '${String(modeName)}'`);
  }
  const dt = dtypeArg('np.memmap', options.dtype ?? uint8);
  const offset = options.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0) throw new ShapeError(`offset ${offset} must be a whole number >= 0`);
  if (offset % dt.itemsize !== 0) {
    throw new DTypeError(`offset ${offset} is not a multiple of ${dt.name}'s ${dt.itemsize} bytes; typed arrays must be aligned`);
  }
  const order = options.order ?? 'C';
  if (order !== 'C' && order !== 'F') throw new ValueError(`order must be 'C' or 'F', not '${String(order)}'`);
  if (mode === 'w+' && options.shape === undefined) throw new ShapeError("shape must be given if mode == 'w+'");

  const fd = openFile(path, mode);
  try {
    const fileSize = binding().seekEnd(fd);
    let shape: number[];
    if (options.shape === undefined) {
      const bytes = fileSize - offset;
      if (bytes <= 0) throw new ShapeError(`offset ${offset} is at or past the end of ${path} (${fileSize} bytes)`);
      if (bytes % dt.itemsize !== 0) {
        throw new ShapeError(`the ${bytes} bytes of ${path} after offset ${offset} are not a multiple of ${dt.name}'s size`);
      }
      shape = [bytes / dt.itemsize];
    } else {
      shape = toShape(options.shape);
    }
    const nbytes = sizeOf(shape) * dt.itemsize;
    if (nbytes === 0) throw new ShapeError('cannot map an empty array (numpy refuses too)');
    if (offset + nbytes > fileSize) {
      if ((mode === 'r+' || mode === 'w+') && fstatSync(fd).isFile()) {
        ftruncateSync(fd, offset + nbytes);
      } else {
        throw new ShapeError(
          `shape (${shape.join(', ')}) of ${dt.name} at offset ${offset} needs ${offset + nbytes} bytes; ${path} has ${fileSize}`,
        );
      }
    }
    const { data } = mapOrExplain(path, fd, offset, nbytes, dt, ACCESS[mode]);
    let a: NdArray;
    if (order === 'C') {
      a = wrap(data, shape) as NdArray;
    } else {
      const stride: number[] = [];
      shape.reduce((step, n) => (stride.push(step), step * n), 1);
      a = stridedView(data, shape, stride);
    }
    MAPPED.add(a.data);
    // numpy's mode 'r' array is not writeable (and neither are its views)
    return mode === 'r' ? markReadOnly(a) : a;
  } finally {
    closeSync(fd);
  }
}
