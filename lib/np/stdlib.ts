/**
 * Zero-copy adapters between np arrays (scijs ndarrays) and stdlib-js
 * ndarrays, so any `@stdlib` function runs on np data — a view of a DMA
 * mapping included — and stdlib results come back as np arrays. Both sides
 * describe the same memory the same way (typed array, element strides,
 * element offset), so nothing is copied and a write through one shows in
 * the other.
 *
 * stdlib's constructor here is `@stdlib/ndarray-base-ctor`: the class that
 * `@stdlib/ndarray-ctor` extends with argument checks (the published
 * `ndarray-ctor` releases depend on git URLs that npm cannot install
 * offline); stdlib functions accept its instances as any stdlib ndarray.
 */
import { createRequire } from 'node:module';

import ndarrayFactory from 'ndarray';

import { DTypeError } from '../errors.js';
import { type AnyTypedArray, type DTypeName, allDTypes, dtypeOf } from './dtype.js';
import { type NdArray, arrayArg, describeArg, isNdArray } from './ndarray.js';
import { extraArgument } from './axisarg.js';

/** The parts of a stdlib-js ndarray the adapters use (what `@stdlib/types` calls `ndarray`). */
export interface StdlibNdarray {
  readonly dtype: string;
  readonly data: ArrayLike<unknown> & { buffer?: ArrayBufferLike; byteOffset?: number; BYTES_PER_ELEMENT?: number };
  readonly shape: number[];
  readonly strides: number[];
  readonly offset: number;
  readonly order: 'row-major' | 'column-major';
  get(...args: number[]): unknown;
  set(...args: unknown[]): StdlibNdarray;
}

type StdlibCtor = new (
  dtype: string, buffer: ArrayLike<unknown>, shape: number[], strides: number[], offset: number, order: string,
) => StdlibNdarray;

let stdlibCtor: StdlibCtor | undefined;

/**
 * stdlib's constructor, loaded on first use: it pulls in ~390 CommonJS
 * modules (~4500 file lookups), which cost 0.1 s on a PC and tens of seconds
 * on an emulated board, where `import 'u-dma-buf'` would otherwise pay it.
 */
function stdlibConstructor(): StdlibCtor {
  stdlibCtor ??= createRequire(import.meta.url)('@stdlib/ndarray-base-ctor') as StdlibCtor;
  return stdlibCtor;
}

/** stdlib's dtype name of each np dtype (the same names; bool goes over as its uint8 bytes). */
function stdlibDType(name: string): string {
  return name === 'bool' ? 'uint8' : name;
}

/**
 * A stdlib-js ndarray over the same memory as `a` (any view: strides,
 * offset and negative steps carry over; 'row-major' order). int64/uint64
 * elements are bigints there too. A bool array goes over as stdlib 'uint8'
 * (0/1 bytes; stdlib's own 'bool' dtype needs its BooleanArray).
 *
 * @example
 * ```ts
 * const a = np.array([[1, 2], [3, 4]], 'float32');
 * const x = np.toStdlib(a.transpose(1, 0));
 * x.get(0, 1) // => 3
 * x.dtype // => float32
 * ```
 */
export function toStdlib(a: NdArray): StdlibNdarray {
  if (arguments.length > 1) extraArgument('np.toStdlib', 1, arguments[1]);
  arrayArg('np.toStdlib', a);
  const t = dtypeOf(a.data as AnyTypedArray);
  const Ctor = stdlibConstructor();
  return new Ctor(stdlibDType(t.name), a.data as AnyTypedArray, [...a.shape], [...a.stride], a.offset, 'row-major');
}

const FROM_STDLIB: Record<string, DTypeName> = {
  int8: 'int8', uint8: 'uint8', uint8c: 'uint8', int16: 'int16', uint16: 'uint16', int32: 'int32', uint32: 'uint32',
  int64: 'int64', uint64: 'uint64', float32: 'float32', float64: 'float64', bool: 'bool',
};

/**
 * An np array over the same memory as the stdlib-js ndarray `x` (zero-copy:
 * same typed array's buffer, strides and offset). stdlib's 'uint8c'
 * (clamped) comes over as uint8 over the same bytes, its 'bool' as np bool.
 * dtypes np does not have ('generic', complex, float16, ...) are refused.
 *
 * @throws DTypeError naming the dtype and the ones np accepts.
 * @example
 * ```ts
 * const a = np.array([1, 2, 3], 'int16');
 * const b = np.fromStdlib(np.toStdlib(a));
 * b // => array([1, 2, 3], dtype=int16)
 * ```
 */
export function fromStdlib(x: StdlibNdarray): NdArray {
  if (arguments.length > 1) extraArgument('np.fromStdlib', 1, arguments[1]);
  if (typeof x !== 'object' || x === null || isNdArray(x) || typeof (x as { dtype?: unknown }).dtype !== 'string') {
    throw new TypeError(
      `np.fromStdlib: the first argument must be a stdlib-js ndarray (np.toStdlib(a) makes one); got ${describeArg(x)}` +
        (isNdArray(x) ? '; it is already an np array' : ''),
    );
  }
  const name = FROM_STDLIB[x.dtype];
  if (name === undefined) {
    throw new DTypeError(
      `np.fromStdlib: stdlib dtype '${x.dtype}' has no np dtype; np takes ${Object.keys(FROM_STDLIB).join(', ')}`,
    );
  }
  if (x.order !== 'row-major' && x.order !== 'column-major') throw new DTypeError(`np.fromStdlib: unknown order '${String(x.order)}'`);
  const t = allDTypes().find((d) => d.name === name)!;
  const src = x.data;
  if (!src.buffer || src.byteOffset === undefined || (src.BYTES_PER_ELEMENT ?? 0) !== t.itemsize) {
    throw new DTypeError(`np.fromStdlib: the data of a stdlib '${x.dtype}' ndarray is not a typed array of ${t.itemsize}-byte elements`);
  }
  const data = src instanceof t.ArrayType
    ? (src as unknown as AnyTypedArray)
    : (new t.ArrayType(src.buffer as ArrayBuffer, src.byteOffset, src.length) as AnyTypedArray);
  return ndarrayFactory(data as unknown as Float64Array, [...x.shape], [...x.strides], x.offset) as unknown as NdArray;
}
