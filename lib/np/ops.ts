/**
 * numpy's arithmetic, comparison, bitwise and logical ufuncs, minimum /
 * maximum / fmin / fmax, the in-place operators (`a += b` → `np.iadd(a, b)`),
 * and `where`. Each is a ufunc (lib/np/ufunc/) whose loops run in the native
 * engine (native/csrc/engine/loops_arith.c); the element functions here are
 * the JavaScript fallback, with the same results.
 */
import type { DType, DTypeName } from './dtype.js';
import { DTypeError } from '../errors.js';
import { type NdArray, type NestedList, arrayArg, asArray, isNdArray, operandError } from './ndarray.js';
import { type Operand, type ScalarFn, type Ufunc, type UfuncOptions, defineUfunc, functions, ufuncs, aliasUfunc } from './ufunc/index.js';
import { extraArgument } from './axisarg.js';

/** A JS scalar operand (weak, as a Python scalar under NEP 50). */
export type ScalarOperand = number | bigint | boolean;

/** A ufunc of two inputs that keeps its inputs' dtype for arrays of one dtype. */
export interface BinaryUfunc extends Ufunc {
  <N extends DTypeName>(a: NdArray<N>, b: NdArray<N> | ScalarOperand, out?: NdArray | UfuncOptions): NdArray<N>;
  <N extends DTypeName>(a: ScalarOperand, b: NdArray<N>, out?: NdArray | UfuncOptions): NdArray<N>;
  (a: NdArray, b: Operand, out?: NdArray | UfuncOptions): NdArray;
  (a: Operand, b: NdArray, out?: NdArray | UfuncOptions): NdArray;
  (a: ScalarOperand, b: ScalarOperand, out?: UfuncOptions): number | bigint | boolean;
}

/** A ufunc of two inputs whose result is bool (comparisons, logical_*). */
export interface PredicateUfunc extends Ufunc {
  (a: NdArray, b: Operand, out?: NdArray | UfuncOptions): NdArray<'bool'>;
  (a: Operand, b: NdArray, out?: NdArray | UfuncOptions): NdArray<'bool'>;
  (a: ScalarOperand, b: ScalarOperand, out?: UfuncOptions): boolean;
}

/** A ufunc of one input that keeps its dtype. */
export interface UnaryUfunc extends Ufunc {
  <N extends DTypeName>(a: NdArray<N>, out?: NdArray | UfuncOptions): NdArray<N>;
  (a: ScalarOperand, out?: UfuncOptions): number | bigint | boolean;
}

const INTS = ['b', 'B', 'h', 'H', 'i', 'I', 'q', 'Q'];
const FLOATS = ['f', 'd'];
const sig2 = (chars: string[], out?: string): string[] => chars.map((c) => `${c}${c}->${out ?? c}`);
const sig1 = (chars: string[], out?: string): string[] => chars.map((c) => `${c}->${out ?? c}`);

const isBig = (sig: string): boolean => sig[0] === 'q' || sig[0] === 'Q';
type N2 = (x: number, y: number) => number;
type B2 = (x: bigint, y: bigint) => bigint;

/** The element function for a signature: bigint, 32-bit-integer, or plain number arithmetic. */
function arith(num: N2, big: B2, int32?: N2): (sig: string) => ScalarFn {
  return (sig) => (isBig(sig) ? big : int32 && (sig[0] === 'i' || sig[0] === 'I') ? int32 : num) as ScalarFn;
}

const mul32: N2 = (x, y) => Math.imul(x, y);

/**
 * Element-wise `x1 + x2` (numpy.add): integers wrap around, bool is `or`;
 * NEP 50 weak scalars, broadcasting, `out`, `dtype`, `casting`, `where`.
 *
 * @example
 * ```ts
 * np.add(np.array([1, 2, 250], 'uint8'), 10) // => array([11, 12,  4], dtype=uint8)
 * ```
 */
export const add = defineUfunc({
  name: 'add', nin: 2, nout: 1, identity: 0,
  types: ['??->?', ...sig2(INTS), ...sig2(FLOATS)],
  js: (sig) => (sig[0] === '?' ? (x: number, y: number) => x | y : isBig(sig) ? (x: bigint, y: bigint) => x + y : (x: number, y: number) => x + y),
}) as BinaryUfunc;

/**
 * Element-wise `x1 - x2` (numpy.subtract); bool - bool is numpy's TypeError.
 *
 * @example
 * ```ts
 * np.subtract(np.array([1.5, 2], 'float64'), 1) // => array([0.5, 1. ])
 * ```
 */
export const subtract = defineUfunc({
  name: 'subtract', nin: 2, nout: 1,
  types: [...sig2(INTS), ...sig2(FLOATS)],
  js: arith((x, y) => x - y, (x, y) => x - y),
  prefer: (dts) => {
    if (dts.every((t) => t.kind === 'b')) {
      throw new DTypeError(
        'numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.',
      );
    }
    return undefined;
  },
}) as BinaryUfunc;

/**
 * Element-wise `x1 * x2` (numpy.multiply): integers keep the low bits, bool is `and`.
 *
 * @example
 * ```ts
 * np.multiply(np.array([70000], 'int32'), 70000) // => array([605032704], dtype=int32)
 * ```
 */
export const multiply = defineUfunc({
  name: 'multiply', nin: 2, nout: 1, identity: 1,
  types: ['??->?', ...sig2(INTS), ...sig2(FLOATS)],
  js: (sig) => (sig[0] === '?' ? (x: number, y: number) => x & y : arith((x, y) => x * y, (x, y) => x * y, mul32)(sig)),
}) as BinaryUfunc;

/** numpy's true division: integer (and bool) inputs divide in float64. */
/**
 * True division (numpy.divide, numpy.true_divide): integer and bool inputs
 * divide in float64, floats keep their dtype.
 *
 * @example
 * ```ts
 * np.divide(np.array([1, 2], 'int16'), 4) // => array([0.25, 0.5 ])
 * ```
 */
export const divide = defineUfunc({
  name: 'divide', nin: 2, nout: 1,
  types: sig2(FLOATS),
  js: () => ((x: number, y: number) => x / y) as ScalarFn,
  prefer: (dts) => (dts.every((t) => t.kind !== 'f') ? 'dd->d' : undefined),
}) as BinaryUfunc;
/**
 * numpy.true_divide, the same ufunc as {@link divide}.
 *
 * @example
 * ```ts
 * np.true_divide(np.array([3], 'float64'), 2) // => array([1.5])
 * ```
 */
export const true_divide = aliasUfunc('true_divide', divide) as BinaryUfunc;

const minNum: N2 = (x, y) => (x < y || x !== x ? x : y);
const maxNum: N2 = (x, y) => (x > y || x !== x ? x : y);
const fminNum: N2 = (x, y) => (x < y || y !== y || x === y ? x : y);
const fmaxNum: N2 = (x, y) => (x > y || y !== y || x === y ? x : y);
const minBig: B2 = (x, y) => (x < y ? x : y);
const maxBig: B2 = (x, y) => (x > y ? x : y);
const ALL_NUM = ['?', ...INTS, ...FLOATS];

/**
 * Element-wise minimum (numpy.minimum); a NaN in either input gives NaN.
 *
 * @example
 * ```ts
 * np.minimum(np.array([1, NaN], 'float64'), 0) // => array([ 0., nan])
 * ```
 */
export const minimum = defineUfunc({
  name: 'minimum', nin: 2, nout: 1, types: sig2(ALL_NUM), js: arith(minNum, minBig),
}) as BinaryUfunc;
/**
 * Element-wise maximum (numpy.maximum); a NaN in either input gives NaN.
 *
 * @example
 * ```ts
 * np.maximum(np.array([3, 9], 'uint16'), 5) // => array([5, 9], dtype=uint16)
 * ```
 */
export const maximum = defineUfunc({
  name: 'maximum', nin: 2, nout: 1, types: sig2(ALL_NUM), js: arith(maxNum, maxBig),
}) as BinaryUfunc;
/**
 * Element-wise minimum ignoring NaN (numpy.fmin): NaN only if both are NaN.
 *
 * @example
 * ```ts
 * np.fmin(np.array([1, NaN], 'float64'), 0) // => array([0., 0.])
 * ```
 */
export const fmin = defineUfunc({
  name: 'fmin', nin: 2, nout: 1, types: sig2(ALL_NUM), js: arith(fminNum, minBig),
}) as BinaryUfunc;
/**
 * Element-wise maximum ignoring NaN (numpy.fmax).
 *
 * @example
 * ```ts
 * np.fmax(np.array([1, NaN], 'float64'), 2) // => array([2., 2.])
 * ```
 */
export const fmax = defineUfunc({
  name: 'fmax', nin: 2, nout: 1, types: sig2(ALL_NUM), js: arith(fmaxNum, maxBig),
}) as BinaryUfunc;

const BITWISE = ['?', ...INTS];
/**
 * Element-wise `x1 & x2` (numpy.bitwise_and), for bool and integer dtypes.
 *
 * @example
 * ```ts
 * np.bitwise_and(np.array([0xf0f0], 'uint16'), 0xff00) // => array([61440], dtype=uint16)
 * ```
 */
export const bitwise_and = defineUfunc({
  name: 'bitwise_and', nin: 2, nout: 1, types: sig2(BITWISE), js: arith((x, y) => x & y, (x, y) => x & y),
}) as BinaryUfunc;
/**
 * Element-wise `x1 | x2` (numpy.bitwise_or).
 *
 * @example
 * ```ts
 * np.bitwise_or(np.array([1, 2], 'int8'), 4) // => array([5, 6], dtype=int8)
 * ```
 */
export const bitwise_or = defineUfunc({
  name: 'bitwise_or', nin: 2, nout: 1, types: sig2(BITWISE), js: arith((x, y) => x | y, (x, y) => x | y),
}) as BinaryUfunc;
/**
 * Element-wise `x1 ^ x2` (numpy.bitwise_xor).
 *
 * @example
 * ```ts
 * np.bitwise_xor(np.array([1, 0], 'bool'), true) // => array([False,  True])
 * ```
 */
export const bitwise_xor = defineUfunc({
  name: 'bitwise_xor', nin: 2, nout: 1, types: sig2(BITWISE), js: arith((x, y) => x ^ y, (x, y) => x ^ y),
}) as BinaryUfunc;

/**
 * Element-wise `~x` (numpy.invert, numpy.bitwise_not); logical not for bool.
 *
 * @example
 * ```ts
 * np.invert(np.array([0, 255], 'uint8')) // => array([255,   0], dtype=uint8)
 * ```
 */
export const invert = defineUfunc({
  name: 'invert', nin: 1, nout: 1, types: sig1(BITWISE),
  js: (sig) => (sig[0] === '?' ? (x: number) => (x ? 0 : 1) : isBig(sig) ? (x: bigint) => ~x : (x: number) => ~x) as ScalarFn,
}) as UnaryUfunc;
/**
 * numpy.bitwise_not, the same ufunc as {@link invert}.
 *
 * @example
 * ```ts
 * np.bitwise_not(np.array([0, 255], 'uint8')) // => array([255,   0], dtype=uint8)
 * ```
 */
export const bitwise_not = aliasUfunc('bitwise_not', invert) as UnaryUfunc;

const BITS: Record<string, number> = { b: 8, B: 8, h: 16, H: 16, i: 32, I: 32 };
/**
 * Element-wise `x1 << x2` (numpy.left_shift): bits shifted out are lost; a
 * count of the width or more (or negative) gives 0.
 *
 * @example
 * ```ts
 * np.left_shift(np.array([1, 3], 'uint8'), 7) // => array([128, 128], dtype=uint8)
 * ```
 */
export const left_shift = defineUfunc({
  name: 'left_shift', nin: 2, nout: 1, types: sig2(INTS),
  js: (sig) => {
    if (isBig(sig)) return ((x: bigint, y: bigint) => (y < 0n || y >= 64n ? 0n : x << y)) as ScalarFn;
    const bits = BITS[sig[0]];
    return ((x: number, y: number) => (y < 0 || y >= bits ? 0 : x << y)) as ScalarFn;
  },
}) as BinaryUfunc;
/**
 * Element-wise `x1 >> x2` (numpy.right_shift), arithmetic for signed types;
 * a count of the width or more gives 0 (-1 for negative values).
 *
 * @example
 * ```ts
 * np.right_shift(np.array([-128, 64], 'int8'), 3) // => array([-16,   8], dtype=int8)
 * ```
 */
export const right_shift = defineUfunc({
  name: 'right_shift', nin: 2, nout: 1, types: sig2(INTS),
  js: (sig) => {
    if (isBig(sig)) return ((x: bigint, y: bigint) => (y < 0n || y >= 64n ? (x < 0n ? -1n : 0n) : x >> y)) as ScalarFn;
    const bits = BITS[sig[0]];
    const shift = sig[0] === 'I' ? (x: number, y: number) => x >>> y : (x: number, y: number) => x >> y;
    return ((x: number, y: number) => (y < 0 || y >= bits ? (x < 0 ? -1 : 0) : shift(x, y))) as ScalarFn;
  },
}) as BinaryUfunc;

/** Comparison loops as numpy lists them (int64 with uint64 compared exactly). */
const CMP = ['??->?', ...sig2(INTS, '?'), 'qQ->?', 'Qq->?', ...sig2(FLOATS, '?')];
function comparison(name: string, f: (x: number | bigint, y: number | bigint) => boolean): PredicateUfunc {
  return defineUfunc({ name, nin: 2, nout: 1, types: CMP, exactScalars: true, js: () => f as ScalarFn }) as PredicateUfunc;
}
/**
 * Element-wise `x1 == x2` into bool (numpy.equal); int64 with uint64 and
 * out-of-range JS integers compare exactly.
 *
 * @example
 * ```ts
 * np.equal(np.array([1, 2, 3], 'int64'), 2) // => array([False,  True, False])
 * ```
 */
export const equal = comparison('equal', (x, y) => x == y);
/**
 * Element-wise `x1 != x2` into bool (numpy.not_equal).
 *
 * @example
 * ```ts
 * np.not_equal(np.array([1, NaN], 'float64'), np.array([1, NaN], 'float64')) // => array([False,  True])
 * ```
 */
export const not_equal = comparison('not_equal', (x, y) => x != y);
/**
 * Element-wise `x1 < x2` into bool (numpy.less).
 *
 * @example
 * ```ts
 * np.less(np.array([1, 2], 'uint8'), -1) // => array([False, False])
 * ```
 */
export const less = comparison('less', (x, y) => x < y);
/**
 * Element-wise `x1 <= x2` into bool (numpy.less_equal).
 *
 * @example
 * ```ts
 * np.less_equal(np.array([1, 2], 'int64'), 1) // => array([ True, False])
 * ```
 */
export const less_equal = comparison('less_equal', (x, y) => x <= y);
/**
 * Element-wise `x1 > x2` into bool (numpy.greater).
 *
 * @example
 * ```ts
 * np.greater(np.array([1n, 5n], 'int64'), np.array([2n, 2n], 'uint64')) // => array([False,  True])
 * ```
 */
export const greater = comparison('greater', (x, y) => x > y);
/**
 * Element-wise `x1 >= x2` into bool (numpy.greater_equal).
 *
 * @example
 * ```ts
 * np.greater_equal(np.array([1, 2], 'int64'), 2) // => array([False,  True])
 * ```
 */
export const greater_equal = comparison('greater_equal', (x, y) => x >= y);

const LOGICAL = sig2(ALL_NUM, '?');
const truthy = (x: number | bigint): boolean => x != 0;
/**
 * Element-wise truth of `x1 and x2` into bool (numpy.logical_and).
 *
 * @example
 * ```ts
 * np.logical_and(np.array([0, 1, 2], 'int64'), np.array([1.5, 0, 3], 'float64')) // => array([False, False,  True])
 * ```
 */
export const logical_and = defineUfunc({
  name: 'logical_and', nin: 2, nout: 1, exactScalars: true, identity: true, types: LOGICAL,
  js: () => ((x: number, y: number) => truthy(x) && truthy(y)) as ScalarFn,
}) as PredicateUfunc;
/**
 * Element-wise truth of `x1 or x2` into bool (numpy.logical_or).
 *
 * @example
 * ```ts
 * np.logical_or(np.array([0, 0], 'int64'), np.array([0, 5], 'int64')) // => array([False,  True])
 * ```
 */
export const logical_or = defineUfunc({
  name: 'logical_or', nin: 2, nout: 1, exactScalars: true, identity: false, types: LOGICAL,
  js: () => ((x: number, y: number) => truthy(x) || truthy(y)) as ScalarFn,
}) as PredicateUfunc;
/**
 * Element-wise truth of `x1 xor x2` into bool (numpy.logical_xor).
 *
 * @example
 * ```ts
 * np.logical_xor(np.array([1, 1], 'bool'), np.array([0, 1], 'bool')) // => array([ True, False])
 * ```
 */
export const logical_xor = defineUfunc({
  name: 'logical_xor', nin: 2, nout: 1, exactScalars: true, identity: false, types: LOGICAL,
  js: () => ((x: number, y: number) => truthy(x) !== truthy(y)) as ScalarFn,
}) as PredicateUfunc;
/**
 * Element-wise `not x` into bool (numpy.logical_not); NaN is true.
 *
 * @example
 * ```ts
 * np.logical_not(np.array([0, NaN], 'float64')) // => array([ True, False])
 * ```
 */
export const logical_not = defineUfunc({
  name: 'logical_not', nin: 1, nout: 1, types: sig1(ALL_NUM, '?'),
  js: () => ((x: number) => !truthy(x)) as ScalarFn,
}) as Ufunc & ((a: Operand, out?: NdArray | UfuncOptions) => NdArray<'bool'>);

/** where(condition, x, y) as a ufunc: condition cast to bool, x and y promoted. */
const whereUfunc = defineUfunc({
  name: 'where', nin: 3, nout: 1, types: ALL_NUM.map((c) => `?${c}${c}->${c}`),
  js: () => ((c: number, x: number, y: number) => (c ? x : y)) as ScalarFn,
});

/**
 * `where(condition, x, y)`: elements of `x` where `condition` is true, of
 * `y` elsewhere (all three broadcast; `x` and `y` promote as numpy's).
 * With one argument it is `nonzero(condition)`.
 *
 * @example
 * ```ts
 * np.where(np.array([1, 0, 2], 'int64'), 10, -1) // => array([10, -1, 10])
 * ```
 */
export function where(condition: Operand): NdArray[];
export function where<N extends DTypeName>(condition: Operand, x: NdArray<N>, y: NdArray<N> | ScalarOperand): NdArray<N>;
export function where(condition: Operand, x: Operand, y: Operand): NdArray;
export function where(condition: Operand, x?: Operand, y?: Operand): NdArray | NdArray[] | number | bigint | boolean {
  if (arguments.length > 3) extraArgument('np.where', 3, arguments[3]);
  if (x === undefined && y === undefined) {
    const nonzero = functions.get('nonzero');
    if (!nonzero) throw new DTypeError('where(condition) with one argument is nonzero(condition), which is not loaded');
    return nonzero(condition) as NdArray[];
  }
  if (x === undefined || y === undefined) throw new DTypeError('either both or neither of x and y should be given');
  const c = Array.isArray(condition) ? asArray(condition as NestedList) : (condition as Exclude<Operand, NestedList>);
  const cond = typeof c === 'object' && c.data instanceof Uint8Array && c.data.constructor.name === 'BoolArray'
    ? c
    : (not_equal(c, 0) as NdArray | boolean);
  return whereUfunc(cond, x, y) as NdArray;
}

/** Apply `op` in place (`a op= b`): numpy's same_kind casting into `a`. */
function inplace(fname: string, op: Ufunc | string, a: NdArray, b: Operand): NdArray {
  arrayArg(fname, a);
  const u = typeof op === 'string' ? ufuncs.get(op) : op;
  if (!u) throw new DTypeError(`${fname}: ufunc '${String(op)}' is not loaded`);
  try {
    return u(a, b, { out: a }) as NdArray;
  } catch (e) {
    // the ufunc refused b in its own name (np.add: argument 2 …); the caller called fname
    if (!isOperand(b)) throw operandError(fname, 'the second argument', b);
    throw e;
  }
}

/** Whether `x` is an operand a ufunc reads: an np array, a list, a number, a bigint or a boolean. */
function isOperand(x: unknown): boolean {
  return typeof x === 'number' || typeof x === 'bigint' || typeof x === 'boolean' || Array.isArray(x) || isNdArray(x);
}

/**
 * `a += b`, in place (numpy's same_kind casting into `a`); returns `a`.
 *
 * @example
 * ```ts
 * np.iadd(np.array([1, 2], 'uint8'), 1) // => array([2, 3], dtype=uint8)
 * ```
 */
export function iadd<N extends DTypeName>(a: NdArray<N>, b: Operand): NdArray<N> {
  if (arguments.length > 2) extraArgument('np.iadd', 2, arguments[2]);
  return inplace('np.iadd', add, a, b) as NdArray<N>;
}
/**
 * `a -= b`, in place; returns `a`.
 *
 * @example
 * ```ts
 * np.isub(np.array([1, 2], 'uint8'), 1) // => array([0, 1], dtype=uint8)
 * ```
 */
export function isub<N extends DTypeName>(a: NdArray<N>, b: Operand): NdArray<N> {
  if (arguments.length > 2) extraArgument('np.isub', 2, arguments[2]);
  return inplace('np.isub', subtract, a, b) as NdArray<N>;
}
/**
 * `a *= b`, in place; returns `a`.
 *
 * @example
 * ```ts
 * np.imul(np.array([1, 2], 'int16'), 3) // => array([3, 6], dtype=int16)
 * ```
 */
export function imul<N extends DTypeName>(a: NdArray<N>, b: Operand): NdArray<N> {
  if (arguments.length > 2) extraArgument('np.imul', 2, arguments[2]);
  return inplace('np.imul', multiply, a, b) as NdArray<N>;
}
/**
 * `a /= b`, in place; an integer `a` is refused (the float result cannot be
 * cast back under same_kind), as numpy.
 *
 * @example
 * ```ts
 * np.itruediv(np.array([1, 2], 'float64'), 4) // => array([0.25, 0.5 ])
 * ```
 */
export function itruediv<N extends DTypeName>(a: NdArray<N>, b: Operand): NdArray<N> {
  if (arguments.length > 2) extraArgument('np.itruediv', 2, arguments[2]);
  return inplace('np.itruediv', divide, a, b) as NdArray<N>;
}
/**
 * `a //= b`, in place (the floor_divide ufunc, when loaded).
 *
 * @example
 * ```ts
 * np.ifloordiv(np.array([7, -7], 'int32'), 2) // => array([ 3, -4], dtype=int32)
 * ```
 */
export function ifloordiv<N extends DTypeName>(a: NdArray<N>, b: Operand): NdArray<N> {
  if (arguments.length > 2) extraArgument('np.ifloordiv', 2, arguments[2]);
  return inplace('np.ifloordiv', 'floor_divide', a, b) as NdArray<N>;
}
/**
 * `a %= b`, in place (the remainder ufunc, when loaded).
 *
 * @example
 * ```ts
 * np.imod(np.array([7, -7], 'int32'), 3) // => array([1, 2], dtype=int32)
 * ```
 */
export function imod<N extends DTypeName>(a: NdArray<N>, b: Operand): NdArray<N> {
  if (arguments.length > 2) extraArgument('np.imod', 2, arguments[2]);
  return inplace('np.imod', 'remainder', a, b) as NdArray<N>;
}
/**
 * `a **= b`, in place (the power ufunc, when loaded).
 *
 * @example
 * ```ts
 * np.ipow(np.array([2, 3], 'int32'), 2) // => array([4, 9], dtype=int32)
 * ```
 */
export function ipow<N extends DTypeName>(a: NdArray<N>, b: Operand): NdArray<N> {
  if (arguments.length > 2) extraArgument('np.ipow', 2, arguments[2]);
  return inplace('np.ipow', 'power', a, b) as NdArray<N>;
}
/**
 * `a &= b`, in place.
 *
 * @example
 * ```ts
 * np.iand(np.array([6, 7], 'uint8'), 3) // => array([2, 3], dtype=uint8)
 * ```
 */
export function iand<N extends DTypeName>(a: NdArray<N>, b: Operand): NdArray<N> {
  if (arguments.length > 2) extraArgument('np.iand', 2, arguments[2]);
  return inplace('np.iand', bitwise_and, a, b) as NdArray<N>;
}
/**
 * `a |= b`, in place.
 *
 * @example
 * ```ts
 * np.ior(np.array([4, 8], 'uint8'), 1) // => array([5, 9], dtype=uint8)
 * ```
 */
export function ior<N extends DTypeName>(a: NdArray<N>, b: Operand): NdArray<N> {
  if (arguments.length > 2) extraArgument('np.ior', 2, arguments[2]);
  return inplace('np.ior', bitwise_or, a, b) as NdArray<N>;
}
/**
 * `a ^= b`, in place.
 *
 * @example
 * ```ts
 * np.ixor(np.array([5, 9], 'uint8'), 1) // => array([4, 8], dtype=uint8)
 * ```
 */
export function ixor<N extends DTypeName>(a: NdArray<N>, b: Operand): NdArray<N> {
  if (arguments.length > 2) extraArgument('np.ixor', 2, arguments[2]);
  return inplace('np.ixor', bitwise_xor, a, b) as NdArray<N>;
}
/**
 * `a <<= b`, in place.
 *
 * @example
 * ```ts
 * np.ilshift(np.array([1, 2], 'uint8'), 2) // => array([4, 8], dtype=uint8)
 * ```
 */
export function ilshift<N extends DTypeName>(a: NdArray<N>, b: Operand): NdArray<N> {
  if (arguments.length > 2) extraArgument('np.ilshift', 2, arguments[2]);
  return inplace('np.ilshift', left_shift, a, b) as NdArray<N>;
}
/**
 * `a >>= b`, in place.
 *
 * @example
 * ```ts
 * np.irshift(np.array([4, 8], 'uint8'), 2) // => array([1, 2], dtype=uint8)
 * ```
 */
export function irshift<N extends DTypeName>(a: NdArray<N>, b: Operand): NdArray<N> {
  if (arguments.length > 2) extraArgument('np.irshift', 2, arguments[2]);
  return inplace('np.irshift', right_shift, a, b) as NdArray<N>;
}

/** `out` as numpy takes it: a positional array or `{ out }` (kept for older callers). */
export type OutArg = NdArray | UfuncOptions | undefined;

export type { DType };
