/**
 * Arrays in files and buffers: numpy's `.npy` format (save/load, versions
 * 1.0, 2.0 and 3.0, memory-mapped loads), raw binary files
 * (fromfile/tofile) and byte buffers (frombuffer/tobytes).
 *
 * `save` writes exactly the bytes numpy's `np.save` writes for the same
 * array: the header dict text with its spare room for growing the first
 * axis, padded with spaces and a newline to a multiple of 64 bytes, version
 * 1.0 unless the header needs more. Big-endian `.npy` files are byte-swapped
 * into a little-endian array by `load`; memory-mapping one is refused (the
 * mapped bytes would read wrong).
 */
import { closeSync, fstatSync, openSync, readSync, writeFileSync } from 'node:fs';

import { type AnyTypedArray, type DType, type DTypeLike, type DTypeString, dtype as toDType, dtypeArg, float64 } from './dtype.js';
import { UdmabufError } from '../errors.js';
import { DTypeError, ValueError } from './errors.js';
import { type ArrayInput, asarray, stridedView } from './create.js';
import { allocate, contiguousStrides } from './alloc.js';
import { type OptionKeys, pathArg, plainOptions, extraArgument } from './axisarg.js';
import { copyto } from './fill.js';
import { type MemmapMode, memmap } from './memmap.js';
import { type NdArray, arrayArg, describeArg, dtypeOfArray, isCContiguous, isFortranOnly, isNdArray } from './ndarray.js';

const MAGIC = Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]); // \x93NUMPY
/** numpy leaves room for the first axis to grow to this many digits. */
const GROWTH_DIGITS = 21;
const ALIGN = 64;

/** An empty file where an array was expected (Python's EOFError, as numpy.load raises). */
export class EOFError extends UdmabufError {
  constructor(message: string) {
    super('EEOF', message);
  }
}

// ---------------------------------------------------------------- layout helpers

/** The elements of `a` as one new typed array, in C order (or Fortran order); the engine copies views. */
function gather(a: NdArray, fortran = false): AnyTypedArray {
  // contiguous or not, the engine copies into uninitialised memory: TypedArray
  // slice zero-fills its copy first (100 rows of a 1080p frame: 45 -> 31 µs)
  const out = allocate(dtypeOfArray(a), a.size) as AnyTypedArray;
  copyto(stridedView(out, a.shape, contiguousStrides(a.shape, fortran)), a);
  return out;
}

function bytesOf(t: AnyTypedArray): Buffer {
  return Buffer.from(t.buffer, t.byteOffset, t.byteLength);
}

// ---------------------------------------------------------------- .npy header

/** numpy's array-protocol descr of a dtype, as `.npy` headers write it. */
function descrOf(dt: DType): string {
  if (dt.char === '?') return '|b1';
  return `${dt.itemsize === 1 ? '|' : '<'}${dt.kind}${dt.itemsize}`;
}

function pyTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** The header bytes numpy writes before the data. */
function npyHeader(dt: DType, shape: readonly number[], fortran: boolean): Buffer {
  let dict = `{'descr': '${descrOf(dt)}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': ${pyTuple(shape)}, }`;
  if (shape.length > 0) {
    const growing = shape[fortran ? shape.length - 1 : 0];
    dict += ' '.repeat(Math.max(0, GROWTH_DIGITS - String(growing).length));
  }
  for (const [major, lenBytes] of [[1, 2], [2, 4]] as const) {
    const fixed = MAGIC.length + 2 + lenBytes;
    const body = dict.length + 1; // + '\n'
    const pad = ALIGN - ((fixed + body) % ALIGN);
    const headerLen = body + pad;
    if (major === 1 && headerLen >= 65536) continue;
    const out = Buffer.alloc(fixed + headerLen, 0x20);
    MAGIC.copy(out, 0);
    out[6] = major;
    out[7] = 0;
    if (lenBytes === 2) out.writeUInt16LE(headerLen, 8);
    else out.writeUInt32LE(headerLen, 8);
    out.write(dict, fixed, 'latin1');
    out[out.length - 1] = 0x0a;
    return out;
  }
  throw new ValueError('header does not fit the .npy format');
}

interface NpyHeader {
  dtype: DType;
  /** The descr's byte order: true when the file is big-endian. */
  swap: boolean;
  fortran: boolean;
  shape: number[];
  /** Bytes before the data. */
  dataOffset: number;
}

function fail(path: string, why: string): never {
  throw new ValueError(`${path} is not a valid .npy file: ${why}`);
}

/** Parse numpy's header dict text (a Python literal with three keys). */
function parseDict(path: string, text: string): Omit<NpyHeader, 'dataOffset'> {
  const t = text.trim();
  if (!t.startsWith('{') || !t.endsWith('}')) fail(path, `the header is not a dict: ${JSON.stringify(t.slice(0, 80))}`);
  const descr = /['"]descr['"]\s*:\s*['"]([^'"]*)['"]/.exec(t);
  const fortran = /['"]fortran_order['"]\s*:\s*(True|False)\b/.exec(t);
  const shape = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(t);
  const keys = [...t.matchAll(/['"](\w+)['"]\s*:/g)].map((m) => m[1]).sort();
  if (!descr || !fortran || !shape || keys.join() !== 'descr,fortran_order,shape') {
    if (/['"]descr['"]\s*:\s*\[/.test(t)) throw new DTypeError(`${path}: structured dtypes are not supported (header ${t})`);
    fail(path, `header does not contain the correct keys: ${t}`);
  }
  const dims = shape[1].split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (!dims.every((s) => /^\d+L?$/.test(s))) fail(path, `shape is not a tuple of whole numbers: (${shape[1]})`);
  const code = descr[1];
  const order = code[0];
  const bare = '<>|='.includes(order) ? code.slice(1) : code;
  let dt: DType;
  try {
    dt = toDType((bare === 'b1' ? 'bool' : bare) as DTypeString);
  } catch {
    throw new DTypeError(`${path}: dtype '${code}' is not supported (bool, int8…int64, uint8…uint64, float32, float64)`);
  }
  return { dtype: dt, swap: order === '>' && dt.itemsize > 1, fortran: fortran[1] === 'True', shape: dims.map((s) => parseInt(s, 10)) };
}

function readExactly(fd: number, path: string, length: number, position: number, what: string): Buffer {
  const buf = Buffer.alloc(length);
  const got = length === 0 ? 0 : readSync(fd, buf, 0, length, position);
  if (got < length) throw new ValueError(`EOF: reading ${what} of ${path}, expected ${length} bytes got ${got}`);
  return buf;
}

function readHeader(fd: number, path: string): NpyHeader {
  const start = Buffer.alloc(8);
  const got = readSync(fd, start, 0, 8, 0);
  if (got === 0) throw new EOFError(`No data left in file ${path}`);
  if (got >= 4 && start.readUInt32LE(0) === 0x04034b50) {
    fail(path, "it is a zip archive (an .npz from np.savez): unzip it and load the .npy files inside");
  }
  if (got < 8 || !start.subarray(0, 6).equals(MAGIC)) {
    fail(path, 'it does not start with the .npy magic \\x93NUMPY (pickled or other data cannot be loaded)');
  }
  const major = start[6];
  if (major !== 1 && major !== 2 && major !== 3) fail(path, `format version ${major}.${start[7]} is not 1.0, 2.0 or 3.0`);
  const lenBytes = major === 1 ? 2 : 4;
  const lenBuf = readExactly(fd, path, lenBytes, 8, 'the header length');
  const headerLen = lenBytes === 2 ? lenBuf.readUInt16LE(0) : lenBuf.readUInt32LE(0);
  const header = readExactly(fd, path, headerLen, 8 + lenBytes, 'the array header');
  const text = header.toString(major === 3 ? 'utf8' : 'latin1');
  return { ...parseDict(path, text), dataOffset: 8 + lenBytes + headerLen };
}

function view(data: AnyTypedArray, shape: number[], fortran: boolean): NdArray {
  return stridedView(data, shape, contiguousStrides(shape, fortran));
}

function swapBytes(bytes: Uint8Array, itemsize: number): void {
  for (let i = 0; i < bytes.length; i += itemsize) bytes.subarray(i, i + itemsize).reverse();
}

// ---------------------------------------------------------------- save / load

/** numpy's np.save appends '.npy' to a path without it. */
function npyPath(path: string): string {
  return path.endsWith('.npy') ? path : `${path}.npy`;
}

/**
 * Write an array to a `.npy` file, as `numpy.save`: the same bytes numpy
 * writes (a Fortran-ordered array is stored as such, anything else in C
 * order). '.npy' is appended to a path that lacks it.
 *
 * @param path - the file to write (replaced if it exists)
 * @param arr - the array (or anything np.array accepts)
 * @example
 * ```ts
 * np.save('/tmp/doc-save.npy', np.arange(3, { dtype: 'uint8' }));
 * np.load('/tmp/doc-save.npy') // => array([0, 1, 2], dtype=uint8)
 * ```
 */
export function save(path: string, arr: NdArray | ArrayInput): void {
  if (arguments.length > 2) extraArgument('np.save', 2, arguments[2]);
  const file = npyPath(pathArg('np.save', path));
  const a = asarray(arr);
  const dt = dtypeOfArray(a);
  const fortran = a.shape.length > 1 && isFortranOnly(a);
  const header = npyHeader(dt, a.shape, fortran);
  writeFileSync(file, Buffer.concat([header, bytesOf(gather(a, fortran))]));
}

/** Options of {@link load}, named as numpy's. */
export interface LoadOptions {
  /** Memory-map the file instead of reading it: 'r', 'r+', 'c' (numpy.memmap's modes; 'w+' makes no sense here). */
  mmap_mode?: Exclude<MemmapMode, 'w+' | 'write'> | null;
}

/** The keys of {@link LoadOptions}: any other key is refused. */
export const LOAD_OPTION_KEYS: OptionKeys<LoadOptions> = { mmap_mode: true };

/**
 * Read an array from a `.npy` file, as `numpy.load` (format versions 1.0,
 * 2.0 and 3.0). With `mmap_mode` the array maps the file's data (no copy;
 * 'r+' writes reach the file).
 *
 * @param path - the file
 * @param options - `mmap_mode`
 * @throws ValueError for a file that is not .npy, a corrupt header or missing data; DTypeError for an unsupported dtype
 * @example
 * ```ts
 * np.save('/tmp/doc-load.npy', np.eye(2));
 * np.load('/tmp/doc-load.npy', { mmap_mode: 'r' }).shape // => [ 2, 2 ]
 * ```
 */
export function load(path: string, optionsArg?: LoadOptions): NdArray {
  if (arguments.length > 2) extraArgument('np.load', 2, arguments[2]);
  const options = plainOptions('np.load', optionsArg, LOAD_OPTION_KEYS, "{ mmap_mode: 'r' }");
  const mode = options.mmap_mode;
  if (mode && !['r', 'r+', 'c', 'readonly', 'readwrite', 'copyonwrite'].includes(mode)) {
    throw new ValueError(`mmap_mode must be one of 'r', 'r+', 'c' (or readonly, readwrite, copyonwrite), not '${String(mode)}'`);
  }
  const fd = openSync(pathArg('np.load', path), 'r');
  let h: NpyHeader;
  let fileSize: number;
  try {
    h = readHeader(fd, path);
    fileSize = fstatSync(fd).size;
    const size = h.shape.reduce((x, y) => x * y, 1);
    const nbytes = size * h.dtype.itemsize;
    const have = Math.max(0, fileSize - h.dataOffset);
    if (!options.mmap_mode) {
      if (have < nbytes) {
        throw new ValueError(
          `Failed to read all data for array. Expected ${pyTuple(h.shape)} = ${size} elements, could only read ` +
            `${Math.floor(have / h.dtype.itemsize)} elements. (file seems not fully written?)`,
        );
      }
      const data = new h.dtype.ArrayType(size) as AnyTypedArray;
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      let done = 0;
      while (done < nbytes) {
        const n = readSync(fd, bytes, done, nbytes - done, h.dataOffset + done);
        if (n === 0) break;
        done += n;
      }
      if (h.swap) swapBytes(bytes, h.dtype.itemsize);
      return view(data, h.shape, h.fortran);
    }
    if (h.swap) {
      throw new DTypeError(`${path} holds big-endian data ('>${h.dtype.kind}${h.dtype.itemsize}'): load it without mmap_mode to byte-swap it`);
    }
    if (have < nbytes) throw new ValueError(`mmap length is greater than file size (${path}: ${nbytes} bytes of data wanted, ${have} there)`);
    if (size === 0) return view(new h.dtype.ArrayType(0) as AnyTypedArray, h.shape, h.fortran);
  } finally {
    closeSync(fd);
  }
  return memmap(path, {
    dtype: h.dtype, mode: options.mmap_mode, offset: h.dataOffset, shape: h.shape, order: h.fortran ? 'F' : 'C',
  });
}

// ---------------------------------------------------------------- raw bytes

/** Options of {@link fromfile} and {@link frombuffer}, named as numpy's. */
export interface FromOptions {
  /** Element type; default float64. */
  dtype?: DTypeLike;
  /** Elements to read; default -1: all there are. */
  count?: number;
  /** Bytes to skip first; default 0. */
  offset?: number;
}

/** The keys of {@link FromOptions}, in numpy's order. */
export const FROM_OPTION_KEYS: OptionKeys<FromOptions> = { dtype: true, count: true, offset: true };

/**
 * Read a binary file's elements into a new 1-d array, as
 * `numpy.fromfile(path, dtype, count, offset=offset)` (binary mode only).
 *
 * @param path - the file
 * @param options - `dtype` (float64), `count` (-1: all), `offset` (0)
 * @example
 * ```ts
 * np.tofile(np.array([1, 2, 3], 'uint16'), '/tmp/doc-fromfile.bin');
 * np.fromfile('/tmp/doc-fromfile.bin', { dtype: 'uint16', offset: 2 }) // => array([2, 3], dtype=uint16)
 * ```
 */
export function fromfile(path: string, optionsArg?: FromOptions): NdArray {
  if (arguments.length > 2) extraArgument('np.fromfile', 2, arguments[2]);
  const options = plainOptions('np.fromfile', optionsArg, FROM_OPTION_KEYS, "{ dtype: 'uint8' }");
  const dt = dtypeArg('np.fromfile', options.dtype ?? float64);
  const offset = options.offset ?? 0;
  const count = options.count ?? -1;
  const fd = openSync(pathArg('np.fromfile', path), 'r');
  try {
    const size = fstatSync(fd).size;
    const available = Math.floor((size - offset) / dt.itemsize);
    if (available < 0) throw new ValueError('negative dimensions are not allowed');
    const n = count < 0 ? available : Math.min(count, available);
    const data = new dt.ArrayType(n) as AnyTypedArray;
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    let done = 0;
    while (done < bytes.length) {
      const got = readSync(fd, bytes, done, bytes.length - done, offset + done);
      if (got === 0) break;
      done += got;
    }
    return view(data, [n], false);
  } finally {
    closeSync(fd);
  }
}

/**
 * Write an array's elements to a file as raw bytes in C order, as
 * `a.tofile(path)` (no header: read it back with {@link fromfile}).
 *
 * @param a - the array
 * @param path - the file (replaced if it exists)
 * @example
 * ```ts
 * np.tofile(np.arange(4, { dtype: 'uint8' }), '/tmp/doc-tofile.bin');
 * np.fromfile('/tmp/doc-tofile.bin', { dtype: 'uint8' }) // => array([0, 1, 2, 3], dtype=uint8)
 * ```
 */
export function tofile(a: NdArray, path: string): void {
  if (arguments.length > 2) extraArgument('np.tofile', 2, arguments[2]);
  arrayArg('np.tofile', a);
  writeFileSync(pathArg('np.tofile', path, 'the second argument'), bytesOf(gather(a)));
}

/** What {@link frombuffer} views: raw memory or anything over it. */
export type BufferSource = ArrayBuffer | SharedArrayBuffer | ArrayBufferView | NdArray;

/**
 * A 1-d array viewing a buffer's bytes without copying, as
 * `numpy.frombuffer(buffer, dtype, count, offset)`: writes through the
 * array change the buffer. The start must be aligned to the dtype's size
 * (typed arrays cannot be unaligned), or a ValueError says so.
 *
 * @param buffer - an ArrayBuffer, a Buffer or typed array (its bytes), or a C-contiguous np array
 * @param options - `dtype` (float64), `count` (-1: all), `offset` (0, in bytes)
 * @example
 * ```ts
 * np.frombuffer(Buffer.from([1, 0, 2, 0]), { dtype: 'uint16' }) // => array([1, 2], dtype=uint16)
 * ```
 */
export function frombuffer(buffer: BufferSource, optionsArg?: FromOptions): NdArray {
  if (arguments.length > 2) extraArgument('np.frombuffer', 2, arguments[2]);
  const options = plainOptions('np.frombuffer', optionsArg, FROM_OPTION_KEYS, "{ dtype: 'uint8' }");
  const dt = dtypeArg('np.frombuffer', options.dtype ?? float64);
  const offset = options.offset ?? 0;
  const count = options.count ?? -1;
  let base: ArrayBufferLike;
  let start: number;
  let length: number;
  if (isNdArray(buffer)) {
    if (!isCContiguous(buffer)) throw new ValueError('ndarray is not C-contiguous');
    const d = buffer.data as AnyTypedArray;
    base = d.buffer;
    start = d.byteOffset + buffer.offset * d.BYTES_PER_ELEMENT;
    length = buffer.size * d.BYTES_PER_ELEMENT;
  } else if (ArrayBuffer.isView(buffer)) {
    base = buffer.buffer;
    start = buffer.byteOffset;
    length = buffer.byteLength;
  } else if (buffer instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && buffer instanceof SharedArrayBuffer)) {
    base = buffer;
    start = 0;
    length = buffer.byteLength;
  } else {
    // numpy: "a bytes-like object is required"
    throw new TypeError(
      `np.frombuffer: the first argument is the buffer, an ArrayBuffer, a typed array, a Buffer or an np array; got ${describeArg(buffer)}`,
    );
  }
  if (!Number.isInteger(offset) || offset < 0 || offset > length) {
    throw new ValueError(`offset must be non-negative and no greater than buffer length (${length})`);
  }
  let n: number;
  if (count < 0) {
    if ((length - offset) % dt.itemsize !== 0) throw new ValueError('buffer size must be a multiple of element size');
    n = (length - offset) / dt.itemsize;
  } else {
    if (count * dt.itemsize > length - offset) throw new ValueError('buffer is smaller than requested size');
    n = count;
  }
  if ((start + offset) % dt.itemsize !== 0) {
    throw new ValueError(
      `byte ${start + offset} of the buffer is not aligned to ${dt.name}'s ${dt.itemsize} bytes: ` +
        'a typed array cannot view it (copy the bytes, e.g. Buffer.from(buf), or choose another offset)',
    );
  }
  const data = new dt.ArrayType(base as ArrayBuffer, start + offset, n) as AnyTypedArray;
  return view(data, [n], false);
}

/** Options of {@link tobytes}, named as numpy's. */
export interface ToBytesOptions {
  /** 'C' (default): last axis fastest; 'F': first axis fastest; 'A': 'F' for a Fortran-ordered array, else 'C'. */
  order?: 'C' | 'F' | 'A';
}

/** The keys of {@link ToBytesOptions}. */
export const TOBYTES_OPTION_KEYS: OptionKeys<ToBytesOptions> = { order: true };

/**
 * The array's elements as bytes, as `a.tobytes()` (a new Buffer; C order
 * unless `order` says otherwise).
 *
 * @param a - the array
 * @param options - `order` ('C')
 * @example
 * ```ts
 * np.tobytes(np.array([1, 2], 'uint16')) // => <Buffer 01 00 02 00>
 * np.tobytes(np.array([[1, 2], [3, 4]], 'uint8'), { order: 'F' }) // => <Buffer 01 03 02 04>
 * ```
 */
export function tobytes(a: NdArray, optionsArg?: ToBytesOptions): Buffer {
  if (arguments.length > 2) extraArgument('np.tobytes', 2, arguments[2]);
  const options = plainOptions('np.tobytes', optionsArg, TOBYTES_OPTION_KEYS, "{ order: 'F' }");
  arrayArg('np.tobytes', a);
  const order = options.order ?? 'C';
  if (order !== 'C' && order !== 'F' && order !== 'A') throw new ValueError(`order must be one of 'C', 'F', 'A' (got '${String(order)}')`);
  const fortran = order === 'F' || (order === 'A' && isFortranOnly(a));
  return bytesOf(gather(a, fortran));
}
