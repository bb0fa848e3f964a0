/**
 * Which calls go to the addon's vectorised C kernels (native/csrc/): arrays
 * that are contiguous, of the result's dtype and of one shape (no
 * broadcasting), and large enough that the call costs less than it saves.
 * Everything else stays on the JavaScript loops, which handle any layout.
 */
import type { RawBinding } from '../native-kernels.js';
import { nativeKernels } from '../native-kernels.js';
import { type DType, allDTypes } from './dtype.js';
import { type NdArray, type Scalar, dtypeOfArray, flatView, isContiguous, isNdArray } from './ndarray.js';

/** Below this many elements a JavaScript loop beats the call into C. */
export const NATIVE_MIN_ELEMENTS = 64;

const OPS: Record<string, number> = {
  add: 0, subtract: 1, multiply: 2, divide: 3, bitwise_and: 4, bitwise_or: 5, bitwise_xor: 6,
  minimum: 7, maximum: 8,
};

/** The kernels' dtype code: the position in numpy's order. */
export function typeCode(t: DType): number {
  return allDTypes().indexOf(t);
}

function sameShape(a: NdArray, shape: readonly number[]): boolean {
  return a.shape.length === shape.length && a.shape.every((n, i) => n === shape[i]);
}

/** An operand as the kernel takes it, or undefined if it cannot. */
function operand(x: NdArray | Scalar, t: DType, shape: readonly number[]): ArrayBufferView | Scalar | undefined {
  if (!isNdArray(x)) return x;
  if (dtypeOfArray(x) !== t || !isContiguous(x) || !sameShape(x, shape)) return undefined;
  return flatView(x);
}

function kernels(n: number): RawBinding | undefined {
  return n >= NATIVE_MIN_ELEMENTS ? nativeKernels() : undefined;
}

/**
 * out = a op b in C, if the operands allow it. `operandType` is the dtype
 * both array operands must have (the promoted type); `out` must be
 * contiguous and of the result type.
 */
export function nativeBinary(
  name: string, operandType: DType, resultType: DType, a: NdArray | Scalar, b: NdArray | Scalar, out: NdArray,
): boolean {
  const k = kernels(out.size);
  if (!k || dtypeOfArray(out) !== resultType || !isContiguous(out)) return false;
  const shape = out.shape;
  const x = operand(a, operandType, shape);
  const y = operand(b, operandType, shape);
  if (x === undefined || y === undefined) return false;
  if (name === 'divide' && operandType.kind !== 'f') {
    k.divideToFloat64(typeCode(operandType), flatView(out), x, y);
    return true;
  }
  if (OPS[name] === undefined) return false; // no C kernel for this function
  k.binary(OPS[name], typeCode(operandType), flatView(out), x, y);
  return true;
}

/** Fill a contiguous array in C. */
export function nativeFill(a: NdArray, value: Scalar): boolean {
  const k = kernels(a.size);
  if (!k || !isContiguous(a)) return false;
  k.fill(typeCode(dtypeOfArray(a)), flatView(a), value);
  return true;
}

/** A reduction of a contiguous array in C, or undefined. */
export function nativeReduce(kind: 'sum' | 'min' | 'max', a: NdArray): Scalar | undefined {
  const k = kernels(a.size);
  if (!k || !isContiguous(a) || a.size === 0) return undefined;
  const code = typeCode(dtypeOfArray(a));
  return kind === 'sum' ? k.sum(code, flatView(a)) : k.extreme(code, flatView(a), kind === 'max');
}

/** array_equal of two contiguous arrays of one dtype and shape, or undefined. */
export function nativeEqual(a: NdArray, b: NdArray): boolean | undefined {
  const k = kernels(a.size);
  const t = dtypeOfArray(a);
  if (!k || t !== dtypeOfArray(b) || !isContiguous(a) || !isContiguous(b)) return undefined;
  return k.equal(typeCode(t), flatView(a), flatView(b));
}
