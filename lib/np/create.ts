/**
 * Array creation, as numpy's: array/asarray from nested lists, typed arrays
 * and other arrays (numpy's dtype discovery), zeros/ones/empty/full and
 * their `_like` forms, arange, linspace, eye, identity, copy.
 *
 * JavaScript has one number type, so a number that is a whole number (not
 * -0, within ±2**53) counts as a Python int and anything else as a Python
 * float; a bigint is always a Python int and a boolean a Python bool.
 */
import ndarrayFactory from 'ndarray';

import {
  type AnyTypedArray, DType, type DTypeLike, type DTypeName, dtype as toDType, dtypeArg, dtypeOf, float64, int64, intp, uint64,
} from './dtype.js';
import { UdmabufError } from '../errors.js';
import { DTypeError, OverflowError, ValueError } from './errors.js';
import { allocateZeroed, allocate as allocateData } from './alloc.js';
import { type OptionKeys, checkedKeys, plainOptions, shapeArg, extraArgument } from './axisarg.js';
import { astype, castInto } from './cast.js';
import { ENGINE_FILL_MIN, copyto, fillNew } from './fill.js';
import {
  type NdArray, type ShapeLike, describeArg, dtypeOfArray, isContiguous, isNdArray, operandError, setListConverter, shapeText, sizeOf, wrap,
} from './ndarray.js';
import { promote_types } from './promote.js';
import { ufuncs } from './ufunc/index.js';
import { nativeKernels } from '../native-kernels.js';

/** A division by zero where numpy raises Python's ZeroDivisionError (arange with step 0). */
export class ZeroDivisionError extends UdmabufError {
  constructor(message: string) {
    super('EZERODIV', message);
  }
}

/** A scalar element as JavaScript gives it. */
type Leaf = number | bigint | boolean;

/** What `np.array` accepts: scalars, arrays, typed arrays and nested lists of them. */
export type ArrayInput = Leaf | NdArray | AnyTypedArray | readonly ArrayInput[];

/** A dtype given positionally or as `{ dtype }`. */
export interface DTypeOption {
  /** The element type; numpy's default when left out. */
  dtype?: DTypeLike;
}

/** Options of {@link array} and {@link asarray}, named as numpy's. */
export interface ArrayOptions extends DTypeOption {
  /**
   * true (array's default): always copy; undefined (asarray's default): copy
   * only when needed; false: never copy, a ValueError when one is needed.
   */
  copy?: boolean | null;
  /** At least this many dimensions (ones are prepended). */
  ndmin?: number;
}

/** The keys of {@link ArrayOptions}, in numpy's order: any other key is refused. */
export const ARRAY_OPTION_KEYS: OptionKeys<ArrayOptions> = { dtype: true, copy: true, ndmin: true };

const isBoolDType = (dt: DType): boolean => dt.char === '?';

/** A new C-ordered array of `dt` that the caller writes completely (uninitialised when large). */
function allocate(dt: DType, shape: readonly number[]): NdArray {
  return wrap(allocateData(dt, sizeOf(shape)) as AnyTypedArray, shape) as NdArray;
}

/** A new C-ordered array of `dt`, zeroed (large ones by the engine: {@link fillNew}). */
function allocateZeros(dt: DType, shape: readonly number[]): NdArray {
  const n = sizeOf(shape);
  if (n * dt.itemsize < ENGINE_FILL_MIN) return wrap(allocateZeroed(dt, n) as AnyTypedArray, shape) as NdArray;
  const a = allocate(dt, shape);
  fillNew(a, new dt.ArrayType(1) as AnyTypedArray);
  return a;
}

/** numpy's shape argument check: whole numbers, none negative. */
function checkShape(shape: ShapeLike, fname: string, what?: string): number[] {
  const s = shapeArg(fname, shape, what);
  for (const n of s) {
    if (typeof n !== 'number' || !Number.isInteger(n)) {
      throw new DTypeError(`${fname}: '${typeof n === 'number' ? 'float' : typeof n}' object cannot be interpreted as an integer`);
    }
    if (n < 0) throw new ValueError(`${fname}: negative dimensions are not allowed`);
  }
  return s;
}

/** Whether a dtype-or-options argument is the options object (not a DType, nor an array naming its dtype). */
function isOptions(d: unknown): boolean {
  return typeof d === 'object' && d !== null && !(d instanceof DType) && !('data' in d);
}

/**
 * Refuse an option of a creation function other than `keys`: numpy's
 * `order=` (and a misspelt `dtype`) would otherwise be dropped. Order 'C' is
 * what every new array here is; any other order is a ValueError.
 */
function knownKeys<O extends object>(fname: string, opts: O, keys: OptionKeys<O>): void {
  if (!('order' in opts)) {
    checkedKeys(fname, opts, keys);
    return;
  }
  const { order, ...rest } = opts as O & { order?: unknown };
  if (order !== 'C') {
    throw new ValueError(
      `${fname}: order ${typeof order === 'string' ? `'${order}'` : String(order)} is not supported; new arrays are C-ordered ` +
        "(order 'C'); np.astype(a, dtype, { order: 'F' }) makes a Fortran-ordered copy",
    );
  }
  checkedKeys(fname, rest as O, keys);
}

/** The dtype given to `fname` positionally or as `{ dtype }`; undefined for numpy's default. */
function resolveDType(fname: string, d: DTypeLike | DTypeOption | undefined): DType | undefined {
  if (d === undefined || d === null) return undefined;
  if (isOptions(d)) {
    knownKeys(fname, d as DTypeOption, { dtype: true });
    const o = (d as DTypeOption).dtype;
    return o === undefined ? undefined : dtypeArg(fname, o);
  }
  return dtypeArg(fname, d as DTypeLike);
}

/**
 * An argument of `fname` that {@link asarray} reads (an np array, a typed
 * array, a list, a number, a bigint or a boolean), returned as it is.
 *
 * @throws TypeError naming `fname` for anything else (null, a string, …).
 */
export function arrayInputArg(fname: string, x: ArrayInput, what = 'the first argument'): ArrayInput {
  if (typeof x === 'object' ? x !== null && (Array.isArray(x) || ArrayBuffer.isView(x) || isNdArray(x)) :
    typeof x === 'number' || typeof x === 'bigint' || typeof x === 'boolean') return x;
  throw operandError(fname, what, x);
}

/** Whether a JavaScript number stands for a Python int. */
const isIntNumber = (v: number): boolean => Number.isInteger(v) && !Object.is(v, -0) && Math.abs(v) <= Number.MAX_SAFE_INTEGER;

/** The bounds of each integer dtype, as bigints. */
function bounds(dt: DType): [bigint, bigint] {
  const bits = BigInt(dt.itemsize * 8);
  return dt.kind === 'u' ? [0n, (1n << bits) - 1n] : [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n];
}

type Store = (data: AnyTypedArray, i: number, v: Leaf) => void;

/**
 * How strictly a leaf is converted into an integer dtype: 'all' as
 * np.array does (a Python int or a float truncated toward zero must fit: an
 * OverflowError otherwise, NaN a ValueError), 'ints' as np.full does (Python
 * ints must fit, floats cast unsafely), 'none' as casts of array elements.
 */
type Check = 'all' | 'ints' | 'none';

/** Writes one leaf into `dt`'s typed array, checked as `check` says. */
function storer(dt: DType, check: Check): Store {
  const integer = dt.kind !== 'f' && !isBoolDType(dt);
  const [lo, hi] = integer ? bounds(dt) : [0n, 0n];
  const loN = Number(lo);
  const hiN = Number(hi);
  const fits = (v: number | bigint): number | bigint => {
    if (!integer || check === 'none') return v;
    if (typeof v === 'number' && !isIntNumber(v)) {
      if (check === 'ints') return v;
      if (Number.isNaN(v)) throw new ValueError('cannot convert float NaN to integer');
      if (!Number.isFinite(v)) throw new OverflowError('cannot convert float infinity to integer');
      v = Math.trunc(v);
      if (Math.abs(v) > Number.MAX_SAFE_INTEGER) v = BigInt(v);
    }
    if (typeof v === 'number' ? v >= loN && v <= hiN : v >= lo && v <= hi) return v;
    if (dt.itemsize === 8) throw new OverflowError(`Python int too large to convert to C ${dt.kind === 'u' ? 'unsigned ' : ''}long`);
    throw new OverflowError(`Python integer ${BigInt(v)} out of bounds for ${dt.name}`);
  };
  if (isBoolDType(dt)) {
    return (d, i, v) => {
      (d as Uint8Array)[i] = typeof v === 'bigint' ? (v !== 0n ? 1 : 0) : v !== 0 && v !== false ? 1 : 0;
    };
  }
  if (dt.isBigInt) {
    return (d, i, v) => {
      if (typeof v === 'boolean') v = v ? 1n : 0n;
      v = fits(v);
      (d as BigInt64Array)[i] = typeof v === 'bigint' ? v : Number.isFinite(v) ? BigInt(Math.trunc(v)) : lo;
    };
  }
  if (dt.kind === 'f') {
    return (d, i, v) => {
      (d as Float64Array)[i] = Number(v);
    };
  }
  return (d, i, v) => {
    if (typeof v === 'boolean') v = v ? 1 : 0;
    v = fits(v);
    (d as Int32Array)[i] = typeof v === 'bigint' ? Number(BigInt.asIntN(64, v) & 0xffffffffn) : v;
  };
}

/** A node of the nested input: its children if it is a sequence. */
function children(x: unknown): readonly unknown[] | undefined {
  if (Array.isArray(x)) return x;
  if (isNdArray(x)) {
    if (x.dimension === 0) return undefined;
    const out: NdArray[] = [];
    const rest = new Array<null>(x.dimension - 1).fill(null);
    for (let i = 0; i < x.shape[0]; i++) out.push(x.pick(i, ...rest));
    return out;
  }
  if (ArrayBuffer.isView(x) && !(x instanceof DataView)) return x as unknown as readonly unknown[];
  return undefined;
}

/** Every element of an array, in C order. */
function* elements(a: NdArray): Generator<Leaf> {
  const n = a.shape.length;
  const data = a.data as unknown as ArrayLike<number | bigint>;
  const bool = isBoolDType(dtypeOfArray(a));
  const idx = new Array<number>(n).fill(0);
  for (let k = 0; k < a.size; k++) {
    let p = a.offset;
    for (let d = 0; d < n; d++) p += idx[d] * a.stride[d];
    yield bool ? data[p] !== 0 : data[p];
    for (let d = n - 1; d >= 0; d--) {
      if (++idx[d] < a.shape[d]) break;
      idx[d] = 0;
    }
  }
}

interface Discovered {
  shape: number[];
  /** The leaves (scalars, 0-d arrays) or whole same-shaped arrays at the bottom. */
  leaves: unknown[];
  /** Depth at which `leaves` are whole arrays of shape `shape.slice(depth)`, or -1. */
  arrayDepth: number;
}

/**
 * numpy's shape discovery: level by level, every node a sequence of one
 * length, down to scalars; anything else is an inhomogeneous shape.
 */
function discover(x: unknown): Discovered {
  const shape: number[] = [];
  let level: unknown[] = [x];
  for (;;) {
    let objects = 0;
    for (let i = 0; i < level.length; i++) {
      const v = level[i];
      if (typeof v !== 'object' || v === null) continue;
      objects++;
      // a typed array is a 1-d array of its own dtype
      if (ArrayBuffer.isView(v) && !isNdArray(v)) level[i] = wrap(v as AnyTypedArray, [(v as AnyTypedArray).length]);
    }
    if (objects === 0) return { shape, leaves: level, arrayDepth: -1 };
    // a level made only of arrays of one shape: take their shape whole
    if (level.every((v) => isNdArray(v) && v.dimension > 0)) {
      const s = (level[0] as NdArray).shape;
      if (level.every((v) => (v as NdArray).shape.every((n, i) => n === s[i]) && (v as NdArray).dimension === s.length)) {
        return { shape: [...shape, ...s], leaves: level, arrayDepth: shape.length };
      }
    }
    const next: unknown[] = [];
    let len = -1;
    let nSeq = 0;
    let ragged = false;
    for (const v of level) {
      const kids = children(v);
      if (kids === undefined) continue;
      nSeq++;
      if (len < 0) len = kids.length;
      else if (kids.length !== len) ragged = true;
      if (!ragged) for (let i = 0; i < kids.length; i++) next.push(kids[i]);
    }
    if (nSeq === 0) return { shape, leaves: level, arrayDepth: -1 };
    if (nSeq !== level.length || ragged) {
      throw new ValueError(
        'setting an array element with a sequence. The requested array has an inhomogeneous shape after ' +
          `${shape.length} dimensions. The detected shape was ${shapeText(shape)} + inhomogeneous part.`,
      );
    }
    shape.push(len);
    level = next;
  }
}

function leafValue(v: unknown, fname: string): Leaf {
  if (isNdArray(v)) return elements(v).next().value as Leaf;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return v;
  throw new DTypeError(`${fname}: cannot make an element of ${v === null ? 'null' : typeof v} (numbers, bigints, booleans only)`);
}

/** The dtype numpy discovers for the leaves: arrays keep theirs, Python scalars their defaults. */
function discoverDType(found: Discovered, fname: string): DType {
  let dt: DType | undefined;
  // the range of the Python ints seen (numbers and bigints apart: bigint math is slow)
  let hasInt = false;
  let minN = 0;
  let maxN = 0;
  let minB = 0n;
  let maxB = 0n;
  const join = (t: DType): void => {
    dt = dt === undefined ? t : promote_types(dt, t);
  };
  for (const v of found.leaves) {
    if (typeof v === 'number') {
      if (isIntNumber(v)) {
        hasInt = true;
        if (v < minN) minN = v;
        else if (v > maxN) maxN = v;
      } else if (dt !== float64) {
        join(float64);
      }
    } else if (typeof v === 'bigint') {
      hasInt = true;
      if (v < minB) minB = v;
      else if (v > maxB) maxB = v;
    } else if (typeof v === 'boolean') {
      join(toDType('bool'));
    } else if (isNdArray(v)) {
      join(dtypeOfArray(v));
    } else {
      leafValue(v, fname);
    }
  }
  if (hasInt) {
    // Python ints: the default integer, int64 past it, uint64 past int64, an error past uint64
    const lo = BigInt(minN) < minB ? BigInt(minN) : minB;
    const hi = BigInt(maxN) > maxB ? BigInt(maxN) : maxB;
    if (lo < -(2n ** 63n)) throw new OverflowError(`Python int ${lo} too large to convert to a numpy integer`);
    if (hi >= 2n ** 64n) throw new OverflowError(`Python int ${hi} too large to convert to a numpy integer`);
    let t: DType = intp;
    if (hi >= 2n ** 63n) t = lo < 0n ? float64 : uint64;
    else if (lo < -(2n ** 31n) || hi >= 2n ** 31n) t = int64;
    join(t);
  }
  return dt ?? float64;
}

function fillFrom(out: NdArray, found: Discovered, checkInts: boolean, fname: string): void {
  const dt = dtypeOfArray(out);
  const data = out.data as AnyTypedArray;
  const put = storer(dt, checkInts ? 'all' : 'none');
  const unsafe = storer(dt, 'none');
  if (found.arrayDepth >= 0) {
    // whole arrays of one shape: the engine copies (and casts) each into its place
    const inner = found.shape.slice(found.arrayDepth);
    const n = sizeOf(inner);
    found.leaves.forEach((v, k) => {
      const dst = wrap((data as Uint8Array).subarray(k * n, (k + 1) * n) as AnyTypedArray, inner) as NdArray;
      copyto(dst, v as NdArray, { casting: 'unsafe' });
    });
    return;
  }
  if (dt.isBigInt && found.leaves.every((v) => typeof v === 'number' || typeof v === 'boolean')) {
    // numbers into int64/uint64: checked and truncated as doubles, then one native cast (no bigint per element)
    const tmp = new Float64Array(found.leaves.length);
    const scratch = new dt.ArrayType(1) as AnyTypedArray;
    found.leaves.forEach((v, k) => {
      const x = Number(v);
      if (!isIntNumber(x) && checkInts) put(scratch, 0, x); // NaN, inf and out-of-range floats throw as numpy's
      tmp[k] = Math.trunc(x);
    });
    if (dt.kind === 'u' && checkInts && tmp.some((x) => x < 0)) put(scratch, 0, tmp.find((x) => x < 0)!);
    copyto(wrap(data, [tmp.length]) as NdArray, wrap(tmp, [tmp.length]) as NdArray, { casting: 'unsafe' });
    return;
  }
  let i = 0;
  for (const v of found.leaves) {
    if (isNdArray(v)) {
      for (const e of elements(v as NdArray)) unsafe(data, i++, e);
    } else {
      put(data, i++, leafValue(v, fname));
    }
  }
}

function arrayImpl(
  obj: ArrayInput, dt: DType | undefined, copy: boolean | null | undefined, ndmin: number, fname: string,
): NdArray {
  let result: NdArray | undefined;
  if (isNdArray(obj) && (dt === undefined || dt === dtypeOfArray(obj)) && copy !== true) {
    result = obj;
  } else if (ArrayBuffer.isView(obj) && !isNdArray(obj) && copy !== true) {
    const own = dtypeOf(obj as AnyTypedArray);
    if (dt === undefined || dt === own) result = wrap(obj as AnyTypedArray, [(obj as AnyTypedArray).length]) as NdArray;
  }
  if (result === undefined) {
    if (copy === false) {
      throw new ValueError(
        'Unable to avoid copy while creating an array as requested.\n' +
          'If using `np.array(obj, copy=False)` replace it with `np.asarray(obj)` to allow a copy when needed ' +
          '(no behavior change in NumPy 1.x).\n' +
          'For more details, see https://numpy.org/devdocs/numpy_2_0_migration_guide.html#adapting-to-changes-in-the-copy-keyword.',
      );
    }
    if (isNdArray(obj)) {
      // one cast (or copy) of the whole array into a new one the engine may stream to memory
      result = allocate(dt ?? dtypeOfArray(obj), obj.shape);
      if (result.size > 0) castInto(result, obj, undefined, true);
      return ndmin > result.dimension ? withLeadingAxes(result, ndmin) : result;
    }
    const found = discover(obj);
    const t = dt ?? discoverDType(found, fname);
    result = allocate(t, found.shape);
    fillFrom(result, found, true, fname);
  }
  return result.dimension < ndmin ? withLeadingAxes(result, ndmin) : result;
}

/** `r` viewed with axes of length 1 in front, to `ndmin` dimensions. */
function withLeadingAxes(r: NdArray, ndmin: number): NdArray {
  const pad = new Array<number>(ndmin - r.dimension).fill(1);
  return wrapView(r, [...pad, ...r.shape], [...pad.map(() => 0), ...r.stride]);
}

/**
 * An array over `data` with any strides. It goes through `wrap` first, so
 * the array gets the class (and the index rules) every `np` array of its
 * dtype and dimension has.
 */
export function stridedView(data: AnyTypedArray, shape: readonly number[], stride: readonly number[], offset = 0): NdArray {
  const base = wrap(data, shape) as NdArray;
  if (stride.every((s, d) => s === base.stride[d]) && offset === 0) return base;
  return ndarrayFactory(base.data as unknown as Float64Array, [...shape], [...stride], offset) as unknown as NdArray;
}

/** A view of `a`'s data with another shape and strides. */
function wrapView(a: NdArray, shape: number[], stride: number[]): NdArray {
  return stridedView(a.data as AnyTypedArray, shape, stride, a.offset);
}

function splitOptions(
  fname: string, d: DTypeLike | ArrayOptions | undefined, o: ArrayOptions | undefined,
): [DType | undefined, ArrayOptions] {
  if (isOptions(d)) {
    const opts = plainOptions(fname, d as ArrayOptions, ARRAY_OPTION_KEYS, '{ copy: false }');
    return [resolveDType(fname, opts.dtype), opts];
  }
  return [resolveDType(fname, d as DTypeLike | undefined), plainOptions(fname, o, ARRAY_OPTION_KEYS, '{ copy: false }', 'third')];
}

/**
 * An array from nested lists, typed arrays or arrays, as `numpy.array`.
 *
 * dtype discovery as numpy's: all booleans → bool, whole numbers (and
 * bigints) → int64 (uint64 past 2**63-1), any other number → float64;
 * arrays inside lists keep their dtypes (promoted together). An integer that
 * does not fit an explicit integer dtype is an OverflowError, as NumPy 2.
 *
 * @param obj - a number, bigint, boolean, typed array, np array, or nested lists of these
 * @param dtype - the element type (or `{ dtype, copy, ndmin }`)
 * @param options - `copy` (default true: always a new array), `ndmin`
 * @throws ValueError for ragged nesting; OverflowError for an integer out of the dtype's range
 * @example
 * ```ts
 * np.array([[1, 2], [3, 4]], 'uint8').shape // => [ 2, 2 ]
 * np.array([300, 1], 'int16') // => array([300,   1], dtype=int16)
 * np.array([1.5, 2]) // => array([1.5, 2. ])
 * ```
 */
export function array<N extends DTypeName>(obj: ArrayInput, dtype: N | DType<N>, options?: ArrayOptions): NdArray<N>;
export function array(obj: ArrayInput, dtype?: DTypeLike | ArrayOptions, options?: ArrayOptions): NdArray;
export function array(obj: ArrayInput, dtype?: DTypeLike | ArrayOptions, options?: ArrayOptions): NdArray {
  if (arguments.length > 3) extraArgument('np.array', 3, arguments[3]);
  const [dt, opts] = splitOptions('np.array', dtype, options);
  return arrayImpl(obj, dt, opts.copy === undefined ? true : opts.copy, opts.ndmin ?? 0, 'np.array');
}

/**
 * An array from `obj` without copying when it already is one of the dtype,
 * as `numpy.asarray` (a typed array is viewed, not copied).
 *
 * @param obj - anything {@link array} accepts
 * @param dtype - the element type (or `{ dtype, copy }`)
 * @example
 * ```ts
 * const a = np.arange(3);
 * np.asarray(a) === a // => true
 * ```
 */
export function asarray<N extends DTypeName>(obj: ArrayInput, dtype: N | DType<N>, options?: ArrayOptions): NdArray<N>;
export function asarray(obj: ArrayInput, dtype?: DTypeLike | ArrayOptions, options?: ArrayOptions): NdArray;
export function asarray(obj: ArrayInput, dtype?: DTypeLike | ArrayOptions, options?: ArrayOptions): NdArray {
  if (arguments.length > 3) extraArgument('np.asarray', 3, arguments[3]);
  const [dt, opts] = splitOptions('np.asarray', dtype, options);
  return arrayImpl(obj, dt, opts.copy ?? null, opts.ndmin ?? 0, 'np.asarray');
}

/**
 * `obj` as a C-contiguous array of at least one dimension, as
 * `numpy.ascontiguousarray`: the array itself when it already is one (of
 * `dtype`, when given), else a C-ordered copy (cast to `dtype`).
 *
 * @example
 * ```ts
 * const a = np.arange(6);
 * np.ascontiguousarray(a) === a // => true
 * np.ascontiguousarray(np.index(a, '::2')) // => array([0, 2, 4])
 * ```
 */
export function ascontiguousarray<N extends DTypeName>(obj: ArrayInput, dtype: N | DType<N>): NdArray<N>;
export function ascontiguousarray(obj: ArrayInput, dtype?: DTypeLike): NdArray;
export function ascontiguousarray(obj: ArrayInput, dtype?: DTypeLike): NdArray {
  if (arguments.length > 2) extraArgument('np.ascontiguousarray', 2, arguments[2]);
  const dt = resolveDType('np.ascontiguousarray', dtype);
  const a = arrayImpl(obj, dt, null, 1, 'np.ascontiguousarray');
  return isContiguous(a) ? a : arrayImpl(a, dt, true, 1, 'np.ascontiguousarray');
}

/**
 * A new array of zeros, as `numpy.zeros`; default dtype float64.
 *
 * @example
 * ```ts
 * np.zeros(3, 'int16') // => array([0, 0, 0], dtype=int16)
 * ```
 */
export function zeros<N extends DTypeName>(shape: ShapeLike, dtype: N | DType<N> | { dtype: N | DType<N> }): NdArray<N>;
export function zeros(shape: ShapeLike, dtype?: DTypeLike | DTypeOption): NdArray;
export function zeros(shape: ShapeLike, dtype?: DTypeLike | DTypeOption): NdArray {
  if (arguments.length > 2) extraArgument('np.zeros', 2, arguments[2]);
  return allocateZeros(resolveDType('np.zeros', dtype) ?? float64, checkShape(shape, 'np.zeros'));
}

/**
 * A new array of ones, as `numpy.ones`; default dtype float64.
 *
 * @example
 * ```ts
 * np.ones(3) // => array([1., 1., 1.])
 * ```
 */
export function ones<N extends DTypeName>(shape: ShapeLike, dtype: N | DType<N> | { dtype: N | DType<N> }): NdArray<N>;
export function ones(shape: ShapeLike, dtype?: DTypeLike | DTypeOption): NdArray;
export function ones(shape: ShapeLike, dtype?: DTypeLike | DTypeOption): NdArray {
  if (arguments.length > 2) extraArgument('np.ones', 2, arguments[2]);
  const a = allocate(resolveDType('np.ones', dtype) ?? float64, checkShape(shape, 'np.ones'));
  fillAll(a, 1);
  return a;
}

/**
 * A new array whose contents are not set, as `numpy.empty` (here they
 * may be zero or old data: never rely on them).
 *
 * @example
 * ```ts
 * np.empty([2, 3], 'uint8').shape // => [ 2, 3 ]
 * ```
 */
export function empty<N extends DTypeName>(shape: ShapeLike, dtype: N | DType<N> | { dtype: N | DType<N> }): NdArray<N>;
export function empty(shape: ShapeLike, dtype?: DTypeLike | DTypeOption): NdArray;
export function empty(shape: ShapeLike, dtype?: DTypeLike | DTypeOption): NdArray {
  if (arguments.length > 2) extraArgument('np.empty', 2, arguments[2]);
  return allocate(resolveDType('np.empty', dtype) ?? float64, checkShape(shape, 'np.empty'));
}

/** The dtype numpy 2 gives a Python scalar fill value. */
function scalarDType(v: Leaf): DType {
  if (typeof v === 'boolean') return toDType('bool');
  if (typeof v === 'bigint' || isIntNumber(v)) {
    const b = BigInt(v);
    if (b >= 2n ** 63n) return uint64;
    return b < -(2n ** 31n) || b >= 2n ** 31n ? int64 : intp;
  }
  return float64;
}

function fillAll(a: NdArray, v: Leaf): void {
  const data = a.data as AnyTypedArray;
  if (a.size === 0) {
    storer(dtypeOfArray(a), 'ints')(new (data.constructor as new (n: number) => AnyTypedArray)(1), 0, v);
    return;
  }
  storer(dtypeOfArray(a), 'ints')(data, 0, v);
  fillNew(a, data.slice(0, 1));
}

/**
 * A new array filled with `fill_value`, as `numpy.full`. Without a dtype,
 * the dtype is the value's (bool, int64, or float64), as NumPy 2.
 *
 * @throws OverflowError when an integer value does not fit the dtype
 * @example
 * ```ts
 * np.full(3, 7) // => array([7, 7, 7])
 * np.full([2], 250, 'uint8') // => array([250, 250], dtype=uint8)
 * ```
 */
export function full<N extends DTypeName>(shape: ShapeLike, fill_value: Leaf | ArrayInput, dtype: N | DType<N> | { dtype: N | DType<N> }): NdArray<N>;
export function full(shape: ShapeLike, fill_value: Leaf | ArrayInput, dtype?: DTypeLike | DTypeOption): NdArray;
export function full(shape: ShapeLike, fill_value: Leaf | ArrayInput, dtype?: DTypeLike | DTypeOption): NdArray {
  if (arguments.length > 3) extraArgument('np.full', 3, arguments[3]);
  if (typeof arrayInputArg('np.full', fill_value, 'the fill value') === 'object') {
    // an array (or list) fill value is broadcast over the result, as numpy's copyto(a, fill_value, casting='unsafe')
    const v = arrayImpl(fill_value, undefined, null, 0, 'np.full');
    const a = allocate(resolveDType('np.full', dtype) ?? dtypeOfArray(v), checkShape(shape, 'np.full'));
    copyto(a, v, { casting: 'unsafe' });
    return a;
  }
  const a = allocate(resolveDType('np.full', dtype) ?? scalarDType(fill_value as Leaf), checkShape(shape, 'np.full'));
  fillAll(a, fill_value as Leaf);
  return a;
}

/** Options of the `_like` functions. */
export interface LikeOptions extends DTypeOption {
  /** Overrides the shape of the prototype. */
  shape?: ShapeLike;
}

function like(a: ArrayInput, dtype: DTypeLike | LikeOptions | undefined, fname: string): [DType, number[]] {
  const proto = arrayImpl(arrayInputArg(fname, a), undefined, null, 0, fname);
  const opts: LikeOptions = isOptions(dtype)
    ? (dtype as LikeOptions)
    : { dtype: dtype as DTypeLike | undefined };
  knownKeys(fname, opts, { dtype: true, shape: true });
  const dt = opts.dtype === undefined ? dtypeOfArray(proto) : dtypeArg(fname, opts.dtype);
  return [dt, opts.shape === undefined ? [...proto.shape] : checkShape(opts.shape, fname, 'the shape option')];
}

/**
 * Zeros of `a`'s shape and dtype, as `numpy.zeros_like`.
 *
 * @example
 * ```ts
 * np.zeros_like(np.arange(3, { dtype: 'int8' })) // => array([0, 0, 0], dtype=int8)
 * ```
 */
export function zeros_like<N extends DTypeName>(a: NdArray<N>, dtype?: LikeOptions & { dtype?: undefined }): NdArray<N>;
export function zeros_like(a: ArrayInput, dtype?: DTypeLike | LikeOptions): NdArray;
export function zeros_like(a: ArrayInput, dtype?: DTypeLike | LikeOptions): NdArray {
  if (arguments.length > 2) extraArgument('np.zeros_like', 2, arguments[2]);
  const [dt, shape] = like(a, dtype, 'np.zeros_like');
  return allocateZeros(dt, shape);
}

/**
 * Ones of `a`'s shape and dtype, as `numpy.ones_like`.
 *
 * @example
 * ```ts
 * np.ones_like(np.zeros(2)) // => array([1., 1.])
 * ```
 */
export function ones_like<N extends DTypeName>(a: NdArray<N>, dtype?: LikeOptions & { dtype?: undefined }): NdArray<N>;
export function ones_like(a: ArrayInput, dtype?: DTypeLike | LikeOptions): NdArray;
export function ones_like(a: ArrayInput, dtype?: DTypeLike | LikeOptions): NdArray {
  if (arguments.length > 2) extraArgument('np.ones_like', 2, arguments[2]);
  const [dt, shape] = like(a, dtype, 'np.ones_like');
  const out = allocate(dt, shape);
  fillAll(out, 1);
  return out;
}

/**
 * An array of `a`'s shape and dtype with contents not set, as `numpy.empty_like`.
 *
 * @example
 * ```ts
 * np.empty_like(np.zeros([2, 5])).shape // => [ 2, 5 ]
 * ```
 */
export function empty_like<N extends DTypeName>(a: NdArray<N>, dtype?: LikeOptions & { dtype?: undefined }): NdArray<N>;
export function empty_like(a: ArrayInput, dtype?: DTypeLike | LikeOptions): NdArray;
export function empty_like(a: ArrayInput, dtype?: DTypeLike | LikeOptions): NdArray {
  if (arguments.length > 2) extraArgument('np.empty_like', 2, arguments[2]);
  const [dt, shape] = like(a, dtype, 'np.empty_like');
  return allocate(dt, shape);
}

/**
 * An array of `a`'s shape and dtype filled with `fill_value`, as `numpy.full_like`.
 *
 * @example
 * ```ts
 * np.full_like(np.zeros(2, 'uint8'), 9) // => array([9, 9], dtype=uint8)
 * ```
 */
export function full_like<N extends DTypeName>(a: NdArray<N>, fill_value: Leaf | ArrayInput, dtype?: LikeOptions & { dtype?: undefined }): NdArray<N>;
export function full_like(a: ArrayInput, fill_value: Leaf | ArrayInput, dtype?: DTypeLike | LikeOptions): NdArray;
export function full_like(a: ArrayInput, fill_value: Leaf | ArrayInput, dtype?: DTypeLike | LikeOptions): NdArray {
  if (arguments.length > 3) extraArgument('np.full_like', 3, arguments[3]);
  const [dt, shape] = like(a, dtype, 'np.full_like');
  const out = allocate(dt, shape);
  if (typeof arrayInputArg('np.full_like', fill_value, 'the fill value') === 'object') {
    copyto(out, arrayImpl(fill_value, undefined, null, 0, 'np.full_like'), { casting: 'unsafe' });
  } else fillAll(out, fill_value as Leaf);
  return out;
}

/**
 * Evenly spaced values in [start, stop), as `numpy.arange`.
 *
 * numpy's rules: the length is ceil((stop - start) / step); whole-number
 * arguments give the default integer dtype, any other number float64; the
 * values are start + i * (second - first) computed in the result dtype, so
 * they match numpy bit for bit (integers wrap in a small dtype, as numpy's).
 *
 * @param start - first value (or the stop, when it is the only argument)
 * @param stop - end, not included
 * @param step - spacing; default 1
 * @param dtype - the element type (or `{ dtype }`)
 * @throws ZeroDivisionError for a zero step; ValueError for a NaN length or a huge one
 * @example
 * ```ts
 * np.arange(5) // => array([0, 1, 2, 3, 4])
 * np.arange(0, 1, 0.25) // => array([0.  , 0.25, 0.5 , 0.75])
 * ```
 */
export function arange<N extends DTypeName>(start: number | bigint, stop: number | bigint | undefined, step: number | bigint | undefined, dtype: N | DType<N> | { dtype: N | DType<N> }): NdArray<N>;
export function arange(start: number | bigint, stop?: number | bigint | DTypeOption, step?: number | bigint | DTypeOption, dtype?: DTypeLike | DTypeOption): NdArray;
export function arange(
  start: number | bigint, stop?: number | bigint | DTypeOption, step?: number | bigint | DTypeOption, dtype?: DTypeLike | DTypeOption,
): NdArray {
  if (arguments.length > 4) extraArgument('np.arange', 4, arguments[4]);
  if (typeof stop === 'object' && stop !== null) [dtype, stop] = [stop, undefined];
  if (typeof step === 'object' && step !== null) [dtype, step] = [step, undefined];
  if (stop === undefined) [start, stop] = [0, start];
  for (const [name, v] of [['start', start], ['stop', stop], ['step', step ?? 1]] as const) {
    if (typeof v !== 'number' && typeof v !== 'bigint') {
      const hint = typeof v === 'string' ? ` (a dtype goes in an options object: np.arange(${String(start)}, { dtype: '${v}' }))` : '';
      throw new TypeError(`np.arange: ${name} must be a number or a bigint; got ${describeArg(v)}${hint}`);
    }
  }
  const st: number | bigint = step ?? 1;
  const args = [start, stop, st];
  if (Number(st) === 0) throw new ZeroDivisionError('np.arange: division by zero');
  const length = Math.ceil((Number(stop) - Number(start)) / Number(st));
  if (Number.isNaN(length)) throw new ValueError('np.arange: cannot compute length');
  if (!Number.isFinite(length) || length > 2 ** 53) throw new ValueError('np.arange: Maximum allowed size exceeded');
  const n = Math.max(0, length);
  const allInts = args.every((v) => typeof v === 'bigint' || isIntNumber(v));
  let dt = resolveDType('np.arange', dtype);
  if (dt === undefined) {
    const kinds = args.map((v) => (allInts ? scalarDType(v) : float64));
    dt = !allInts ? float64 : kinds.includes(uint64) ? uint64 : kinds.includes(int64) ? int64 : intp;
  }
  const out = allocate(dt, [n]);
  if (n === 0) return out;
  if (isBoolDType(dt)) {
    if (n > 2) throw new DTypeError('np.arange: arange() is only supported for booleans when the result has at most length 2.');
  }
  const data = out.data as AnyTypedArray;
  const put = storer(dt, 'none');
  if (allInts && dt.kind !== 'f' && !isBoolDType(dt)) {
    // exact integers: numpy's start + i*delta in the dtype's wrapping arithmetic
    const s = BigInt(start);
    const d = BigInt(st);
    const check = storer(dt, 'all'); // the first two values must fit, as Python ints
    for (let i = 0; i < Math.min(n, 2); i++) check(data, i, s + BigInt(i) * d);
    const sN = Number(start);
    const dN = Number(st);
    if (Math.abs(sN) + n * Math.abs(dN) < 2 ** 53) {
      // every value is exact as a double: the typed array wraps it (one native cast for 64-bit)
      const head = dt.isBigInt ? Math.min(n, ARANGE_ROW) : n;
      const target = dt.isBigInt ? new Float64Array(head) : data;
      for (let i = 2; i < head; i++) (target as Float64Array)[i] = sN + i * dN;
      if (dt.isBigInt && head > 2) {
        copyto(wrap(data.subarray(2, head) as AnyTypedArray, [head - 2]) as NdArray, wrap(target.subarray(2) as unknown as AnyTypedArray, [head - 2]) as NdArray, { casting: 'unsafe' });
      }
      if (head < n) arangeRows(data as BigInt64Array | BigUint64Array, n, head, dN);
      return out;
    }
    for (let i = 2; i < n; i++) put(data, i, s + BigInt(i) * d);
    return out;
  }
  // the first two values convert as Python numbers do (an int must fit), the rest follow
  const first = storer(dt, 'all');
  first(data, 0, Number(start));
  if (n > 1) first(data, 1, Number(start) + Number(st));
  if (n <= 2) return out;
  const vals = data as unknown as (number | bigint)[];
  if (dt.isBigInt) {
    const first = vals[0] as bigint;
    const delta = (vals[1] as bigint) - first;
    for (let i = 2; i < n; i++) vals[i] = first + BigInt(i) * delta;
  } else if (dt.kind === 'f') {
    // numpy's fill: delta = values[1] - values[0], in the array's precision
    const f = data as Float32Array | Float64Array;
    fillRange(f, 2, f[0], f instanceof Float32Array ? Math.fround(f[1] - f[0]) : f[1] - f[0]);
  } else {
    const first = vals[0] as number;
    const delta = (vals[1] as number) - first;
    for (let i = 2; i < n; i++) vals[i] = first + i * delta;
  }
  return out;
}

/** The addon's range fill (native/csrc/engine/range.c through native/src/sort.cc). */
interface RangeBinding {
  fillRange?(values: Float32Array | Float64Array, from: number, first: number, delta: number): void;
}

/** From this many values on, the addon computes a float range (a call costs about 0.3 µs). */
const NATIVE_RANGE_MIN = 64;

/**
 * values[i] = first + i * delta from `from` on, in the array's precision,
 * as numpy's float fill does: the product and the sum each rounded.
 */
function fillRange(data: Float32Array | Float64Array, from: number, first: number, delta: number): void {
  const n = data.length;
  const k = n - from >= NATIVE_RANGE_MIN ? (nativeKernels() as RangeBinding | undefined) : undefined;
  if (k?.fillRange) {
    k.fillRange(data, from, first, delta);
  } else if (data instanceof Float32Array) {
    // i * delta is exact in a double while i has 24 bits; each store rounds
    // to float32 once, and a double sum of two float32 values rounds as
    // float32's own would. Two passes: V8 calls Math.fround, not inlines it.
    const exact = Math.min(n, 1 << 24);
    for (let i = from; i < exact; i++) data[i] = i * delta;
    for (let i = exact; i < n; i++) data[i] = Math.fround(i) * delta;
    for (let i = from; i < n; i++) data[i] = first + data[i];
  } else {
    for (let i = from; i < n; i++) data[i] = first + i * delta;
  }
}

/** 64-bit arange: values computed in JavaScript for the first row of this many, the engine adds the rows after. */
const ARANGE_ROW = 1 << 16;

/**
 * The rest of a 64-bit arange whose first `row` values are written and whose
 * every value is exact as a double: each following row is the first plus its
 * offset, whole rows in one broadcast add, the tail in another (6.2 M int64:
 * 13.7-14.4 -> 4.8-5.6 ms, numpy 6.7).
 */
function arangeRows(data: BigInt64Array | BigUint64Array, n: number, row: number, step: number): void {
  const add = ufuncs.get('add') as unknown as (a: NdArray, b: NdArray, o: { out: NdArray }) => unknown;
  const T = data.constructor as BigInt64ArrayConstructor;
  const first = wrap(data.subarray(0, row) as unknown as AnyTypedArray, [1, row]) as NdArray;
  const rows = Math.floor(n / row);
  if (rows > 1) {
    const offsets = new T(rows - 1);
    for (let r = 1; r < rows; r++) offsets[r - 1] = BigInt(r * row * step);
    add(first, wrap(offsets as unknown as AnyTypedArray, [rows - 1, 1]) as NdArray,
      { out: wrap(data.subarray(row, rows * row) as unknown as AnyTypedArray, [rows - 1, row]) as NdArray });
  }
  const tail = n - rows * row;
  if (tail > 0) {
    add(wrap(data.subarray(0, tail) as unknown as AnyTypedArray, [tail]) as NdArray,
      wrap(T.of(BigInt(rows * row * step)) as unknown as AnyTypedArray, []) as NdArray,
      { out: wrap(data.subarray(rows * row, n) as unknown as AnyTypedArray, [tail]) as NdArray });
  }
}

/** Options of {@link linspace}, named as numpy's. */
export interface LinspaceOptions extends DTypeOption {
  /** Whether `stop` is the last sample; default true. */
  endpoint?: boolean;
  /** Also return the spacing: `[samples, step]`. */
  retstep?: boolean;
}

/** The keys of {@link LinspaceOptions}. */
export const LINSPACE_OPTION_KEYS: OptionKeys<LinspaceOptions> = { endpoint: true, retstep: true, dtype: true };

/**
 * `num` evenly spaced samples from start to stop, as `numpy.linspace`, bit
 * for bit: step = (stop - start) / div, sample i = i * step + start, the
 * last sample exactly `stop` (with endpoint). An integer dtype floors.
 *
 * @param num - number of samples; default 50
 * @param options - `endpoint` (true), `retstep` (false), `dtype` (float64)
 * @throws ValueError for a negative num; TypeError for anything but an
 *   options object in the fourth place (numpy's positional `endpoint` is
 *   the option `{ endpoint: false }` here)
 * @example
 * ```ts
 * np.linspace(0, 1, 5) // => array([0.  , 0.25, 0.5 , 0.75, 1.  ])
 * ```
 */
export function linspace(start: number, stop: number, num?: number, options?: LinspaceOptions & { retstep?: false }): NdArray;
export function linspace(start: number, stop: number, num: number, options: LinspaceOptions & { retstep: true }): [NdArray, number];
export function linspace(start: number, stop: number, num?: number, options?: LinspaceOptions): NdArray | [NdArray, number];
export function linspace(start: number, stop: number, num = 50, optionsArg?: LinspaceOptions): NdArray | [NdArray, number] {
  if (arguments.length > 4) extraArgument('np.linspace', 4, arguments[4]);
  const options = plainOptions('np.linspace', optionsArg, LINSPACE_OPTION_KEYS, '{ endpoint: false }', 'fourth');
  for (const [name, v] of [['start', start], ['stop', stop]] as const) {
    if (typeof v !== 'number' && typeof v !== 'bigint' && typeof v !== 'boolean') {
      throw new TypeError(`np.linspace: ${name} must be a number; got ${describeArg(v)}`);
    }
  }
  if (typeof num !== 'number') throw new TypeError(`np.linspace: num, the number of samples, must be a whole number; got ${describeArg(num)}`);
  if (!Number.isInteger(num)) throw new DTypeError(`np.linspace: 'float' object cannot be interpreted as an integer`);
  if (num < 0) throw new ValueError(`np.linspace: Number of samples, ${num}, must be non-negative.`);
  const endpoint = options.endpoint ?? true;
  const div = endpoint ? num - 1 : num;
  const dt = resolveDType('np.linspace', options.dtype) ?? float64;
  start = Number(start);
  stop = Number(stop);
  const delta = stop - start;
  // numpy's arithmetic (arange * step + start, each rounded), in float64 straight into the result
  const yf = allocate(float64, [num]);
  const y = yf.data as Float64Array;
  let step = NaN;
  if (div > 0) {
    step = delta / div;
    if (step === 0) for (let i = 0; i < num; i++) y[i] = (i / div) * delta + start;
    else fillRange(y, 0, start, step);
  } else {
    fillRange(y, 0, start, delta);
  }
  if (endpoint && num > 1) y[num - 1] = stop;
  if (dt.kind === 'i' || dt.kind === 'u') for (let i = 0; i < num; i++) y[i] = Math.floor(y[i]);
  const out = dt === float64 ? yf : astype(yf, dt);
  return options.retstep ? [out, step] : out;
}

/** Options of {@link eye}, named as numpy's. */
export interface EyeOptions extends DTypeOption {
  /** Diagonal: 0 the main one, > 0 above, < 0 below. */
  k?: number;
}

/** The keys of {@link EyeOptions}. */
export const EYE_OPTION_KEYS: OptionKeys<EyeOptions> = { k: true, dtype: true };

/**
 * A 2-d array with ones on diagonal `k` and zeros elsewhere, as `numpy.eye`.
 *
 * @param N - rows
 * @param M - columns (default N), or the options
 * @param options - `k` (0), `dtype` (float64); numpy's positional `k` is
 *   the option `{ k: 1 }` here, and a number in its place is a TypeError
 * @example
 * ```ts
 * np.eye(3, { k: 1 }).get(0, 1) // => 1
 * np.eye(2, 3).shape // => [ 2, 3 ]
 * ```
 */
export function eye(N: number, M?: number | EyeOptions | null, optionsArg?: EyeOptions): NdArray {
  if (arguments.length > 3) extraArgument('np.eye', 3, arguments[3]);
  const optionsFirst = typeof M === 'object' && M !== null;
  const options = optionsFirst
    ? plainOptions('np.eye', M as EyeOptions, EYE_OPTION_KEYS, '{ k: 1 }')
    : plainOptions('np.eye', optionsArg, EYE_OPTION_KEYS, '{ k: 1 }', 'third');
  const cols = optionsFirst ? N : (M as number | null | undefined) ?? N;
  const k = options.k ?? 0;
  const out = allocateZeros(resolveDType('np.eye', options.dtype) ?? float64, checkShape([N, cols], 'np.eye'));
  const data = out.data as AnyTypedArray;
  const put = storer(dtypeOfArray(out), 'none');
  for (let r = Math.max(0, -k); r < N && r + k < cols; r++) put(data, r * cols + r + k, 1);
  return out;
}

/**
 * The n×n identity matrix, as `numpy.identity`.
 *
 * @example
 * ```ts
 * np.identity(2).get(1, 1) // => 1
 * ```
 */
export function identity<N extends DTypeName>(n: number, dtype: N | DType<N> | { dtype: N | DType<N> }): NdArray<N>;
export function identity(n: number, dtype?: DTypeLike | DTypeOption): NdArray;
export function identity(n: number, dtype?: DTypeLike | DTypeOption): NdArray {
  if (arguments.length > 2) extraArgument('np.identity', 2, arguments[2]);
  return eye(n, n, { dtype: resolveDType('np.identity', dtype) });
}

/** Options of {@link copy}, named as numpy's. */
export interface CopyOptions {
  /**
   * 'C' (default here): C order; 'K': the layout of `a` (numpy's default);
   * 'F': Fortran order; 'A': Fortran order when `a` is Fortran-contiguous
   * and not C-contiguous, else C order.
   */
  order?: 'C' | 'K' | 'F' | 'A';
}

/** The keys of {@link CopyOptions}: any other key is refused. */
export const COPY_OPTION_KEYS: OptionKeys<CopyOptions> = { order: true };

/**
 * A new copy of `a` with its dtype, as `numpy.copy`: C-ordered unless
 * `order` says otherwise (numpy's default is 'K', the layout of `a`; the
 * values are the same either way, C order is what code reading `.data`
 * expects).
 *
 * @example
 * ```ts
 * np.copy(np.arange(3)) // => array([0, 1, 2])
 * np.copy(np.reshape(np.arange(6), [2, 3]), { order: 'F' }).stride // => [ 1, 2 ]
 * ```
 */
export function copy<N extends DTypeName>(a: NdArray<N>, options?: CopyOptions): NdArray<N>;
export function copy(a: ArrayInput, options?: CopyOptions): NdArray;
export function copy(a: ArrayInput, options?: CopyOptions): NdArray {
  if (arguments.length > 2) extraArgument('np.copy', 2, arguments[2]);
  const opts = plainOptions('np.copy', options, COPY_OPTION_KEYS, "{ order: 'F' }", 'second');
  if (opts.order === undefined || opts.order === 'C') return array(a, { copy: true });
  if (!['K', 'F', 'A'].includes(opts.order)) {
    throw new ValueError(`np.copy: order must be one of 'C', 'F', 'A', or 'K' (got ${describeArg(opts.order)})`);
  }
  const src = isNdArray(a) ? a : array(a);
  return astype(src, dtypeOfArray(src), { order: opts.order });
}

setListConverter((x, fname) => arrayImpl(x as ArrayInput, undefined, null, 0, fname));
