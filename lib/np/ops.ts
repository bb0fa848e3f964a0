/**
 * numpy's element-wise functions: add, subtract, multiply, divide,
 * bitwise_and/or/xor, right_shift, left_shift, minimum, maximum, with an `out` as third positional
 * argument or `{ out }`, and the in-place forms iadd/isub/imul (`a += b`).
 */
import { type DType, int32, uint32 } from './dtype.js';
import { type BinaryKernel, type Operand, applyBinary } from './elementwise.js';
import type { NdArray } from './ndarray.js';
import { divideType } from './promote.js';

/** `out` as numpy takes it: a third positional argument or `{ out }`. */
export type OutArg = NdArray | { out?: NdArray } | undefined;

function outOf(arg: OutArg): NdArray | undefined {
  if (arg === undefined) return undefined;
  return 'out' in arg && !('data' in arg) ? (arg as { out?: NdArray }).out : (arg as NdArray);
}

const same = (t: DType): DType => t;

function kernel(
  name: string,
  num: (t: DType) => (x: number, y: number) => number,
  big: (x: bigint, y: bigint) => bigint,
  extra: Partial<BinaryKernel> = {},
): BinaryKernel {
  return { name, result: same, num, big, ...extra };
}

const plain = (f: (x: number, y: number) => number) => () => f;

const ADD = kernel('add', plain((x, y) => x + y), (x, y) => x + y);
const SUBTRACT = kernel('subtract', plain((x, y) => x - y), (x, y) => x - y);
const MULTIPLY = kernel(
  'multiply',
  // a 32-bit product can pass 2^53; Math.imul gives the wrapped low bits
  (t) => (t === int32 ? Math.imul : t === uint32 ? (x, y) => Math.imul(x, y) >>> 0 : (x, y) => x * y),
  (x, y) => x * y,
);
const DIVIDE = kernel('divide', plain((x, y) => x / y), (x, y) => x / y, { result: divideType });
const BITWISE_AND = kernel('bitwise_and', plain((x, y) => x & y), (x, y) => x & y, { integerOnly: true });
const BITWISE_OR = kernel('bitwise_or', plain((x, y) => x | y), (x, y) => x | y, { integerOnly: true });
const BITWISE_XOR = kernel('bitwise_xor', plain((x, y) => x ^ y), (x, y) => x ^ y, { integerOnly: true });
// numpy's own definitions: NaN wins, and of two equal values the second
const MINIMUM = kernel('minimum', plain((x, y) => (x < y || x !== x ? x : y)), (x, y) => (x < y ? x : y));
// numpy's npy_rshift/npy_lshift: a shift by the width or more (or by a
// negative count) gives 0, or -1 for a negative value shifted right
const RIGHT_SHIFT = kernel(
  'right_shift',
  (t) => {
    const bits = t.itemsize * 8;
    const shift = t.kind === 'u' && bits === 32 ? (x: number, y: number) => x >>> y : (x: number, y: number) => x >> y;
    return (x, y) => (y < 0 || y >= bits ? (x < 0 ? -1 : 0) : shift(x, y));
  },
  (x, y) => (y < 0n || y >= 64n ? (x < 0n ? -1n : 0n) : x >> y),
  { integerOnly: true },
);
const LEFT_SHIFT = kernel(
  'left_shift',
  (t) => {
    const bits = t.itemsize * 8;
    const word = t.kind === 'u' && bits === 32 ? (v: number) => v >>> 0 : (v: number) => v;
    return (x, y) => (y < 0 || y >= bits ? 0 : word(x << y));
  },
  (x, y) => (y < 0n || y >= 64n ? 0n : x << y),
  { integerOnly: true },
);
const MAXIMUM = kernel('maximum', plain((x, y) => (x > y || x !== x ? x : y)), (x, y) => (x > y ? x : y));

/** Element-wise `a + b`. */
export function add(a: Operand, b: Operand, out?: OutArg): NdArray {
  return applyBinary(ADD, a, b, outOf(out));
}
/** Element-wise `a - b`. */
export function subtract(a: Operand, b: Operand, out?: OutArg): NdArray {
  return applyBinary(SUBTRACT, a, b, outOf(out));
}
/** Element-wise `a * b`. */
export function multiply(a: Operand, b: Operand, out?: OutArg): NdArray {
  return applyBinary(MULTIPLY, a, b, outOf(out));
}
/** Element-wise true division; integers divide into float64. */
export function divide(a: Operand, b: Operand, out?: OutArg): NdArray {
  return applyBinary(DIVIDE, a, b, outOf(out));
}
/** Element-wise `a & b` (integer dtypes). */
export function bitwise_and(a: Operand, b: Operand, out?: OutArg): NdArray {
  return applyBinary(BITWISE_AND, a, b, outOf(out));
}
/** Element-wise `a | b` (integer dtypes). */
export function bitwise_or(a: Operand, b: Operand, out?: OutArg): NdArray {
  return applyBinary(BITWISE_OR, a, b, outOf(out));
}
/** Element-wise `a ^ b` (integer dtypes). */
export function bitwise_xor(a: Operand, b: Operand, out?: OutArg): NdArray {
  return applyBinary(BITWISE_XOR, a, b, outOf(out));
}
/** Element-wise minimum; NaN propagates. */
export function minimum(a: Operand, b: Operand, out?: OutArg): NdArray {
  return applyBinary(MINIMUM, a, b, outOf(out));
}
/** Element-wise maximum; NaN propagates. */
export function maximum(a: Operand, b: Operand, out?: OutArg): NdArray {
  return applyBinary(MAXIMUM, a, b, outOf(out));
}

/** Element-wise `a >> b` (integer dtypes; arithmetic for signed). */
export function right_shift(a: Operand, b: Operand, out?: OutArg): NdArray {
  return applyBinary(RIGHT_SHIFT, a, b, outOf(out));
}
/** Element-wise `a << b` (integer dtypes; bits shifted out are lost). */
export function left_shift(a: Operand, b: Operand, out?: OutArg): NdArray {
  return applyBinary(LEFT_SHIFT, a, b, outOf(out));
}

/** `a += b`: in place, with numpy's same_kind casting into `a`. */
export function iadd(a: NdArray, b: Operand): NdArray {
  return applyBinary(ADD, a, b, a);
}
/** `a -= b`, in place. */
export function isub(a: NdArray, b: Operand): NdArray {
  return applyBinary(SUBTRACT, a, b, a);
}
/** `a *= b`, in place. */
export function imul(a: NdArray, b: Operand): NdArray {
  return applyBinary(MULTIPLY, a, b, a);
}
