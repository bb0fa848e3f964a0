/**
 * Writing whole arrays: fill (one value everywhere) and copyto (another
 * array or value, broadcast and cast as numpy's same_kind allows).
 */
import { type AnyTypedArray } from './dtype.js';
import { broadcastShapes, forEachIndex } from './broadcast.js';
import { castInto } from './cast.js';
import { type NdArray, type Scalar, dtypeOfArray, flatView, isContiguous, isNdArray } from './ndarray.js';
import { checkCast, promoteScalar } from './promote.js';
import { ShapeError } from '../errors.js';
import { nativeFill } from './dispatch.js';

/** Set every element of `a` to `value` (numpy's `a.fill(value)`). */
export function fill(a: NdArray, value: Scalar): NdArray {
  const t = dtypeOfArray(a);
  if (t.kind !== 'f') promoteScalar(t, value); // an integer must fit, as NumPy 2
  const v = t.isBigInt ? BigInt(value) : Number(value);
  if (nativeFill(a, v)) return a;
  if (isContiguous(a)) {
    (flatView(a) as Float64Array).fill(v as number);
    return a;
  }
  const data = a.data as AnyTypedArray as unknown as (number | bigint)[];
  forEachIndex(a.shape, [a.stride], [a.offset], ([i]) => {
    data[i] = v;
  });
  return a;
}

/** Copy `src` into `dst`, broadcasting; as numpy.copyto(dst, src). */
export function copyto(dst: NdArray, src: NdArray | Scalar): NdArray {
  if (!isNdArray(src)) return fill(dst, src);
  const td = dtypeOfArray(dst);
  const ts = dtypeOfArray(src);
  checkCast('copyto', ts, td);
  const shape = broadcastShapes(src.shape, dst.shape);
  if (shape.length !== dst.shape.length || shape.some((n, i) => n !== dst.shape[i])) {
    throw new ShapeError(`copyto: cannot broadcast (${src.shape.join(',')}) into (${dst.shape.join(',')})`);
  }
  if (td === ts && isContiguous(dst) && isContiguous(src) && src.size === dst.size) {
    (flatView(dst) as Float64Array).set(flatView(src) as Float64Array);
    return dst;
  }
  castInto(dst, src);
  return dst;
}
