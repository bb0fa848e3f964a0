/**
 * Casting arrays between dtypes in the native engine (the "_cast" loops of
 * native/csrc/engine/cast.c): numpy's unsafe casts (integers wrap, floats
 * truncate toward zero, anything to bool is `!= 0`).
 */
import { type AnyTypedArray, type DType, type DTypeLike, type DTypeName, dtypeArg, dtypeOf } from './dtype.js';
import { ValueError } from './errors.js';
import ndarrayFactory from 'ndarray';

import { allocate, contiguousStrides, kOrderStrides } from './alloc.js';
import { type OptionKeys, plainOptions, extraArgument } from './axisarg.js';
import { type NdArray, isContiguous, isFortranOnly, isNdArray, wrap } from './ndarray.js';
import { type IterOperand, type Loop, broadcastStrides, iterate, jsCaster, smallLimitOf } from './ufunc/index.js';

const castLoops = new Map<number, Loop>();

/** The engine's loop converting `from` into `to`. */
export function castLoop(from: DType, to: DType): Loop {
  const key = from.num * 16 + to.num;
  let loop = castLoops.get(key);
  if (!loop) {
    const f = jsCaster(from, to);
    loop = { sig: `${from.char}->${to.char}`, ins: [from], outs: [to], native: -2, fn: (v: number | bigint) => f(v) };
    castLoops.set(key, loop);
  }
  return loop;
}

/** The operand description of an array read over `nd` dimensions (broadcast). */
export function operandOf(a: NdArray, nd: number): IterOperand {
  return { data: a.data as AnyTypedArray, dtype: dtypeOf(a.data), offset: a.offset, strides: broadcastStrides(a, nd) };
}

/**
 * Write `src` (already known to broadcast to `dst.shape`) into `dst`,
 * converted to `dst`'s dtype with no check of the cast; `where`, a bool
 * array, limits the write. Overlapping `src` and `dst` are handled.
 * `fresh`: `dst` is a new array nothing has read yet (the engine may write
 * a large one past the caches: iter.c).
 */
export function castInto(dst: NdArray, src: NdArray | IterOperand, where?: NdArray, fresh = false): NdArray {
  const nd = dst.shape.length;
  const s = 'dtype' in src && !('shape' in src) ? src : operandOf(src as NdArray, nd);
  const d = operandOf(dst, nd);
  iterate('_cast', castLoop(s.dtype, d.dtype), 1, [s, d], dst.shape, where ? operandOf(where, nd) : undefined, undefined, fresh);
  return dst;
}

/** Options of {@link astype}. */
export interface AstypeOptions {
  /** false: return `a` itself when it already has the dtype (default true: always a new array). */
  copy?: boolean;
  /**
   * 'C' (default): C order; 'K': the layout of `a`, as numpy's default
   * (faster for transposed views); 'F': Fortran order; 'A': Fortran order
   * when `a` is Fortran-contiguous and not C-contiguous, else C order.
   */
  order?: 'C' | 'K' | 'F' | 'A';
}

/** The keys of {@link AstypeOptions}: any other key is refused. */
export const ASTYPE_OPTION_KEYS: OptionKeys<AstypeOptions> = { order: true, copy: true };

/**
 * The strides (elements) of a new array laid out like `a` as `order` says;
 * undefined for C order.
 *
 * @throws ValueError naming `fname` for an order numpy does not have.
 */
function layoutOf(fname: string, order: unknown, a: NdArray): number[] | undefined {
  switch (order) {
    case undefined:
    case 'C':
      return undefined;
    case 'K':
      return kOrderStrides(a.shape, a);
    case 'F':
      return a.shape.length > 1 ? contiguousStrides(a.shape, true) : undefined;
    case 'A':
      return isFortranOnly(a) ? contiguousStrides(a.shape, true) : undefined;
    default:
      throw new ValueError(`${fname}: order must be one of 'C', 'F', 'A', or 'K' (got ${typeof order === 'string' ? `'${order}'` : String(order)})`);
  }
}

/**
 * `a` converted to `dtype`, as numpy's `a.astype(dtype)`: a new C-ordered
 * array (or, with `{ order: 'K' }`, one laid out like `a`, numpy's default),
 * or `a` itself with `{ copy: false }` when nothing changes. C order is the
 * default here because code that reads `.data` expects it; the values are
 * numpy's either way.
 *
 * @example
 * ```ts
 * np.astype(np.array([1.7, -1.7, 300]), 'uint8') // => array([  1, 255,  44], dtype=uint8)
 * ```
 */
export function astype<N extends DTypeName>(a: NdArray, dtype: N | DType<N>, opts?: AstypeOptions): NdArray<N>;
export function astype(a: NdArray, dtype: DTypeLike, opts?: AstypeOptions): NdArray;
export function astype(a: NdArray, dtype: DTypeLike, options?: AstypeOptions): NdArray {
  if (arguments.length > 3) extraArgument('np.astype', 3, arguments[3]);
  const opts = plainOptions('np.astype', options, ASTYPE_OPTION_KEYS, '{ copy: false }', 'third');
  if (!isNdArray(a)) {
    // numpy: "Input should be a NumPy array or scalar"; a number has no dtype to convert from
    throw new TypeError(`np.astype: the first argument must be an np array, got ${Array.isArray(a) ? 'a list' : typeof a}; ` +
      'make one first: np.astype(np.asarray(x), dtype)');
  }
  const t = dtypeArg('np.astype', dtype);
  if (opts.copy === false && dtypeOf(a.data) === t) return a;
  // order 'K' (numpy's default) keeps the layout of `a`; 'C' (ours) is C order
  const k = layoutOf('np.astype', opts.order, a);
  const out = k
    ? (ndarrayFactory(allocate(t, a.size) as unknown as Float64Array, [...a.shape], k, 0) as unknown as NdArray)
    : (wrap(allocate(t, a.size) as AnyTypedArray, [...a.shape]) as NdArray);
  if (a.size === 0) return out;
  if (!k && a.size <= smallLimitOf() && isContiguous(a)) {
    // a few elements: a JavaScript loop costs less than a call into the engine
    const f = castLoop(dtypeOf(a.data), t).fn as (v: number | bigint) => number | bigint;
    const src = a.data as unknown as ArrayLike<number | bigint>;
    const dst = out.data as unknown as (number | bigint)[];
    const o = a.offset;
    for (let i = 0; i < a.size; i++) dst[i] = f(src[o + i]);
    return out;
  }
  return castInto(out, a, undefined, true);
}

