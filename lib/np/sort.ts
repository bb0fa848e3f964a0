/**
 * Sorting, searching and counting: sort, argsort, searchsorted, unique,
 * histogram, bincount, digitize — numpy's results, orders and errors.
 *
 * Order is numpy's: NaN sorts after +inf, -0 and 0 are equal, 64-bit
 * integers compare exactly (as bigint). Every `kind` sorts stably here
 * (numpy's default quicksort does not promise it): values are numpy's
 * exactly; ties in `argsort` keep their input order, which is what numpy's
 * `kind: 'stable'` gives (its quicksort may order ties differently).
 * Contiguous lanes of the common dtypes go to the addon when it is there
 * (lib/np/sortnative.ts: networks, an AVX-512 quicksort of 32- and 64-bit
 * keys, counting and radix sorts); everything else sorts in JavaScript.
 */
import { DTypeError } from '../errors.js';
import { type AnyTypedArray, type DType, type DTypeName, bool, float32, float64, int32, int64, intp, uint8, uint16 } from './dtype.js';
import { type OptionKeys, axisOptions, plainOptions, extraArgument } from './axisarg.js';
import { astype } from './cast.js';
import { ValueError, axisIndex } from './errors.js';
import {
  type NdArray, type NestedList, type Scalar, arrayLikeArg, describeArg, dtypeOfArray, isContiguous, isNdArray, sizeOf, wrap,
} from './ndarray.js';
import { promoteTypes } from './promote.js';
import { allocate } from './alloc.js';
import { copyto } from './fill.js';
import { nativeKernels } from '../native-kernels.js';
import { max, min } from './reduce.js';
import { ravel } from './shape.js';
import {
  NATIVE_SORT_MIN, NETWORK_MAX, nativeArgsort, nativeArgsortAxis, nativeArgsortLanes, nativeBincount, nativeBincountWeights, nativeIntRange,
  nativeSearchsorted, nativeSort, nativeSortAxis, nativeSortLanes,
} from './sortnative.js';

type Cell = number | bigint;
type Cells = AnyTypedArray & { [i: number]: Cell };

/** The dtype name of numpy's intp on this platform (int64, int32 on 32-bit ARM). */
export type IntpName = 'int64' | 'int32';

/** numpy's `kind` argument of sort and argsort. */
export type SortKind = 'quicksort' | 'mergesort' | 'heapsort' | 'stable';

/** Options of {@link sort} and {@link argsort}. */
export interface SortOptions {
  /** Axis to sort along (default -1); `null` sorts the flattened array. */
  axis?: number | null;
  /** numpy's sort kind; every kind is stable here. */
  kind?: SortKind | null;
  /** numpy 2's `stable` flag (same result here). */
  stable?: boolean | null;
}

/** The keys of {@link SortOptions}, in numpy's order: any other key is refused. */
export const SORT_OPTION_KEYS: OptionKeys<SortOptions> = { axis: true, kind: true, stable: true };

const KINDS = new Set(['quicksort', 'quick', 'mergesort', 'merge', 'heapsort', 'heap', 'stable']);

function checkKind(kind: unknown): void {
  if (kind === undefined || kind === null) return;
  if (typeof kind !== 'string' || !KINDS.has(kind.toLowerCase())) {
    throw new ValueError(`sort kind must be one of 'quick', 'heap', or 'stable' (got '${String(kind)}')`);
  }
}

function cells(a: NdArray): Cells {
  return a.data as unknown as Cells;
}

/** A new C-ordered copy of any view (same dtype). */
export function contiguousCopy<N extends DTypeName>(a: NdArray<N>): NdArray<N> {
  const t = dtypeOfArray(a);
  const out = wrap(allocate(t, a.size) as AnyTypedArray, a.shape) as NdArray as NdArray<N>;
  if (isContiguous(a)) {
    (out.data as Float64Array).set((cells(a) as Float64Array).subarray(a.offset, a.offset + a.size));
  } else {
    copyto(out, a);
  }
  return out;
}

/** A 1-d intp array over `values` (indices computed as numbers). */
function intpArray(values: ArrayLike<number>, shape: readonly number[]): NdArray<IntpName> {
  const out = allocate(intp, values.length) as AnyTypedArray;
  if (intp.isBigInt) {
    // the two 32-bit halves of each little-endian int64, written as numbers
    // (no bigint per element); exact for |v| < 2**53
    const o = out as BigInt64Array;
    const w = new Uint32Array(o.buffer, o.byteOffset, values.length * 2);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      const hi = Math.floor(v / 4294967296);
      w[2 * i] = v - hi * 4294967296;
      w[2 * i + 1] = hi;
    }
  } else {
    (out as Int32Array).set(values);
  }
  return wrap(out, shape) as NdArray as NdArray<IntpName>;
}

function intpScalar(v: number): Scalar {
  return intp.isBigInt ? BigInt(v) : v;
}

// ---- comparison in numpy's sort order ----

/** a < b in numpy's order (NaN last). */
function lessThan(a: Cell, b: Cell): boolean {
  return a < b || (b !== b && a === a);
}

/** Sort a contiguous lane of values in place: stable, NaN last, -0 and 0 kept in input order. */
function sortValues(v: Cells, t: DType): void {
  if (v.length < 2) return;
  if (nativeSort(v, t)) return;
  if (t.kind !== 'f') {
    (v as Float64Array).sort();
    return;
  }
  // TypedArray sort puts NaN last but -0 before 0: remember the zeros' signs
  const f = v as Float64Array;
  let signs: number[] | undefined;
  for (let i = 0; i < f.length; i++) {
    if (f[i] === 0 && (signs !== undefined || Object.is(f[i], -0))) {
      if (signs === undefined) {
        signs = [];
        for (let j = 0; j < i; j++) if (f[j] === 0) signs.push(1);
      }
      signs.push(Object.is(f[i], -0) ? -1 : 1);
    }
  }
  f.sort();
  if (signs !== undefined) {
    let lo = 0;
    while (f[lo] !== 0) lo++;
    for (let k = 0; k < signs.length; k++) f[lo + k] = signs[k] < 0 ? -0 : 0;
  }
}

/** The stable sorting permutation of a contiguous lane (Float64Array of indices). */
function argsortValues(v: Cells, t: DType): Float64Array {
  const n = v.length;
  const idx = new Float64Array(n);
  if (n >= NATIVE_SORT_MIN && n < 2 ** 31) {
    const native = new Int32Array(n);
    if (nativeArgsort(v, t, native)) {
      idx.set(native);
      return idx;
    }
  }
  for (let i = 0; i < n; i++) idx[i] = i;
  if (t.kind === 'f') {
    idx.sort((i, j) => {
      const x = v[i] as number;
      const y = v[j] as number;
      if (x < y) return -1;
      if (x > y) return 1;
      const xn = x !== x;
      const yn = y !== y;
      if (xn !== yn) return xn ? 1 : -1;
      return i - j;
    });
  } else {
    idx.sort((i, j) => (v[i] < v[j] ? -1 : v[i] > v[j] ? 1 : i - j));
  }
  return idx;
}

/** Call `visit(base, step)` for each lane along `axis` of a C-ordered shape. */
function forEachLane(shape: readonly number[], axis: number, visit: (base: number, step: number) => void): void {
  const n = shape[axis];
  const inner = sizeOf(shape.slice(axis + 1));
  const outer = sizeOf(shape.slice(0, axis));
  if (n === 0) return;
  for (let o = 0; o < outer; o++) for (let i = 0; i < inner; i++) visit(o * n * inner + i, inner);
}

/** From this many elements, a sort along another axis than the last moves that axis last first. */
const AXIS_MOVE_MIN = 512;

/** The axis order that puts `axis` last, when sorting along it is better done so; else undefined. */
function movedAxes(a: NdArray, axis: number | null | undefined): number[] | undefined {
  const nd = a.shape.length;
  if (axis === null || nd < 2 || a.size < AXIS_MOVE_MIN) return undefined;
  const ax = axisIndex(axis ?? -1, nd);
  if (ax === nd - 1) return undefined;
  return [...a.shape.keys()].filter((d) => d !== ax).concat(ax);
}

/**
 * For a sort along an axis other than the last: the (pre, n, post) shape
 * of a C-ordered copy around it when the addon's sorting networks take it
 * (2 to NETWORK_MAX items of up to 4 bytes), sorted in place there with no
 * transposed copies; else undefined.
 */
function networkAxis(a: NdArray, t: DType, axis: number | null | undefined): [number, number, number] | undefined {
  const nd = a.shape.length;
  if (axis === null || nd < 2 || t.itemsize > 4) return undefined;
  const ax = axisIndex(axis ?? -1, nd);
  const n = a.shape[ax];
  if (ax === nd - 1 || n < 2 || n > NETWORK_MAX) return undefined;
  return [sizeOf(a.shape.slice(0, ax)), n, sizeOf(a.shape.slice(ax + 1))];
}

/** A C-ordered copy to sort in place, and the axis to sort along. */
function sortAxis(a: NdArray, axis: number | null | undefined): { src: NdArray; axis: number } {
  if (axis === null) return { src: wrap(contiguousCopy(a).data, [a.size]) as NdArray, axis: 0 };
  const ax = axisIndex(axis ?? -1, a.shape.length);
  return { src: contiguousCopy(a), axis: ax };
}

/**
 * A sorted copy of `a`, as numpy.sort: along `axis` (default -1, the
 * last), or of the flattened array with `axis: null`. NaN sorts last; the
 * sort is stable for every `kind`. The axis may be given positionally (a
 * number or null), as numpy's `np.sort(a, 0)`.
 *
 * @example
 * ```ts
 * const a = np.array([[3, 1, 2], [9, 8, 7]], 'int16');
 * np.sort(a) // => array([[1, 2, 3],
 * //        [7, 8, 9]], dtype=int16)
 * np.sort(a, { axis: null }) // => array([1, 2, 3, 7, 8, 9], dtype=int16)
 * np.sort(np.array([[3, 1], [2, 5]], 'int16'), 0) // => array([[2, 1],
 * //        [3, 5]], dtype=int16)
 * ```
 */
export function sort<N extends DTypeName>(a0: NdArray<N> | NestedList, axisOrOpts?: SortOptions | number | null, options?: Omit<SortOptions, 'axis'>): NdArray<N> {
  if (arguments.length > 3) extraArgument('np.sort', 3, arguments[3]);
  const opts = axisOptions('np.sort', axisOrOpts, SORT_OPTION_KEYS, { forms: 'axis-or-null' }, options);
  const a = arrayLikeArg('np.sort', a0);
  checkKind(opts.kind);
  const t = dtypeOfArray(a);
  const net = networkAxis(a, t, opts.axis);
  if (net) {
    const src = contiguousCopy(a);
    if (nativeSortAxis(src.data as AnyTypedArray, t, ...net)) return src as NdArray<N>;
  }
  const perm = movedAxes(a, opts.axis);
  if (perm) {
    // sort contiguous lanes of a copy with the axis last, then copy back (both copies in the engine)
    const sorted = sort(a.transpose(...perm), { axis: -1 });
    const out = wrap(allocate(t, a.size) as AnyTypedArray, a.shape) as NdArray as NdArray<N>;
    copyto(out.transpose(...perm), sorted);
    return out;
  }
  const { src, axis } = sortAxis(a, opts.axis);
  const data = cells(src);
  const n = src.shape[axis];
  // the last axis: every lane in one native call
  if (axis === src.shape.length - 1 && n > 1 && nativeSortLanes(src.data as AnyTypedArray, t, n)) return src as NdArray<N>;
  const lane = n > 1 ? (new t.ArrayType(n) as unknown as Cells) : undefined;
  forEachLane(src.shape, axis, (base, step) => {
    if (!lane) return;
    if (step === 1) {
      sortValues((data as Float64Array).subarray(base, base + n) as unknown as Cells, t);
      return;
    }
    for (let k = 0; k < n; k++) lane[k] = data[base + k * step];
    sortValues(lane, t);
    for (let k = 0; k < n; k++) data[base + k * step] = lane[k];
  });
  return src as NdArray<N>;
}

/**
 * The indices that sort `a` along `axis` (default -1; `null` flattens), as
 * numpy.argsort, in numpy's intp dtype. Stable for every `kind`: ties keep
 * their order, as numpy's `kind: 'stable'`. The axis may be given
 * positionally (`np.argsort(a, 0)`).
 *
 * @example
 * ```ts
 * np.argsort(np.array([30, 10, 20, 10])) // => array([1, 3, 2, 0])
 * ```
 */
export function argsort(a0: NdArray | NestedList, axisOrOpts?: SortOptions | number | null, options?: Omit<SortOptions, 'axis'>): NdArray<IntpName> {
  if (arguments.length > 3) extraArgument('np.argsort', 3, arguments[3]);
  const opts = axisOptions('np.argsort', axisOrOpts, SORT_OPTION_KEYS, { forms: 'axis-or-null' }, options);
  const a = arrayLikeArg('np.argsort', a0);
  checkKind(opts.kind);
  const t = dtypeOfArray(a);
  if (a.shape.length === 0 && opts.axis !== null) {
    // numpy sorts a 0-d array as one element here (argsort flattens it)
    return intpArray([0], [1]);
  }
  const net = networkAxis(a, t, opts.axis);
  if (net) {
    const src = contiguousCopy(a);
    const res = allocate(intp, a.size) as BigInt64Array | Int32Array;
    if (nativeArgsortAxis(src.data as AnyTypedArray, t, ...net, res)) return wrap(res as AnyTypedArray, a.shape) as NdArray as NdArray<IntpName>;
  }
  const perm = movedAxes(a, opts.axis);
  if (perm) {
    const idx = argsort(a.transpose(...perm), { axis: -1 });
    const res = wrap(allocate(intp, a.size) as AnyTypedArray, a.shape) as NdArray as NdArray<IntpName>;
    copyto(res.transpose(...perm), idx);
    return res;
  }
  const { src, axis } = sortAxis(a, opts.axis);
  const data = cells(src);
  const n = src.shape[axis];
  const out = allocate(intp, src.size) as BigInt64Array | Int32Array;
  if (axis === src.shape.length - 1 && n > 0 && nativeArgsortLanes(src.data as AnyTypedArray, t, n, out)) {
    return wrap(out as AnyTypedArray, src.shape) as NdArray as NdArray<IntpName>;
  }
  // scratch for strided lanes, allocated on first use
  let lane: Cells | undefined;
  let native: BigInt64Array | Int32Array | undefined;
  forEachLane(src.shape, axis, (base, step) => {
    let v: Cells;
    if (step === 1) v = (data as Float64Array).subarray(base, base + n) as unknown as Cells;
    else {
      lane ??= new t.ArrayType(n) as unknown as Cells;
      for (let k = 0; k < n; k++) lane[k] = data[base + k * step];
      v = lane;
    }
    if (n >= NATIVE_SORT_MIN) {
      if (step !== 1) native ??= intp.isBigInt ? new BigInt64Array(n) : new Int32Array(n);
      const dst = step === 1 ? out.subarray(base, base + n) : native!;
      if (nativeArgsort(v, t, dst)) {
        if (step !== 1) for (let k = 0; k < n; k++) out[base + k * step] = native![k];
        return;
      }
    }
    const idx = argsortValues(v, t);
    if (intp.isBigInt) for (let k = 0; k < n; k++) (out as BigInt64Array)[base + k * step] = BigInt(idx[k]);
    else for (let k = 0; k < n; k++) (out as Int32Array)[base + k * step] = idx[k];
  });
  return wrap(out as AnyTypedArray, src.shape) as NdArray as NdArray<IntpName>;
}

// ---- searching ----

/** Options of {@link searchsorted}. */
export interface SearchOptions {
  /** 'left' (default): the first index where v fits; 'right': the last. */
  side?: 'left' | 'right';
  /** Indices that sort `a` (argsort's result), when `a` itself is not sorted. */
  sorter?: NdArray | readonly number[] | null;
}

/** The keys of {@link SearchOptions}. */
export const SEARCH_OPTION_KEYS: OptionKeys<SearchOptions> = { side: true, sorter: true };

/**
 * How two operands compare as numpy does after promotion: the compared
 * values converted into one JavaScript type (bigint for 64-bit integer
 * results, number otherwise; float32 rounding of weak scalars).
 */
function comparer(a: DType, v: DType | Scalar): (x: Cell) => Cell {
  if (typeof v === 'number' || typeof v === 'bigint') {
    if (typeof v === 'number' && !Number.isInteger(v)) {
      // a Python float: weak, takes a float array's dtype, else float64
      return a === float32 ? (x) => Math.fround(Number(x)) : Number;
    }
    if (a.kind === 'f') return a === float32 ? (x) => Math.fround(Number(x)) : Number;
    // a Python int against integers: compared by exact value
    return a.isBigInt || typeof v === 'bigint' ? BigInt : Number;
  }
  const c = promoteTypes(a, v);
  return c.isBigInt ? BigInt : Number;
}

/** The insertion index of `x` in sorted `key(i)`, i < n. */
function bisect(n: number, at: (i: number) => Cell, x: Cell, right: boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const y = at(mid);
    if (right ? !lessThan(x, y) : lessThan(y, x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The values of searchsorted/digitize: a number or a bigint as it is, a list as an array (intp or float64). */
function valuesOf(fname: string, v: NdArray | readonly number[] | Scalar, what: string): NdArray | Scalar {
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return v;
  return toArray(fname, v, what);
}

function toArray(fname: string, x: NdArray | readonly number[], what: string): NdArray {
  if (isNdArray(x)) return x;
  if (!Array.isArray(x)) throw new TypeError(`${fname}: ${what} must be an np array or a list; got ${describeArg(x)}`);
  const ints = x.every((v) => Number.isInteger(v));
  const t = ints ? intp : float64;
  const out = new t.ArrayType(x.length) as unknown as Cells;
  x.forEach((v, i) => (out[i] = t.isBigInt ? BigInt(v) : v));
  return wrap(out as unknown as AnyTypedArray, [x.length]) as NdArray;
}

function check1d(a: NdArray): void {
  if (a.shape.length > 1) throw new ValueError('object too deep for desired array');
  if (a.shape.length < 1) throw new ValueError('object of too small depth for desired array');
}

/**
 * Indices where `v` would be inserted into the sorted 1-d array `a` to keep
 * it sorted, as numpy.searchsorted (NaN sorts last). A scalar `v` gives an
 * intp scalar (bigint on 64-bit platforms), an array an intp array of its
 * shape. Values compare after numpy's promotion (weak Python scalars).
 * numpy's positional `side` is the option `{ side: 'right' }` here; a
 * string in its place is a TypeError, not ignored.
 *
 * @example
 * ```ts
 * const a = np.array([1, 2, 2, 3], 'float64');
 * np.searchsorted(a, 2) // => 1n
 * np.searchsorted(a, 2, { side: 'right' }) // => 3n
 * ```
 */
export function searchsorted(a: NdArray | NestedList, v: Scalar, opts?: SearchOptions): Scalar;
export function searchsorted(a: NdArray | NestedList, v: NdArray | readonly number[], opts?: SearchOptions): NdArray<IntpName>;
export function searchsorted(a0: NdArray | NestedList, v0: NdArray | readonly number[] | Scalar, options?: SearchOptions): NdArray<IntpName> | Scalar {
  if (arguments.length > 3) extraArgument('np.searchsorted', 3, arguments[3]);
  const opts = plainOptions('np.searchsorted', options, SEARCH_OPTION_KEYS, "{ side: 'right' }", 'third');
  const a = arrayLikeArg('np.searchsorted', a0);
  const v = valuesOf('np.searchsorted', v0, 'the second argument');
  const side = opts.side ?? 'left';
  if (side !== 'left' && side !== 'right') {
    throw new ValueError(`search side must be 'left' or 'right' (got '${String(side)}')`);
  }
  check1d(a);
  const ta = dtypeOfArray(a);
  const n = a.shape[0];
  const ad = cells(a);
  let at = (i: number): Cell => ad[a.offset + i * a.stride[0]];
  if (opts.sorter !== undefined && opts.sorter !== null) {
    const s = toArray('np.searchsorted', opts.sorter, 'the sorter option');
    const ts = dtypeOfArray(s);
    if (ts.kind === 'f') {
      throw new DTypeError(`Cannot cast array data from dtype('${ts.name}') to dtype('${intp.name}') according to the rule 'safe'`);
    }
    check1d(s);
    if (s.size !== n) throw new ValueError('sorter.size must equal a.size');
    const order = new Float64Array(n);
    const sd = cells(s);
    for (let i = 0; i < n; i++) {
      const k = Number(sd[s.offset + i * s.stride[0]]);
      if (k < 0 || k >= n) throw new ValueError('Sorter index out of range.');
      order[i] = k;
    }
    const base = at;
    at = (i) => base(order[i]);
  }
  const right = side === 'right';
  if (!isNdArray(v)) {
    const conv = comparer(ta, v);
    const x = conv(v);
    return intpScalar(bisect(n, (i) => conv(at(i)), x, right));
  }
  const conv = comparer(ta, dtypeOfArray(v));
  // the sorted keys converted once; v's elements in C order
  const keys = new Array<Cell>(n);
  for (let i = 0; i < n; i++) keys[i] = conv(at(i));
  const vc = isContiguous(v) ? v : contiguousCopy(v);
  const vd = cells(vc);
  const res = new Float64Array(v.size);
  // number comparisons are exact for bigint keys within 2**53 and non-64-bit values
  const safe = conv === Number || (!dtypeOfArray(vc).isBigInt && keys.every((x) => typeof x === 'bigint' && x <= 2n ** 53n && x >= -(2n ** 53n)));
  if (safe && !dtypeOfArray(vc).isBigInt && keys.every((x) => x === x)) {
    // numbers and no NaN among the keys: a NaN value goes after all of them
    const kf = Float64Array.from(keys, Number);
    const vf = (vd as Float64Array).subarray(vc.offset, vc.offset + v.size);
    const found = allocate(intp, v.size) as unknown as BigInt64Array<ArrayBuffer> | Int32Array<ArrayBuffer>;
    if (nativeSearchsorted(kf, vf as AnyTypedArray, dtypeOfArray(vc), right, found)) return wrap(found, [...v.shape]) as NdArray<IntpName>;
    for (let k = 0; k < vf.length; k++) {
      const x = vf[k];
      let lo = 0;
      let hi = n;
      if (x !== x) lo = n;
      else if (right) {
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (kf[mid] <= x) lo = mid + 1;
          else hi = mid;
        }
      } else {
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (kf[mid] < x) lo = mid + 1;
          else hi = mid;
        }
      }
      res[k] = lo;
    }
    return intpArray(res, v.shape);
  }
  const key = (i: number): Cell => keys[i];
  for (let k = 0; k < v.size; k++) res[k] = bisect(n, key, conv(vd[vc.offset + k]), right);
  return intpArray(res, v.shape);
}

// ---- unique ----

/** Options of {@link unique}. */
export interface UniqueOptions {
  /** Also return the index of each unique value's first occurrence. */
  return_index?: boolean;
  /** Also return, for each element of `a`, the index of its value in the result (shaped as `a`). */
  return_inverse?: boolean;
  /** Also return how often each unique value occurs. */
  return_counts?: boolean;
  /** Only `null`/undefined (the flattened array) is supported. */
  axis?: null;
  /** Whether NaNs collapse into one (default true, as numpy). */
  equal_nan?: boolean;
}

/** The keys of {@link UniqueOptions}. */
export const UNIQUE_OPTION_KEYS: OptionKeys<UniqueOptions> = {
  return_index: true, return_inverse: true, return_counts: true, axis: true, equal_nan: true,
};

/**
 * The sorted unique values of `a` (flattened), as numpy.unique; with any
 * `return_*` option, a list in numpy's order: values, then index, inverse
 * and counts as asked (intp arrays; the inverse has `a`'s shape, as NumPy 2).
 * numpy's positional `return_index` is the option `{ return_index: true }`
 * here; a boolean in its place is a TypeError, not ignored.
 *
 * @example
 * ```ts
 * const a = np.array([3, 1, 3, 2, 1], 'uint8');
 * np.unique(a) // => array([1, 2, 3], dtype=uint8)
 * np.unique(a, { return_counts: true })[1] // => array([2, 1, 2])
 * ```
 */
export function unique<N extends DTypeName>(a: NdArray<N> | NestedList, opts?: UniqueOptions & {
  return_index?: false; return_inverse?: false; return_counts?: false;
}): NdArray<N>;
export function unique<N extends DTypeName>(a: NdArray<N> | NestedList, opts: UniqueOptions): [NdArray<N>, ...NdArray<IntpName>[]];
export function unique<N extends DTypeName>(
  a0: NdArray<N> | NestedList, options?: UniqueOptions,
): NdArray<N> | [NdArray<N>, ...NdArray<IntpName>[]] {
  if (arguments.length > 2) extraArgument('np.unique', 2, arguments[2]);
  const opts = plainOptions('np.unique', options, UNIQUE_OPTION_KEYS, '{ return_index: true }');
  const a = arrayLikeArg('np.unique', a0);
  if (opts.axis !== undefined && opts.axis !== null) {
    throw new ValueError(`np.unique: axis=${String(opts.axis)} is not supported here; only axis=None (flattened)`);
  }
  const t = dtypeOfArray(a);
  const flat = contiguousCopy(a);
  const vals = cells(flat);
  const n = flat.size;
  if (!opts.return_index && !opts.return_inverse) {
    const counts: number[] = [];
    const u = uniqueValues(flat, t, opts.equal_nan ?? true, opts.return_counts ? counts : undefined);
    return opts.return_counts ? [u, intpArray(counts, [counts.length])] : u;
  }
  const perm = argsortValues(vals, t);
  const sorted = new t.ArrayType(n) as unknown as Cells;
  for (let i = 0; i < n; i++) sorted[i] = vals[perm[i]];
  const equalNan = opts.equal_nan ?? true;
  // starts[k]: where the k-th distinct value begins in `sorted`
  const starts: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = sorted[i];
    if (i === 0) starts.push(i);
    else if (x !== x) {
      const prev = sorted[i - 1];
      if (!equalNan || prev === prev) starts.push(i);
    } else if (x !== sorted[i - 1]) starts.push(i);
  }
  const m = starts.length;
  const values = new t.ArrayType(m) as unknown as Cells;
  for (let k = 0; k < m; k++) values[k] = sorted[starts[k]];
  const uniq = wrap(values as unknown as AnyTypedArray, [m]) as NdArray as NdArray<N>;
  if (!opts.return_index && !opts.return_inverse && !opts.return_counts) return uniq;
  const result: [NdArray<N>, ...NdArray<IntpName>[]] = [uniq];
  if (opts.return_index) result.push(intpArray(starts.map((s) => perm[s]), [m]));
  if (opts.return_inverse) {
    const inv = new Float64Array(n);
    let k = -1;
    for (let i = 0, next = 0; i < n; i++) {
      if (next < m && starts[next] === i) {
        k++;
        next++;
      }
      inv[perm[i]] = k;
    }
    result.push(intpArray(inv, a.shape));
  }
  if (opts.return_counts) {
    result.push(intpArray(starts.map((s, k) => (k + 1 < m ? starts[k + 1] : n) - s), [m]));
  }
  return result;
}

/** The sorted distinct values of a flat C-ordered copy (sorted in place), and how often each occurs. */
function uniqueValues<N extends DTypeName>(flat: NdArray<N>, t: DType, equalNan: boolean, counts?: number[]): NdArray<N> {
  const v = cells(flat);
  const n = flat.size;
  sortValues(v, t);
  let m = 0;
  let run = 0;
  for (let i = 0; i < n; i++) {
    const x = v[i];
    if (i > 0) {
      const prev = v[m - 1];
      if (x === prev || (equalNan && x !== x && prev !== prev)) {
        run++;
        continue;
      }
      counts?.push(run);
    }
    v[m++] = x;
    run = 1;
  }
  if (n > 0) counts?.push(run);
  const out = new t.ArrayType(m) as unknown as Cells;
  (out as Float64Array).set((v as Float64Array).subarray(0, m));
  return wrap(out as unknown as AnyTypedArray, [m]) as NdArray as NdArray<N>;
}

// ---- counting ----

/** Options of {@link bincount}. */
export interface BincountOptions {
  /** A weight per element of `x`: the result sums weights (float64) instead of counting. */
  weights?: NdArray | readonly number[] | null;
  /** The least length of the result. */
  minlength?: number;
}

/** The keys of {@link BincountOptions}. */
export const BINCOUNT_OPTION_KEYS: OptionKeys<BincountOptions> = { weights: true, minlength: true };

/**
 * How often each value 0, 1, … occurs in the non-negative integer 1-d
 * array `x`, as numpy.bincount (intp counts, or float64 sums of `weights`).
 * numpy's positional `weights` is the option `{ weights: w }` here; an
 * array in its place is a TypeError, not ignored.
 *
 * @example
 * ```ts
 * np.bincount(np.array([0, 1, 1, 3], 'uint8')) // => array([1, 2, 0, 1])
 * ```
 */
export function bincount(x: NdArray | readonly number[], options?: BincountOptions): NdArray {
  if (arguments.length > 2) extraArgument('np.bincount', 2, arguments[2]);
  const opts = plainOptions('np.bincount', options, BINCOUNT_OPTION_KEYS, '{ weights: w }');
  const xs = toArray('np.bincount', x, 'the first argument');
  const tx = dtypeOfArray(xs);
  // numpy refuses floats; integers are cast to intp (wrapping: a huge
  // unsigned value becomes negative and is refused below)
  if (tx.kind === 'f') {
    throw new DTypeError(
      `Cannot cast array data from dtype('${tx.name}') to dtype('${intp.name}') according to the rule 'safe'`,
    );
  }
  check1d(xs);
  // numpy casts bool to intp as != 0: a bool view of other bytes counts as 1
  if (tx === bool) return bincount(astype(xs, uint8), opts);
  const minlength = opts.minlength ?? 0;
  if (!Number.isInteger(minlength)) throw new DTypeError(`'minlength' must be an integer, got ${minlength}`);
  if (minlength < 0) throw new ValueError("'minlength' must not be negative");
  const n = xs.size;
  const noWeights = opts.weights === undefined || opts.weights === null;
  if (n >= NATIVE_SORT_MIN) {
    const counted = bincountNative(xs, minlength, noWeights ? undefined : opts.weights as NdArray | readonly number[]);
    if (counted) return counted;
  }
  let idx: ArrayLike<number>;
  let max = -1;
  if (!tx.isBigInt && !(intp.itemsize === 4 && tx.name === 'uint32')) {
    // small integers: the values are the indices
    const c = isContiguous(xs) ? xs : contiguousCopy(xs);
    const d = (cells(c) as Float64Array).subarray(c.offset, c.offset + n);
    let min = 0;
    for (let i = 0; i < n; i++) {
      const v = d[i];
      if (v > max) max = v;
      else if (v < min) min = v;
    }
    if (min < 0) throw new ValueError("'list' argument must have no negative elements");
    idx = d;
  } else {
    const f = new Float64Array(n);
    const xd = cells(xs);
    for (let i = 0; i < n; i++) {
      const raw = xd[xs.offset + i * xs.stride[0]];
      const v = typeof raw === 'bigint' ? Number(BigInt.asIntN(64, raw)) : (raw as number) | 0;
      if (v < 0) throw new ValueError("'list' argument must have no negative elements");
      f[i] = v;
      if (v > max) max = v;
    }
    idx = f;
  }
  const len = Math.max(max + 1, minlength);
  // numpy counts (intp) when x is empty, weights or not
  if (opts.weights === undefined || opts.weights === null || n === 0) {
    const counts = new Float64Array(len);
    for (let i = 0; i < n; i++) counts[idx[i]]++;
    return intpArray(counts, [len]);
  }
  const w = bincountWeights(opts.weights, n);
  const wd = cells(w);
  const sums = new Float64Array(len);
  for (let i = 0; i < n; i++) sums[idx[i]] += Number(wd[w.offset + i * w.stride[0]]);
  return wrap(sums, [len]) as NdArray;
}

/** bincount's weights, checked as numpy checks them: 1-d, one per value. */
function bincountWeights(weights: NdArray | readonly number[], n: number): NdArray {
  const w = toArray('np.bincount', weights, 'the weights option');
  if (w.shape.length !== 1) throw new ValueError(w.shape.length > 1 ? 'object too deep for desired array' : 'object of too small depth for desired array');
  if (w.size !== n) throw new ValueError("The weights and list don't have the same length.");
  return w;
}

/**
 * bincount of a 1-d integer array in the addon (range, then counts), or
 * undefined without it. The values are read as numpy casts them to intp:
 * uint64 as int64 (and uint32 as int32 where intp has 32 bits), so huge
 * unsigned values come out negative and are refused.
 */
function bincountNative(xs: NdArray, minlength: number, weights?: NdArray | readonly number[]): NdArray | undefined {
  const tx = dtypeOfArray(xs);
  const asIntp = tx.name === 'uint64' ? int64 : intp.itemsize === 4 && tx.name === 'uint32' ? int32 : tx;
  const c = isContiguous(xs) ? xs : contiguousCopy(xs);
  const lane = (c.data as unknown as AnyTypedArray).subarray(c.offset, c.offset + xs.size) as AnyTypedArray;
  const bytes = asIntp === tx ? lane : new asIntp.ArrayType(lane.buffer, lane.byteOffset, lane.length) as AnyTypedArray;
  const range = nativeIntRange(bytes, asIntp);
  if (!range) return undefined;
  if (range[0] < 0) throw new ValueError("'list' argument must have no negative elements");
  const len = Math.max(range[1] + 1, minlength);
  if (weights === undefined) {
    const out = allocate(intp, len) as unknown as BigInt64Array | Int32Array;
    if (!nativeBincount(bytes, asIntp, out)) return undefined;
    return wrap(out as unknown as AnyTypedArray, [len]) as NdArray;
  }
  // numpy's weights: float64, contiguous, as long as x; summed in x's order
  const wf = astype(bincountWeights(weights, xs.size), float64);
  const sums = new Float64Array(len);
  if (!nativeBincountWeights(bytes, asIntp, wf.data as Float64Array, sums)) return undefined;
  return wrap(sums, [len]) as NdArray;
}

/** Options of {@link digitize}. */
export interface DigitizeOptions {
  /** Whether a bin includes its right edge instead of its left (default false). */
  right?: boolean;
}

/** The keys of {@link DigitizeOptions}. */
export const DIGITIZE_OPTION_KEYS: OptionKeys<DigitizeOptions> = { right: true };

/**
 * The index of the bin each element of `x` falls in, as numpy.digitize:
 * `bins` is 1-d and monotonic (either direction); an intp array of `x`'s
 * shape, or an intp scalar for a scalar `x`. numpy's positional `right` is
 * the option `{ right: true }` here; a boolean in its place is a TypeError.
 *
 * @example
 * ```ts
 * const bins = np.array([0, 1, 2], 'float64');
 * np.digitize(np.array([-1, 0.5, 1, 7], 'float64'), bins) // => array([0, 1, 2, 3])
 * ```
 */
export function digitize(x: NdArray | readonly number[], bins: NdArray | readonly number[], opts?: DigitizeOptions): NdArray<IntpName>;
export function digitize(x: Scalar, bins: NdArray | readonly number[], opts?: DigitizeOptions): Scalar;
export function digitize(x0: NdArray | readonly number[] | Scalar, bins: NdArray | readonly number[], options?: DigitizeOptions): NdArray<IntpName> | Scalar {
  if (arguments.length > 3) extraArgument('np.digitize', 3, arguments[3]);
  const opts = plainOptions('np.digitize', options, DIGITIZE_OPTION_KEYS, '{ right: true }', 'third');
  const x = valuesOf('np.digitize', x0, 'the first argument');
  const b = toArray('np.digitize', bins, 'the second argument (bins)');
  check1d(b);
  const n = b.size;
  const bd = cells(b);
  const at = (i: number): Cell => bd[b.offset + i * b.stride[0]];
  // numpy's monotonicity test: non-decreasing or non-increasing (NaN breaks both)
  let up = true;
  let down = true;
  for (let i = 1; i < n; i++) {
    const p = at(i - 1);
    const q = at(i);
    if (!(p <= q)) up = false;
    if (!(p >= q)) down = false;
  }
  if (n > 1 && !up && !down) throw new ValueError('bins must be monotonically increasing or decreasing');
  // NaN-only checks: a single or all-equal bins count as increasing
  const side = opts.right ? 'left' : 'right';
  if (up || n <= 1) {
    return isNdArray(x) ? searchsorted(b, x as NdArray, { side }) : searchsorted(b, x as Scalar, { side });
  }
  const rev = wrap(b.data, [n]) as NdArray;
  rev.offset = b.offset + (n - 1) * b.stride[0];
  rev.stride = [-b.stride[0]];
  const flip = (r: Scalar): Scalar => (typeof r === 'bigint' ? BigInt(n) - r : n - r);
  if (!isNdArray(x)) return flip(searchsorted(rev, x as Scalar, { side }));
  const r = searchsorted(rev, x as NdArray, { side });
  const rd = cells(r);
  for (let i = 0; i < r.size; i++) rd[i] = flip(rd[i]);
  return r;
}

// ---- histogram ----

/** Options of {@link histogram}. */
export interface HistogramOptions {
  /** numpy's `bins=` keyword, when the options come second: a count of equal-width bins, or the edges. */
  bins?: number | NdArray | readonly number[];
  /** (first, last) edges of the equal-width bins; default the data's min and max. */
  range?: readonly [number, number] | null;
  /** Return the probability density (integrates to 1) instead of counts. */
  density?: boolean;
  /** A weight per element of `a` (same shape): bins sum weights instead of counting. */
  weights?: NdArray | null;
}

/** The keys of {@link HistogramOptions}. */
export const HISTOGRAM_OPTION_KEYS: OptionKeys<HistogramOptions> = { bins: true, range: true, density: true, weights: true };

/** numpy's pairwise summation of a float array (the order its sum uses). */
function pairwiseSum(v: Float64Array, lo: number, n: number, round: (x: number) => number): number {
  if (n < 8) {
    let s = -0;
    for (let i = 0; i < n; i++) s = round(s + v[lo + i]);
    return s;
  }
  if (n <= 128) {
    const r = new Float64Array(8);
    for (let j = 0; j < 8; j++) r[j] = v[lo + j];
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] = round(r[j] + v[lo + i + j]);
    let s = round(round(round(r[0] + r[1]) + round(r[2] + r[3])) + round(round(r[4] + r[5]) + round(r[6] + r[7])));
    for (; i < n; i++) s = round(s + v[lo + i]);
    return s;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return round(pairwiseSum(v, lo, n2, round) + pairwiseSum(v, lo + n2, n - n2, round));
}

/** The elements of `a` in C order, as numbers (bigints converted: float64 rounding). */
function numbersOf(a: NdArray): Float64Array {
  const c = isContiguous(a) ? a : contiguousCopy(a);
  const d = (cells(c) as Float64Array).subarray(c.offset, c.offset + c.size) as unknown as Cells;
  if (!dtypeOfArray(c).isBigInt) return Float64Array.from(d as unknown as Float64Array);
  const out = new Float64Array(c.size);
  for (let i = 0; i < c.size; i++) out[i] = Number(d[i]);
  return out;
}

const HIST_BLOCK = 65536;

/**
 * A histogram of `a` (flattened), as numpy.histogram: `bins` equal-width
 * bins over `range` (default 10, over the data's min and max), or the given
 * monotonic bin edges. Every bin is half-open `[left, right)` but the last,
 * which includes its right edge. Returns `[hist, bin_edges]`; hist is intp
 * counts, the weights' dtype with `weights`, or float64 with `density`.
 * Bin edges and bin indices are computed with numpy's formula and dtypes,
 * so values on an edge land in numpy's bin. numpy's positional `range`
 * may be given as the third argument (`np.histogram(img, 256, [0, 256])`),
 * and numpy's keywords all as the second (`np.histogram(img, { bins: 256,
 * range: [0, 256] })`).
 *
 * @example
 * ```ts
 * const [hist, edges] = np.histogram(np.array([1, 2, 1], 'float64'), 2);
 * hist // => array([2, 1])
 * edges // => array([1. , 1.5, 2. ])
 * ```
 */
export function histogram(
  a0: NdArray | NestedList, binsOrOpts: number | NdArray | readonly number[] | HistogramOptions = 10,
  optsOrRange?: HistogramOptions | readonly [number, number],
): [NdArray, NdArray] {
  if (arguments.length > 3) extraArgument('np.histogram', 3, arguments[3]);
  // numpy's keywords may all come second, as one options object: np.histogram(a, { bins: 256, range: [0, 256] })
  const second = typeof binsOrOpts === 'object' && binsOrOpts !== null && !Array.isArray(binsOrOpts) && !isNdArray(binsOrOpts);
  if (second && optsOrRange !== undefined) {
    throw new TypeError('np.histogram: the options were given twice (second and third argument); give them once: np.histogram(a, { bins, range })');
  }
  // numpy's third positional argument is the range
  const opts: HistogramOptions = second
    ? plainOptions('np.histogram', binsOrOpts as HistogramOptions, HISTOGRAM_OPTION_KEYS, '{ bins: 256, range: [0, 256] }', 'second')
    : Array.isArray(optsOrRange)
      ? { range: optsOrRange as readonly [number, number] }
      : plainOptions('np.histogram', optsOrRange as HistogramOptions | undefined, HISTOGRAM_OPTION_KEYS, '{ range: [0, 256] }', 'third');
  if (!second && opts.bins !== undefined) {
    throw new TypeError("np.histogram: got multiple values for argument 'bins' (second argument and the bins option)");
  }
  const bins = (second ? opts.bins ?? 10 : binsOrOpts) as number | NdArray | readonly number[];
  // numpy histograms booleans as uint8
  const a1 = arrayLikeArg('np.histogram', a0);
  const a = dtypeOfArray(a1) === bool ? astype(a1, uint8) : a1;
  const ta = dtypeOfArray(a);
  const w = opts.weights ?? undefined;
  if (w !== undefined && (w.shape.length !== a.shape.length || w.shape.some((s, i) => s !== a.shape[i]))) {
    throw new ValueError('weights should have the same shape as a.');
  }
  const wv = w === undefined ? undefined : numbersOf(w);
  const ntype = w === undefined ? intp : dtypeOfArray(w);
  let edges: NdArray;
  let counts: Float64Array;
  if (typeof bins === 'number') {
    if (!Number.isInteger(bins)) throw new DTypeError('`bins` must be an integer, a string, or an array');
    if (bins < 1) throw new ValueError('`bins` must be positive, when an integer');
    // 8/16-bit integers, counts only: each distinct value's count (the addon's bincount), then its bin once
    const perValue = ta.kind !== 'f' && ta.itemsize <= 2 && w === undefined ? valueCounts(a, ta) : undefined;
    const floats = !perValue && w === undefined && ta.kind === 'f' && a.size >= HIST_ENGINE_MIN && hasFloatCounts();
    const x = perValue || floats ? undefined : numbersOf(a);
    // the data's extent only when no range is given (numpy's min and max then)
    const extent = (): Extent => (perValue ? extentOfCounts(perValue) : x ? extentOf(x) : floatExtent(a));
    const r = uniformEdges(ta, extent, bins, opts.range ?? null);
    edges = r.edges;
    counts = floats ? floatCounts(a, r, bins) : uniformCounts(x, wv, ntype, r, bins, perValue);
  } else {
    edges = toArray('np.histogram', bins, 'the bins');
    if (edges.shape.length !== 1) throw new ValueError('`bins` must be 1d, when an array');
    const e = numbersOf(edges);
    for (let i = 1; i < e.length; i++) {
      if (e[i - 1] > e[i]) throw new ValueError('`bins` must increase monotonically, when an array');
    }
    counts = edgeCounts(a, numbersOf(a), wv, ntype, edges);
  }
  const nbins = counts.length;
  if (opts.density) {
    const e = numbersOf(edges);
    const total = ntype.kind === 'f'
      ? pairwiseSum(counts, 0, nbins, ntype === float32 ? Math.fround : (v) => v)
      : counts.reduce((s, v) => s + v, 0);
    const out = new Float64Array(nbins);
    const width = (i: number): number => (dtypeOfArray(edges) === float32 ? Math.fround(e[i + 1] - e[i]) : e[i + 1] - e[i]);
    for (let i = 0; i < nbins; i++) out[i] = counts[i] / width(i) / total;
    return [wrap(out, [nbins]) as NdArray, edges];
  }
  return [castCounts(counts, ntype), edges];
}

function castCounts(counts: Float64Array, t: DType): NdArray {
  const out = new t.ArrayType(counts.length) as unknown as Cells;
  for (let i = 0; i < counts.length; i++) out[i] = t.isBigInt ? BigInt(Math.trunc(counts[i])) : counts[i];
  return wrap(out as unknown as AnyTypedArray, [counts.length]) as NdArray;
}

interface Uniform {
  edges: NdArray;
  e: Float64Array;
  first: number;
  last: number;
  /** x - first, in numpy's dtype for it. */
  diff: (v: number) => number;
  /** (x - first) / denom * n, in numpy's dtypes. */
  scale: (d: number) => number;
  /** the array's values as compared with first/last and the edges. */
  value: (v: number) => number;
  /** last - first as numpy divides by it, and whether numpy holds it as a float32 scalar. */
  denom: number;
  f32Scalars: boolean;
}

/** numpy's outer edges and linspace for `bins` equal bins, in numpy's dtypes. */
/** From this many elements on, a float histogram is counted by the addon ({@link floatCounts}). */
const HIST_ENGINE_MIN = 256;

/** The extent of a float array, from the engine's reductions. */
function floatExtent(a: NdArray): Extent {
  if (a.size === 0) return { size: 0, min: Infinity, max: -Infinity, nan: false };
  const lo = Number(min(a));
  const hi = Number(max(a));
  // min/max propagate NaN
  return { size: a.size, min: lo, max: hi, nan: lo !== lo || hi !== hi };
}

/** The addon's float histogram (native/csrc/engine/hist.c through native/src/sort.cc). */
interface HistBinding {
  histUniform?(values: Float32Array | Float64Array, offset: number, step: number, n: number, first: number, last: number,
    denom: number, denomSingle: boolean, edges: Float32Array | Float64Array, counts: Float64Array): void;
}

/** Whether the addon counts float histograms. */
function hasFloatCounts(): boolean {
  return (nativeKernels() as HistBinding | undefined)?.histUniform !== undefined;
}

/**
 * numpy's bins of float values, by numpy's own steps (the values in range,
 * (x - first) / denom * bins in numpy's dtypes, truncated, the last bin's
 * right edge kept in it, one step down or up where the value lies across
 * its bin's edges) in one pass of the addon over the values: a view that
 * flattens to one stride is read in place (a float32 1080p frame in 32
 * bins: 60 ms by whole-array ufuncs, as numpy does it, 39 by numpy).
 */
function floatCounts(a: NdArray, u: Uniform, bins: number): Float64Array {
  const k = nativeKernels() as HistBinding;
  const flat = ravel(a);
  const counts = new Float64Array(bins);
  k.histUniform?.(flat.data as unknown as Float32Array | Float64Array, flat.offset, flat.stride[0] ?? 1, flat.size,
    u.first, u.last, u.denom, u.f32Scalars, u.edges.data as unknown as Float32Array | Float64Array, counts);
  return counts;
}

/** How many elements an array has, its least and greatest value, and whether one is NaN. */
interface Extent {
  size: number;
  min: number;
  max: number;
  nan: boolean;
}

function extentOf(x: Float64Array): Extent {
  let min = Infinity;
  let max = -Infinity;
  let nan = false;
  for (const v of x) {
    if (v !== v) nan = true;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { size: x.length, min, max, nan };
}

/** The extent of the values counted by {@link valueCounts}. */
function extentOfCounts(perValue: Float64Array): Extent {
  let size = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < perValue.length; j++) {
    if (perValue[j] === 0) continue;
    size += perValue[j];
    min = Math.min(min, j - VALUE_BASE);
    max = j - VALUE_BASE;
  }
  return { size, min, max, nan: false };
}

/** Index of value 0 in {@link valueCounts}: values -32768 (int16) to 65535 (uint16). */
const VALUE_BASE = 32768;

/**
 * How many elements of `a` (8 or 16-bit integers) hold each value, at index
 * value + {@link VALUE_BASE}: the addon counts the array's bytes as unsigned
 * codes (a 1080p frame: 97 -> 4 ms); undefined without the addon.
 */
function valueCounts(a: NdArray, ta: DType): Float64Array | undefined {
  const c = isContiguous(a) ? a : contiguousCopy(a);
  const d = c.data as unknown as AnyTypedArray;
  const bits = 8 * ta.itemsize;
  const ut = bits === 8 ? uint8 : uint16;
  const codes = new ut.ArrayType(d.buffer, d.byteOffset + c.offset * ta.itemsize, c.size) as AnyTypedArray;
  const out = allocate(intp, 1 << bits) as unknown as BigInt64Array | Int32Array;
  if (!nativeBincount(codes, ut, out)) return undefined;
  const perValue = new Float64Array(VALUE_BASE * 3);
  for (let code = 0; code < 1 << bits; code++) {
    const v = ta.kind === 'i' && code >= 1 << (bits - 1) ? code - (1 << bits) : code;
    perValue[v + VALUE_BASE] = Number(out[code]);
  }
  return perValue;
}

function uniformEdges(ta: DType, extentOfData: () => Extent, bins: number, range: readonly [number, number] | null): Uniform {
  let first: number;
  let last: number;
  // whether first/last are numpy scalars of a float32 array (else Python numbers or float64)
  let f32Scalars = false;
  let intScalars = false;
  let extent: Extent;
  if (range !== null) {
    [first, last] = range;
    if (first > last) throw new ValueError('max must be larger than min in range parameter.');
    if (!Number.isFinite(first) || !Number.isFinite(last)) {
      throw new ValueError(`supplied range of [${pyFloat(first)}, ${pyFloat(last)}] is not finite`);
    }
  } else if ((extent = extentOfData()).size === 0) {
    first = 0;
    last = 1;
  } else {
    first = extent.min;
    last = extent.max;
    if (extent.nan) {
      throw new ValueError(`autodetected range of [nan, nan] is not finite`);
    }
    if (!Number.isFinite(first) || !Number.isFinite(last)) {
      throw new ValueError(`autodetected range of [${pyFloat(first)}, ${pyFloat(last)}] is not finite`);
    }
    f32Scalars = ta === float32;
    intScalars = ta.kind !== 'f';
  }
  if (first === last) {
    first -= 0.5;
    last += 0.5;
    if (f32Scalars) {
      first = Math.fround(first);
      last = Math.fround(last);
    } else intScalars = false;
  }
  const binType = ta === float32 ? float32 : float64;
  // linspace in float32 only when first/last are float32 scalars
  const r = f32Scalars ? Math.fround : (v: number) => v;
  const e = new Float64Array(bins + 1);
  const delta = r(last - first);
  const step = r(delta / bins);
  for (let i = 0; i <= bins; i++) {
    e[i] = step === 0 ? r(r(r(i / bins) * delta) + first) : r(r(i * step) + first);
  }
  e[bins] = last;
  if (binType === float32) for (let i = 0; i <= bins; i++) e[i] = Math.fround(e[i]);
  for (let i = 0; i < bins; i++) {
    if (e[i] >= e[i + 1]) {
      throw new ValueError(`Too many bins for data range. Cannot create ${bins} finite-sized bins.`);
    }
  }
  const edges = wrap(binType === float32 ? Float32Array.from(e) : e, [bins + 1]) as NdArray;
  const f32 = ta === float32;
  const firstCmp = f32 ? Math.fround(first) : first;
  // x - first: float32 arithmetic for float32 arrays
  const diff = f32 ? (v: number) => Math.fround(v - firstCmp) : (v: number) => v - first;
  const denom = f32Scalars ? Math.fround(last - first) : last - first;
  const scale = f32Scalars ? (d: number) => Math.fround(Math.fround(d / denom) * bins) : (d: number) => (d / denom) * bins;
  void intScalars;
  return {
    edges, e, first: firstCmp, last: f32 ? Math.fround(last) : last, diff, scale,
    value: f32 ? Math.fround : (v) => v, denom, f32Scalars,
  };
}

function pyFloat(v: number): string {
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (v !== v) return 'nan';
  return String(v);
}

function uniformCounts(
  x: Float64Array | undefined, w: Float64Array | undefined, ntype: DType, u: Uniform, bins: number, perValue: Float64Array | undefined,
): Float64Array {
  const n = new Float64Array(bins);
  const { e, first, last } = u;
  /** numpy's bin of an in-range value: the formula, then the corrections against the edges */
  const binOf = (v: number): number => {
    let k = Math.trunc(u.scale(u.diff(v)));
    if (k === bins) k--;
    if (v < e[k]) k--;
    else if (v >= e[k + 1] && k !== bins - 1) k++;
    return k;
  };
  if (perValue) {
    for (let j = 0; j < perValue.length; j++) {
      const v = j - VALUE_BASE;
      if (perValue[j] !== 0 && v >= first && v <= last) n[binOf(v)] += perValue[j];
    }
    return n;
  }
  if (!x) throw new Error('np.histogram: neither the values nor their counts');
  const block = new Float64Array(bins);
  for (let start = 0; start < x.length; start += HIST_BLOCK) {
    block.fill(0);
    const end = Math.min(x.length, start + HIST_BLOCK);
    for (let i = start; i < end; i++) {
      const v = x[i];
      if (!(v >= first && v <= last)) continue;
      block[binOf(v)] += w === undefined ? 1 : w[i];
    }
    // per block, as numpy: the block's float64 sums cast to the result dtype, then added
    for (let k = 0; k < bins; k++) n[k] = addIn(ntype, n[k], castTo(ntype, block[k]));
  }
  return n;
}

/** A float64 value cast to dtype `t` (as astype: truncation for integers), as a number. */
function castTo(t: DType, v: number): number {
  if (t.kind === 'f') return t === float32 ? Math.fround(v) : v;
  return Math.trunc(v);
}

/** a + b in dtype `t`. */
function addIn(t: DType, a: number, b: number): number {
  return t === float32 ? Math.fround(a + b) : a + b;
}

/** Histogram over given edges: numpy's sort + searchsorted (last edge inclusive). */
function edgeCounts(a: NdArray, x: Float64Array, w: Float64Array | undefined, ntype: DType, edges: NdArray): Float64Array {
  const ne = edges.size;
  const cum = new Float64Array(ne);
  const ta = dtypeOfArray(a);
  const conv = comparer(ta, dtypeOfArray(edges));
  const ed = cells(edges);
  const edge = (j: number): Cell => conv(ed[edges.offset + j * edges.stride[0]]);
  const flat = contiguousCopy(a);
  const vals = cells(flat);
  for (let start = 0; start < x.length; start += HIST_BLOCK) {
    const len = Math.min(x.length, start + HIST_BLOCK) - start;
    const lane = (vals as Float64Array).subarray(start, start + len) as unknown as Cells;
    const perm = argsortValues(lane, ta);
    const at = (i: number): Cell => conv(lane[perm[i]]);
    let cw: Float64Array | undefined;
    if (w !== undefined) {
      cw = new Float64Array(len + 1);
      for (let i = 0; i < len; i++) cw[i + 1] = addIn(ntype, cw[i], castTo(ntype, w[start + perm[i]]));
    }
    for (let j = 0; j < ne; j++) {
      const k = bisect(len, at, edge(j), j === ne - 1);
      cum[j] = addIn(ntype, cum[j], cw === undefined ? k : cw[k]);
    }
  }
  const out = new Float64Array(Math.max(ne - 1, 0));
  for (let j = 0; j + 1 < ne; j++) out[j] = ntype === float32 ? Math.fround(cum[j + 1] - cum[j]) : cum[j + 1] - cum[j];
  return out;
}

