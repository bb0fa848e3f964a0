/**
 * Comparing arrays: array_equal, array_equiv, isclose, allclose — numpy's
 * rules, including its dtypes for the arithmetic of isclose (a float32
 * comparison is done in float32) and its asymmetric tolerance
 * `|a - b| <= atol + rtol * |b|`.
 */
import { type AnyTypedArray, type DType, bool, float32, float64 } from './dtype.js';
import { allocate } from './alloc.js';
import { broadcastShapes } from './broadcast.js';
import { type NdArray, type Scalar, asArray, dtypeOfArray, isCContiguous, isNdArray, restride, sizeOf, wrap } from './ndarray.js';
import { broadcastStrides } from './ufunc/index.js';
import { promoteTypes } from './promote.js';
import { type ArrayInput, arrayInputArg, asarray } from './create.js';
import { type OptionKeys, plainOptions, extraArgument } from './axisarg.js';
import { astype } from './cast.js';
import { fill } from './fill.js';
import { absolute, isfinite, isnan } from './math.js';
import { add, equal, less_equal, logical_and, logical_or, multiply, subtract } from './ops.js';
import { all } from './reduce.js';

type Cell = number | bigint | boolean;
type Cells = AnyTypedArray & { [i: number]: Cell };

/** An operand of the comparisons: an array, a plain number/bigint/boolean, or a (nested) list as numpy's array_like. */
export type CompareOperand = NdArray | Scalar | boolean | readonly ArrayInput[];

/**
 * `what` of `fname`, with a list as an array (np.asarray: a list of floats
 * is float64, not a weak scalar).
 *
 * @throws TypeError naming `fname` for anything but an array operand.
 */
function operand(fname: string, x: CompareOperand, what: string): NdArray | Scalar | boolean {
  const v = arrayInputArg(fname, x as ArrayInput, what);
  if (Array.isArray(v) || (ArrayBuffer.isView(v) && !isNdArray(v))) return asarray(v);
  return v as NdArray | Scalar | boolean;
}

/** The broadcast shape, or undefined when the shapes do not broadcast. */
function tryBroadcast(a: readonly number[], b: readonly number[]): number[] | undefined {
  try {
    return broadcastShapes(a, b);
  } catch {
    return undefined;
  }
}

/** Call visit(i, j) with the data indices of a and b for each element of `shape`. */
function pairs(a: NdArray, b: NdArray, shape: readonly number[], visit: (i: number, j: number, k: number) => boolean | void): void {
  const sa = broadcastStrides(a, shape.length);
  const sb = broadcastStrides(b, shape.length);
  const nd = shape.length;
  const n = sizeOf(shape);
  const pos = new Array<number>(nd).fill(0);
  let i = a.offset;
  let j = b.offset;
  for (let k = 0; k < n; k++) {
    if (visit(i, j, k) === false) return;
    for (let d = nd - 1; d >= 0; d--) {
      i += sa[d];
      j += sb[d];
      if (++pos[d] < shape[d]) break;
      i -= sa[d] * shape[d];
      j -= sb[d] * shape[d];
      pos[d] = 0;
    }
  }
}

/** How values of dtypes ta, tb compare in numpy: converted to one JavaScript type. */
function equalityOf(ta: DType, tb: DType): (x: Cell, y: Cell) => boolean {
  const c = ta === tb ? ta : promoteTypes(ta, tb);
  // int64 against uint64 compares exactly in NumPy 2 (not through float64)
  if (c.isBigInt || (ta.isBigInt && tb.isBigInt)) return (x, y) => BigInt(x) === BigInt(y);
  if (c === float32) return (x, y) => Math.fround(Number(x)) === Math.fround(Number(y));
  return (x, y) => Number(x) === Number(y);
}

const isNan = (v: Cell): boolean => typeof v === 'number' && v !== v;

/** Options of {@link array_equal}. */
export interface ArrayEqualOptions {
  /** Whether NaNs in the same places count as equal (default false). */
  equal_nan?: boolean;
}

/** The keys of {@link ArrayEqualOptions}: any other key is refused. */
export const ARRAY_EQUAL_OPTION_KEYS: OptionKeys<ArrayEqualOptions> = { equal_nan: true };

/**
 * Whether two arrays have the same shape and equal elements, as
 * numpy.array_equal (values compare after numpy's promotion; NaN is unequal
 * to itself unless `equal_nan`).
 *
 * @example
 * ```ts
 * const a = np.array([1, NaN], 'float64');
 * np.array_equal(a, a) // => false
 * np.array_equal(a, a, { equal_nan: true }) // => true
 * ```
 */
export function array_equal(a1: CompareOperand, a2: CompareOperand, options?: ArrayEqualOptions): boolean {
  if (arguments.length > 3) extraArgument('np.array_equal', 3, arguments[3]);
  const opts = plainOptions('np.array_equal', options, ARRAY_EQUAL_OPTION_KEYS, '{ equal_nan: true }', 'third');
  const a = asArray(operand('np.array_equal', a1, 'the first argument'));
  const b = asArray(operand('np.array_equal', a2, 'the second argument'));
  if (a.shape.length !== b.shape.length || a.shape.some((n, i) => n !== b.shape[i])) return false;
  return allEqual(a, b, a.shape, opts.equal_nan ?? false);
}

/** Elements compared in JavaScript first (a difference there answers at once), the rest in the engine. */
const JS_EQUAL_MAX = 64;

function allEqual(a: NdArray, b: NdArray, shape: readonly number[], equalNan: boolean): boolean {
  const eq = equalityOf(dtypeOfArray(a), dtypeOfArray(b));
  const da = a.data as unknown as Cells;
  const db = b.data as unknown as Cells;
  let allSame = true;
  let seen = 0;
  pairs(a, b, shape, (i, j) => {
    if (++seen > JS_EQUAL_MAX) return false;
    const x = da[i];
    const y = db[j];
    if (eq(x, y) || (equalNan && isNan(x) && isNan(y))) return true;
    allSame = false;
    return false;
  });
  if (!allSame || seen <= JS_EQUAL_MAX) return allSame;
  if (isCContiguous(a) && isCContiguous(b)) {
    // in runs through one reused bool array, stopping at the first run that
    // differs: no new array of the whole size (1080p frames: 442-595 -> 271-292
    // µs, numpy 340-408), and a JavaScript probe of 64 elements, not 4096 (30-47 µs)
    scratch ??= wrap(allocate(bool, EQUAL_RUN) as AnyTypedArray, [EQUAL_RUN]) as NdArray;
    const out = scratch;
    for (let start = 0; start < a.size; start += EQUAL_RUN) {
      const n = Math.min(EQUAL_RUN, a.size - start);
      const run = (x: NdArray) => restride(x, [n], [1], x === out ? 0 : x.offset + start);
      if (!runsEqual(run(a), run(b), run(out), equalNan)) return false;
    }
    return true;
  }
  return runsEqual(a, b, equal(a, b) as NdArray, equalNan);
}

/** Elements per run of {@link allEqual}: 512 KiB of bools (the runs of two 1-byte arrays are shared among the engine's threads). */
const EQUAL_RUN = 1 << 19;

/** The bools of {@link allEqual}'s runs, kept for the next call (in the caches). */
let scratch: NdArray | undefined;

/** numpy's (a == b).all() into `same`, NaNs in the same places counted equal when asked. */
function runsEqual(a: NdArray, b: NdArray, same: NdArray, equalNan: boolean): boolean {
  equal(a, b, { out: same });
  if (equalNan) logical_or(same, logical_and(isnan(a), isnan(b)) as NdArray, { out: same });
  return all(same) as boolean;
}

/**
 * Whether two arrays are equal after broadcasting to one shape, as
 * numpy.array_equiv (false when the shapes do not broadcast).
 *
 * @example
 * ```ts
 * np.array_equiv(np.array([1, 2], 'int32'), np.array([[1, 2], [1, 2]], 'int32')) // => true
 * ```
 */
export function array_equiv(a1: CompareOperand, a2: CompareOperand): boolean {
  if (arguments.length > 2) extraArgument('np.array_equiv', 2, arguments[2]);
  const a = asArray(operand('np.array_equiv', a1, 'the first argument'));
  const b = asArray(operand('np.array_equiv', a2, 'the second argument'));
  const shape = tryBroadcast(a.shape, b.shape);
  if (!shape) return false;
  return allEqual(a, b, shape, false);
}

/** Options of {@link isclose} and {@link allclose}. */
export interface CloseOptions {
  /** Relative tolerance, a fraction of |b| (default 1e-5). */
  rtol?: number;
  /** Absolute tolerance (default 1e-8). */
  atol?: number;
  /** Whether NaNs in the same places count as close (default false). */
  equal_nan?: boolean;
}

/** The keys of {@link CloseOptions}, in numpy's order. */
export const CLOSE_OPTION_KEYS: OptionKeys<CloseOptions> = { rtol: true, atol: true, equal_nan: true };

/**
 * Element-wise `|a - b| <= atol + rtol * |b|` (or a == b, e.g. equal
 * infinities), as numpy.isclose: asymmetric in a and b; the arithmetic is
 * done in numpy's dtypes (float32 operands in float32). A bool array of the
 * broadcast shape, or a boolean when both operands are 0-d/plain numbers.
 *
 * @example
 * ```ts
 * np.isclose(np.array([1, 1.1, NaN], 'float64'), 1) // => array([ True, False, False])
 * np.isclose(1e-9, 0) // => true
 * ```
 */
export function isclose(a0: CompareOperand, b0: CompareOperand, options?: CloseOptions): NdArray | boolean {
  if (arguments.length > 3) extraArgument('np.isclose', 3, arguments[3]);
  return closeness('np.isclose', a0, b0, plainOptions('np.isclose', options, CLOSE_OPTION_KEYS, '{ rtol: 1e-3 }', 'third'));
}

/** {@link isclose} for `fname` (np.isclose, np.allclose), its options checked. */
function closeness(fname: string, a0: CompareOperand, b0: CompareOperand, opts: CloseOptions): NdArray | boolean {
  const a0b = operand(fname, a0, 'the first argument');
  const b = operand(fname, b0, 'the second argument');
  const rtol = opts.rtol ?? 1e-5;
  const atol = opts.atol ?? 1e-8;
  const equalNan = opts.equal_nan ?? false;
  // numpy's own formula, in its dtypes: b as floats (float32 stays, integers and bool become
  // float64), then less_equal(abs(a - b), atol + rtol * abs(b)) & isfinite(b) | (a == b)
  const y = isNdArray(b) ? (dtypeOfArray(b).kind !== 'f' ? astype(b, float64) : b) : Number(b);
  const a = isNdArray(a0b) ? a0b : Number(a0b);
  if (!isNdArray(a) && !isNdArray(y)) {
    const X = Number(a);
    const Y = Number(y);
    return (Math.abs(X - Y) <= atol + rtol * Math.abs(Y) && Number.isFinite(Y)) || X === Y || (equalNan && X !== X && Y !== Y);
  }
  const d = subtract(a, y) as NdArray;
  absolute(d, { out: d });
  let tol: NdArray | number;
  if (isNdArray(y)) {
    const t = absolute(y);
    multiply(t, rtol, { out: t });
    add(t, atol, { out: t });
    tol = t;
  } else tol = atol + rtol * Math.abs(Number(y));
  const close = less_equal(d, tol) as NdArray;
  if (isNdArray(y)) logical_and(close, isfinite(y), { out: close });
  else if (!Number.isFinite(Number(y))) fill(close, false);
  logical_or(close, equal(a, y) as NdArray, { out: close });
  if (equalNan) logical_or(close, logical_and(isnan(a) as NdArray, isnan(y) as NdArray) as NdArray, { out: close });
  return close.shape.length === 0 ? (close.get() as boolean) : close;
}

/**
 * Whether every element of `a` is close to `b` (broadcast), as
 * numpy.allclose: `isclose(a, b, opts)` for all elements.
 *
 * @example
 * ```ts
 * np.allclose(np.array([1, 2], 'float32'), np.array([1, 2.00001], 'float32')) // => true
 * ```
 */
export function allclose(a: CompareOperand, b: CompareOperand, options?: CloseOptions): boolean {
  if (arguments.length > 3) extraArgument('np.allclose', 3, arguments[3]);
  const r = closeness('np.allclose', a, b, plainOptions('np.allclose', options, CLOSE_OPTION_KEYS, '{ rtol: 1e-3 }', 'third'));
  return typeof r === 'boolean' ? r : (all(r) as boolean);
}
