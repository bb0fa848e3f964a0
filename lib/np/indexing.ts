/**
 * numpy's indexing functions: take, take_along_axis, put, putmask, place,
 * compress, extract, nonzero (numpy's one-argument `where`), argwhere,
 * choose, select.
 *
 * Where the work is copying whole sub-arrays (take and compress along an
 * axis with large slabs) it is one copy of a view per index, run by the copy
 * engine; element gathers and scatters (flat take, take_along_axis, put,
 * putmask, place, nonzero, choose, select) are tight JavaScript loops over
 * typed arrays, with non-contiguous inputs first copied contiguous.
 *
 * Index and condition arguments may be np arrays or (nested) JavaScript
 * lists of numbers, bigints or booleans.
 */
import { DTypeError } from '../errors.js';
import { type OptionKeys, axisOptions, listArg, plainOptions, extraArgument } from './axisarg.js';
import { type AnyTypedArray, type DType, type DTypeName, bool, float64, int64, intp } from './dtype.js';
import { IndexError, ValueError } from './errors.js';
import { functions } from './ufunc/index.js';
import {
  type NdArray, type Scalar, arrayArg, asArray, checkWriteable, describeArg, dtypeOfArray, flatView, isContiguous, isNdArray, restride, shapeText, sizeOf, stridedIndex, wrap,
} from './ndarray.js';
import {
  axisOf, broadcast_shapes, castScalar, copyInto, flatData, newArray, ravel, reshape, resultTypeOf, scalarArray,
} from './shape.js';
import { copyto } from './fill.js';
import { astype, castInto } from './cast.js';
import { cStrides, count_nonzero, max, min } from './reduce.js';
import { add, less, multiply, not_equal } from './ops.js';
import { type ArrayInput, arange, asarray } from './create.js';
import { castAllowed } from './promote.js';
import { nativeKernels } from '../native-kernels.js';
import { type TakeIndices, nativeTake } from './takenative.js';

/** What index, mask and condition arguments accept: an array or nested lists. */
export type ArrayLike = NdArray | Scalar | boolean | readonly ArrayLike[];

/** How an out-of-range index is treated: an error, wrapped around, or clipped. */
export type IndexMode = 'raise' | 'wrap' | 'clip';


/**
 * Nested lists (or a scalar, or an array) given as `what` of `fname` as an
 * np array, numpy's dtype discovery for these cases.
 *
 * @throws TypeError naming `fname` for anything else, or a list holding anything else.
 */
export function toArray(x: ArrayLike, fname: string, what = 'the first argument'): NdArray {
  if (!Array.isArray(x)) return asArray(x as Scalar | boolean, fname, what);
  const shape: number[] = [];
  for (let v: unknown = x; Array.isArray(v); v = v[0]) shape.push(v.length);
  const flat = (x as unknown[]).flat(Infinity) as (Scalar | boolean)[];
  if (flat.length !== sizeOf(shape) || flat.some((v) => Array.isArray(v))) {
    throw new ValueError(`${fname}: setting an array element with a sequence. The requested array has an inhomogeneous shape`);
  }
  const odd = flat.findIndex((v) => typeof v !== 'number' && typeof v !== 'boolean' && typeof v !== 'bigint');
  if (odd >= 0) {
    throw new TypeError(`${fname}: ${what} must be an np array or a list of numbers, bigints or booleans; got a list holding ${describeArg(flat[odd])}`);
  }
  let t: DType;
  if (flat.length === 0) t = float64;
  else if (flat.every((v) => typeof v === 'boolean')) t = bool;
  else if (flat.some((v) => typeof v === 'number' && !Number.isInteger(v))) t = float64;
  else if (flat.some((v) => typeof v === 'bigint')) t = int64;
  else t = flat.every((v) => typeof v !== 'number' || Math.abs(v) < 2 ** 31) ? intp : int64;
  const a = newArray(t, shape);
  const d = a.data as AnyTypedArray;
  flat.forEach((v, i) => ((d as unknown as Scalar[])[i] = castScalar(v, t)));
  return a;
}

function checkMode(mode: string): void {
  if (mode !== 'raise' && mode !== 'wrap' && mode !== 'clip') {
    throw new ValueError(`clipmode must be one of 'clip', 'raise', or 'wrap' (got '${mode}')`);
  }
}

/** Index arrays as plain numbers: integers (floats truncate, as numpy's take casts them). */
function indexList(x: ArrayLike, fname: string, what: string): { shape: number[]; values: Float64Array } {
  const a = toArray(x, fname, what);
  const t = dtypeOfArray(a);
  const flat = flatData(a);
  const values = new Float64Array(flat.length);
  if (t.isBigInt) {
    // the two 32-bit halves (little-endian): no bigint per element; exact below 2^53
    const w = new Int32Array(flat.buffer, flat.byteOffset, flat.length * 2);
    const unsigned = t.kind === 'u';
    for (let i = 0; i < flat.length; i++) {
      const hi = unsigned ? w[2 * i + 1] >>> 0 : w[2 * i + 1];
      values[i] = hi * 4294967296 + (w[2 * i] >>> 0);
    }
  } else if (t.kind === 'f') for (let i = 0; i < flat.length; i++) values[i] = Math.trunc((flat as Float64Array)[i]);
  else values.set(flat as Float64Array);
  return { shape: [...a.shape], values };
}

/** Resolve every index of `values` for an axis of size `n` under `mode` (in place). */
function resolve(values: Float64Array, n: number, mode: IndexMode, axis: number, resultSize = values.length): void {
  if (n === 0 && resultSize !== 0) throw new IndexError('cannot do a non-empty take from an empty axes.');
  if (n === 0 && mode !== 'raise') return;
  for (let i = 0; i < values.length; i++) {
    let v = values[i];
    if (mode === 'raise') {
      if (v < -n || v >= n) throw new IndexError(`index ${v} is out of bounds for axis ${axis} with size ${n}`);
      if (v < 0) v += n;
    } else if (mode === 'wrap') v = ((v % n) + n) % n;
    else v = v < 0 ? 0 : v >= n ? n - 1 : v;
    values[i] = v;
  }
}

function checkOut(out: NdArray, shape: readonly number[]): void {
  checkWriteable(out);
  if (out.shape.length !== shape.length || out.shape.some((n, d) => n !== shape[d])) {
    throw new ValueError(`output array does not match result of ndarray.take: out is ${shapeText(out.shape)}, the result ${shapeText(shape)}`);
  }
}

/** Options of {@link take}. */
export interface TakeOptions {
  /** The axis to take along; null/undefined (default) takes from the flattened array. */
  axis?: number | null;
  /** Where to put the result (it must have the result's shape; values cast unsafely, as numpy's). */
  out?: NdArray;
  /** Out-of-range indices: 'raise' (default; negative count from the end), 'wrap', 'clip'. */
  mode?: IndexMode;
}

/** The keys of {@link TakeOptions}, in numpy's order: any other key is refused. */
export const TAKE_OPTION_KEYS: OptionKeys<TakeOptions> = { axis: true, out: true, mode: true };

/** Options of {@link take_along_axis}. */
export interface TakeAlongAxisOptions {
  /** The axis to take along (default -1, as numpy 2); null takes from the flattened array. */
  axis?: number | null;
}

/** The keys of {@link TakeAlongAxisOptions}. */
export const TAKE_ALONG_AXIS_OPTION_KEYS: OptionKeys<TakeAlongAxisOptions> = { axis: true };

/** Options of {@link compress}. */
export interface CompressOptions {
  /** The axis to select along; null/undefined (default) uses the flattened array. */
  axis?: number | null;
  /** Where to put the result (it must have the result's shape). */
  out?: NdArray;
}

/** The keys of {@link CompressOptions}. */
export const COMPRESS_OPTION_KEYS: OptionKeys<CompressOptions> = { axis: true, out: true };

/** Options of {@link put}. */
export interface PutOptions {
  /** Out-of-range indices: 'raise' (default), 'wrap', 'clip'. */
  mode?: IndexMode;
}

/** The keys of {@link PutOptions}. */
export const PUT_OPTION_KEYS: OptionKeys<PutOptions> = { mode: true };

/** Options of {@link choose}. */
export interface ChooseOptions {
  /** Where to put the result (it must have the result's shape). */
  out?: NdArray;
  /** Out-of-range indices: 'raise' (default), 'wrap', 'clip'. */
  mode?: IndexMode;
}

/** The keys of {@link ChooseOptions}. */
export const CHOOSE_OPTION_KEYS: OptionKeys<ChooseOptions> = { out: true, mode: true };

/**
 * Elements or sub-arrays at `indices` (numpy.take). Without an axis: a
 * gather from the flattened array (a JavaScript typed-array loop). With an
 * axis: the result is `a.shape[:axis] + indices.shape + a.shape[axis+1:]`;
 * each index copies one sub-array view (the copy engine) when the part after
 * the axis is large, else the same gather loop. A scalar index without an
 * axis, or on a 1-d array, gives a number/bigint as numpy's scalar. The
 * axis may be given positionally (a number or null), as numpy's
 * `np.take(a, idx, 1)`.
 *
 * @throws IndexError for an index out of range with mode 'raise'
 *   ("index 5 is out of bounds for axis 0 with size 5").
 * @example
 * ```ts
 * np.take(np.arange(5), [4, -1, 0]) // => array([4, 4, 0])
 * np.take(np.arange(5), 7, { mode: 'clip' }) // => 4n
 * np.take(np.reshape(np.arange(4), [2, 2]), [1], 1) // => array([[1],
 * //        [3]])
 * ```
 */
export function take<N extends DTypeName>(
  a: NdArray<N>, indices: ArrayLike, axisOrOpts?: TakeOptions | number | null, options?: Omit<TakeOptions, 'axis'>,
): NdArray<N> | Scalar | boolean {
  if (arguments.length > 4) extraArgument('np.take', 4, arguments[4]);
  const opts = axisOptions('np.take', axisOrOpts, TAKE_OPTION_KEYS, { forms: 'axis-or-null', position: 'third' }, options);
  const mode = opts.mode ?? 'raise';
  checkMode(mode);
  let x = asArray(a, 'np.take') as NdArray;
  let axis: number;
  if (opts.axis === undefined || opts.axis === null) {
    x = ravel(x);
    axis = 0;
  } else axis = axisOf(opts.axis, Math.max(x.shape.length, 1));
  if (x.shape.length === 0) x = restride(x, [1], [0]);
  const ix = takeIndices(indices, 'np.take');
  const n = x.shape[axis];
  const pre = x.shape.slice(0, axis);
  const post = x.shape.slice(axis + 1);
  const shape = [...pre, ...ix.shape, ...post];
  const preSize = sizeOf(pre);
  const postSize = sizeOf(post);
  if (n === 0 && preSize > 0 && sizeOf(shape) !== 0) throw new IndexError('cannot do a non-empty take from an empty axes.');
  const t = dtypeOfArray(x);
  if (opts.out) checkOut(opts.out, shape);
  const own = opts.out && dtypeOfArray(opts.out) === t && isContiguous(opts.out) && !sharesBytes(opts.out, x, ix.data);
  const out = own ? opts.out! : newArray(t, shape);
  const done = n > 0 && out.size > 0
    ? takeLastAxis(x, ix, mode, pre, out) ?? nativeTake(flatData(x), ix, flatView(out), preSize, n, postSize, mode)
    : undefined;
  if (done !== undefined && done >= 0) {
    throw new IndexError(`index ${ix.data[done]} is out of bounds for axis ${axis} with size ${n}`);
  }
  if (done === undefined) takeInJs(x, axis, ix, mode, preSize, postSize, out);
  if (opts.out && out !== opts.out) copyInto(opts.out, out);
  const result = opts.out ?? out;
  if (result.shape.length === 0 && !opts.out) return scalarOfArray(result);
  return result as NdArray<N>;
}

/**
 * The indices of np.take as integers: an integer or bool array as it is
 * (made contiguous), nested lists of numbers truncated toward zero (as
 * numpy converts a list of Python floats); an array of floats is numpy's
 * TypeError, a NaN its ValueError.
 */
function takeIndices(indices: ArrayLike, fname: string): TakeIndices & { shape: number[] } {
  if (isNdArray(indices)) {
    const t = dtypeOfArray(indices);
    if (t.kind === 'f') {
      throw new DTypeError(`Cannot cast array data from dtype('${t.name}') to dtype('int64') according to the rule 'same_kind'`);
    }
    return { shape: [...indices.shape], data: flatData(indices), dtype: t.name };
  }
  const { shape, values } = indexList(indices, fname, 'the second argument (the indices)');
  if (values.some((v) => Number.isNaN(v))) throw new ValueError('cannot convert float NaN to integer');
  const small = values.every((v) => Math.abs(v) < 2 ** 31);
  return small ? { shape, data: Int32Array.from(values), dtype: 'int32' } : { shape, data: values as AnyTypedArray, dtype: 'float64' };
}

/** From this many elements on, take, take_along_axis and putmask use the engine's whole-array paths below. */
const ENGINE_PATH_MIN = 4096;

/** take along the last axis by strided copies: up to this many indices. */
const TAKE_COPIES_MAX = 16;

/**
 * np.take of a few indices along the last axis (np.take(img, [2, 1, 0], 2),
 * channels reordered) as one strided copy per index, which the engine's
 * gathers run at memory speed, instead of the native take's index lookup per
 * element (1080p: 6.8 -> 1.0 ms, numpy 4.7). Returns -1 when done,
 * undefined when it does not apply; under 'raise' an index out of range is
 * numpy's IndexError before anything is written.
 */
function takeLastAxis(x: NdArray, ix: TakeIndices, mode: IndexMode, pre: readonly number[], out: NdArray): number | undefined {
  const nd = x.shape.length;
  const k = ix.data.length;
  if (pre.length !== nd - 1 || k > TAKE_COPIES_MAX || out.size < ENGINE_PATH_MIN || !nativeKernels()) return undefined;
  const n = x.shape[nd - 1];
  const at: number[] = [];
  for (let j = 0; j < k; j++) {
    const v = Number(ix.data[j]);
    if (mode === 'raise' && (v < -n || v >= n)) throw new IndexError(`index ${v} is out of bounds for axis ${nd - 1} with size ${n}`);
    at.push(mode === 'clip' ? Math.min(Math.max(v, 0), n - 1) : mode === 'wrap' ? ((v % n) + n) % n : v < 0 ? v + n : v);
  }
  const os = cStrides([...pre, k]);
  for (let j = 0; j < k; j++) {
    const dst = restride(out, pre, os.slice(0, nd - 1), out.offset + j);
    copyInto(dst, restride(x, pre, x.stride.slice(0, nd - 1), x.offset + at[j] * x.stride[nd - 1]));
  }
  return -1;
}

/** Whether two typed arrays share bytes. */
function overlaps(a: AnyTypedArray, b: AnyTypedArray): boolean {
  return a.buffer === b.buffer && a.byteLength > 0 && b.byteLength > 0 &&
    a.byteOffset < b.byteOffset + b.byteLength && b.byteOffset < a.byteOffset + a.byteLength;
}

/** Whether `out`'s elements share bytes with `x`'s buffer range or the indices. */
function sharesBytes(out: NdArray, x: NdArray, idx: AnyTypedArray): boolean {
  const o = flatView(out);
  return overlaps(o, x.data as AnyTypedArray) || overlaps(o, idx);
}

/** np.take without the addon: indices resolved in JavaScript, sub-arrays copied or elements gathered. */
function takeInJs(x: NdArray, axis: number, ix: TakeIndices, mode: IndexMode, preSize: number, postSize: number, out: NdArray): void {
  const d = ix.data;
  const values = new Float64Array(d.length);
  if (d instanceof BigInt64Array || d instanceof BigUint64Array) {
    for (let i = 0; i < d.length; i++) values[i] = Number(BigInt.asIntN(64, d[i])); // numpy's cast to intp
  } else values.set(d as Float64Array);
  const n = x.shape[axis];
  if (preSize > 0) resolve(values, n, mode, axis, out.size);
  if (preSize * postSize >= 256) {
    // one copy per index of the sub-array a[..., i, ...] into out[..., k, ...]
    const pre = x.shape.slice(0, axis);
    const post = x.shape.slice(axis + 1);
    const o = restride(out, [...pre, values.length, ...post], cStrides3(pre, values.length, post), out.offset);
    for (let k = 0; k < values.length; k++) copyInto(pickAxis(o, axis, k), pickAxis(x, axis, values[k]));
  } else if (out.size > 0) {
    gather(x, axis, values, preSize, postSize, out);
  }
}

function cStrides3(pre: number[], n: number, post: number[]): number[] {
  const shape = [...pre, n, ...post];
  const s = new Array<number>(shape.length);
  for (let d = shape.length - 1, m = 1; d >= 0; d--) {
    s[d] = m;
    m *= Math.max(shape[d], 1);
  }
  return s;
}

/** The sub-array `a[..., i, ...]` with `i` on `axis`, as a view. */
function pickAxis(a: NdArray, axis: number, i: number): NdArray {
  const shape = a.shape.filter((_, d) => d !== axis);
  const stride = a.stride.filter((_, d) => d !== axis);
  return restride(a, shape, stride, a.offset + i * a.stride[axis]);
}

/** out[p, k, q] = x[p, values[k], q] for a contiguous out, x any layout (made contiguous first). */
function gather(x: NdArray, axis: number, values: Float64Array, preSize: number, postSize: number, out: NdArray): void {
  const src = flatData(x) as unknown as Scalar[];
  const dst = out.data as unknown as Scalar[];
  const n = x.shape[axis];
  let k = out.offset;
  for (let p = 0; p < preSize; p++) {
    const base = p * n * postSize;
    for (let j = 0; j < values.length; j++) {
      const from = base + values[j] * postSize;
      for (let q = 0; q < postSize; q++) dst[k++] = src[from + q];
    }
  }
}

/**
 * Pick along `axis` with an index array of the same number of dimensions
 * (numpy.take_along_axis), broadcasting the other axes: the companion of
 * argsort/argmax with keepdims. `axis` null takes from the flattened array
 * with 1-d indices; default -1 as numpy 2. A JavaScript gather loop. The
 * axis may be given positionally, as numpy's `np.take_along_axis(a, i, 0)`.
 *
 * @throws ValueError when the dimensions differ; IndexError for
 *   non-integer indices, an index out of range, or shapes that do not
 *   broadcast.
 * @example
 * ```ts
 * const a = np.reshape(np.arange(6), [2, 3]);
 * np.take_along_axis(a, np.reshape(np.arange(2), [2, 1]), { axis: 1 }) // => array([[0],\n       [4]])
 * ```
 */
export function take_along_axis<N extends DTypeName>(
  arr: NdArray<N>, indices: ArrayLike, axisOrOpts?: TakeAlongAxisOptions | number | null, options?: Omit<TakeAlongAxisOptions, 'axis'>,
): NdArray<N> {
  if (arguments.length > 4) extraArgument('np.take_along_axis', 4, arguments[4]);
  const opts = axisOptions('np.take_along_axis', axisOrOpts, TAKE_ALONG_AXIS_OPTION_KEYS, { forms: 'axis-or-null', position: 'third' }, options);
  let x = asArray(arr, 'np.take_along_axis') as NdArray;
  const ind = toArray(indices, 'np.take_along_axis', 'the second argument (the indices)');
  if (dtypeOfArray(ind).kind === 'f') throw new IndexError('`indices` must be an integer array');
  let axis: number;
  if (opts.axis === null) {
    if (ind.shape.length !== 1) throw new ValueError('when axis=None, `indices` must have a single dimension.');
    x = ravel(x);
    axis = 0;
  } else {
    if (ind.shape.length !== x.shape.length) throw new ValueError('`indices` and `arr` must have the same number of dimensions');
    axis = axisOf(opts.axis ?? -1, x.shape.length);
  }
  const nd = x.shape.length;
  const shape = x.shape.map((n, d) => {
    if (d === axis) return ind.shape[d];
    const m = ind.shape[d];
    if (n === m || m === 1) return n;
    if (n === 1) return m;
    const xs = [...x.shape];
    xs[axis] = 1;
    throw new IndexError(
      `shape mismatch: indexing arrays could not be broadcast together with shapes ${shapeText(ind.shape).replace(/ /g, '')} ` +
        `${shapeText(xs).replace(/ /g, '')} `,
    );
  });
  const fast = takeAlongNative(x, ind, axis, shape);
  if (fast) return fast as NdArray<N>;
  const { values } = indexList(ind, 'np.take_along_axis', 'the second argument (the indices)');
  const out = newArray(dtypeOfArray(x), shape);
  if (out.size === 0) return out as NdArray<N>;
  resolve(values, x.shape[axis], 'raise', axis);
  const src = x.data as unknown as Scalar[];
  const dst = out.data as unknown as Scalar[];
  // strides of the index array (C order over its own shape, 0 where broadcast)
  const istr = new Array<number>(nd);
  for (let d = nd - 1, m = 1; d >= 0; d--) {
    istr[d] = ind.shape[d] === 1 ? 0 : m;
    m *= ind.shape[d];
  }
  const xstr = x.stride.map((s, d) => (x.shape[d] === 1 ? 0 : s));
  const pos = new Array<number>(nd).fill(0);
  for (let k = 0; k < out.size; k++) {
    let ip = 0;
    let xp = x.offset;
    for (let d = 0; d < nd; d++) {
      ip += pos[d] * istr[d];
      if (d !== axis) xp += pos[d] * xstr[d];
    }
    dst[k] = src[xp + values[ip] * x.stride[axis]];
    for (let d = nd - 1; d >= 0; d--) {
      if (++pos[d] < shape[d]) break;
      pos[d] = 0;
    }
  }
  return out as NdArray<N>;
}

/**
 * putmask in the engine when a bool mask of a's size selects from one value
 * or from values of a's size (copyto copies values that overlap `a`, as
 * numpy's putmask reads them all first): a masked copyto of the values
 * converted as numpy's putmask converts them (1080p frame, pixels over 250
 * set to 0: 8.6 -> 1.2 ms, numpy 4.5). false when it does not apply.
 */
function putmaskNative(a: NdArray, mask: ArrayLike, values: ArrayLike): boolean {
  if (!isNdArray(mask) || dtypeOfArray(mask) !== bool || mask.size !== a.size || a.size < ENGINE_PATH_MIN) return false;
  const v = valuesArray(values, dtypeOfArray(a), 'np.putmask', 'the third argument (the values)', 'safe');
  if (v.size !== 1 && v.size !== a.size) return false;
  copyto(a, reshape(v, v.size === 1 ? [] : a.shape), { where: reshape(mask, a.shape) as NdArray<'bool'> });
  return true;
}

/**
 * take_along_axis in the engine: each element's flat position in `x` (its
 * index along `axis`, negatives from the end, times that axis' stride, plus
 * the other axes' offsets) computed by ufuncs into one int64 array, then one
 * native take from the flattened `x`. A 1080p frame by its argsort along the
 * channels: 130 -> 24 ms (numpy 26). undefined when the addon is absent, the
 * result small, or an index is out of range (the JavaScript path then raises
 * numpy's error).
 */
function takeAlongNative(x: NdArray, ind: NdArray, axis: number, shape: readonly number[]): NdArray | undefined {
  const it = dtypeOfArray(ind);
  if (!nativeKernels() || sizeOf(shape) < ENGINE_PATH_MIN || (it.kind !== 'i' && it.kind !== 'u')) return undefined;
  const n = x.shape[axis];
  if (Number(min(ind)) < -n || Number(max(ind)) >= n) return undefined;
  const flat = newArray(int64, shape);
  copyInto(flat, restride(ind, shape, ind.shape.map((m, d) => (m === 1 ? 0 : ind.stride[d]))));
  add(flat, n, { out: flat, where: less(flat, 0) as NdArray });
  const cs = shape.map(() => 1);
  for (let d = x.shape.length - 2; d >= 0; d--) cs[d] = cs[d + 1] * x.shape[d + 1];
  if (cs[axis] !== 1) multiply(flat, cs[axis], { out: flat });
  for (let d = 0; d < shape.length; d++) {
    if (d === axis || x.shape[d] === 1) continue;
    // the offsets of axis d, broadcast along the others
    const offsets = multiply(arange(shape[d], { dtype: 'int64' }), cs[d]) as NdArray;
    add(flat, restride(offsets, shape, shape.map((_, e) => (e === d ? 1 : 0))), { out: flat });
  }
  const out = newArray(dtypeOfArray(x), shape);
  const done = nativeTake(flatData(x), { data: flat.data as AnyTypedArray, dtype: 'int64' }, flatView(out), 1, x.size, 1, 'raise');
  return done === -1 ? out : undefined;
}

/**
 * Values to write into an array of dtype `t`, as numpy converts them: plain
 * numbers and lists as np.array(values, dtype=t) (300 into uint8 is an
 * OverflowError), arrays cast under `casting` (np.put: 'unsafe'; putmask and
 * place: 'safe', a TypeError otherwise).
 */
function valuesArray(v: ArrayLike, t: DType, fname: string, what: string, casting: 'safe' | 'unsafe'): NdArray {
  const a = toArray(v, fname, what);
  if (!isNdArray(v)) return asarray(v as ArrayInput, t);
  const from = dtypeOfArray(a);
  if (from === t) return a;
  if (!castAllowed(from, t, casting)) {
    throw new DTypeError(`${fname}: Cannot cast array data from dtype('${from.name}') to dtype('${t.name}') according to the rule '${casting}'`);
  }
  const c = newArray(t, a.shape);
  copyInto(c, a);
  return c;
}

/** `v`, or a copy of it when it shares bytes with `a`'s data (numpy's put and putmask read every value before writing). */
function unshared(v: AnyTypedArray, a: NdArray): AnyTypedArray {
  return overlaps(v, a.data as AnyTypedArray) ? v.slice() as AnyTypedArray : v;
}

/** {@link valuesArray} as a flat typed array. */
function valuesAs(v: ArrayLike, t: DType, fname: string, what: string, casting: 'safe' | 'unsafe'): AnyTypedArray {
  return flatData(valuesArray(v, t, fname, what, casting));
}

/** The data position of flat (C-order) index `i` of `a`. */
function positionOf(a: NdArray, contiguous: boolean): (i: number) => number {
  return contiguous ? (i) => a.offset + i : (i) => stridedIndex(a, i);
}

/**
 * Write `values` at the flat (C-order) positions `ind` of `a`
 * (numpy.put): values repeat if shorter, cast as numpy's unsafe cast;
 * `mode` as in {@link take}. A JavaScript scatter loop. numpy's positional
 * mode is the option `{ mode: 'clip' }` here; a string in its place is a
 * TypeError, not ignored.
 *
 * @example
 * ```ts
 * const a = np.zeros(4, 'int16');
 * np.put(a, [0, -1], [7, 9]);
 * a // => array([7, 0, 0, 9], dtype=int16)
 * ```
 */
export function put(a: NdArray, ind: ArrayLike, values: ArrayLike, options?: PutOptions): void {
  if (arguments.length > 4) extraArgument('np.put', 4, arguments[4]);
  const mode = plainOptions('np.put', options, PUT_OPTION_KEYS, "{ mode: 'clip' }", 'fourth').mode ?? 'raise';
  checkMode(mode);
  checkWriteable(arrayArg('np.put', a));
  const { values: idx } = indexList(ind, 'np.put', 'the second argument (the indices)');
  const v = unshared(valuesAs(values, dtypeOfArray(a), 'np.put', 'the third argument (the values)', 'unsafe'), a);
  if (idx.length > 0 && a.size === 0) throw new IndexError('cannot replace elements of an empty array');
  if (idx.length === 0 || v.length === 0) return;
  resolve(idx, a.size, mode, 0);
  const at = positionOf(a, isContiguous(a));
  const data = a.data as unknown as Scalar[];
  for (let k = 0; k < idx.length; k++) data[at(idx[k])] = v[k % v.length];
}

/** The addon's np.nonzero (native/src/sort.cc over csrc/engine/count.c). */
interface NonzeroBinding {
  nonzero?(flags: Uint8Array, shape: number[], outs: (BigInt64Array | Int32Array)[]): number;
}

/**
 * The truth of each element of `mask` in C order (nonzero, NaN true, -0
 * false): `flags` are 0/1 bytes from the engine's cast to bool; `count`
 * counts them (natively) when asked.
 */
function truth(mask: ArrayLike, fname: string, what: string): { shape: number[]; flags: Uint8Array; count: () => number } {
  const m = toArray(mask, fname, what);
  // the engine's cast to bool (a C-ordered copy, NaN true, -0 false), as 0/1 bytes
  const b = astype(m, bool, { copy: true });
  const flags = (b.data as Uint8Array).subarray(b.offset, b.offset + b.size);
  return { shape: [...m.shape], flags, count: () => Number(count_nonzero(b)) };
}

/**
 * Set `a.flat[n] = values[n % values.length]` where `mask.flat[n]` is true
 * (numpy.putmask); `mask` must have `a`'s size.
 *
 * @example
 * ```ts
 * const a = np.arange(4);
 * np.putmask(a, [true, false, true, false], [10, 20]);
 * a // => array([10,  1, 10,  3])
 * ```
 */
export function putmask(a: NdArray, mask: ArrayLike, values: ArrayLike): void {
  if (arguments.length > 3) extraArgument('np.putmask', 3, arguments[3]);
  checkWriteable(arrayArg('np.putmask', a));
  if (putmaskNative(a, mask, values)) return;
  const { flags } = truth(mask, 'np.putmask', 'the second argument (the mask)');
  if (flags.length !== a.size) throw new ValueError('np.putmask: mask and data must be the same size');
  const v = unshared(valuesAs(values, dtypeOfArray(a), 'np.putmask', 'the third argument (the values)', 'safe'), a);
  if (v.length === 0) return;
  const at = positionOf(a, isContiguous(a));
  const data = a.data as unknown as Scalar[];
  for (let n = 0; n < flags.length; n++) if (flags[n]) data[at(n)] = v[n % v.length];
}

/**
 * Set the elements of `arr` where `mask` is true to `vals` in order,
 * repeating `vals` if there are more (numpy.place).
 *
 * @throws ValueError when `vals` is empty but some mask element is true.
 * @example
 * ```ts
 * const a = np.arange(5);
 * np.place(a, [false, true, true, false, true], [7, 8]);
 * a // => array([0, 7, 8, 3, 7])
 * ```
 */
export function place(arr: NdArray, mask: ArrayLike, vals: ArrayLike): void {
  if (arguments.length > 3) extraArgument('np.place', 3, arguments[3]);
  checkWriteable(arrayArg('np.place', arr));
  const { flags } = truth(mask, 'np.place', 'the second argument (the mask)');
  if (flags.length !== arr.size) throw new ValueError('np.place: mask and data must be the same size');
  const v = valuesAs(vals, dtypeOfArray(arr), 'np.place', 'the third argument (the values)', 'safe');
  const at = positionOf(arr, isContiguous(arr));
  const data = arr.data as unknown as Scalar[];
  let k = 0;
  for (let n = 0; n < flags.length; n++) {
    if (!flags[n]) continue;
    if (v.length === 0) throw new ValueError('Cannot insert from an empty array!');
    data[at(n)] = v[k++ % v.length];
  }
}

/**
 * The indices of the non-zero elements (numpy.nonzero, and numpy's
 * `where` with one argument): one index array per dimension, numpy's
 * index dtype (int64; int32 on 32-bit ARM). NaN counts as non-zero, -0 as
 * zero.
 *
 * @throws ValueError for a 0-d array, as NumPy 2.
 * @example
 * ```ts
 * np.nonzero(np.reshape(np.arange(4), [2, 2])).map((i) => i.shape) // => [ [ 3 ], [ 3 ] ]
 * ```
 */
export function nonzero(a: ArrayLike): NdArray[] {
  if (arguments.length > 1) extraArgument('np.nonzero', 1, arguments[1]);
  const x = toArray(a, 'np.nonzero');
  const nd = x.shape.length;
  if (nd === 0) {
    throw new ValueError('Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.');
  }
  const t = truth(x, 'np.nonzero', 'the first argument');
  const flags = t.flags;
  const count = t.count();
  const outs = x.shape.map(() => newArray(intp, [count]));
  const native = nativeKernels() as NonzeroBinding | undefined;
  if (native?.nonzero && count > 0) {
    native.nonzero(flags, x.shape as number[], outs.map((o) => o.data as unknown as BigInt64Array | Int32Array));
    return outs;
  }
  // int64 indices are written as two 32-bit halves (little-endian, the high one 0): no bigint per element
  const wide = intp.isBigInt ? 2 : 1;
  const ws = outs.map((o) => new Int32Array(o.data.buffer, o.data.byteOffset, count * wide));
  const last = x.shape[nd - 1];
  const rows = last === 0 ? 0 : flags.length / last;
  const pos = new Int32Array(nd);
  const lw = ws[nd - 1];
  for (let r = 0, i = 0, k = 0; r < rows && k < count; r++) {
    for (let j = 0; j < last; j++, i++) {
      if (flags[i] === 0) continue;
      for (let d = 0; d < nd - 1; d++) ws[d][k * wide] = pos[d];
      lw[k * wide] = j;
      if (wide === 2) for (let d = 0; d < nd; d++) ws[d][k * 2 + 1] = 0;
      k++;
    }
    for (let d = nd - 2; d >= 0; d--) {
      if (++pos[d] < x.shape[d]) break;
      pos[d] = 0;
    }
  }
  return outs;
}

/**
 * The indices of the non-zero elements as rows (numpy.argwhere): shape
 * (count, ndim), numpy's index dtype.
 *
 * @example
 * ```ts
 * np.argwhere(np.arange(3)) // => array([[1],\n       [2]])
 * ```
 */
export function argwhere(a: ArrayLike): NdArray {
  if (arguments.length > 1) extraArgument('np.argwhere', 1, arguments[1]);
  const x = toArray(a, 'np.argwhere');
  if (x.shape.length === 0) {
    const { flags } = truth(x, 'np.argwhere', 'the first argument');
    return newArray(intp, [flags[0], 0]);
  }
  const cols = nonzero(x);
  const n = cols[0].size;
  const out = newArray(intp, [n, cols.length]);
  cols.forEach((c, d) => copyInto(restride(out, [n], [cols.length], out.offset + d), c));
  return out;
}

/**
 * The slices of `a` along `axis` where `condition` (1-d) is true
 * (numpy.compress); `axis` null/undefined uses the flattened array. A
 * condition shorter than the axis counts as false beyond its end. The axis
 * may be given positionally, as numpy's `np.compress(cond, a, 1)`.
 *
 * @throws ValueError for a condition that is not 1-d; IndexError for a
 *   true entry past the axis length.
 * @example
 * ```ts
 * np.compress([true, false, true], np.arange(4)) // => array([0, 2])
 * ```
 */
export function compress<N extends DTypeName>(
  condition: ArrayLike, a: NdArray<N>, axisOrOpts?: CompressOptions | number | null, options?: Omit<CompressOptions, 'axis'>,
): NdArray<N> {
  if (arguments.length > 4) extraArgument('np.compress', 4, arguments[4]);
  const opts = axisOptions('np.compress', axisOrOpts, COMPRESS_OPTION_KEYS, { forms: 'axis-or-null', position: 'third' }, options);
  const c = toArray(condition, 'np.compress');
  if (c.shape.length !== 1) throw new ValueError('condition must be a 1-d array');
  const [idx] = nonzero(c);
  return take(a, idx, { axis: opts.axis, out: opts.out }) as NdArray<N>;
}

/**
 * The elements of `arr` where `condition` is true, flattened
 * (numpy.extract): `take(ravel(arr), nonzero(ravel(condition))[0])`.
 *
 * @example
 * ```ts
 * np.extract([1, 0, 1], np.arange(3)) // => array([0, 2])
 * ```
 */
export function extract<N extends DTypeName>(condition: ArrayLike, arr: NdArray<N>): NdArray<N> {
  if (arguments.length > 2) extraArgument('np.extract', 2, arguments[2]);
  const cond = ravel(toArray(condition, 'np.extract'));
  const values = ravel(asArray(arr, 'np.extract', 'the second argument') as NdArray<N>);
  return (maskCompressNative(cond, values) ?? take(values, nonzero(cond)[0])) as NdArray<N>;
}

/** The addon's mask compress (native/csrc/engine/count.c through native/src/sort.cc). */
interface CompressBinding {
  maskCompress?(values: AnyTypedArray, mask: Uint8Array, out: AnyTypedArray): number;
}

/**
 * The elements of `values` where `cond` (as long, 1-d) is nonzero, in
 * order, by the addon: the count first, then one pass that keeps each
 * element under its mask byte (a 1080p channel by a threshold: 7.5 -> 2.4
 * ms, numpy's take of nonzero's indices 5.4). undefined when the lengths
 * differ (numpy's take then reports indices past the end), for small
 * arrays, or without the addon.
 */
function maskCompressNative(cond: NdArray, values: NdArray): NdArray | undefined {
  const k = nativeKernels() as CompressBinding | undefined;
  if (!k?.maskCompress || cond.size !== values.size || values.size < ENGINE_PATH_MIN || dtypeOfArray(values).itemsize > 8) return undefined;
  // numpy's nonzero: a bool is set by any nonzero byte, another value when it is not 0 (NaN is)
  const flags = dtypeOfArray(cond) === bool ? cond : (not_equal(cond, 0) as NdArray);
  const n = Number(count_nonzero(flags));
  const t = dtypeOfArray(values);
  const out = newArray(t, [n]);
  const mask = flatData(flags);
  const kept = k.maskCompress(flatData(values), new Uint8Array(mask.buffer, mask.byteOffset, mask.length), out.data as unknown as AnyTypedArray);
  if (kept !== n) throw new Error(`np.extract: the addon kept ${kept} of ${n} elements`);
  return out;
}

/** The dtype numpy gives to `items` (the choices of `fname`) with plain numbers weak (NEP 50). */
function weakResultType(items: ArrayLike[], fname: string, what: (i: number) => string): DType {
  const arrays: DType[] = [];
  const scalars: (Scalar | boolean)[] = [];
  items.forEach((x, i) => {
    const a = toArray(x, fname, what(i)); // each is checked, in the caller's name
    if (isNdArray(x) || Array.isArray(x)) arrays.push(dtypeOfArray(a));
    else scalars.push(x as Scalar | boolean);
  });
  let t = arrays.length ? resultTypeOf(arrays) : undefined;
  for (const s of scalars) {
    const k = typeof s === 'number' && !Number.isInteger(s) ? 'f' : typeof s === 'boolean' ? 'b' : 'i';
    if (t === undefined) t = dtypeOfArray(asArray(s));
    else if (k === 'f' && t.kind !== 'f') t = float64;
  }
  return t ?? float64;
}

/**
 * Build an array from the `choices` by index (numpy.choose): element i is
 * `choices[a[i]][i]`, all broadcast together; the result has the choices'
 * common dtype (plain numbers weak and cast into it, as numpy's).
 * `mode` 'raise' (default), 'wrap' or 'clip' for out-of-range indices.
 * numpy's positional `out` is the option `{ out }` here; an array in its
 * place is a TypeError, not ignored.
 *
 * @throws ValueError "invalid entry in choice array" for an index out of
 *   range with 'raise'; DTypeError for a non-integer index array.
 * @example
 * ```ts
 * np.choose([0, 1, 0], [[1, 2, 3], [10, 20, 30]]) // => array([ 1, 20,  3])
 * ```
 */
export function choose(a: ArrayLike, choices: readonly ArrayLike[], options?: ChooseOptions): NdArray {
  if (arguments.length > 3) extraArgument('np.choose', 3, arguments[3]);
  const opts = plainOptions('np.choose', options, CHOOSE_OPTION_KEYS, '{ out: result }', 'third');
  const mode = opts.mode ?? 'raise';
  checkMode(mode);
  const idx = toArray(a, 'np.choose');
  const it = dtypeOfArray(idx);
  if (it.kind === 'f') {
    throw new DTypeError(`Cannot cast array data from dtype('${it.name}') to dtype('${intp.name}') according to the rule 'safe'`);
  }
  if (listArg('np.choose', choices, 'the second argument', '[x, y]').length === 0) throw new ValueError('0-length sequence.');
  const choice = (i: number): string => `element ${i} of the second argument`;
  const t = opts.out ? dtypeOfArray(opts.out) : weakResultType([...choices], 'np.choose', choice);
  const cs = choices.map((c, i) => toArray(c, 'np.choose', choice(i)));
  const shape = broadcast_shapes(idx.shape, ...cs.map((c) => c.shape));
  const full = (x: NdArray, dt: DType) => {
    const o = newArray(dt, shape);
    copyInto(o, broadcastView(x, shape));
    return o.data as unknown as Scalar[];
  };
  const index = full(idx, float64) as number[];
  const cdata = cs.map((c) => full(c, t));
  const out = newArray(t, shape);
  const od = out.data as unknown as Scalar[];
  const n = cs.length;
  for (let i = 0; i < index.length; i++) {
    let k = index[i];
    if (k < 0 || k >= n) {
      if (mode === 'raise') throw new ValueError('invalid entry in choice array');
      k = mode === 'wrap' ? ((k % n) + n) % n : k < 0 ? 0 : n - 1;
    }
    od[i] = cdata[k][i];
  }
  if (opts.out) {
    checkOut(opts.out, shape);
    copyInto(opts.out, out);
    return opts.out;
  }
  return out;
}

/** `x` viewed with `shape` (stride 0 along stretched axes); shapes already checked. */
function broadcastView(x: NdArray, shape: readonly number[]): NdArray {
  const lead = shape.length - x.shape.length;
  return restride(x, shape, shape.map((_, d) => (d < lead || x.shape[d - lead] === 1 ? 0 : x.stride[d - lead])));
}

/**
 * Element-wise, the choice of the first true condition, else `default`
 * (numpy.select). The conditions must be boolean arrays; the result has
 * the choices' common dtype with `default` a weak scalar (cast into it as
 * numpy's: 1000 in uint8 is 232).
 *
 * @throws ValueError for lists of different lengths or no conditions;
 *   DTypeError for a condition that is not boolean.
 * @example
 * ```ts
 * const x = np.arange(5);
 * np.select([[true, false, false, false, true], [true, true, false, false, false]], [x, np.multiply(x, 10)], 9) // => array([ 0, 10,  9,  9,  4])
 * ```
 */
export function select(condlist: readonly ArrayLike[], choicelist: readonly ArrayLike[], defaultValue: ArrayLike = 0): NdArray {
  if (arguments.length > 3) extraArgument('np.select', 3, arguments[3]);
  listArg('np.select', condlist, 'the first argument', '[a > 0, a < 0]');
  listArg('np.select', choicelist, 'the second argument', '[a, -a]');
  if (condlist.length !== choicelist.length) throw new ValueError('list of cases must be same length as list of conditions');
  if (condlist.length === 0) throw new ValueError('select with an empty condition list is not possible');
  const conds = condlist.map((c, i) => {
    const x = toArray(c, 'np.select', `element ${i} of the first argument`);
    if (dtypeOfArray(x) !== bool) {
      throw new DTypeError(`invalid entry ${i} in condlist: should be boolean ndarray`);
    }
    return x;
  });
  const choice = (i: number): string => (i < choicelist.length ? `element ${i} of the second argument` : 'the default');
  const t = weakResultType([...choicelist, defaultValue], 'np.select', choice);
  const choices = choicelist.map((c, i) => toArray(c, 'np.select', choice(i)));
  const def = isNdArray(defaultValue) || Array.isArray(defaultValue) ? toArray(defaultValue, 'np.select', 'the default') : wrap(scalarArray(defaultValue as Scalar | boolean, t), []);
  const shape = broadcast_shapes(...conds.map((c) => c.shape), ...choices.map((c) => c.shape), def.shape);
  const out = newArray(t, shape);
  copyInto(out, broadcastView(def, shape));
  // numpy's order: the last condition first, so the first true one is written last
  for (let k = conds.length - 1; k >= 0; k--) castInto(out, broadcastView(choices[k], shape), broadcastView(conds[k], shape));
  return out;
}

/** The element of a 0-d array as numpy's scalar: number, bigint, or boolean for bool. */
function scalarOfArray(a: NdArray): Scalar | boolean {
  return a.get() as Scalar | boolean;
}

// numpy's where(condition) with one argument is nonzero: the engine's where finds it here
functions.set('nonzero', nonzero as (...args: never[]) => unknown);
