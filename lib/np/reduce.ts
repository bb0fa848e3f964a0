/**
 * Reductions over every element: sum, min, max, and array_equal.
 *
 * sum widens as numpy does: integer arrays sum in the platform integer
 * (64-bit, or 32-bit on 32-bit ARM, wrapping there as numpy's). Arrays of
 * int8 to uint32 return a number, int64/uint64 a bigint; floats use numpy's
 * pairwise summation in their own dtype when the addon is there (else a
 * float64 sum rounded to the dtype).
 */
import { UdmabufError } from '../errors.js';
import { type AnyTypedArray, type DType, sumDType } from './dtype.js';
import { forEachIndex } from './broadcast.js';
import { type NdArray, type Scalar, dtypeOfArray, flatView, isContiguous } from './ndarray.js';
import { nativeEqual, nativeReduce } from './dispatch.js';

function each(a: NdArray, visit: (v: number | bigint) => void): void {
  if (isContiguous(a)) {
    const d = flatView(a) as unknown as ArrayLike<number | bigint>;
    for (let i = 0; i < d.length; i++) visit(d[i]);
    return;
  }
  const data = a.data as AnyTypedArray as unknown as ArrayLike<number | bigint>;
  forEachIndex(a.shape, [a.stride], [a.offset], ([i]) => visit(data[i]));
}

/** Sum of all elements. */
export function sum(a: NdArray): Scalar {
  const t = dtypeOfArray(a);
  const st = sumDType(t);
  const native = nativeReduce('sum', a);
  if (native !== undefined) return narrowSum(native, st);
  if (t.isBigInt) {
    let s = 0n;
    each(a, (v) => {
      s += v as bigint;
    });
    return t.name === 'uint64' ? BigInt.asUintN(64, s) : BigInt.asIntN(64, s);
  }
  let s = 0;
  each(a, (v) => {
    s += v as number;
  });
  return narrowSum(t.name === 'float32' ? Math.fround(s) : s, st);
}

/** A 64-bit integer sum wrapped to a 32-bit platform's integer. */
function narrowSum(s: Scalar, st: DType): Scalar {
  if (typeof s === 'bigint' || st.kind === 'f' || st.itemsize === 8) return s;
  return st.kind === 'u' ? Number(BigInt.asUintN(32, BigInt(s))) : Number(BigInt.asIntN(32, BigInt(s)));
}

function extreme(a: NdArray, name: string, better: (x: number | bigint, y: number | bigint) => boolean): Scalar {
  if (a.size === 0) {
    throw new UdmabufError('EEMPTY', `zero-size array to reduction operation ${name} which has no identity`);
  }
  const native = nativeReduce(name === 'minimum' ? 'min' : 'max', a);
  if (native !== undefined) return native;
  let best: number | bigint | undefined;
  let nan = false;
  each(a, (v) => {
    if (v !== v) nan = true;
    else if (best === undefined || better(v, best)) best = v;
  });
  return nan ? NaN : (best as Scalar);
}

/** Smallest element; NaN if any element is NaN, as numpy. */
export function min(a: NdArray): Scalar {
  return extreme(a, 'minimum', (x, y) => x < y);
}

/** Largest element; NaN if any element is NaN, as numpy. */
export function max(a: NdArray): Scalar {
  return extreme(a, 'maximum', (x, y) => x > y);
}

/** True when both have the same shape and equal elements (NaN != NaN). */
export function array_equal(a: NdArray, b: NdArray): boolean {
  if (a.shape.length !== b.shape.length || a.shape.some((n, i) => n !== b.shape[i])) return false;
  const native = nativeEqual(a, b);
  if (native !== undefined) return native;
  if (isContiguous(a) && isContiguous(b) && dtypeOfArray(a) === dtypeOfArray(b) && !dtypeOfArray(a).isBigInt) {
    const x = flatView(a) as Float64Array;
    const y = flatView(b) as Float64Array;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    return true;
  }
  const da = a.data as AnyTypedArray as unknown as ArrayLike<number | bigint>;
  const db = b.data as AnyTypedArray as unknown as ArrayLike<number | bigint>;
  let equal = true;
  forEachIndex(a.shape, [a.stride, b.stride], [a.offset, b.offset], ([i, j]) => {
    // 1 == 1n and 1.0 == 1 compare by value, as numpy's promotion does
    if (equal && !(da[i] == db[j])) equal = false;
  });
  return equal;
}
