/**
 * The array type of `np`: a scijs `ndarray` over a typed array, with the
 * helpers the rest of `np` shares (construction, layout, element access).
 */
import ndarrayFactory from 'ndarray';

import { ShapeError } from '../errors.js';
import { type AnyTypedArray, type DType, type DTypeName, type TypedArrayOf, dtypeOf } from './dtype.js';

/** The element type of dtype `N`: bigint for int64/uint64, else number. */
export type Element<N extends DTypeName> = [N] extends ['int64' | 'uint64']
  ? bigint
  : [N] extends [Exclude<DTypeName, 'int64' | 'uint64'>]
    ? number
    : number | bigint;

/**
 * An `np` array: a scijs ndarray whose data is the typed array of dtype `N`.
 * (scijs's own typings cannot express bigint elements; this is the same
 * object, typed by its dtype.)
 */
export interface NdArray<N extends DTypeName = DTypeName> {
  data: TypedArrayOf[N];
  shape: number[];
  stride: number[];
  offset: number;
  size: number;
  dimension: number;
  order: number[];
  /** scijs's data type name, e.g. 'uint8', 'bigint64'. */
  dtype: string;
  get(...index: number[]): Element<N>;
  /** set(i, j, ..., value) */
  set(...indexThenValue: [...number[], Element<N>]): Element<N>;
  index(...index: number[]): number;
  lo(...index: number[]): NdArray<N>;
  hi(...index: number[]): NdArray<N>;
  step(...steps: number[]): NdArray<N>;
  transpose(...axes: number[]): NdArray<N>;
  pick(...index: (number | null)[]): NdArray<N>;
  T: NdArray<N>;
}

/** What the shape arguments of `np` accept, as numpy does: `n` or `[n, m]`. */
export type ShapeLike = number | readonly number[];

/** A number, or a bigint for int64/uint64 data. */
export type Scalar = number | bigint;

/** Normalise and check a shape. */
export function toShape(shape: ShapeLike): number[] {
  const s = typeof shape === 'number' ? [shape] : [...shape];
  for (const n of s) {
    if (!Number.isInteger(n) || n < 0) {
      throw new ShapeError(`shape (${s.join(', ')}) must hold whole numbers >= 0`);
    }
  }
  return s;
}

/** Number of elements of a shape. */
export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Wrap a typed array as an ndarray of the given shape (C order). */
export function wrap<N extends DTypeName>(data: TypedArrayOf[N], shape: readonly number[]): NdArray<N> {
  return ndarrayFactory(data as unknown as Float64Array, [...shape]) as unknown as NdArray<N>;
}

/** The dtype of an ndarray, from its typed array. */
export function dtypeOfArray(a: NdArray): DType {
  return dtypeOf(a.data as AnyTypedArray);
}

/** Whether `a` covers one run of its data in C order. */
export function isContiguous(a: NdArray): boolean {
  let expected = 1;
  for (let d = a.shape.length - 1; d >= 0; d--) {
    if (a.shape[d] !== 1 && a.stride[d] !== expected) return false;
    expected *= a.shape[d];
  }
  return true;
}

/** The elements of a contiguous array as one typed-array view (no copy). */
export function flatView(a: NdArray): AnyTypedArray {
  const data = a.data as AnyTypedArray;
  return data.subarray(a.offset, a.offset + a.size) as AnyTypedArray;
}

/** Element read through the ndarray's strides: flat C-order index `i`. */
export function stridedIndex(a: NdArray, i: number): number {
  let index = a.offset;
  for (let d = a.shape.length - 1; d >= 0; d--) {
    const n = a.shape[d];
    index += (i % n) * a.stride[d];
    i = Math.floor(i / n);
  }
  return index;
}

/** Test whether a value is an `np` array. */
export function isNdArray(x: unknown): x is NdArray {
  return (
    typeof x === 'object' && x !== null && 'data' in x && 'shape' in x && 'stride' in x &&
    ArrayBuffer.isView((x as { data: unknown }).data)
  );
}
