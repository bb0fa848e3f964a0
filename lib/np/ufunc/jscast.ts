/**
 * Element conversions in JavaScript, for the engine's fallback when the
 * addon is absent: the same results as native/csrc/engine/cast.c on x86_64
 * (integers wrap, floats truncate, out-of-range floats give the SSE
 * conversion's INT_MIN pattern, anything to bool is `!= 0`).
 */
import type { DType } from '../dtype.js';

/** A value as read from a typed array: number, or bigint for int64/uint64. */
export type Raw = number | bigint;

const TWO63 = 9223372036854775808;
const INT64_MIN = -(2n ** 63n);

function fToI32(x: number): number {
  return x > -2147483649 && x < 2147483648 ? Math.trunc(x) : -2147483648;
}

function fToI64(x: number): bigint {
  return x >= -TWO63 && x < TWO63 ? BigInt(Math.trunc(x)) : INT64_MIN;
}

function fToU64(x: number): bigint {
  if (x >= TWO63) return BigInt.asUintN(64, fToI64(x - TWO63)) ^ (1n << 63n);
  return BigInt.asUintN(64, fToI64(x));
}

function fToU32(x: number): number {
  if (x >= -TWO63 && x < TWO63) return Number(BigInt.asUintN(32, BigInt(Math.trunc(x))));
  return x !== x || x < 0 ? 2147483648 : 0;
}

/**
 * The function that converts one element of `from` into a value to store in
 * a typed array of `to` (the store itself then wraps integers to width).
 */
export function jsCaster(from: DType, to: DType): (v: Raw) => Raw {
  if (to.kind === 'b') return (v) => (v != 0 ? 1 : 0);
  if (from.kind === 'b') return to.isBigInt ? (v) => (v ? 1n : 0n) : (v) => (v ? 1 : 0);
  if (from.kind === 'f') {
    if (to.kind === 'f') return (v) => v;
    if (to.name === 'int64') return (v) => fToI64(v as number);
    if (to.name === 'uint64') return (v) => fToU64(v as number);
    if (to.name === 'uint32') return (v) => fToU32(v as number);
    return (v) => fToI32(v as number);
  }
  if (from.isBigInt) {
    if (to.isBigInt) return (v) => v;
    if (to.kind === 'f') return to.itemsize === 4 ? (v) => Math.fround(Number(v)) : (v) => Number(v);
    return (v) => Number(BigInt.asIntN(32, v as bigint));
  }
  if (to.isBigInt) return (v) => BigInt(v);
  return (v) => v;
}
