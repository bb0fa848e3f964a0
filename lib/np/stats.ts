/**
 * Statistics with numpy's formulas, so results are bit-equal to numpy's:
 * mean (sum, then one division in the result dtype), var/std (the mean,
 * the squared deviations summed again, / (n − ddof)), average (weights),
 * median and percentile/quantile (method 'linear': numpy's lerp, in the
 * dtypes numpy computes it in), and the NaN-ignoring nansum, nanmean,
 * nanmin, nanmax.
 */
import { DTypeError } from '../errors.js';
import { allocate } from './alloc.js';
import { type OptionKeys, axisOptions, numbersArg, extraArgument } from './axisarg.js';
import { type AnyTypedArray, type DType, type DTypeLike, bool, dtypeArg, dtypeOf, float64, intp } from './dtype.js';
import { ValueError, axisIndex } from './errors.js';
import { type NdArray, type NestedList, arrayLikeArg, wrap } from './ndarray.js';
import { add, divide, equal, multiply } from './ops.js';
import { castInto } from './cast.js';
import { broadcast_to, reshape, transpose } from './shape.js';
import { copy } from './create.js';
import { result_type } from './promote.js';
import {
  type AxisLike, EXTREME_OPTION_KEYS, type ExtremeOptions, REDUCE_OPTION_KEYS, type ReduceOptions, type ScalarResult, axisMask,
  any, cStrides, finish, nanExtreme, reduceCore, reduceNative, reducedShape, scalarOf, selectNative, sum, sumType,
} from './reduce.js';

/** Keyword arguments of var/std. */
export interface VarOptions extends ReduceOptions {
  /** Delta degrees of freedom: the divisor is n − ddof (default 0). */
  ddof?: number;
}

/** The keys of {@link VarOptions}, in numpy's order: any other key is refused. */
export const VAR_OPTION_KEYS: OptionKeys<VarOptions> = { axis: true, dtype: true, out: true, ddof: true, keepdims: true };

/** Keyword arguments of median/percentile/quantile. */
export interface QuantileOptions {
  axis?: AxisLike;
  keepdims?: boolean;
  out?: NdArray;
  /** Only 'linear' (numpy's default) is implemented. */
  method?: 'linear';
}

/** The keys of {@link QuantileOptions}. */
export const QUANTILE_OPTION_KEYS: OptionKeys<QuantileOptions> = { axis: true, out: true, method: true, keepdims: true };

/** Keyword arguments of median (numpy's median has no `method`). */
export type MedianOptions = Omit<QuantileOptions, 'method'>;

/** The keys of {@link MedianOptions}. */
export const MEDIAN_OPTION_KEYS: OptionKeys<MedianOptions> = { axis: true, out: true, keepdims: true };

/** Keyword arguments of average. */
export interface AverageOptions {
  axis?: AxisLike;
  weights?: NdArray | NestedList;
  returned?: boolean;
  keepdims?: boolean;
}

/** The keys of {@link AverageOptions}. */
export const AVERAGE_OPTION_KEYS: OptionKeys<AverageOptions> = { axis: true, weights: true, returned: true, keepdims: true };

/** Division by zero where Python raises it (numpy's average with weights summing to 0). */
export class ZeroDivisionError extends ValueError {
  constructor(message: string) {
    super(message, 'EZERODIV');
  }
}

function isArray(x: unknown): x is NdArray {
  return typeof x === 'object' && x !== null && 'stride' in x && ArrayBuffer.isView((x as NdArray).data);
}

/** The dtype mean/var compute in: float64 for bool and integers, else the array's; `name` (mean, var, …) for the error. */
function meanType(name: string, t: DType, dtype: DTypeLike | undefined | null): DType {
  if (dtype !== undefined && dtype !== null) return dtypeArg('np.', dtype, name);
  return t.kind === 'f' ? t : float64;
}

/** From this many elements on, divideBy runs in the engine (numpy's true_divide); below, the loop costs less than a call. */
const ENGINE_DIVIDE_MIN = 64;

/** Elements of `x` (the accumulator array, C order) divided by `n` in its dtype. */
function divideBy(x: NdArray, n: number): void {
  const t = dtypeOf(x.data);
  if (t.kind === 'f' && x.size >= ENGINE_DIVIDE_MIN) {
    // numpy's true_divide(ret, count, out=ret, casting='unsafe'): the count
    // is an intp (a float64 after ddof), not a weak scalar, so a float32
    // result is divided in float64 and rounded once
    const count = t === float64 ? n : (wrap(new Float64Array([n]), []) as NdArray);
    divide(x, count, { out: x, casting: 'unsafe' });
    return;
  }
  const d = x.data as unknown as (number | bigint)[];
  for (let i = 0; i < x.size; i++) {
    if (t.kind === 'f') d[i] = t.name === 'float32' ? Math.fround((d[i] as number) / n) : (d[i] as number) / n;
    else if (t.isBigInt) d[i] = BigInt(Math.trunc(Number(d[i]) / n));
    else d[i] = Math.trunc((d[i] as number) / n);
  }
}

function countOf(a: NdArray, mask: readonly boolean[]): number {
  return a.shape.reduce((p, n, d) => (mask[d] ? p * n : p), 1);
}

/**
 * Arithmetic mean over the given axes, as `numpy.mean`: integers and bool
 * average in float64, float32 in float32 (sum pairwise, then one division).
 * An empty reduction is NaN. The axis may be given positionally, as
 * numpy's `np.mean(x, (0, 1))`: a number, a list of numbers or null.
 *
 * @example
 * ```ts
 * np.mean(np.array([1, 2, 3, 4], 'uint8')) // => 2.5
 * np.mean(np.array([[1, 2], [3, 4]], 'uint8'), 0) // => array([2., 3.])
 * ```
 */
export function mean(a: NdArray | NestedList, axisOrOpts?: ReduceOptions | AxisLike, options?: Omit<ReduceOptions, 'axis'>): NdArray | number {
  if (arguments.length > 3) extraArgument('np.mean', 3, arguments[3]);
  const opts = axisOptions('np.mean', axisOrOpts, REDUCE_OPTION_KEYS, {}, options);
  a = arrayLikeArg('np.mean', a);
  const mask = axisMask(opts.axis, a.shape.length);
  const t = meanType('mean', dtypeOf(a.data), opts.dtype);
  const s = reduceCore('sum', a, mask, t, 0);
  divideBy(s, countOf(a, mask));
  return finish(s, a, mask, opts, 'add') as NdArray | number;
}

/** Visit every element of `a` in C order of its shape: callback(flat index, data position). */
function each(a: NdArray, f: (i: number, p: number) => void): void {
  const nd = a.shape.length;
  const idx = new Array<number>(nd).fill(0);
  let p = a.offset;
  for (let i = 0; i < a.size; i++) {
    f(i, p);
    for (let d = nd - 1; d >= 0; d--) {
      p += a.stride[d];
      if (++idx[d] < a.shape[d]) break;
      p -= a.stride[d] * a.shape[d];
      idx[d] = 0;
    }
  }
}

/**
 * The strides (elements) of numpy's order 'K' copy of `a`, as np.array(a,
 * copy=True) and `a - mean` lay it out: the axes in the order of `a`'s
 * |strides|, all positive and contiguous.
 */
function kStrides(a: NdArray): number[] {
  const nd = a.shape.length;
  const order = [...Array(nd).keys()].reverse();
  // innermost first, stable by |stride|
  order.sort((x, y) => Math.abs(a.stride[x]) - Math.abs(a.stride[y]));
  const stride = new Array<number>(nd).fill(0);
  let s = 1;
  for (const d of order) {
    stride[d] = s;
    s *= a.shape[d];
  }
  return stride;
}

/**
 * A new array shaped like `a` whose memory follows `a`'s axis order by
 * |stride| (numpy's 'K' layout for a new result), filled by `value(p)` for
 * the element at data position p of `a` (and its C-order index i).
 */
function likeK(a: NdArray, t: DType, value: (p: number, i: number) => number | bigint): NdArray {
  const nd = a.shape.length;
  const stride = kStrides(a);
  const data = allocate(t, a.size) as unknown as (number | bigint)[];
  const r = wrap(data as unknown as AnyTypedArray, a.shape) as NdArray;
  r.stride = stride;
  r.offset = 0;
  const idx = new Array<number>(nd).fill(0);
  let q = 0;
  each(a, (i, p) => {
    data[q] = value(p, i);
    for (let d = nd - 1; d >= 0; d--) {
      q += stride[d];
      if (++idx[d] < a.shape[d]) break;
      q -= stride[d] * a.shape[d];
      idx[d] = 0;
    }
  });
  return r;
}

/** For each C-order index of `a`, the index into the keepdims-shaped reduction result. */
function keptIndex(a: NdArray, mask: readonly boolean[]): (i: number) => number {
  const st = cStrides(a.shape);
  const keep = reducedShape(a.shape, mask, true);
  const ks = cStrides(keep);
  return (i) => {
    let k = 0;
    for (let d = 0; d < a.shape.length; d++) if (!mask[d]) k += (Math.floor(i / st[d]) % a.shape[d]) * ks[d];
    return k;
  };
}

function variance(a: NdArray | NestedList, opts: VarOptions, fname: string): NdArray {
  a = arrayLikeArg(`np.${fname}`, a);
  const mask = axisMask(opts.axis, a.shape.length);
  const it = dtypeOf(a.data);
  const t = meanType(fname, it, opts.dtype);
  const n = countOf(a, mask);
  const m = reduceCore('sum', a, mask, t, 0);
  divideBy(m, n);
  const md = m.data as unknown as number[];
  // x = a - mean in result_type(a, mean) (int32 with a float32 mean: float64), squared in place
  const xt = t.kind === 'f' ? result_type(it, t) : float64;
  const accT = t.kind === 'f' ? t : xt;
  // the engine sums (a - mean)**2 over a itself, in the order of numpy's x
  const fused = accT === xt ? reduceNative('ssd', a, mask, xt, m, kStrides(a)) : undefined;
  if (fused) {
    divideBy(fused, Math.max(n - (opts.ddof ?? 0), 0));
    return fused;
  }
  const f32 = xt.name === 'float32';
  const data = a.data as unknown as (number | bigint)[];
  const kept = keptIndex(a, mask);
  const x = likeK(a, xt, (p, i) => {
    const v = Number(data[p]) - md[kept(i)];
    return f32 ? Math.fround(Math.fround(v) * Math.fround(v)) : v * v;
  });
  const r = reduceCore('sum', x, mask, accT, 0);
  divideBy(r, Math.max(n - (opts.ddof ?? 0), 0));
  return r;
}

/**
 * Variance over the given axes, as `numpy.var`: the mean, the squared
 * deviations summed, divided by n − ddof. The axis may be given
 * positionally (`np.var(a, 1)`).
 *
 * @example
 * ```ts
 * np.var(np.array([1, 2, 3, 4], 'int32')) // => 1.25
 * ```
 */
export function var_(a: NdArray | NestedList, axisOrOpts?: VarOptions | AxisLike, options?: Omit<VarOptions, 'axis'>): NdArray | number {
  if (arguments.length > 3) extraArgument('np.var', 3, arguments[3]);
  const opts = axisOptions('np.var', axisOrOpts, VAR_OPTION_KEYS, {}, options);
  a = arrayLikeArg('np.var', a);
  const mask = axisMask(opts.axis, a.shape.length);
  return finish(variance(a, opts, 'var'), a, mask, opts, 'add') as NdArray | number;
}

/**
 * Standard deviation over the given axes, as `numpy.std` (square root of
 * {@link var_}); the axis may be given positionally (`np.std(a, 0)`).
 *
 * @example
 * ```ts
 * np.std(np.array([1, 2, 3, 4], 'float64')) // => 1.118033988749895
 * ```
 */
export function std(a: NdArray | NestedList, axisOrOpts?: VarOptions | AxisLike, options?: Omit<VarOptions, 'axis'>): NdArray | number {
  if (arguments.length > 3) extraArgument('np.std', 3, arguments[3]);
  const opts = axisOptions('np.std', axisOrOpts, VAR_OPTION_KEYS, {}, options);
  a = arrayLikeArg('np.std', a);
  const r = variance(a, opts, 'std');
  const d = r.data as unknown as number[];
  const f32 = dtypeOf(r.data).name === 'float32';
  for (let i = 0; i < r.size; i++) d[i] = f32 ? Math.fround(Math.sqrt(d[i])) : Math.sqrt(d[i]);
  const mask = axisMask(opts.axis, a.shape.length);
  return finish(r, a, mask, opts, 'add') as NdArray | number;
}

/** `a` with NaN replaced by 0 in numpy's 'K' layout (floats only), as numpy's nan functions copy it. */
function zeroNaN(a: NdArray): NdArray {
  const data = a.data as unknown as number[];
  return likeK(a, dtypeOf(a.data), (p) => (data[p] !== data[p] ? 0 : data[p]));
}

/**
 * Sum treating NaN as zero, as `numpy.nansum` (the axis may be given
 * positionally: `np.nansum(a, 1)`).
 *
 * @example
 * ```ts
 * np.nansum(np.array([1, NaN, 2])) // => 3
 * ```
 */
export function nansum(a: NdArray | NestedList, axisOrOpts?: ReduceOptions | AxisLike, options?: Omit<ReduceOptions, 'axis'>): NdArray | ScalarResult {
  if (arguments.length > 3) extraArgument('np.nansum', 3, arguments[3]);
  const opts = axisOptions('np.nansum', axisOrOpts, REDUCE_OPTION_KEYS, {}, options);
  a = arrayLikeArg('np.nansum', a);
  const t = dtypeOf(a.data);
  const mask = axisMask(opts.axis, a.shape.length);
  const acc = opts.dtype !== undefined && opts.dtype !== null ? dtypeArg('np.nansum', opts.dtype) : opts.out ? dtypeOf(opts.out.data) : sumType(t);
  if (t.kind !== 'f') return finish(reduceCore('sum', a, mask, acc, 0), a, mask, opts, 'add');
  // numpy sums a copy with NaN as 0: the engine reads a in that copy's order
  const res = (acc.kind === 'f' ? reduceNative('nansum', a, mask, acc, undefined, kStrides(a)) : undefined) ??
    reduceCore('sum', zeroNaN(a), mask, acc, 0);
  return finish(res, a, mask, opts, 'add');
}

/**
 * Mean ignoring NaN, as `numpy.nanmean`: an all-NaN slice gives NaN. The
 * axis may be given positionally (`np.nanmean(a, 0)`).
 *
 * @example
 * ```ts
 * np.nanmean(np.array([1, NaN, 2])) // => 1.5
 * ```
 */
export function nanmean(a: NdArray | NestedList, axisOrOpts?: ReduceOptions | AxisLike, options?: Omit<ReduceOptions, 'axis'>): NdArray | number {
  if (arguments.length > 3) extraArgument('np.nanmean', 3, arguments[3]);
  const opts = axisOptions('np.nanmean', axisOrOpts, REDUCE_OPTION_KEYS, {}, options);
  a = arrayLikeArg('np.nanmean', a);
  const t = dtypeOf(a.data);
  if (t.kind !== 'f') return mean(a, opts);
  const mask = axisMask(opts.axis, a.shape.length);
  const acc = meanType('nanmean', t, opts.dtype);
  const tot = (acc.kind === 'f' ? reduceNative('nansum', a, mask, acc, undefined, kStrides(a)) : undefined) ??
    reduceCore('sum', zeroNaN(a), mask, acc, 0);
  const data = a.data as unknown as number[];
  const cnt = reduceNative('notnan', a, mask, intp) ??
    reduceCore('sum', likeK(a, bool, (p) => (data[p] === data[p] ? 1 : 0)), mask, intp, 0);
  // numpy's _divide_by_count: true_divide(tot, cnt, out=tot, casting='unsafe')
  divide(tot, cnt, { out: tot, casting: 'unsafe' });
  return finish(tot, a, mask, opts, 'add') as NdArray | number;
}

/**
 * Smallest element ignoring NaN, as `numpy.nanmin` (NaN for an all-NaN
 * slice); the axis may be given positionally (`np.nanmin(a, 1)`).
 *
 * @example
 * ```ts
 * np.nanmin(np.array([NaN, 3, 1])) // => 1
 * ```
 */
export function nanmin(a: NdArray | NestedList, opts?: ExtremeOptions | AxisLike, options?: Omit<ExtremeOptions, 'axis'>): NdArray | ScalarResult {
  if (arguments.length > 3) extraArgument('np.nanmin', 3, arguments[3]);
  return nanExtreme('fmin', arrayLikeArg('np.nanmin', a), axisOptions('np.nanmin', opts, EXTREME_OPTION_KEYS, {}, options));
}

/**
 * Largest element ignoring NaN, as `numpy.nanmax` (NaN for an all-NaN
 * slice); the axis may be given positionally (`np.nanmax(a, 1)`).
 *
 * @example
 * ```ts
 * np.nanmax(np.array([NaN, 3, 1])) // => 3
 * ```
 */
export function nanmax(a: NdArray | NestedList, opts?: ExtremeOptions | AxisLike, options?: Omit<ExtremeOptions, 'axis'>): NdArray | ScalarResult {
  if (arguments.length > 3) extraArgument('np.nanmax', 3, arguments[3]);
  return nanExtreme('fmax', arrayLikeArg('np.nanmax', a), axisOptions('np.nanmax', opts, EXTREME_OPTION_KEYS, {}, options));
}

// ---------------------------------------------------------------------------
// order statistics
// ---------------------------------------------------------------------------

/** The lanes of `a` over the axes of `mask`: per output (C order), the sorted values (NaN last). */
function sortedLanes(a: NdArray, mask: readonly boolean[]): { lanes: Float64Array[] | (number | bigint)[][]; count: number } {
  const keep = reducedShape(a.shape, mask, true);
  const nOut = keep.reduce((p, x) => p * x, 1);
  const n = countOf(a, mask);
  const lanes: (number | bigint)[][] = Array.from({ length: nOut }, () => []);
  const kept = keptIndex(a, mask);
  const data = a.data as unknown as (number | bigint)[];
  each(a, (i, p) => {
    lanes[kept(i)].push(data[p]);
  });
  for (const l of lanes) {
    l.sort((x, y) => {
      if (x !== x) return y !== y ? 0 : 1;
      if (y !== y) return -1;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }
  return { lanes, count: n };
}

/**
 * The values of `ranks` (ascending) in each slice of `a` over the axes of
 * `mask`: value(k, j) is rank ranks[k] of slice j (C order of the kept
 * axes), NaN throughout a slice that holds a NaN (numpy's partition puts
 * NaN last and median/percentile answer NaN). The engine selects them
 * without sorting; without the addon the slices are sorted here.
 */
function rankValues(a: NdArray, mask: readonly boolean[], ranks: readonly number[]): (k: number, j: number) => number | bigint {
  const sel = selectNative(a, mask, ranks);
  if (sel) {
    const d = sel.data as unknown as (number | bigint)[];
    const lanes = sel.size / ranks.length;
    return (k, j) => d[k * lanes + j];
  }
  const { lanes, count } = sortedLanes(a, mask);
  return (k, j) => {
    const l = lanes[j];
    return l[count - 1] !== l[count - 1] ? NaN : l[ranks[k]];
  };
}

/**
 * Median over the given axes, as `numpy.median`: the mean of the middle
 * one or two values (float64 for integers); NaN if the slice has a NaN.
 * The axis may be given positionally, as numpy's `np.median(a, 1)`.
 *
 * @example
 * ```ts
 * np.median(np.array([3, 1, 4, 2], 'int16')) // => 2.5
 * np.median(np.array([[3, 1, 4], [2, 9, 7]], 'int16'), 1) // => array([3., 7.])
 * ```
 */
export function median(a: NdArray | NestedList, axisOrOpts?: MedianOptions | AxisLike, options?: Omit<MedianOptions, 'axis'>): NdArray | number {
  if (arguments.length > 3) extraArgument('np.median', 3, arguments[3]);
  const opts = axisOptions('np.median', axisOrOpts, MEDIAN_OPTION_KEYS, {}, options);
  a = arrayLikeArg('np.median', a);
  const mask = axisMask(opts.axis, a.shape.length);
  const it = dtypeOf(a.data);
  const t = it.kind === 'f' ? it : float64;
  const r = round(t);
  const count = countOf(a, mask);
  const keep = reducedShape(a.shape, mask, true);
  const res = wrap(allocate(t, keep.reduce((p, x) => p * x, 1)) as AnyTypedArray, keep) as NdArray;
  const d = res.data as unknown as number[];
  const ranks = count % 2 ? [(count - 1) / 2] : [count / 2 - 1, count / 2];
  // many lanes: the addon's selection, then numpy's mean of the middle values as engine calls
  const sel = count && res.size >= MEDIAN_ENGINE_MIN ? selectNative(a, mask, ranks) : undefined;
  if (sel) {
    const middle = (k: number) => wrap((sel.data as unknown as AnyTypedArray).subarray(k * res.size, (k + 1) * res.size), keep) as NdArray;
    if (count % 2) {
      castInto(res, middle(0));
    } else {
      // numpy: (0 + a + b) in the result type, then / 2
      add(middle(0), middle(1), { out: res, dtype: t });
      divide(res, 2, { out: res });
    }
    return finish(res, a, mask, opts, 'median') as NdArray | number;
  }
  const value = count ? rankValues(a, mask, ranks) : undefined;
  for (let j = 0; j < res.size; j++) {
    if (!value) d[j] = NaN;
    else if (count % 2) d[j] = r(Number(value(0, j)));
    else d[j] = r(r(r(0 + Number(value(0, j))) + Number(value(1, j))) / 2);
  }
  return finish(res, a, mask, opts, 'median') as NdArray | number;
}

/** From this many medians on, they are computed by engine calls on the addon's selection. */
const MEDIAN_ENGINE_MIN = 64;

function round(t: DType): (x: number) => number {
  return t.name === 'float32' ? Math.fround : (x) => x;
}

function quantiles(a: NdArray | NestedList, q: number | readonly number[], opts: QuantileOptions, scale: 1 | 100, fname: string): NdArray | number {
  a = arrayLikeArg(`np.${fname}`, a);
  if (opts.method !== undefined && opts.method !== 'linear') {
    throw new ValueError(`${fname}: only method='linear' is implemented, not '${String(opts.method)}'`);
  }
  const it = dtypeOf(a.data);
  // a Python scalar q stays weak: the interpolation then runs in a float array's dtype
  const weak = typeof q === 'number';
  const qs = numbersArg(`np.${fname}`, q, 'the second argument', 'q').map((x) => {
    if (typeof x !== 'number') throw new DTypeError(`${fname}: q must be numbers`);
    return scale === 100 ? x / 100 : x;
  });
  if (qs.some((x) => !(x >= 0 && x <= 1))) {
    throw new ValueError(scale === 100 ? 'Percentiles must be in the range [0, 100]' : 'Quantiles must be in the range [0, 1]');
  }
  const mask = axisMask(opts.axis, a.shape.length);
  const count = countOf(a, mask);
  const keepAll = reducedShape(a.shape, mask, true);
  const nLanes = keepAll.reduce((p, x) => p * x, 1);
  // the ranks each q interpolates between: numpy's previous and next indexes
  const bounds = qs.map((qv) => {
    const vi = (count - 1) * qv;
    let prev = Math.floor(vi);
    let next = prev + 1;
    // numpy's indexes past the end are -1 (the last), and gamma is taken against them
    let gprev = prev;
    if (vi >= count - 1) {
      prev = next = count - 1;
      gprev = -1;
    }
    return { prev, next, gamma: vi - gprev };
  });
  const ranks = [...new Set(bounds.flatMap((b) => [b.prev, b.next]))].sort((x, y) => x - y);
  const value = count ? rankValues(a, mask, ranks) : undefined;
  // result dtype: lerp of the array's values with gamma (in q's dtype)
  const t = it.kind === 'f' && weak ? it : float64;
  const r = round(t);
  const keep = reducedShape(a.shape, mask, opts.keepdims === true);
  const shape = weak ? keep : [qs.length, ...keep];
  const res = wrap(allocate(t, qs.length * nLanes) as AnyTypedArray, shape) as NdArray;
  const d = res.data as unknown as number[];
  const wrapInt = (x: number | bigint, y: number | bigint): number => {
    // b − a in the array's dtype (integers wrap, as numpy's subtract)
    if (it.isBigInt) return Number(it.kind === 'u' ? BigInt.asUintN(64, (x as bigint) - (y as bigint)) : BigInt.asIntN(64, (x as bigint) - (y as bigint)));
    if (it.kind === 'f') return it.name === 'float32' ? Math.fround((x as number) - (y as number)) : (x as number) - (y as number);
    const bits = 8 * it.itemsize;
    const v = ((x as number) - (y as number)) % 2 ** bits;
    const u = v < 0 ? v + 2 ** bits : v;
    return it.kind === 'u' || it.kind === 'b' ? u : u >= 2 ** (bits - 1) ? u - 2 ** bits : u;
  };
  bounds.forEach(({ prev, next, gamma }, k) => {
    const tw = r(gamma);
    const one = r(1 - gamma);
    const kp = ranks.indexOf(prev);
    const kn = ranks.indexOf(next);
    for (let j = 0; j < nLanes; j++) {
      const o = k * nLanes + j;
      if (!value) {
        d[o] = NaN;
        continue;
      }
      const x = value(kp, j);
      const y = value(kn, j);
      if (x !== x || y !== y) {
        d[o] = NaN;
        continue;
      }
      const diff = wrapInt(y, x);
      const lerp = gamma >= 0.5 ? r(Number(y) - r(diff * one)) : r(Number(x) + r(diff * tw));
      d[o] = lerp;
    }
  });
  if (opts.out) {
    finish(res, res, res.shape.map(() => false), { out: opts.out }, fname);
    return opts.out;
  }
  return shape.length === 0 ? (scalarOf(res) as number) : res;
}

/**
 * The q-th quantiles (0 ≤ q ≤ 1) over the given axes, as `numpy.quantile`
 * with method 'linear'. A list of q puts a leading axis on the result. The
 * axis may be given positionally after q (`np.quantile(a, 0.5, 1)`).
 *
 * @example
 * ```ts
 * np.quantile(np.array([1, 2, 3, 4], 'float64'), 0.5) // => 2.5
 * ```
 */
export function quantile(a: NdArray | NestedList, q: number | readonly number[], opts?: QuantileOptions | AxisLike, options?: Omit<QuantileOptions, 'axis'>): NdArray | number {
  if (arguments.length > 4) extraArgument('np.quantile', 4, arguments[4]);
  return quantiles(a, q, axisOptions('np.quantile', opts, QUANTILE_OPTION_KEYS, { position: 'third' }, options), 1, 'quantile');
}

/**
 * The q-th percentiles (0 ≤ q ≤ 100), as `numpy.percentile` with method
 * 'linear'; the axis may be given positionally after q, as numpy's
 * `np.percentile(a, 50, 1)`.
 *
 * @example
 * ```ts
 * np.percentile(np.array([1, 2, 3, 4], 'float64'), 50) // => 2.5
 * np.percentile(np.array([[1, 2], [3, 5]], 'float64'), 50, 0) // => array([2. , 3.5])
 * ```
 */
export function percentile(a: NdArray | NestedList, q: number | readonly number[], opts?: QuantileOptions | AxisLike, options?: Omit<QuantileOptions, 'axis'>): NdArray | number {
  if (arguments.length > 4) extraArgument('np.percentile', 4, arguments[4]);
  return quantiles(a, q, axisOptions('np.percentile', opts, QUANTILE_OPTION_KEYS, { position: 'third' }, options), 100, 'percentile');
}

/**
 * Weighted average over the given axes, as `numpy.average`; with
 * `returned` also the sum of the weights. Without weights, the mean. The
 * axis may be given positionally (`np.average(a, 1)`).
 *
 * @example
 * ```ts
 * np.average(np.array([1, 2, 3, 4], 'float64'), { weights: np.array([1, 1, 1, 5], 'float64') }) // => 3.25
 * ```
 */
export function average(
  a: NdArray | NestedList, axisOrOpts?: AverageOptions | AxisLike, options?: Omit<AverageOptions, 'axis'>,
): NdArray | number | [NdArray | number, NdArray | number] {
  if (arguments.length > 3) extraArgument('np.average', 3, arguments[3]);
  const opts = axisOptions('np.average', axisOrOpts, AVERAGE_OPTION_KEYS, {}, options);
  a = arrayLikeArg('np.average', a);
  const mask = axisMask(opts.axis, a.shape.length);
  if (!opts.weights) {
    const avg = mean(a, { axis: opts.axis, keepdims: opts.keepdims });
    if (!opts.returned) return avg;
    const t = isArray(avg) ? dtypeOf(avg.data) : float64;
    const n = countOf(a, mask);
    const scl = isArray(avg) ? wrap(new t.ArrayType(avg.size).fill(n as never) as AnyTypedArray, avg.shape) as NdArray : n;
    return [avg, scl];
  }
  const w = arrayLikeArg('np.average', opts.weights, 'the weights option');
  const it = dtypeOf(a.data);
  const wt = dtypeOf(w.data);
  const rt = it.kind === 'f' ? result_type(it, wt) : result_type(it, wt, 'float64');
  const wgt = weightsAlong(a, w, opts.axis);
  // numpy's formula, its sums kept as arrays so that a float32 result is divided in float32
  const keep = { axis: opts.axis ?? null, keepdims: true };
  const scl = sum(wgt, { ...keep, dtype: rt.name }) as NdArray;
  if (any(equal(scl, 0))) throw new ZeroDivisionError("Weights sum to zero, can't be normalized");
  const avg = divide(sum(multiply(a, wgt, { dtype: rt.name }), keep), scl) as NdArray;
  const shape = reducedShape(a.shape, mask, opts.keepdims === true);
  const result = (x: NdArray) => (shape.length === 0 ? scalarOf(reshape(x, [])) as number : reshape(x, shape));
  if (!opts.returned) return result(avg);
  return [result(avg), result(copy(broadcast_to(scl, avg.shape)))];
}

/**
 * numpy's weights for average: `a`'s shape, or the shape of `a` along the
 * given axes (in their order), set up to broadcast against `a`.
 */
function weightsAlong(a: NdArray, w: NdArray, axis: AxisLike | undefined): NdArray {
  if (w.shape.length === a.shape.length && w.shape.every((n, d) => n === a.shape[d])) return w;
  if (axis === undefined || axis === null) throw new DTypeError('Axis must be specified when shapes of a and weights differ.');
  const axes = (typeof axis === 'number' ? [axis] : [...axis]).map((ax) => axisIndex(ax, a.shape.length));
  if (w.shape.length !== axes.length || axes.some((ax, k) => w.shape[k] !== a.shape[ax])) {
    throw new ValueError('Shape of weights must be consistent with shape of a along specified axis.');
  }
  const order = axes.map((_, k) => k).sort((x, y) => axes[x] - axes[y]);
  return reshape(transpose(w, order), a.shape.map((n, d) => (axes.includes(d) ? n : 1)));
}

export { var_ as var };
