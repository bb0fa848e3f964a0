/**
 * The addon's sorts (native/csrc/engine/sort.c through native/src/sort.cc):
 * a stable LSD radix sort of one contiguous lane per call, for values and
 * for the sorting permutation, in numpy's order (NaN last, -0 equal to 0),
 * and the same over every lane of a C-ordered array in one call (sorting
 * networks for lanes of 2-64 items of up to 4 bytes, along the last axis or
 * in place along another).
 * Each function returns false when the addon (or its sort) is not there or
 * the lane is too short to pay for the call; the caller then sorts in
 * JavaScript.
 */
import { nativeKernels } from '../native-kernels.js';
import type { AnyTypedArray, DType } from './dtype.js';

/** The addon's sort functions (native/src/sort.cc). */
interface SortBinding {
  sort?(dtype: number, values: AnyTypedArray): void;
  argsort?(dtype: number, values: AnyTypedArray, out: BigInt64Array | Int32Array): void;
  sortLanes?(dtype: number, values: AnyTypedArray, n: number): void;
  argsortLanes?(dtype: number, values: AnyTypedArray, n: number, out: BigInt64Array | Int32Array): void;
  sortAxis?(dtype: number, values: AnyTypedArray, pre: number, n: number, post: number): boolean;
  argsortAxis?(dtype: number, values: AnyTypedArray, pre: number, n: number, post: number, out: BigInt64Array | Int32Array): boolean;
  intRange?(dtype: number, values: AnyTypedArray): [number, number] | null;
  bincount?(dtype: number, values: AnyTypedArray, out: BigInt64Array | Int32Array): void;
  bincountWeights?(dtype: number, values: AnyTypedArray, weights: Float64Array, out: Float64Array): void;
  searchsorted?(keys: Float64Array, dtype: number, values: AnyTypedArray, right: number, out: BigInt64Array | Int32Array): void;
}

/** The engine's dtype codes (native/csrc/engine/engine.h, enum ue_dtype). */
export const ENGINE_CODES: Readonly<Record<string, number>> = {
  bool: 0, int8: 1, uint8: 2, int16: 3, uint16: 4, int32: 5, uint32: 6, int64: 7, uint64: 8, float32: 9, float64: 10,
};

/** The sorting networks' range (sortAxis, argsortAxis): lanes of 2 to this many items of up to 4 bytes. */
export const NETWORK_MAX = 64;

/** Below this many elements a JavaScript sort beats the call. */
export const NATIVE_SORT_MIN = 32;

/** The addon and the engine's code for `t` when the addon has function `name`; else undefined. */
function addon(name: keyof SortBinding, t: DType): { b: Required<SortBinding>; code: number } | undefined {
  const b = nativeKernels() as SortBinding | undefined;
  const code = ENGINE_CODES[t.name];
  return b?.[name] && code !== undefined ? { b: b as Required<SortBinding>, code } : undefined;
}

/** addon(), when the lane is also long enough to pay for the call. */
function kernel(name: keyof SortBinding, v: AnyTypedArray, t: DType): { b: Required<SortBinding>; code: number } | undefined {
  return v.length < NATIVE_SORT_MIN ? undefined : addon(name, t);
}

/** Sort `v` in place natively; false if the addon cannot. */
export function nativeSort(v: AnyTypedArray, t: DType): boolean {
  const k = kernel('sort', v, t);
  k?.b.sort(k.code, v);
  return k !== undefined;
}

/** Write the stable sorting permutation of `v` into `out` (intp); false if the addon cannot. */
export function nativeArgsort(v: AnyTypedArray, t: DType, out: BigInt64Array | Int32Array): boolean {
  const k = kernel('argsort', v, t);
  k?.b.argsort(k.code, v, out);
  return k !== undefined;
}

/** Sort every lane of `n` elements of `v` (its whole length, lanes one after another) natively; false if the addon cannot. */
export function nativeSortLanes(v: AnyTypedArray, t: DType, n: number): boolean {
  const k = addon('sortLanes', t);
  k?.b.sortLanes(k.code, v, n);
  return k !== undefined;
}

/** Each lane's stable sorting permutation (lane-relative, intp) into `out`; false if the addon cannot. */
export function nativeArgsortLanes(v: AnyTypedArray, t: DType, n: number, out: BigInt64Array | Int32Array): boolean {
  const k = addon('argsortLanes', t);
  k?.b.argsortLanes(k.code, v, n, out);
  return k !== undefined;
}

/**
 * Sort the C-ordered (pre, n, post) elements of `v` along the middle axis
 * in place (sorting networks over its columns: items of up to 4 bytes,
 * 2 <= n <= 64); false, with nothing changed, when the addon cannot.
 */
export function nativeSortAxis(v: AnyTypedArray, t: DType, pre: number, n: number, post: number): boolean {
  const k = addon('sortAxis', t);
  return k !== undefined && k.b.sortAxis(k.code, v, pre, n, post);
}

/** The permutations along the middle axis of (pre, n, post) `v` into `out` (same layout); false when the addon cannot. */
export function nativeArgsortAxis(v: AnyTypedArray, t: DType, pre: number, n: number, post: number, out: BigInt64Array | Int32Array): boolean {
  const k = addon('argsortAxis', t);
  return k !== undefined && k.b.argsortAxis(k.code, v, pre, n, post, out);
}

/**
 * The least and greatest of the integer lane `v` read as `t` (int64 for
 * uint64 bits: numpy's cast to intp), or undefined when the addon cannot.
 */
export function nativeIntRange(v: AnyTypedArray, t: DType): [number, number] | undefined {
  const k = kernel('intRange', v, t);
  return k?.b.intRange(k.code, v) ?? undefined;
}

/** out[v] = how often v occurs in the lane `v` (all in [0, out.length)); false if the addon cannot. */
export function nativeBincount(v: AnyTypedArray, t: DType, out: BigInt64Array | Int32Array): boolean {
  const k = kernel('bincount', v, t);
  k?.b.bincount(k.code, v, out);
  return k !== undefined;
}

/** out[v] += weights[i] for each value v = values[i] in order (all in [0, out.length)); false if the addon cannot. */
export function nativeBincountWeights(v: AnyTypedArray, t: DType, weights: Float64Array, out: Float64Array): boolean {
  const k = kernel('bincountWeights', v, t);
  k?.b.bincountWeights(k.code, v, weights, out);
  return k !== undefined;
}

/**
 * out[i] = how many of the ascending, NaN-free `keys` lie below values[i]
 * (`right`: not above it), values of dtype `t` (not 64-bit integers); false
 * if the addon cannot.
 */
export function nativeSearchsorted(keys: Float64Array, v: AnyTypedArray, t: DType, right: boolean,
  out: BigInt64Array | Int32Array): boolean {
  const k = kernel('searchsorted', v, t);
  if (!k || t.isBigInt) return false;
  k.b.searchsorted(keys, k.code, v, right ? 1 : 0, out);
  return true;
}
