/**
 * The addon's older whole-array kernels (native/csrc/kernels.c), still used
 * by the reductions until they move onto the engine: contiguous arrays of
 * one dtype, large enough that the call costs less than it saves.
 * Element-wise work goes through the ufunc engine (lib/np/ufunc/).
 */
import type { RawBinding } from '../native-kernels.js';
import { nativeKernels } from '../native-kernels.js';
import type { DType } from './dtype.js';
import { type NdArray, type Scalar, dtypeOfArray, flatView, isContiguous } from './ndarray.js';

/** Below this many elements a JavaScript loop beats the call into C. */
export const NATIVE_MIN_ELEMENTS = 64;

/** kernels.c's dtype code: numpy's order without bool; -1 for bool (no kernel). */
export function typeCode(t: DType): number {
  return t.num - 1;
}

function kernels(n: number, t: DType): RawBinding | undefined {
  return n >= NATIVE_MIN_ELEMENTS && t.kind !== 'b' ? nativeKernels() : undefined;
}

/** A reduction of a contiguous array in C, or undefined. */
export function nativeReduce(kind: 'sum' | 'min' | 'max', a: NdArray): Scalar | undefined {
  const t = dtypeOfArray(a);
  const k = kernels(a.size, t);
  if (!k || !isContiguous(a) || a.size === 0) return undefined;
  const code = typeCode(t);
  return kind === 'sum' ? k.sum(code, flatView(a)) : k.extreme(code, flatView(a), kind === 'max');
}

/** array_equal of two contiguous arrays of one dtype and shape, or undefined. */
export function nativeEqual(a: NdArray, b: NdArray): boolean | undefined {
  const t = dtypeOfArray(a);
  const k = kernels(a.size, t);
  if (!k || t !== dtypeOfArray(b) || !isContiguous(a) || !isContiguous(b)) return undefined;
  return k.equal(typeCode(t), flatView(a), flatView(b));
}
