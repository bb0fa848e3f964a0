/**
 * Linear algebra products: matmul, dot, vdot, inner, outer, tensordot, with
 * numpy's shapes, broadcasting, promotion and errors.
 *
 * Products run in the addon (native/csrc/engine/matmul.c) from 64
 * multiply-adds on, in JavaScript below that or without the addon; both
 * sum each output element in float64, k in order (float32 results are
 * rounded once at the end), so they give identical results. numpy hands floats to its BLAS
 * (OpenBLAS), which sums in its own order (blocking, SIMD lanes, FMA, and
 * in float32 for float32), so float results agree with numpy to within a
 * few units in the last place for same-signed terms (the oracle allows 8
 * for K = 50), and up to K·eps·Σ|a·b| under cancellation — not bit for bit;
 * exactly representable sums (e.g. small integers as floats) are identical.
 * stdlib-js's BLAS (`@stdlib/blas-base-dgemm`, `sgemm`, `dgemv`, `ddot`;
 * plain JavaScript without its optional native build) was measured 1.0-2x
 * slower than even the JavaScript loop here in V8 for 256³, (2073600×3)·(3×3),
 * 64³, 1M-element dots and 1000² gemv, so it is not used.
 * Integer products are exact with numpy's wraparound in the result dtype
 * (32-bit and narrower through `Math.imul`, 64-bit through bigint).
 */
import { DTypeError, ShapeError } from '../errors.js';
import { type AnyTypedArray, type DType, type DTypeName, float32 } from './dtype.js';
import { IndexError, ValueError } from './errors.js';
import {
  type NdArray, type NestedList, type Scalar, asArray, describeArg, dtypeOfArray, isContiguous, isNdArray, sizeOf, wrap,
} from './ndarray.js';
import { canCastSameKind, promoteTypes } from './promote.js';
import { contiguousCopy } from './sort.js';
import { astype } from './cast.js';
import { copyto } from './fill.js';
import { type OptionKeys, plainOptions, extraArgument } from './axisarg.js';
import { nativeKernels } from '../native-kernels.js';
import { ENGINE_CODES } from './sortnative.js';
import { multiply } from './ops.js';
import { ravel, reshape } from './shape.js';
import { allocate as allocateCells } from './alloc.js';

type Cell = number | bigint;
type Cells = AnyTypedArray & { [i: number]: Cell };

/** The addon's matrix product (native/src/linalg.cc over csrc/engine/matmul.c). */
interface MatmulBinding {
  matmul?(
    dtype: number, M: number, N: number, K: number,
    A: AnyTypedArray, oa: number, sa1: number, sa2: number,
    B: AnyTypedArray, ob: number, sb1: number, sb2: number,
    C: AnyTypedArray, oc: number, sc1: number, sc2: number,
  ): void;
  /** A stack of products of one shape: product i's element offsets (A's, B's, C's) in `offsets[3i..3i+2]`. */
  matmulBatch?(
    dtype: number, M: number, N: number, K: number,
    A: AnyTypedArray, sa1: number, sa2: number,
    B: AnyTypedArray, sb1: number, sb2: number,
    C: AnyTypedArray, sc1: number, sc2: number,
    offsets: Float64Array,
  ): void;
}


/** Below this many multiply-adds a JavaScript loop beats the call. */
const NATIVE_MATMUL_MIN = 64;

/** An operand of the products: an array, or a plain number/bigint (a 0-d array). */
export type LinalgOperand = NdArray | Scalar | NestedList;

/** The `out` option of the products. */
export interface OutOptions<O extends NdArray = NdArray> {
  /** Where to write the result (numpy's `out`). */
  out?: O | null;
}

/** The keys of {@link OutOptions}: any other key is refused. */
export const OUT_OPTION_KEYS: OptionKeys<OutOptions> = { out: true };

/**
 * The output array of `fname` from its third argument: numpy's positional
 * `out` (an array) or `{ out }`; anything else is a TypeError.
 */
function outOf(fname: string, opts: OutOptions | NdArray | undefined): NdArray | null | undefined {
  return isNdArray(opts) ? opts : plainOptions(fname, opts, OUT_OPTION_KEYS, '{ out: result } (or the out array itself)', 'third').out;
}

const shapeStr = (s: readonly number[]): string => `(${s.join(',')}${s.length === 1 ? ',' : ''})`;

/**
 * A plain number/bigint as numpy's `asarray` makes it: a 0-d array of the
 * default integer (intp) or float64 — strong, not weak: numpy's dot, inner
 * and outer convert their operands to arrays before promoting.
 */
/** numpy's result dtype of two arrays. */
function resultType(a: NdArray, b: NdArray): DType {
  return promoteTypes(dtypeOfArray(a), dtypeOfArray(b));
}

/** A C-contiguous copy of `a` in dtype `t`, starting at element 0 of its data. */
function operand(a: NdArray, t: DType): NdArray {
  if (dtypeOfArray(a) !== t) return astype(a, t);
  return contiguousCopy(a);
}

/**
 * `a` itself when it already is C-contiguous in dtype `t` (products read it
 * from `a.offset` on), else a contiguous copy in `t`.
 */
function matrixOperand(a: NdArray, t: DType): NdArray {
  if (dtypeOfArray(a) === t && isContiguous(a)) return a;
  return operand(a, t);
}

/** x * y in dtype t (wrapping for integers; the typed-array store wraps narrower ones). */
function multiplier(t: DType): (x: Cell, y: Cell) => Cell {
  if (t.kind === 'b') return (x, y) => (x && y ? 1 : 0);
  if (t.isBigInt) return (x, y) => (x as bigint) * (y as bigint);
  if (t.kind === 'f') return t === float32 ? (x, y) => Math.fround((x as number) * (y as number)) : (x, y) => (x as number) * (y as number);
  return (x, y) => Math.imul(x as number, y as number);
}

/**
 * C[M,N] = A[M,K] @ B[K,N] in dtype t over flat arrays with element strides
 * (row stride, column stride) and offsets; C is overwritten.
 */
function gemm(
  t: DType, M: number, N: number, K: number,
  A: Cells, sa1: number, sa2: number, oa: number,
  B: Cells, sb1: number, sb2: number, ob: number,
  C: Cells, sc1: number, sc2: number, oc: number,
): void {
  if (M === 0 || N === 0) return;
  const native = M * N * K >= NATIVE_MATMUL_MIN ? (nativeKernels() as MatmulBinding | undefined) : undefined;
  if (native?.matmul) {
    native.matmul(ENGINE_CODES[t.name], M, N, K, A, oa, sa1, sa2, B, ob, sb1, sb2, C, oc, sc1, sc2);
    return;
  }
  if (K === 0) {
    for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) C[oc + i * sc1 + j * sc2] = t.isBigInt ? 0n : 0;
    return;
  }
  if (t.kind === 'f') {
    // sums in float64 (one rounding at the end for float32); measured 1.0-2x
    // faster in V8 than stdlib-js's dgemm/sgemm/dgemv/ddot (plain JavaScript
    // as well), so those do not pay here
    const a = A as Float64Array;
    const b = B as Float64Array;
    for (let i = 0; i < M; i++) {
      const ra = oa + i * sa1;
      for (let j = 0; j < N; j++) {
        let s = 0;
        let pa = ra;
        let pb = ob + j * sb2;
        for (let k = 0; k < K; k++, pa += sa2, pb += sb1) s += a[pa] * b[pb];
        C[oc + i * sc1 + j * sc2] = s;
      }
    }
    return;
  }
  if (t.kind === 'b') {
    // numpy's bool product: any(a[i, k] and b[k, j])
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < N; j++) {
        let s = 0;
        for (let k = 0; k < K && !s; k++) if (A[oa + i * sa1 + k * sa2] && B[ob + k * sb1 + j * sb2]) s = 1;
        C[oc + i * sc1 + j * sc2] = s;
      }
    }
    return;
  }
  if (t.isBigInt) {
    const a = A as BigInt64Array;
    const b = B as BigInt64Array;
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < N; j++) {
        let s = 0n;
        for (let k = 0; k < K; k++) s += a[oa + i * sa1 + k * sa2] * b[ob + k * sb1 + j * sb2];
        // the typed array keeps the low 64 bits: numpy's wraparound
        C[oc + i * sc1 + j * sc2] = t.kind === 'u' ? BigInt.asUintN(64, s) : BigInt.asIntN(64, s);
      }
    }
    return;
  }
  const a = A as Int32Array;
  const b = B as Int32Array;
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let s = 0;
      // exact modulo 2**32, so exact modulo the dtype's width
      for (let k = 0; k < K; k++) s = (s + Math.imul(a[oa + i * sa1 + k * sa2], b[ob + k * sb1 + j * sb2])) | 0;
      C[oc + i * sc1 + j * sc2] = s;
    }
  }
}

/** A new C-ordered result array (uninitialised: every product writes all of it). */
function allocate(t: DType, shape: readonly number[]): NdArray {
  return wrap(allocateCells(t, sizeOf(shape)) as AnyTypedArray, shape) as NdArray;
}

/** numpy's scalar result for a 0-d product (number or bigint). */
function scalarOf(a: NdArray): Scalar {
  return (a.data as unknown as Cells)[a.offset] as Scalar;
}

/** Write `result` into `out` (casting as numpy's same_kind allows) and return `out`. */
function deliver(fn: string, result: NdArray, out: NdArray | null | undefined, exact = false): NdArray {
  if (!out) return result;
  const tr = dtypeOfArray(result);
  const to = dtypeOfArray(out);
  if (exact) {
    if (to !== tr || out.shape.length !== result.shape.length || out.shape.some((n, i) => n !== result.shape[i]) || !isContiguous(out)) {
      throw new ValueError('output array is not acceptable (must have the right datatype, number of dimensions, and be a C-Array)');
    }
  } else if (!canCastSameKind(tr, to)) {
    throw new DTypeError(`Cannot cast ufunc '${fn}' output from dtype('${tr.name}') to dtype('${to.name}') with casting rule 'same_kind'`);
  }
  copyto(out, result);
  return out;
}

const SIG = '(n?,k),(k,m?)->(n?,m?)';

/**
 * The matrix product of two arrays, as numpy.matmul: the last two axes are
 * matrices and the axes before them broadcast as stacks; a 1-d first operand
 * is a row (its axis removed from the result), a 1-d second operand a column.
 * Two 1-d operands give a scalar. Mixed dtypes promote first. `out` receives
 * the result (same_kind casting).
 *
 * @example
 * ```ts
 * const a = np.array([[1, 2], [3, 4]], 'int32');
 * np.matmul(a, a) // => array([[ 7, 10],
 * //        [15, 22]], dtype=int32)
 * ```
 */
export function matmul<N extends DTypeName>(a: NdArray<N>, b: NdArray<N>, opts?: OutOptions): NdArray<N>;
export function matmul(a: NdArray, b: NdArray, opts?: OutOptions | NdArray): NdArray | Scalar;
export function matmul(a0: NdArray, b0: NdArray, opts?: OutOptions | NdArray): NdArray | Scalar {
  if (arguments.length > 3) extraArgument('np.matmul', 3, arguments[3]);
  const a = asArray(a0, 'np.matmul');
  const b = asArray(b0, 'np.matmul', 'the second argument');
  const out = outOf('np.matmul', opts);
  const nda = a.shape.length;
  const ndb = b.shape.length;
  if (nda === 0 || ndb === 0) {
    throw new ValueError(`np.matmul: Input operand ${nda === 0 ? 0 : 1} does not have enough dimensions (has 0, gufunc core with signature ${SIG} requires 1)`);
  }
  const t = resultType(a, b);
  const as = nda === 1 ? [1, a.shape[0]] : a.shape;
  const bs = ndb === 1 ? [b.shape[0], 1] : b.shape;
  const n = as[as.length - 2];
  const k = as[as.length - 1];
  const k2 = bs[bs.length - 2];
  const m = bs[bs.length - 1];
  if (k !== k2) {
    throw new ValueError(`np.matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${SIG} (size ${k2} is different from ${k})`);
  }
  const ba = as.slice(0, -2);
  const bb = bs.slice(0, -2);
  const nb = Math.max(ba.length, bb.length);
  const batch: number[] = [];
  for (let i = 0; i < nb; i++) {
    const x = ba[ba.length - nb + i] ?? 1;
    const y = bb[bb.length - nb + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) {
      throw new ShapeError(
        `operands could not be broadcast together with remapped shapes [original->remapped]: ` +
        `${shapeStr(a.shape)}->(${[...ba, 'newaxis', 'newaxis'].join(',')}) ${shapeStr(b.shape)}->(${[...bb, 'newaxis', 'newaxis'].join(',')})  ` +
        `and requested shape (${n},${m})`,
      );
    }
    batch.push(x === 1 ? y : x);
  }
  const core = [...(nda === 1 ? [] : [n]), ...(ndb === 1 ? [] : [m])];
  const shape = [...batch, ...core];
  if (out) {
    const os = out.shape;
    const oc = os.slice(os.length - core.length);
    for (let i = 0; i < core.length; i++) {
      if (oc[i] !== core[i] || os.length < core.length) {
        throw new ValueError(`np.matmul: Output operand 0 has a mismatch in its core dimension ${i}, with gufunc signature ${SIG} (size ${oc[i]} is different from ${core[i]})`);
      }
    }
    if (os.length !== shape.length || os.some((s, i) => s !== shape[i])) {
      throw new ShapeError(`non-broadcastable output operand with shape ${shapeStr(os)} doesn't match the broadcast shape ${shapeStr(shape)}`);
    }
  }
  const A = matrixOperand(a, t);
  const B = matrixOperand(b, t);
  const C = allocate(t, shape);
  const total = sizeOf(batch);
  const pos = new Array<number>(nb).fill(0);
  // element strides of the stacks in the contiguous copies
  const strideOf = (s: readonly number[], core2: number): number[] => {
    const st: number[] = [];
    let acc = core2;
    for (let i = s.length - 1; i >= 0; i--) {
      st[i] = s[i] === 1 ? 0 : acc;
      acc *= s[i];
    }
    return st;
  };
  if (bb.length === 0 && total > 1) {
    // b is one matrix (or vector) for every stack of a: the stacks of the
    // contiguous A are one tall matrix, and C's rows follow them
    gemm(t, total * n, m, k, A.data as Cells, k, 1, A.offset, B.data as Cells, m, 1, B.offset, C.data as Cells, m, 1, 0);
    if (out) return deliver('matmul', C, out);
    return C;
  }
  const sa = strideOf(ba, n * k);
  const sb = strideOf(bb, k * m);
  // the element offsets of each product's A, B and C
  const offsets = new Float64Array(total * 3);
  for (let done = 0; done < total; done++) {
    let oa = 0;
    let ob = 0;
    for (let i = 0; i < nb; i++) {
      const ia = i - (nb - ba.length);
      const ib = i - (nb - bb.length);
      if (ia >= 0) oa += pos[i] * (sa[ia] ?? 0);
      if (ib >= 0) ob += pos[i] * (sb[ib] ?? 0);
    }
    offsets[3 * done] = A.offset + oa;
    offsets[3 * done + 1] = B.offset + ob;
    offsets[3 * done + 2] = done * n * m;
    for (let d = nb - 1; d >= 0; d--) {
      if (++pos[d] < batch[d]) break;
      pos[d] = 0;
    }
  }
  const native = total > 1 && n * m * k * total >= NATIVE_MATMUL_MIN ? (nativeKernels() as MatmulBinding | undefined) : undefined;
  if (native?.matmulBatch && n > 0 && m > 0) {
    // one call for the stack: a call per product cost more than an 8 x 8 product
    native.matmulBatch(ENGINE_CODES[t.name], n, m, k, A.data, k, 1, B.data, m, 1, C.data, m, 1, offsets);
  } else {
    for (let done = 0; done < total; done++) {
      gemm(t, n, m, k,
        A.data as Cells, k, 1, offsets[3 * done],
        B.data as Cells, m, 1, offsets[3 * done + 1],
        C.data as Cells, m, 1, offsets[3 * done + 2]);
    }
  }
  if (out) return deliver('matmul', C, out);
  return shape.length === 0 ? scalarOf(C) : C;
}

/** Element-wise product of a 0-d operand with any array (numpy's dot/inner with a scalar). */
function scale(a: NdArray, b: NdArray, t: DType): NdArray {
  const A = operand(a, t);
  const B = operand(b, t);
  const [s, arr] = A.shape.length === 0 ? [A, B] : [B, A];
  const x = (s.data as Cells)[0];
  const mul = multiplier(t);
  const out = allocate(t, arr.shape);
  const src = arr.data as Cells;
  const dst = out.data as Cells;
  for (let i = 0; i < arr.size; i++) dst[i] = A === s ? mul(x, src[i]) : mul(src[i], x);
  return out;
}

/**
 * The dot product, as numpy.dot: 2-d × 2-d is matmul; N-d × 1-d sums over
 * the last axis of `a`; N-d × M-d sums over the last axis of `a` and the
 * second-to-last of `b`; with a 0-d operand, the element-wise product.
 * 1-d × 1-d gives a scalar. `out` must have the result's dtype and shape and
 * be C-contiguous, as numpy requires.
 *
 * @example
 * ```ts
 * np.dot(np.array([1, 2, 3], 'float64'), np.array([4, 5, 6], 'float64')) // => 32
 * ```
 */
export function dot(a: LinalgOperand, b: LinalgOperand, opts?: OutOptions | NdArray): NdArray | Scalar {
  if (arguments.length > 3) extraArgument('np.dot', 3, arguments[3]);
  const out = outOf('np.dot', opts);
  const A0 = asArray(a, 'np.dot');
  const B0 = asArray(b, 'np.dot', 'the second argument');
  const t = resultType(A0, B0);
  if (A0.shape.length === 0 || B0.shape.length === 0) {
    const r = scale(A0, B0, t);
    if (out) return deliver('dot', r, out, true);
    return r.shape.length === 0 ? scalarOf(r) : r;
  }
  const as = A0.shape;
  const bs = B0.shape;
  const kb = bs.length === 1 ? 0 : bs.length - 2;
  const k = as[as.length - 1];
  if (k !== bs[kb]) {
    throw new ValueError(`shapes ${shapeStr(as)} and ${shapeStr(bs)} not aligned: ${k} (dim ${as.length - 1}) != ${bs[kb]} (dim ${kb})`);
  }
  const A = matrixOperand(A0, t);
  const B = matrixOperand(B0, t);
  const pa = sizeOf(as.slice(0, -1));
  const m = bs.length === 1 ? 1 : bs[bs.length - 1];
  const nbatch = bs.length <= 2 ? 1 : sizeOf(bs.slice(0, -2));
  const shape = [...as.slice(0, -1), ...bs.slice(0, kb), ...(bs.length === 1 ? [] : [m])];
  const C = allocate(t, shape);
  // C viewed as (pa, nbatch, m)
  for (let q = 0; q < nbatch; q++) {
    gemm(t, pa, m, k,
      A.data as Cells, k, 1, A.offset,
      B.data as Cells, m, 1, B.offset + q * k * m,
      C.data as Cells, nbatch * m, 1, q * m);
  }
  if (out) return deliver('dot', C, out, true);
  return shape.length === 0 ? scalarOf(C) : C;
}

/**
 * The dot product of two arrays flattened to vectors, as numpy.vdot (a
 * scalar; no complex conjugation: np has no complex dtypes).
 *
 * @example
 * ```ts
 * np.vdot(np.array([[1, 2], [3, 4]], 'int16'), np.array([[1, 1], [1, 1]], 'int16')) // => 10
 * ```
 */
export function vdot(a0: NdArray, b0: NdArray): Scalar {
  if (arguments.length > 2) extraArgument('np.vdot', 2, arguments[2]);
  const a = asArray(a0, 'np.vdot');
  const b = asArray(b0, 'np.vdot', 'the second argument');
  if (a.size !== b.size) {
    throw new ValueError(`cannot reshape array of size ${b.size} into shape (${a.size},)`);
  }
  const t = resultType(a, b);
  const A = matrixOperand(a, t);
  const B = matrixOperand(b, t);
  const C = allocate(t, []);
  gemm(t, 1, 1, a.size, A.data as Cells, a.size, 1, A.offset, B.data as Cells, 1, 1, B.offset, C.data as Cells, 1, 1, 0);
  return scalarOf(C);
}

/**
 * The inner product over the last axes, as numpy.inner: the result has
 * shape `a.shape[:-1] + b.shape[:-1]`; with a 0-d operand, the element-wise
 * product.
 *
 * @example
 * ```ts
 * const a = np.array([[1, 2], [3, 4]], 'float32');
 * np.inner(a, a) // => array([[ 5., 11.],
 * //        [11., 25.]], dtype=float32)
 * ```
 */
export function inner(a: LinalgOperand, b: LinalgOperand): NdArray | Scalar {
  if (arguments.length > 2) extraArgument('np.inner', 2, arguments[2]);
  const A0 = asArray(a, 'np.inner');
  const B0 = asArray(b, 'np.inner', 'the second argument');
  const t = resultType(A0, B0);
  if (A0.shape.length === 0 || B0.shape.length === 0) {
    const r = scale(A0, B0, t);
    return r.shape.length === 0 ? scalarOf(r) : r;
  }
  const as = A0.shape;
  const bs = B0.shape;
  const k = as[as.length - 1];
  if (k !== bs[bs.length - 1]) {
    // numpy reports b with its last axis moved first
    const bt = [bs[bs.length - 1], ...bs.slice(0, -1)];
    throw new ValueError(`shapes ${shapeStr(as)} and ${shapeStr(bt)} not aligned: ${k} (dim ${as.length - 1}) != ${bs[bs.length - 1]} (dim 0)`);
  }
  const A = matrixOperand(A0, t);
  const B = matrixOperand(B0, t);
  const pa = sizeOf(as.slice(0, -1));
  const pb = sizeOf(bs.slice(0, -1));
  const shape = [...as.slice(0, -1), ...bs.slice(0, -1)];
  const C = allocate(t, shape);
  // B^T: element (k, j) of the (K, pb) matrix is B[j, k]
  gemm(t, pa, pb, k, A.data as Cells, k, 1, A.offset, B.data as Cells, 1, k, B.offset, C.data as Cells, pb, 1, 0);
  return shape.length === 0 ? scalarOf(C) : C;
}

/**
 * The outer product of two arrays flattened to vectors, as numpy.outer:
 * `out[i, j] = a[i] * b[j]`, shape (a.size, b.size). numpy's positional
 * `out` may be given as the third argument, or `{ out }`.
 *
 * @example
 * ```ts
 * np.outer(np.array([1, 2], 'uint8'), np.array([1, 10, 100], 'uint8')) // => array([[  1,  10, 100],
 * //        [  2,  20, 200]], dtype=uint8)
 * ```
 */
export function outer(a: LinalgOperand, b: LinalgOperand, opts?: OutOptions | NdArray): NdArray {
  if (arguments.length > 3) extraArgument('np.outer', 3, arguments[3]);
  const out = outOf('np.outer', opts);
  // numpy's own definition: multiply(a.ravel()[:, newaxis], b.ravel()[newaxis, :], out)
  const x = ravel(asArray(a, 'np.outer'));
  const y = ravel(asArray(b, 'np.outer', 'the second argument'));
  const col = reshape(x, [x.size, 1]);
  const row = reshape(y, [1, y.size]);
  return (out ? multiply(col, row, { out }) : multiply(col, row)) as NdArray;
}

/** The axes argument of {@link tensordot}: a count, or the two lists of axes to sum over. */
export type TensordotAxes = number | readonly [number | readonly number[], number | readonly number[]];

/**
 * The sum of products over the given axes, as numpy.tensordot: `axes: N`
 * sums the last N axes of `a` with the first N of `b` (default 2);
 * `axes: [axesA, axesB]` pairs the listed axes. The result has the free
 * axes of `a`, then those of `b`.
 *
 * @example
 * ```ts
 * const a = np.array([[1, 2], [3, 4]], 'int32');
 * np.tensordot(a, a, 1) // => array([[ 7, 10],
 * //        [15, 22]], dtype=int32)
 * np.tensordot(a, a) // => array(30, dtype=int32)
 * ```
 */
export function tensordot(a0: NdArray, b0: NdArray, axes: TensordotAxes = 2): NdArray {
  if (arguments.length > 3) extraArgument('np.tensordot', 3, arguments[3]);
  const a = asArray(a0, 'np.tensordot');
  const b = asArray(b0, 'np.tensordot', 'the second argument');
  let axA: number[];
  let axB: number[];
  if (typeof axes === 'number') {
    if (!Number.isInteger(axes)) throw new DTypeError(`np.tensordot: axes must be an integer or a pair of lists, got ${axes}`);
    axA = [];
    axB = [];
    for (let i = -axes; i < 0; i++) axA.push(i);
    for (let i = 0; i < axes; i++) axB.push(i);
  } else {
    const axisList = (x: unknown): boolean => typeof x === 'number' || (Array.isArray(x) && x.every((v) => typeof v === 'number'));
    if (!Array.isArray(axes) || axes.length !== 2 || !axes.every(axisList)) {
      throw new TypeError(`np.tensordot: the third argument is the axes, a number or a pair such as [[1], [0]]; got ${describeArg(axes)}`);
    }
    axA = typeof axes[0] === 'number' ? [axes[0]] : [...axes[0]];
    axB = typeof axes[1] === 'number' ? [axes[1]] : [...axes[1]];
  }
  const as = a.shape;
  const bs = b.shape;
  const nda = as.length;
  const ndb = bs.length;
  const dim = (s: readonly number[], i: number): number => {
    const j = i < 0 ? i + s.length : i;
    if (!Number.isInteger(j) || j < 0 || j >= s.length) throw new IndexError('tuple index out of range');
    return s[j];
  };
  let equal = axA.length === axB.length;
  if (equal) {
    for (let i = 0; i < axA.length; i++) {
      if (dim(as, axA[i]) !== dim(bs, axB[i])) {
        equal = false;
        break;
      }
      if (axA[i] < 0) axA[i] += nda;
      if (axB[i] < 0) axB[i] += ndb;
    }
  }
  if (!equal) throw new ValueError('shape-mismatch for sum');
  const freeA = as.map((_, i) => i).filter((i) => !axA.includes(i));
  const freeB = bs.map((_, i) => i).filter((i) => !axB.includes(i));
  const K = sizeOf(axA.map((i) => as[i]));
  const t = resultType(a, b);
  const At = matrixOperand(a.transpose(...freeA, ...axA), t);
  const Bt = matrixOperand(b.transpose(...axB, ...freeB), t);
  const M = sizeOf(freeA.map((i) => as[i]));
  const N = sizeOf(freeB.map((i) => bs[i]));
  const shape = [...freeA.map((i) => as[i]), ...freeB.map((i) => bs[i])];
  const C = allocate(t, shape);
  gemm(t, M, N, K, At.data as Cells, K, 1, At.offset, Bt.data as Cells, N, 1, Bt.offset, C.data as Cells, N, 1, 0);
  return C;
}
