/**
 * numpy's mathematical ufuncs: floor_divide, remainder/mod, power,
 * negative, positive, absolute/abs, sign, reciprocal, square, sqrt, cbrt,
 * the exponentials and logarithms, trigonometric and hyperbolic functions
 * and their inverses, deg2rad/rad2deg (degrees/radians), arctan2, hypot,
 * copysign, heaviside, floor/ceil/trunc/rint, isnan/isinf/isfinite,
 * signbit; and the functions numpy builds on them: round/around, clip,
 * nan_to_num.
 *
 * Each ufunc has numpy's loop list (`np.sqrt.types`, without float16), so
 * type resolution, casting, `out`, `where` and broadcasting are numpy's; the
 * loops run in native/csrc/engine/loops_math.c, and the JavaScript element
 * functions below only run where the addon is absent.
 */
import { type OptionKeys, plainOptions, extraArgument } from './axisarg.js';
import { astype } from './cast.js';
import { min } from './reduce.js';
import { DTypeError, ValueError } from './errors.js';
import { type DType, type DTypeName, dtypeArg, dtypeOf } from './dtype.js';
import { type NdArray, type NestedList, asArray, isNdArray } from './ndarray.js';
import type { BinaryUfunc, ScalarOperand, UnaryUfunc } from './ops.js';
import {
  type Operand, type ScalarFn, type Ufunc, type UfuncOptions, type UfuncSpec, aliasUfunc, defineUfunc, resolveLoop, ufuncs,
} from './ufunc/index.js';

// ---- signature lists (numpy's order) ---------------------------------------

const INTS = ['b', 'B', 'h', 'H', 'i', 'I', 'q', 'Q'];
const FLOATS = ['f', 'd'];
const unary = (chars: readonly string[], out?: string) => chars.map((c) => `${c}->${out ?? c}`);
const binary = (chars: readonly string[]) => chars.map((c) => `${c}${c}->${c}`);

// ---- JavaScript element functions (the no-addon fallback) ------------------

type Num = number | bigint;
const isF32 = (sig: string) => sig.endsWith('f');
const isBig = (sig: string) => sig.endsWith('q') || sig.endsWith('Q');
const isSigned = (sig: string) => /[bhiq]$/.test(sig);

/** A float function, rounded to float32 for the 'f' loops. */
function real(sig: string, f: (...x: number[]) => number): ScalarFn {
  return isF32(sig) ? (...x: number[]) => Math.fround(f(...x)) : f;
}

/** C's copysign: |x| with the sign bit of y. */
function copysignJs(x: number, y: number): number {
  return y < 0 || Object.is(y, -0) ? -Math.abs(x) : Math.abs(x);
}

/** C's rint in the default rounding mode: nearest, ties to even; -0 kept. */
function rintJs(x: number): number {
  if (!Number.isFinite(x)) return x;
  const f = Math.floor(x);
  const d = x - f;
  const r = d > 0.5 ? f + 1 : d < 0.5 ? f : f % 2 === 0 ? f : f + 1;
  return r === 0 && (x < 0 || Object.is(x, -0)) ? -0 : r;
}

/**
 * numpy's float divmod (npy_divmod): fmod, the remainder moved to the
 * divisor's sign, the quotient (a - mod) / b snapped to an integer; `r`
 * rounds every step to the loop's precision.
 */
function divmod(a: number, b: number, r: (v: number) => number): [number, number] {
  let mod = a % b;
  if (b === 0) return [r(a / b), mod];
  let div = r(r(a - mod) / b);
  if (mod !== 0) {
    if (b < 0 !== mod < 0) {
      mod = r(mod + b);
      div = r(div - 1);
    }
  } else {
    mod = b < 0 ? -0 : 0;
  }
  let q: number;
  if (div !== 0) {
    q = Math.floor(div);
    if (div - q > 0.5) q = r(q + 1);
  } else {
    q = copysignJs(0, a / b);
  }
  return [q, mod];
}

const ident = (v: number) => v;

function floorDivideJs(sig: string): ScalarFn {
  if (FLOATS.includes(sig[0])) {
    const r = isF32(sig) ? Math.fround : ident;
    return (a: number, b: number) => divmod(a, b, r)[0];
  }
  if (isBig(sig)) {
    return (a: bigint, b: bigint) => {
      if (b === 0n) return 0n;
      const q = a / b;
      return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
    };
  }
  return (a: number, b: number) => (b === 0 ? 0 : Math.floor(a / b));
}

function remainderJs(sig: string): ScalarFn {
  if (FLOATS.includes(sig[0])) {
    const r = isF32(sig) ? Math.fround : ident;
    return (a: number, b: number) => divmod(a, b, r)[1];
  }
  if (isBig(sig)) {
    return (a: bigint, b: bigint) => {
      if (b === 0n) return 0n;
      const m = a % b;
      return m !== 0n && m < 0n !== b < 0n ? m + b : m;
    };
  }
  return (a: number, b: number) => {
    if (b === 0) return 0;
    const m = a % b;
    return m !== 0 && m < 0 !== b < 0 ? m + b : m;
  };
}

function powerJs(sig: string): ScalarFn {
  if (FLOATS.includes(sig[0])) {
    // C's pow, where JavaScript's differs: 1 ** NaN and (-1) ** inf are 1
    return real(sig, (a, b) => (a === 1 || b === 0 ? 1 : a === -1 && (b === Infinity || b === -Infinity) ? 1 : a ** b));
  }
  if (isBig(sig)) {
    return (a: bigint, b: bigint) => {
      let r = 1n;
      let base = BigInt.asUintN(64, a);
      for (let e = b < 0n ? 0n : b; e > 0n; e >>= 1n) {
        if (e & 1n) r = BigInt.asUintN(64, r * base);
        base = BigInt.asUintN(64, base * base);
      }
      return b < 0n ? 0n : r;
    };
  }
  // 32-bit products wrap as the narrower types do once stored
  return (a: number, b: number) => {
    if (b < 0) return 0;
    let r = 1;
    let base = a | 0;
    for (let e = b; e > 0; e = Math.floor(e / 2)) {
      if (e & 1) r = Math.imul(r, base);
      base = Math.imul(base, base);
    }
    return r;
  };
}

/** 1 / x converted to an integer type, as numpy gives it on x86_64. */
function reciprocalJs(sig: string): ScalarFn {
  if (FLOATS.includes(sig[0])) return real(sig, (x) => 1 / x);
  const zero = /[iq]$/.test(sig) ? (sig.endsWith('q') ? -(2n ** 63n) : -(2 ** 31)) : 0;
  const signed = isSigned(sig);
  if (isBig(sig)) {
    return (x: bigint) => (x === 0n ? BigInt(zero) : x === 1n ? 1n : signed && x === -1n ? -1n : 0n);
  }
  return (x: number) => (x === 0 ? Number(zero) : x === 1 ? 1 : signed && x === -1 ? -1 : 0);
}

/** The JS function of a ufunc with one float function, identity for the integer loops. */
const floatOr = (f: (x: number) => number) => (sig: string): ScalarFn =>
  FLOATS.includes(sig[0]) ? real(sig, f) : (x: Num) => x;

function intOrBig(sig: string, num: (...x: number[]) => number, big: (...x: bigint[]) => bigint, flt: (...x: number[]) => number): ScalarFn {
  if (FLOATS.includes(sig[0])) return real(sig, flt);
  return isBig(sig) ? big : num;
}

const clipJs = (sig: string): ScalarFn => {
  if (FLOATS.includes(sig[0])) {
    const maxNan = (a: number, b: number) => (a >= b || a !== a ? a : b);
    const minNan = (a: number, b: number) => (a <= b || a !== a ? a : b);
    return (x: number, lo: number, hi: number) => minNan(maxNan(x, lo), hi);
  }
  return (x: Num, lo: Num, hi: Num) => {
    const m = x < lo ? lo : x;
    return m > hi ? hi : m;
  };
};

// ---- the ufuncs ---------------------------------------------------------------

/**
 * A one-input ufunc with float loops only (sqrt, exp, sin, ...): float32
 * stays float32, float64 stays float64, integers become float.
 */
export interface FloatUfunc extends Ufunc {
  (a: NdArray<'float32'>, out?: NdArray | UfuncOptions): NdArray<'float32'>;
  (a: NdArray<'float64'>, out?: NdArray | UfuncOptions): NdArray<'float64'>;
  (a: NdArray, out?: NdArray | UfuncOptions): NdArray;
  (a: ScalarOperand, out?: UfuncOptions): number;
}

/** A two-input ufunc with float loops only (arctan2, hypot, copysign, heaviside). */
export interface FloatBinaryUfunc extends Ufunc {
  (a: NdArray<'float32'>, b: NdArray<'float32'> | ScalarOperand, out?: NdArray | UfuncOptions): NdArray<'float32'>;
  (a: NdArray<'float64'>, b: NdArray<'float64'> | ScalarOperand, out?: NdArray | UfuncOptions): NdArray<'float64'>;
  (a: NdArray, b: Operand, out?: NdArray | UfuncOptions): NdArray;
  (a: Operand, b: NdArray, out?: NdArray | UfuncOptions): NdArray;
  (a: ScalarOperand, b: ScalarOperand, out?: UfuncOptions): number;
}

/** A one-input ufunc whose result is bool (isnan, isinf, isfinite, signbit). */
export interface UnaryPredicateUfunc extends Ufunc {
  (a: NdArray, out?: NdArray | UfuncOptions): NdArray<'bool'>;
  (a: ScalarOperand, out?: UfuncOptions): boolean;
}

/**
 * The libm ufuncs keep to the native loop for small arrays too: JavaScript's
 * Math functions are not glibc's, so results would depend on the size.
 */
const LIBM: Partial<UfuncSpec> = { jsSmall: false };

function define(name: string, nin: number, types: readonly string[], js: (sig: string) => ScalarFn,
  extra: Partial<UfuncSpec> = {}): Ufunc {
  return defineUfunc({ name, nin, nout: 1, types, js, ...extra });
}

const FLOAT1 = unary(FLOATS);
const NUMERIC1 = unary([...INTS, ...FLOATS]);
const NUMERIC2 = binary([...INTS, ...FLOATS]);
const ROUNDING = ['?->?', ...NUMERIC1];
const PREDICATE = ['?->?', ...unary([...INTS, ...FLOATS], '?')];

/** numpy's TypeError for `-` of a bool array. */
const NEGATIVE_BOOL =
  'The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.';

/**
 * numpy refuses bool input to negative, positive and sign (its type
 * resolvers for them), where a plain loop search would pick 'b->b'.
 */
const refuseBool = (message: string) => ({
  prefer: (inputs: readonly DType[]): undefined => {
    if (inputs.some((t) => t.kind === 'b')) throw new DTypeError(message);
    return undefined;
  },
});
const noBoolLoop = (name: string) =>
  refuseBool(`ufunc '${name}' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None`);

/**
 * Floor division `x1 // x2`, element-wise: the largest integer not above
 * the quotient. Integer division by zero gives 0 (numpy warns);
 * `INT_MIN // -1` wraps to INT_MIN.
 *
 * @example
 * ```ts
 * const a = np.array([7, -7, 5], 'int32');
 * np.floor_divide(a, 2) // => array([ 3, -4,  2], dtype=int32)
 * ```
 */
export const floor_divide = define('floor_divide', 2, NUMERIC2, floorDivideJs) as BinaryUfunc;
/**
 * Remainder of floor division, element-wise, with the sign of the divisor
 * (Python's `%`; also `np.mod`). An integer remainder by zero gives 0;
 * floats follow numpy's divmod, so `remainder(-1, inf)` is `inf`.
 *
 * @example
 * ```ts
 * const a = np.array([7, -7, 5], 'int32');
 * np.remainder(a, 3) // => array([1, 2, 2], dtype=int32)
 * ```
 */
export const remainder = define('remainder', 2, NUMERIC2, remainderJs) as BinaryUfunc;

/**
 * Numerical negative, element-wise (`-x`). Integers wrap (`-INT_MIN` is
 * INT_MIN); a bool array is refused, as numpy refuses it.
 *
 * @example
 * ```ts
 * const a = np.array([1, -2, 0], 'int8');
 * np.negative(a) // => array([-1,  2,  0], dtype=int8)
 * ```
 */
export const negative = define('negative', 1, NUMERIC1, (sig) => intOrBig(sig, (x) => -x, (x) => -x, (x) => -x), refuseBool(NEGATIVE_BOOL)) as UnaryUfunc;

/**
 * Numerical positive, element-wise (`+x`): a copy of the values.
 *
 * @example
 * ```ts
 * const a = np.array([1.5, -2], 'float32');
 * np.positive(a) // => array([ 1.5, -2. ], dtype=float32)
 * ```
 */
export const positive = define('positive', 1, NUMERIC1, () => (x: Num) => x, noBoolLoop('positive')) as UnaryUfunc;

/**
 * Absolute value, element-wise (also `np.abs`). Integers wrap: the
 * absolute value of INT_MIN is INT_MIN, as in numpy.
 *
 * @example
 * ```ts
 * const a = np.array([-1.5, 2, -0], 'float64');
 * np.absolute(a) // => array([1.5, 2. , 0. ])
 * ```
 */
export const absolute = define('absolute', 1, ['?->?', ...NUMERIC1], (sig) => sig[0] === '?' ? (x: Num) => x : intOrBig(sig, Math.abs, (x) => (x < 0n ? -x : x), Math.abs)) as UnaryUfunc;

/**
 * The sign of each element: -1, 0 or 1 (NaN stays NaN; -0 gives 0).
 *
 * @example
 * ```ts
 * const a = np.array([-5, 0, 3], 'int16');
 * np.sign(a) // => array([-1,  0,  1], dtype=int16)
 * ```
 */
export const sign = define('sign', 1, NUMERIC1, (sig) => intOrBig(sig, Math.sign, (x) => (x > 0n ? 1n : x < 0n ? -1n : 0n), (x) => (x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : x)), noBoolLoop('sign')) as UnaryUfunc;

/**
 * The reciprocal `1 / x`, element-wise. For integers numpy computes
 * `1.0 / x` and converts back: 0 for |x| > 1, and for x = 0 what the
 * CPU's conversion of an infinity gives (INT_MIN for int32/int64 on x86_64).
 *
 * @example
 * ```ts
 * const a = np.array([0.5, 4, -0], 'float32');
 * np.reciprocal(a) // => array([2.  , 0.25, -inf], dtype=float32)
 * ```
 */
export const reciprocal = define('reciprocal', 1, NUMERIC1, reciprocalJs) as UnaryUfunc;

/**
 * The square `x * x`, element-wise; integers wrap.
 *
 * @example
 * ```ts
 * const a = np.array([3, 252, 200], 'uint8');
 * np.square(a) // => array([ 9, 16, 64], dtype=uint8)
 * ```
 */
export const square = define('square', 1, NUMERIC1, (sig) => intOrBig(sig, (x) => Math.imul(x, x), (x) => x * x, (x) => x * x)) as UnaryUfunc;

/**
 * The non-negative square root, element-wise; NaN for negative numbers.
 *
 * @example
 * ```ts
 * const a = np.array([0, 1, 4, 2], 'float64');
 * np.sqrt(a) // => array([0.        , 1.        , 2.        , 1.41421356])
 * ```
 */
export const sqrt = define('sqrt', 1, FLOAT1, (sig) => real(sig, Math.sqrt)) as FloatUfunc;

/**
 * The cube root, element-wise.
 *
 * @example
 * ```ts
 * const a = np.array([27, -8, 2], 'float64');
 * np.cbrt(a) // => array([ 3.        , -2.        ,  1.25992105])
 * ```
 */
export const cbrt = define('cbrt', 1, FLOAT1, (sig) => real(sig, Math.cbrt), LIBM) as FloatUfunc;

/**
 * The exponential `e ** x`, element-wise.
 *
 * @example
 * ```ts
 * const a = np.array([0, 1, -1], 'float64');
 * np.exp(a) // => array([1.        , 2.71828183, 0.36787944])
 * ```
 */
export const exp = define('exp', 1, FLOAT1, (sig) => real(sig, Math.exp), LIBM) as FloatUfunc;

/**
 * `2 ** x`, element-wise.
 *
 * @example
 * ```ts
 * const a = np.array([0, 3, -1], 'float64');
 * np.exp2(a) // => array([1. , 8. , 0.5])
 * ```
 */
export const exp2 = define('exp2', 1, FLOAT1, (sig) => real(sig, (x) => 2 ** x), LIBM) as FloatUfunc;

/**
 * `exp(x) - 1`, element-wise, accurate near 0.
 *
 * @example
 * ```ts
 * const a = np.array([0, 1e-10, 1], 'float64');
 * np.expm1(a) // => array([0.00000000e+00, 1.00000000e-10, 1.71828183e+00])
 * ```
 */
export const expm1 = define('expm1', 1, FLOAT1, (sig) => real(sig, Math.expm1), LIBM) as FloatUfunc;

/**
 * The natural logarithm, element-wise; -inf at 0, NaN below.
 *
 * @example
 * ```ts
 * const a = np.array([1, 2.718281828459045, 0], 'float64');
 * np.log(a) // => array([  0.,   1., -inf])
 * ```
 */
export const log = define('log', 1, FLOAT1, (sig) => real(sig, Math.log), LIBM) as FloatUfunc;

/**
 * The base-2 logarithm, element-wise.
 *
 * @example
 * ```ts
 * const a = np.array([1, 8, 0.5], 'float64');
 * np.log2(a) // => array([ 0.,  3., -1.])
 * ```
 */
export const log2 = define('log2', 1, FLOAT1, (sig) => real(sig, Math.log2), LIBM) as FloatUfunc;

/**
 * The base-10 logarithm, element-wise.
 *
 * @example
 * ```ts
 * const a = np.array([1, 1000, 0.01], 'float64');
 * np.log10(a) // => array([ 0.,  3., -2.])
 * ```
 */
export const log10 = define('log10', 1, FLOAT1, (sig) => real(sig, Math.log10), LIBM) as FloatUfunc;

/**
 * `log(1 + x)`, element-wise, accurate near 0.
 *
 * @example
 * ```ts
 * const a = np.array([0, 1e-10, -1], 'float64');
 * np.log1p(a) // => array([0.e+00, 1.e-10,   -inf])
 * ```
 */
export const log1p = define('log1p', 1, FLOAT1, (sig) => real(sig, Math.log1p), LIBM) as FloatUfunc;

/**
 * The sine of angles in radians, element-wise.
 *
 * @example
 * ```ts
 * const a = np.array([0, 1.5707963267948966, 3], 'float64');
 * np.sin(a) // => array([0.        , 1.        , 0.14112001])
 * ```
 */
export const sin = define('sin', 1, FLOAT1, (sig) => real(sig, Math.sin), LIBM) as FloatUfunc;

/**
 * The cosine of angles in radians, element-wise.
 *
 * @example
 * ```ts
 * const a = np.array([0, 3.141592653589793, 1], 'float64');
 * np.cos(a) // => array([ 1.        , -1.        ,  0.54030231])
 * ```
 */
export const cos = define('cos', 1, FLOAT1, (sig) => real(sig, Math.cos), LIBM) as FloatUfunc;

/**
 * The tangent of angles in radians, element-wise.
 *
 * @example
 * ```ts
 * const a = np.array([0, 0.7853981633974483, -1], 'float64');
 * np.tan(a) // => array([ 0.        ,  1.        , -1.55740772])
 * ```
 */
export const tan = define('tan', 1, FLOAT1, (sig) => real(sig, Math.tan), LIBM) as FloatUfunc;

/**
 * The inverse sine in radians, element-wise; NaN outside [-1, 1].
 *
 * @example
 * ```ts
 * const a = np.array([0, 1, 2], 'float64');
 * np.arcsin(a) // => array([0.        , 1.57079633,        nan])
 * ```
 */
export const arcsin = define('arcsin', 1, FLOAT1, (sig) => real(sig, Math.asin), LIBM) as FloatUfunc;

/**
 * The inverse cosine in radians, element-wise; NaN outside [-1, 1].
 *
 * @example
 * ```ts
 * const a = np.array([1, 0, -1], 'float64');
 * np.arccos(a) // => array([0.        , 1.57079633, 3.14159265])
 * ```
 */
export const arccos = define('arccos', 1, FLOAT1, (sig) => real(sig, Math.acos), LIBM) as FloatUfunc;

/**
 * The inverse tangent in radians, element-wise.
 *
 * @example
 * ```ts
 * const a = np.array([0, 1, Infinity], 'float64');
 * np.arctan(a) // => array([0.        , 0.78539816, 1.57079633])
 * ```
 */
export const arctan = define('arctan', 1, FLOAT1, (sig) => real(sig, Math.atan), LIBM) as FloatUfunc;

/**
 * The hyperbolic sine, element-wise.
 *
 * @example
 * ```ts
 * const a = np.array([0, 1, -1], 'float64');
 * np.sinh(a) // => array([ 0.        ,  1.17520119, -1.17520119])
 * ```
 */
export const sinh = define('sinh', 1, FLOAT1, (sig) => real(sig, Math.sinh), LIBM) as FloatUfunc;

/**
 * The hyperbolic cosine, element-wise.
 *
 * @example
 * ```ts
 * const a = np.array([0, 1, -1], 'float64');
 * np.cosh(a) // => array([1.        , 1.54308063, 1.54308063])
 * ```
 */
export const cosh = define('cosh', 1, FLOAT1, (sig) => real(sig, Math.cosh), LIBM) as FloatUfunc;

/**
 * The hyperbolic tangent, element-wise.
 *
 * @example
 * ```ts
 * const a = np.array([0, 1, -Infinity], 'float64');
 * np.tanh(a) // => array([ 0.        ,  0.76159416, -1.        ])
 * ```
 */
export const tanh = define('tanh', 1, FLOAT1, (sig) => real(sig, Math.tanh), LIBM) as FloatUfunc;

/**
 * The inverse hyperbolic sine, element-wise.
 *
 * @example
 * ```ts
 * const a = np.array([0, 1, -1], 'float64');
 * np.arcsinh(a) // => array([ 0.        ,  0.88137359, -0.88137359])
 * ```
 */
export const arcsinh = define('arcsinh', 1, FLOAT1, (sig) => real(sig, Math.asinh), LIBM) as FloatUfunc;

/**
 * The inverse hyperbolic cosine, element-wise; NaN below 1.
 *
 * @example
 * ```ts
 * const a = np.array([1, 2, 0.5], 'float64');
 * np.arccosh(a) // => array([0.       , 1.3169579,       nan])
 * ```
 */
export const arccosh = define('arccosh', 1, FLOAT1, (sig) => real(sig, Math.acosh), LIBM) as FloatUfunc;

/**
 * The inverse hyperbolic tangent, element-wise; +-inf at +-1.
 *
 * @example
 * ```ts
 * const a = np.array([0, 0.5, 1], 'float64');
 * np.arctanh(a) // => array([0.        , 0.54930614,        inf])
 * ```
 */
export const arctanh = define('arctanh', 1, FLOAT1, (sig) => real(sig, Math.atanh), LIBM) as FloatUfunc;

/**
 * Round to the nearest integer, halves to even, element-wise (floats keep
 * their dtype).
 *
 * @example
 * ```ts
 * const a = np.array([0.5, 1.5, -2.5], 'float64');
 * np.rint(a) // => array([ 0.,  2., -2.])
 * ```
 */
export const rint = define('rint', 1, FLOAT1, (sig) => real(sig, rintJs)) as FloatUfunc;

/**
 * Degrees to radians, element-wise (also `np.radians`).
 *
 * @example
 * ```ts
 * const a = np.array([180, 90, -45], 'float32');
 * np.deg2rad(a) // => array([ 3.1415927,  1.5707964, -0.7853982], dtype=float32)
 * ```
 */
export const deg2rad = define('deg2rad', 1, FLOAT1, (sig) => real(sig, isF32(sig) ? (x) => x * Math.fround(Math.fround(Math.PI) / 180) : (x) => x * (Math.PI / 180))) as FloatUfunc;

/**
 * Degrees to radians, element-wise: numpy's other name for {@link deg2rad}.
 *
 * @example
 * ```ts
 * const a = np.array([180, 90], 'float64');
 * np.radians(a) // => array([3.14159265, 1.57079633])
 * ```
 */
export const radians = define('radians', 1, FLOAT1, deg2rad.spec.js) as FloatUfunc;

/**
 * Radians to degrees, element-wise (also `np.degrees`).
 *
 * @example
 * ```ts
 * const a = np.array([3.141592653589793, 1], 'float64');
 * np.rad2deg(a) // => array([180.        ,  57.29577951])
 * ```
 */
export const rad2deg = define('rad2deg', 1, FLOAT1, (sig) => real(sig, isF32(sig) ? (x) => x * Math.fround(180 / Math.fround(Math.PI)) : (x) => x * (180 / Math.PI))) as FloatUfunc;

/**
 * Radians to degrees, element-wise: numpy's other name for {@link rad2deg}.
 *
 * @example
 * ```ts
 * const a = np.array([1.5707963267948966], 'float64');
 * np.degrees(a) // => array([90.])
 * ```
 */
export const degrees = define('degrees', 1, FLOAT1, rad2deg.spec.js) as FloatUfunc;

/**
 * The angle of the point (x2, x1) in radians, in [-pi, pi], element-wise:
 * `arctan(x1 / x2)` with the quadrant chosen by both signs.
 *
 * @example
 * ```ts
 * const y = np.array([1, -1, 0], 'float64');
 * np.arctan2(y, -1) // => array([ 2.35619449, -2.35619449,  3.14159265])
 * ```
 */
export const arctan2 = define('arctan2', 2, binary(FLOATS), (sig) => real(sig, Math.atan2), LIBM) as FloatBinaryUfunc;

/**
 * The hypotenuse `sqrt(x1**2 + x2**2)`, element-wise, without overflow in
 * the squares.
 *
 * @example
 * ```ts
 * const a = np.array([3, 5, 1e200], 'float64');
 * np.hypot(a, 4) // => array([5.00000000e+000, 6.40312424e+000, 1.00000000e+200])
 * ```
 */
export const hypot = define('hypot', 2, binary(FLOATS), (sig) => real(sig, Math.hypot), LIBM) as FloatBinaryUfunc;

/**
 * The magnitude of x1 with the sign of x2, element-wise.
 *
 * @example
 * ```ts
 * const a = np.array([1, -2, 3], 'float32');
 * np.copysign(a, -0) // => array([-1., -2., -3.], dtype=float32)
 * ```
 */
export const copysign = define('copysign', 2, binary(FLOATS), (sig) => real(sig, copysignJs)) as FloatBinaryUfunc;

/**
 * The Heaviside step function: 0 where x1 < 0, `x2` where x1 == 0, 1 where
 * x1 > 0 (NaN stays NaN).
 *
 * @example
 * ```ts
 * const a = np.array([-1.5, 0, 2], 'float64');
 * np.heaviside(a, 0.5) // => array([0. , 0.5, 1. ])
 * ```
 */
export const heaviside = define('heaviside', 2, binary(FLOATS), (sig) => real(sig, (x, h0) => (x !== x ? x : x < 0 ? 0 : x > 0 ? 1 : h0))) as FloatBinaryUfunc;

/**
 * The floor of each element: the largest integer not above it. Integer
 * and bool arrays keep their dtype (NumPy 2).
 *
 * @example
 * ```ts
 * const a = np.array([-1.5, 0.2, 2], 'float64');
 * np.floor(a) // => array([-2.,  0.,  2.])
 * ```
 */
export const floor = define('floor', 1, ROUNDING, floatOr(Math.floor)) as UnaryUfunc;

/**
 * The ceiling of each element: the smallest integer not below it.
 * Integer and bool arrays keep their dtype (NumPy 2).
 *
 * @example
 * ```ts
 * const a = np.array([-1.5, 0.2, 2], 'float64');
 * np.ceil(a) // => array([-1.,  1.,  2.])
 * ```
 */
export const ceil = define('ceil', 1, ROUNDING, floatOr(Math.ceil)) as UnaryUfunc;

/**
 * Each element rounded towards zero. Integer and bool arrays keep their
 * dtype (NumPy 2).
 *
 * @example
 * ```ts
 * const a = np.array([-1.5, 0.7, 2], 'float32');
 * np.trunc(a) // => array([-1.,  0.,  2.], dtype=float32)
 * ```
 */
export const trunc = define('trunc', 1, ROUNDING, floatOr(Math.trunc)) as UnaryUfunc;

/**
 * Whether each element is NaN, as a bool array (never for integers).
 *
 * @example
 * ```ts
 * const a = np.array([1, NaN, Infinity], 'float64');
 * np.isnan(a) // => array([False,  True, False])
 * ```
 */
export const isnan = define('isnan', 1, PREDICATE, (sig) => (FLOATS.includes(sig[0]) ? (x: number) => (x !== x ? 1 : 0) : () => 0)) as UnaryPredicateUfunc;

/**
 * Whether each element is positive or negative infinity, as a bool array.
 *
 * @example
 * ```ts
 * const a = np.array([1, NaN, -Infinity], 'float64');
 * np.isinf(a) // => array([False, False,  True])
 * ```
 */
export const isinf = define('isinf', 1, PREDICATE, (sig) => (FLOATS.includes(sig[0]) ? (x: number) => (x === Infinity || x === -Infinity ? 1 : 0) : () => 0)) as UnaryPredicateUfunc;

/**
 * Whether each element is finite (not NaN, not infinite), as a bool array.
 *
 * @example
 * ```ts
 * const a = np.array([1, NaN, -Infinity], 'float32');
 * np.isfinite(a) // => array([ True, False, False])
 * ```
 */
export const isfinite = define('isfinite', 1, PREDICATE, (sig) => (FLOATS.includes(sig[0]) ? (x: number) => (Number.isFinite(x) ? 1 : 0) : () => 1)) as UnaryPredicateUfunc;

/**
 * Whether each element's sign bit is set (true for -0 and -inf), as a bool
 * array.
 *
 * @example
 * ```ts
 * const a = np.array([-0, 0, -2.5], 'float64');
 * np.signbit(a) // => array([ True, False,  True])
 * ```
 */
export const signbit = define('signbit', 1, unary(FLOATS, '?'), () => (x: number) => (x < 0 || Object.is(x, -0) ? 1 : 0)) as UnaryPredicateUfunc;

// ---- aliases -----------------------------------------------------------------

/**
 * Remainder of floor division: numpy's other name for {@link remainder}
 * (the same ufunc).
 *
 * @example
 * ```ts
 * const a = np.array([-3, 3], 'int64');
 * np.mod(a, 2) // => array([1, 1])
 * ```
 */
export const mod = aliasUfunc('mod', remainder) as BinaryUfunc;

/**
 * Absolute value: numpy's other name for {@link absolute} (the same ufunc).
 *
 * @example
 * ```ts
 * const a = np.array([-2, 2], 'int8');
 * np.abs(a) // => array([2, 2], dtype=int8)
 * ```
 */
export const abs = aliasUfunc('abs', absolute) as UnaryUfunc;

// ---- power: numpy's check of integer exponents --------------------------------

const powerLoops = define('power', 2, NUMERIC2, powerJs, LIBM);

/** Input kinds as the engine's resolution takes them: a dtype number, or 11 + a weak scalar's category. */
function kindCode(x: Operand): number {
  if (isNdArray(x)) return dtypeOf(x.data).num;
  if (typeof x === 'boolean') return 11;
  return typeof x === 'bigint' || Number.isInteger(x) ? 12 : 13;
}

type Call = (...args: unknown[]) => NdArray | number | bigint | boolean;
const ufunc = (name: string): Call => {
  const u = ufuncs.get(name);
  if (!u) throw new Error(`np: the ufunc ${name} is not defined`);
  return u as unknown as Call;
};

/**
 * Whether any element of `x` (an array or a scalar) is below zero: the
 * engine's min reduction (no temporary array).
 */
function anyNegative(xl: Operand): boolean {
  const x = Array.isArray(xl) ? asArray(xl as NestedList) : (xl as Exclude<Operand, NestedList>);
  if (typeof x === 'number' || typeof x === 'bigint') return x < 0;
  if (typeof x === 'boolean') return false;
  if (dtypeOf(x.data).kind !== 'i' || x.size === 0) return false;
  return (min(x) as number | bigint) < 0;
}

/** The options object of a ufunc call's last argument, if it is one. */
function optionsOf(extra: unknown): UfuncOptions | undefined {
  return extra !== null && typeof extra === 'object' && !isNdArray(extra) && !Array.isArray(extra)
    ? (extra as UfuncOptions)
    : undefined;
}

/**
 * First array elements raised to powers from the second, element-wise.
 * Integer results wrap; when the integer loop would meet a negative
 * exponent, numpy's ValueError is thrown before anything is computed.
 *
 * @example
 * ```ts
 * const a = np.array([2, 3, 4], 'int32');
 * np.power(a, 2) // => array([ 4,  9, 16], dtype=int32)
 * ```
 */
export const power = Object.assign(
  function power(this: unknown, ...args: unknown[]) {
    const [x1, x2l, extra] = args as [Operand, Operand, unknown];
    const x2 = Array.isArray(x2l) ? asArray(x2l as NestedList) : (x2l as Exclude<Operand, NestedList>);
    // a number or bigint below 0, or a signed integer array, may need the check (anything else goes to the ufunc, which checks it)
    if (typeof x2 === 'number' || typeof x2 === 'bigint' ? x2 < 0 : isNdArray(x2) && dtypeOf(x2.data).kind === 'i') {
      const opts = optionsOf(extra);
      const want = opts?.dtype !== undefined && opts.dtype !== null ? dtypeArg('np.power', opts.dtype) : undefined;
      const loop = resolveLoop(powerLoops, [kindCode(x1), kindCode(x2)], want, opts?.casting ?? 'same_kind');
      if (loop.ins[1].kind !== 'f' && anyNegative(x2)) throw new ValueError('Integers to negative integer powers are not allowed.');
    }
    return (powerLoops as unknown as (...a: unknown[]) => unknown)(...args);
  },
  {
    nin: 2, nout: 1, nargs: 3, types: powerLoops.types, identity: powerLoops.identity, spec: powerLoops.spec,
    loops: powerLoops.loops, cache: powerLoops.cache,
  },
) as unknown as BinaryUfunc;
Object.defineProperty(power, 'name', { value: 'power' });
ufuncs.set('power', power);

// ---- round -------------------------------------------------------------------

/** numpy's keyword arguments of {@link round}. */
export interface RoundOptions {
  decimals?: number;
  out?: NdArray;
}

/** The keys of {@link RoundOptions}: any other key is refused. */
export const ROUND_OPTION_KEYS: OptionKeys<RoundOptions> = { decimals: true, out: true };

/** 10 ** n for n >= 0, exact as far as doubles are (n <= 22). */
function powerOfTen(n: number): number {
  let f = 1;
  for (let i = 0; i < n; i++) f *= 10;
  return f;
}

/**
 * Round to `decimals` decimal places, halves to even, as numpy: floats are
 * multiplied by 10**decimals, rounded with {@link rint} and divided back
 * (so `round(2.675, 2)` is 2.67 or 2.68 exactly as numpy says); integers
 * are returned unchanged for decimals >= 0 and rounded through float64 for
 * negative decimals. A bool array is refused, as numpy refuses it.
 *
 * @example
 * ```ts
 * const a = np.array([0.5, 1.5, 2.675, -1.25], 'float64');
 * np.round(a) // => array([ 0.,  2.,  3., -1.])
 * np.round(a, 1) // => array([ 0.5,  1.5,  2.7, -1.2])
 * ```
 */
export function round(a: Operand, decimals: number | RoundOptions = 0, out?: NdArray | RoundOptions): NdArray | number | bigint | boolean {
  if (arguments.length > 3) extraArgument('np.round', 3, arguments[3]);
  let d = 0;
  let target: NdArray | undefined;
  if (typeof decimals === 'object') {
    const o = plainOptions('np.round', decimals, ROUND_OPTION_KEYS, '{ decimals: 1 }');
    d = o.decimals ?? 0;
    target = o.out;
  } else {
    d = decimals;
    target = isNdArray(out) ? out : plainOptions('np.round', out, ROUND_OPTION_KEYS, '{ out: result } (or the out array itself)', 'third').out;
  }
  if (!Number.isInteger(d)) throw new DTypeError(`'${typeof d === 'number' ? 'float' : typeof d}' object cannot be interpreted as an integer`);
  const opts = target ? { out: target } : undefined;
  const t = isNdArray(a) ? dtypeOf(a.data) : undefined;
  if (t?.kind === 'b' || typeof a === 'boolean') {
    if (d === 0) {
      throw new DTypeError(`round of a bool array gives float16 in numpy, a dtype np does not have: cast it first (np.astype(a, 'float32'))`);
    }
    const op = d > 0 ? 'multiply' : 'divide';
    throw new DTypeError(`Cannot cast ufunc '${op}' output from dtype('float64') to dtype('bool') with casting rule 'same_kind'`);
  }
  const f = powerOfTen(Math.abs(d));
  if (t && t.kind !== 'f') {
    if (d >= 0) return ufunc('positive')(a, opts);
    if (target) {
      ufunc('divide')(a, f, opts);
      ufunc('rint')(target, opts);
      return ufunc('multiply')(target, f, opts);
    }
    const y = ufunc('divide')(a, f) as NdArray;
    ufunc('rint')(y, { out: y });
    ufunc('multiply')(y, f, { out: y });
    return astype(y, t);
  }
  const [first, second] = d >= 0 ? ['multiply', 'divide'] : ['divide', 'multiply'];
  const y = ufunc(first)(a, f, opts);
  if (!isNdArray(y)) return ufunc(second)(ufunc('rint')(y), f);
  ufunc('rint')(y, { out: y });
  return ufunc(second)(y, f, { out: y });
}

/**
 * Round to `decimals` decimal places: numpy's other name for {@link round}.
 *
 * @example
 * ```ts
 * const a = np.array([1234, 1250, -1350], 'int32');
 * np.around(a, -2) // => array([ 1200,  1200, -1400], dtype=int32)
 * ```
 */
export const around = round;

// ---- clip --------------------------------------------------------------------

const clipLoops = define('clip', 3, ['???->?', ...INTS.map((c) => `${c}${c}${c}->${c}`), 'fff->f', 'ddd->d'], clipJs);

/** numpy's keyword arguments of {@link clip} (`min`/`max` are numpy 2's names for the bounds). */
export interface ClipOptions extends UfuncOptions {
  min?: Operand | null;
  max?: Operand | null;
}

/** The keys of {@link ClipOptions}. */
export const CLIP_OPTION_KEYS: OptionKeys<ClipOptions> = { min: true, max: true, out: true, where: true, casting: true, dtype: true };

const INT_RANGE: Record<string, [bigint, bigint]> = {
  int8: [-128n, 127n], uint8: [0n, 255n], int16: [-32768n, 32767n], uint16: [0n, 65535n],
  int32: [-(2n ** 31n), 2n ** 31n - 1n], uint32: [0n, 2n ** 32n - 1n], int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
};

const isIntScalar = (x: unknown): x is number | bigint => typeof x === 'bigint' || (typeof x === 'number' && Number.isInteger(x));

/**
 * Limit the values of `a` to [a_min, a_max], element-wise:
 * `minimum(maximum(a, a_min), a_max)`, with NaN in any operand giving NaN
 * and a_min > a_max giving a_max. The bounds broadcast; either may be
 * `null` (no bound). As numpy 2, an integer bound past an integer array's
 * range is no bound rather than an overflow.
 *
 * @example
 * ```ts
 * const a = np.array([-3, 0, 5, 300], 'int16');
 * np.clip(a, 0, 255) // => array([  0,   0,   5, 255], dtype=int16)
 * ```
 */
export function clip(a: Operand, a_min?: Operand | null, a_max?: Operand | null, out?: NdArray | ClipOptions): NdArray | number | bigint | boolean {
  if (arguments.length > 4) extraArgument('np.clip', 4, arguments[4]);
  const opts: ClipOptions | undefined = out === undefined ? undefined
    : isNdArray(out) ? { out }
      : plainOptions('np.clip', out, CLIP_OPTION_KEYS, '{ out: result } (or the out array itself)', 'fourth');
  let lo = a_min ?? opts?.min ?? null;
  let hi = a_max ?? opts?.max ?? null;
  const rest: UfuncOptions | undefined = opts ? { ...opts } : undefined;
  if (rest) {
    delete (rest as ClipOptions).min;
    delete (rest as ClipOptions).max;
  }
  const t = isNdArray(a) ? dtypeOf(a.data) : undefined;
  if (t && (t.kind === 'i' || t.kind === 'u')) {
    const [min, max] = INT_RANGE[t.name];
    if (isIntScalar(lo) && BigInt(lo) <= min) lo = null;
    if (isIntScalar(hi) && BigInt(hi) >= max) hi = null;
  }
  if (lo === null && hi === null) return ufunc('positive')(a, rest);
  if (lo === null) return ufunc('minimum')(a, hi, rest);
  if (hi === null) return ufunc('maximum')(a, lo, rest);
  return (clipLoops as unknown as Call)(a, lo, hi, rest);
}

// ---- nan_to_num --------------------------------------------------------------

const nanToNumLoops = define('nan_to_num', 4, ['ffff->f', 'dddd->d'], () =>
  (x: number, nan: number, posinf: number, neginf: number) => (x !== x ? nan : x === Infinity ? posinf : x === -Infinity ? neginf : x));

/** numpy's keyword arguments of {@link nan_to_num}. */
export interface NanToNumOptions {
  /** Work on a copy (default) or, when false, in place. */
  copy?: boolean;
  /** What NaN becomes (default 0). */
  nan?: number;
  /** What +inf becomes (default the dtype's largest finite value). */
  posinf?: number | null;
  /** What -inf becomes (default the dtype's most negative finite value). */
  neginf?: number | null;
}

/** The keys of {@link NanToNumOptions}, in numpy's order: any other key is refused. */
export const NAN_TO_NUM_OPTION_KEYS: OptionKeys<NanToNumOptions> = { copy: true, nan: true, posinf: true, neginf: true };

const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * Replace NaN with `nan` (0), +inf with `posinf` (the largest finite value of
 * the dtype) and -inf with `neginf` (its most negative one). Integer and
 * bool arrays are returned as they are (a copy unless `copy: false`).
 *
 * @example
 * ```ts
 * const a = np.array([NaN, 1.5], 'float64');
 * np.nan_to_num(a) // => array([0. , 1.5])
 * const b = np.array([Infinity, -Infinity, NaN], 'float64');
 * np.nan_to_num(b, { nan: -1, posinf: 9, neginf: -9 }) // => array([ 9., -9., -1.])
 * ```
 */
export function nan_to_num<N extends DTypeName>(x: NdArray<N>, opts?: NanToNumOptions): NdArray<N>;
export function nan_to_num(x: number, opts?: NanToNumOptions): number;
export function nan_to_num(x: Operand, opts?: NanToNumOptions): Operand;
export function nan_to_num(x: Operand, options?: NanToNumOptions): Operand {
  if (arguments.length > 2) extraArgument('np.nan_to_num', 2, arguments[2]);
  const opts = plainOptions('np.nan_to_num', options, NAN_TO_NUM_OPTION_KEYS, '{ copy: false }');
  const nan = opts.nan ?? 0;
  if (typeof x === 'number') {
    const big = Number.MAX_VALUE;
    return x !== x ? nan : x === Infinity ? (opts.posinf ?? big) : x === -Infinity ? (opts.neginf ?? -big) : x;
  }
  if (!isNdArray(x)) return x;
  const t = dtypeOf(x.data);
  if (t.kind !== 'f') return opts.copy === false ? x : astype(x, t);
  const big = t.itemsize === 4 ? FLOAT32_MAX : Number.MAX_VALUE;
  const args: Operand[] = [x, nan, opts.posinf ?? big, opts.neginf ?? -big];
  return (nanToNumLoops as unknown as Call)(...args, opts.copy === false ? { out: x } : undefined) as NdArray;
}
