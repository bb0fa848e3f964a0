/**
 * The addon's sorts (native/csrc/engine/sort.c through native/src/sort.cc):
 * a stable LSD radix sort of one contiguous lane per call, for values and
 * for the sorting permutation, in numpy's order (NaN last, -0 equal to 0).
 * Each function returns false when the addon (or its sort) is not there,
 * and the caller sorts in JavaScript.
 */
import type { AnyTypedArray, DType } from './dtype.js';

/** Sort `v` in place natively; false if the addon cannot. */
export function nativeSort(v: AnyTypedArray, t: DType): boolean {
  void v;
  void t;
  return false;
}

/** Write the stable sorting permutation of `v` into `idx`; false if the addon cannot. */
export function nativeArgsort(v: AnyTypedArray, t: DType, idx: Float64Array): boolean {
  void v;
  void t;
  void idx;
  return false;
}
