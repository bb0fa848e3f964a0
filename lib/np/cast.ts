/**
 * Converting between dtypes, as numpy's unsafe casts do: integers wrap to
 * the target's width, floats truncate toward zero into integers, and 64-bit
 * integers convert through bigint without losing their low bits.
 */
import { type AnyTypedArray, type DType, type DTypeLike, dtype as toDType } from './dtype.js';
import { broadcastStrides, forEachIndex } from './broadcast.js';
import { type NdArray, dtypeOfArray, wrap } from './ndarray.js';

type Convert = (v: number | bigint) => number | bigint;

/** The conversion of one element from `from` into `to` (the typed array then wraps it). */
function converter(from: DType, to: DType): Convert {
  if (from.isBigInt === to.isBigInt) return (v) => v;
  if (to.isBigInt) return (v) => (Number.isFinite(v) ? BigInt(Math.trunc(v as number)) : 0n);
  // bigint into a number dtype: integers keep the low 32 bits exactly
  if (to.kind === 'f') return (v) => Number(v);
  return (v) => Number(BigInt.asIntN(32, v as bigint));
}

/**
 * Write every element of `src` (broadcast to `dst`'s shape) into `dst`,
 * converted to `dst`'s dtype with no check of the cast.
 */
export function castInto(dst: NdArray, src: NdArray): NdArray {
  const convert = converter(dtypeOfArray(src), dtypeOfArray(dst));
  const sd = src.data as AnyTypedArray;
  const dd = dst.data as AnyTypedArray as unknown as (number | bigint)[];
  forEachIndex(dst.shape, [broadcastStrides(src, dst.shape), dst.stride], [src.offset, dst.offset], ([i, j]) => {
    dd[j] = convert(sd[i]);
  });
  return dst;
}

/** A new C-ordered copy of `a` in `dtype` (numpy's `a.astype(dtype)`). */
export function astype(a: NdArray, dtype: DTypeLike): NdArray {
  const t = toDType(dtype);
  const out = wrap(new t.ArrayType(a.size) as AnyTypedArray, [...a.shape]) as NdArray;
  return castInto(out, a);
}
