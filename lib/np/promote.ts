/**
 * numpy's type rules: which dtype two dtypes promote to, which casts are
 * allowed under each casting rule, and the dtype of a mix of arrays, dtypes
 * and Python-like scalars (NumPy 2, NEP 50: a JS number, bigint or boolean
 * is a "weak" scalar that takes the arrays' dtype when its kind allows).
 */
import { DTypeError } from '../errors.js';
import {
  type DType, type DTypeLike, type HasData, bool, dtypeArg, float32, float64, int16, int32, int64, int8, intp,
} from './dtype.js';
import { extraArgument } from './axisarg.js';

/** numpy's casting rules, from strictest to loosest. */
export type Casting = 'no' | 'equiv' | 'safe' | 'same_kind' | 'unsafe';

const CASTINGS: readonly Casting[] = ['no', 'equiv', 'safe', 'same_kind', 'unsafe'];

const SIGNED_BY_SIZE: Record<number, DType> = { 1: int8, 2: int16, 4: int32, 8: int64 };

/** A kind's rank for same_kind casts: bool < unsigned < signed < float. */
const KIND_RANK = { b: 0, u: 1, i: 2, f: 3 } as const;

/** The dtype numpy gives to an operation on two arrays of these dtypes. */
function promotePair(a: DType, b: DType): DType {
  if (a === b) return a;
  if (a.kind === 'b') return b;
  if (b.kind === 'b') return a;
  if (a.kind === 'f' || b.kind === 'f') {
    const f = a.kind === 'f' ? a : b;
    const other = f === a ? b : a;
    if (other.kind === 'f') return a.itemsize >= b.itemsize ? a : b;
    // a float32 holds int8/16 and uint8/16 exactly; wider integers need float64
    return f === float32 && other.itemsize <= 2 ? float32 : float64;
  }
  if (a.kind === b.kind) return a.itemsize >= b.itemsize ? a : b;
  const u = a.kind === 'u' ? a : b;
  const s = u === a ? b : a;
  if (s.itemsize > u.itemsize) return s;
  return u.itemsize === 8 ? float64 : SIGNED_BY_SIZE[u.itemsize * 2];
}

/** Whether numpy's casting='safe' allows `from` → `to` (values always survive). */
export function canCastSafely(from: DType, to: DType): boolean {
  if (from === to || from.kind === 'b') return true;
  switch (from.kind) {
    case 'u':
      if (to.kind === 'u') return to.itemsize >= from.itemsize;
      if (to.kind === 'i') return to.itemsize > from.itemsize;
      if (to.kind === 'f') return to.itemsize === 8 || from.itemsize <= 2;
      return false;
    case 'i':
      if (to.kind === 'i') return to.itemsize >= from.itemsize;
      if (to.kind === 'f') return to.itemsize === 8 || from.itemsize <= 2;
      return false;
    default:
      return to.kind === 'f' && to.itemsize >= from.itemsize;
  }
}

/** Whether a cast is allowed under a casting rule (dtypes already resolved). */
export function castAllowed(from: DType, to: DType, casting: Casting): boolean {
  switch (casting) {
    case 'no':
    case 'equiv':
      return from === to;
    case 'safe':
      return canCastSafely(from, to);
    case 'same_kind':
      return canCastSafely(from, to) || KIND_RANK[from.kind] <= KIND_RANK[to.kind];
    default:
      return true;
  }
}

/** Check a `casting=` argument, with numpy's message. */
export function checkCasting(casting: unknown): Casting {
  if (!CASTINGS.includes(casting as Casting)) {
    throw new DTypeError(`casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe' (got ${String(casting)})`);
  }
  return casting as Casting;
}

/**
 * The smallest dtype both `a` and `b` can be safely cast to, as
 * `numpy.promote_types`.
 *
 * @example
 * ```ts
 * np.promote_types('uint8', 'int8').name // => int16
 * np.promote_types(np.int32, np.float32).name // => float64
 * ```
 */
export function promote_types(a: DTypeLike, b: DTypeLike): DType {
  if (arguments.length > 2) extraArgument('np.promote_types', 2, arguments[2]);
  return promotePair(dtypeArg('np.promote_types', a), dtypeArg('np.promote_types', b));
}

/**
 * Whether numpy would cast `from` to `to` under `casting` (default 'safe'),
 * as `numpy.can_cast`. Like NumPy 2, plain numbers are refused (the answer
 * used to depend on their value).
 *
 * @example
 * ```ts
 * np.can_cast('uint8', 'int16') // => true
 * np.can_cast('int64', 'uint64') // => false
 * np.can_cast('float64', 'int8', 'same_kind') // => false
 * ```
 */
export function can_cast(from: DTypeLike, to: DTypeLike, casting: Casting = 'safe'): boolean {
  if (arguments.length > 3) extraArgument('np.can_cast', 3, arguments[3]);
  if (typeof from === 'number' || typeof from === 'bigint' || typeof from === 'boolean') {
    throw new DTypeError(
      'can_cast() does not support Python ints, floats, and complex because the result used to depend on the value.',
    );
  }
  return castAllowed(dtypeArg('np.can_cast', from), dtypeArg('np.can_cast', to), checkCasting(casting));
}

/** A weak scalar's category: 0 bool, 1 integer, 2 float. */
export type WeakKind = 0 | 1 | 2;

/** The category of a dtype for NEP 50: 0 bool, 1 integer, 2 float. */
export function category(t: DType): WeakKind {
  return t.kind === 'b' ? 0 : t.kind === 'f' ? 2 : 1;
}

/** The weak category of a JS scalar: boolean, integer (bigint, or an integral number other than -0), or float. */
export function weakKind(x: number | bigint | boolean): WeakKind {
  if (typeof x === 'boolean') return 0;
  if (typeof x === 'bigint') return 1;
  return Number.isInteger(x) && !Object.is(x, -0) ? 1 : 2;
}

/** The dtype a weak scalar of a category has on its own (numpy's defaults). */
export function weakDefault(k: WeakKind): DType {
  return k === 0 ? bool : k === 1 ? intp : float64;
}

/**
 * The dtype numpy's `result_type` gives: arrays and dtypes promote; JS
 * numbers, bigints and booleans are weak (NEP 50): they do not widen an
 * array's dtype of their kind or a higher one (`uint8` with `300` is
 * `uint8`), and otherwise bring their default dtype (int64, float64).
 *
 * @example
 * ```ts
 * np.result_type(np.uint8, 300).name // => uint8
 * np.result_type(np.int8, 1.5).name // => float64
 * np.result_type('uint16', 'int16').name // => int32
 * ```
 */
export function result_type(...args: (DTypeLike | number | bigint | boolean)[]): DType {
  let strong: DType | undefined;
  let weak = -1;
  for (const x of args) {
    if (typeof x === 'number' || typeof x === 'bigint' || typeof x === 'boolean') {
      weak = Math.max(weak, weakKind(x));
    } else {
      const t = dtypeArg('np.result_type', x as DTypeLike | HasData);
      strong = strong ? promotePair(strong, t) : t;
    }
  }
  if (strong === undefined) {
    if (weak < 0) throw new DTypeError('at least one array or dtype is required');
    return weakDefault(weak as WeakKind);
  }
  if (weak > category(strong)) return promotePair(strong, weakDefault(weak as WeakKind));
  return strong;
}

/** @deprecated use {@link promote_types}; kept for the existing callers. */
export function promoteTypes(a: DType, b: DType): DType {
  return promotePair(a, b);
}

/** numpy's casting='same_kind': safe casts, or casts to a kind of the same or higher rank. */
export function canCastSameKind(from: DType, to: DType): boolean {
  if (arguments.length > 2) extraArgument('np.canCastSameKind', 2, arguments[2]);
  return castAllowed(from, to, 'same_kind');
}
