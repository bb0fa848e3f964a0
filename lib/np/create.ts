/**
 * Array creation: zeros, empty, full, arange, array.
 */
import { ShapeError } from '../errors.js';
import { type AnyTypedArray, type DType, type DTypeLike, type DTypeName, dtype as toDType, float64, intp } from './dtype.js';
import { type NdArray, type Scalar, type ShapeLike, sizeOf, toShape, wrap } from './ndarray.js';
import { fill } from './fill.js';

/** A new array of zeros; default dtype float64, as numpy. */
export function zeros<N extends DTypeName>(shape: ShapeLike, dtype: N | DType<N>): NdArray<N>;
export function zeros(shape: ShapeLike, dtype?: DTypeLike): NdArray;
export function zeros(shape: ShapeLike, dtype: DTypeLike = float64): NdArray {
  const dt = toDType(dtype);
  const s = toShape(shape);
  return wrap(new dt.ArrayType(sizeOf(s)) as AnyTypedArray, s) as NdArray;
}

/** A new array; numpy leaves it uninitialised, here it is zeroed. */
export function empty<N extends DTypeName>(shape: ShapeLike, dtype: N | DType<N>): NdArray<N>;
export function empty(shape: ShapeLike, dtype?: DTypeLike): NdArray;
export function empty(shape: ShapeLike, dtype: DTypeLike = float64): NdArray {
  return zeros(shape, dtype);
}

/** A new array filled with `value`. */
export function full<N extends DTypeName>(shape: ShapeLike, value: Scalar, dtype: N | DType<N>): NdArray<N>;
export function full(shape: ShapeLike, value: Scalar, dtype?: DTypeLike): NdArray;
export function full(shape: ShapeLike, value: Scalar, dtype: DTypeLike = float64): NdArray {
  const a = zeros(shape, dtype);
  fill(a, value);
  return a;
}

/**
 * Evenly spaced values in [start, stop), as numpy.arange. With integer
 * arguments and no dtype the result has numpy's default integer dtype
 * (int64; int32 on 32-bit ARM).
 */
export function arange(start: number, stop?: number, step = 1, dtype?: DTypeLike): NdArray {
  if (stop === undefined) {
    stop = start;
    start = 0;
  }
  if (step === 0) throw new ShapeError('arange step must not be 0');
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const integral = Number.isInteger(start) && Number.isInteger(step) && Number.isInteger(stop);
  const dt = toDType(dtype ?? (integral ? intp : float64));
  const a = zeros(n, dt);
  const data = a.data as AnyTypedArray;
  for (let i = 0; i < n; i++) {
    const v = start + i * step;
    if (dt.isBigInt) (data as BigInt64Array)[i] = BigInt(Math.trunc(v));
    else (data as Float64Array)[i] = v;
  }
  return a;
}

/** An array from nested lists of numbers (C order), as numpy.array. */
export function array(values: unknown, dtype: DTypeLike = float64): NdArray {
  const shape: number[] = [];
  for (let v: unknown = values; Array.isArray(v); v = v[0]) shape.push(v.length);
  const flat = (values as unknown[]).flat(Infinity) as Scalar[];
  if (flat.length !== sizeOf(shape)) throw new ShapeError('array() needs nested lists of equal lengths');
  const a = zeros(shape, dtype);
  const dt = toDType(dtype);
  const data = a.data as AnyTypedArray;
  flat.forEach((v, i) => {
    if (dt.isBigInt) (data as BigInt64Array)[i] = BigInt(v);
    else (data as Float64Array)[i] = Number(v);
  });
  return a;
}
