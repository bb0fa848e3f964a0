/**
 * numpy's type rules for the element-wise functions: which dtype a result
 * has, and which results may be written into an `out` of another dtype.
 *
 * Arrays promote as numpy does (uint8 + int8 -> int16, int32 + float32 ->
 * float64, uint64 + a signed integer -> float64). Plain numbers are "weak"
 * as in NumPy 2 (NEP 50): an integer takes the array's dtype and must fit
 * it; a fractional number makes an integer array's result float64.
 */
import { DTypeError } from '../errors.js';
import {
  type DType, float32, float64, int16, int32, int64, int8,
} from './dtype.js';
import type { Scalar } from './ndarray.js';

const SIGNED_BY_SIZE: Record<number, DType> = { 1: int8, 2: int16, 4: int32, 8: int64 };

/** The dtype numpy gives to a binary operation on two arrays. */
export function promoteTypes(a: DType, b: DType): DType {
  if (a === b) return a;
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

const LIMITS: Record<string, readonly [bigint, bigint]> = {
  int8: [-128n, 127n], uint8: [0n, 255n], int16: [-32768n, 32767n], uint16: [0n, 65535n],
  int32: [-2147483648n, 2147483647n], uint32: [0n, 4294967295n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n], uint64: [0n, 2n ** 64n - 1n],
};

/** The dtype of array `a` combined with a plain number or bigint. */
export function promoteScalar(a: DType, s: Scalar): DType {
  if (typeof s === 'number' && !Number.isInteger(s)) {
    return a.kind === 'f' ? a : float64;
  }
  if (a.kind === 'f') return a;
  const [lo, hi] = LIMITS[a.name];
  const v = BigInt(s);
  if (v < lo || v > hi) {
    throw new RangeError(`${s} is out of bounds for ${a.name} (${lo} to ${hi}); ` +
      `use an array of a wider dtype, as NumPy 2 requires`);
  }
  return a;
}

const KIND_RANK = { u: 1, i: 2, f: 3 } as const;

/** numpy's casting='same_kind': safe casts, or casts within a kind. */
export function canCastSameKind(from: DType, to: DType): boolean {
  return KIND_RANK[to.kind] >= KIND_RANK[from.kind];
}

/** Throw numpy's error when a result cannot go into `out`. */
export function checkCast(op: string, from: DType, to: DType): void {
  if (!canCastSameKind(from, to)) {
    throw new DTypeError(
      `cannot cast ${op} output from ${from.name} to ${to.name} with casting rule 'same_kind'`,
    );
  }
}

/** The dtype of a true division: integers divide into float64. */
export function divideType(t: DType): DType {
  return t.kind === 'f' ? t : float64;
}

/** Unsigned integer types, for the rules of the bitwise functions. */
export function isInteger(t: DType): boolean {
  return t.kind !== 'f';
}

