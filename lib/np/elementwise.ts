/**
 * The engine under np's element-wise functions: type resolution, `out`
 * checks, broadcasting, and the loops. Contiguous operands of one shape
 * take a flat loop over the typed arrays; anything else is walked through
 * its strides.
 *
 * Values are computed in the result dtype, as numpy does: integers wrap
 * around, int32/uint32 products use 32-bit multiplication, int64/uint64 work
 * in bigint, float32 results are rounded to float32.
 */
import { DTypeError, ShapeError } from '../errors.js';
import { type AnyTypedArray, type DType } from './dtype.js';
import { broadcastShapes, broadcastStrides, forEachIndex } from './broadcast.js';
import { type NdArray, type Scalar, dtypeOfArray, flatView, isContiguous, isNdArray, sizeOf, wrap } from './ndarray.js';
import { checkCast, promoteScalar, promoteTypes } from './promote.js';
import { nativeBinary } from './dispatch.js';

/** An operand: an array, or a number/bigint broadcast to every element. */
export type Operand = NdArray | Scalar;

/** How one binary function computes, per result dtype. */
export interface BinaryKernel {
  name: string;
  /** Result dtype from the promoted operand dtype (divide: float). */
  result(promoted: DType): DType;
  /** The function on numbers, for a result dtype that is not 64-bit integer. */
  num(result: DType): (x: number, y: number) => number;
  /** The function on bigints, for int64/uint64 results. */
  big(x: bigint, y: bigint): bigint;
  /** Integer dtypes only (the bitwise functions). */
  integerOnly?: boolean;
}

/** Rounds or wraps a number to what a dtype can hold. */
function narrower(t: DType): (v: number) => number {
  const cell = new t.ArrayType(1) as Float64Array;
  return (v) => {
    cell[0] = v;
    return cell[0];
  };
}

function operandType(x: Operand): DType | undefined {
  return isNdArray(x) ? dtypeOfArray(x) : undefined;
}

/** The dtype numpy gives to `a op b`. */
function promoted(kernel: BinaryKernel, a: Operand, b: Operand): DType {
  const ta = operandType(a);
  const tb = operandType(b);
  let t: DType;
  if (ta && tb) t = promoteTypes(ta, tb);
  else if (ta) t = promoteScalar(ta, b as Scalar);
  else if (tb) t = promoteScalar(tb, a as Scalar);
  else throw new DTypeError(`${kernel.name} needs at least one array operand`);
  if (kernel.integerOnly && t.kind === 'f') {
    throw new DTypeError(`${kernel.name} is only defined for integer dtypes, not ${t.name}`);
  }
  return t;
}

function checkOut(kernel: BinaryKernel, out: NdArray, shape: readonly number[], rt: DType): void {
  if (out.shape.length !== shape.length || out.shape.some((n, i) => n !== shape[i])) {
    throw new ShapeError(
      `${kernel.name}: out has shape (${out.shape.join(',')}), the result has shape (${shape.join(',')})`,
    );
  }
  checkCast(kernel.name, rt, dtypeOfArray(out));
}

/** Reads of an operand as a function of its data index. */
function reader(x: Operand, asBig: boolean): (i: number) => number | bigint {
  if (!isNdArray(x)) {
    const v = asBig ? BigInt(x) : Number(x);
    return () => v;
  }
  const data = x.data as AnyTypedArray;
  const big = typeof data[0] === 'bigint' || data instanceof BigInt64Array || data instanceof BigUint64Array;
  if (asBig && !big) return (i) => BigInt(data[i] as number);
  if (!asBig && big) return (i) => Number(data[i]);
  return (i) => data[i];
}

/** Apply a binary kernel as numpy's ufunc call `f(a, b, out=out)`. */
export function applyBinary(kernel: BinaryKernel, a: Operand, b: Operand, out?: NdArray): NdArray {
  const pt = promoted(kernel, a, b);
  const rt = kernel.result(pt);
  const sa = isNdArray(a) ? a.shape : [];
  const sb = isNdArray(b) ? b.shape : [];
  const shape = broadcastShapes(sa, sb);
  if (out) checkOut(kernel, out, shape, rt);
  const target = out ?? (wrap(new rt.ArrayType(sizeOf(shape)) as AnyTypedArray, shape) as NdArray);
  if (nativeBinary(kernel.name, pt, rt, a, b, target)) return target;
  const ot = dtypeOfArray(target);
  const asBig = rt.isBigInt;
  const f = asBig ? kernel.big : kernel.num(rt);
  // the result is wrapped to rt before it is stored in another dtype
  const store = asBig || ot === rt ? undefined : narrower(rt);

  const flat = [a, b, target].every((x) => !isNdArray(x) || (isContiguous(x) && sizeOf(x.shape) === sizeOf(shape) && x.shape.length === shape.length));
  const bigOperand = [a, b].some((x) => isNdArray(x) && dtypeOfArray(x).isBigInt);
  if (flat && !store && !asBig && !ot.isBigInt && !bigOperand) {
    flatLoop(f as (x: number, y: number) => number, a, b, target);
    return target;
  }
  const ra = reader(a, asBig);
  const rb = reader(b, asBig);
  const od = target.data as AnyTypedArray as unknown as (number | bigint)[];
  const strides = [a, b, target].map((x) => (isNdArray(x) ? broadcastStrides(x, shape) : shape.map(() => 0)));
  const offsets = [a, b, target].map((x) => (isNdArray(x) ? x.offset : 0));
  const wrap64 = rt.name === 'uint64' ? (v: bigint) => BigInt.asUintN(64, v) : (v: bigint) => BigInt.asIntN(64, v);
  const toOut = ot.isBigInt
    ? (v: number | bigint) => (typeof v === 'bigint' ? v : BigInt(v))
    : (v: number | bigint) => {
        const n = typeof v === 'bigint' ? Number(wrap64(v)) : v;
        return store ? store(n) : n;
      };
  forEachIndex(shape, strides, offsets, ([ia, ib, io]) => {
    const r = (f as (x: number | bigint, y: number | bigint) => number | bigint)(ra(ia), rb(ib));
    od[io] = toOut(r);
  });
  return target;
}

/** The common case: contiguous numbers of one shape, no casting. */
function flatLoop(f: (x: number, y: number) => number, a: Operand, b: Operand, target: NdArray): void {
  const o = flatView(target) as Float64Array;
  const n = o.length;
  if (isNdArray(a) && isNdArray(b)) {
    const x = flatView(a) as Float64Array;
    const y = flatView(b) as Float64Array;
    for (let i = 0; i < n; i++) o[i] = f(x[i], y[i]);
  } else if (isNdArray(a)) {
    const x = flatView(a) as Float64Array;
    const s = Number(b);
    for (let i = 0; i < n; i++) o[i] = f(x[i], s);
  } else {
    const y = flatView(b as NdArray) as Float64Array;
    const s = Number(a);
    for (let i = 0; i < n; i++) o[i] = f(s, y[i]);
  }
}
