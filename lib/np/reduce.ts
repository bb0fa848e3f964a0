/**
 * Reductions with numpy's semantics: sum, prod, min/amin, max/amax, ptp,
 * argmin, argmax, any, all, count_nonzero, cumsum, cumprod (and, until the
 * lead moves it to testing.ts, array_equal).
 *
 * Every reduction walks the input as numpy's iterator does: axes ordered by
 * |stride| (smallest innermost, negative strides kept, not flipped), runs
 * that continue each other coalesced, and the inner loop either reduces a
 * run into one output element (floats: numpy's pairwise summation, so sums
 * are bit-equal) or combines a run element-wise into a run of outputs.
 * Where numpy buffers (several reduced axes that do not coalesce, or a cast
 * to the accumulating dtype) the run is cut into buffer-sized chunks as
 * numpy's 8192-element buffer cuts it. The native engine
 * (native/csrc/engine/reduce.c) runs the same plan; without the addon a
 * JavaScript loop does.
 */
import { DTypeError } from '../errors.js';
import { nativeKernels } from '../native-kernels.js';
import { allocate } from './alloc.js';
import { type OptionKeys, axisOptions, extraArgument } from './axisarg.js';
import {
  type AnyTypedArray, type DType, type DTypeLike, type DTypeName, bool, dtypeArg, dtypeOf, intp, uintp,
} from './dtype.js';
import { ValueError, axisIndex } from './errors.js';
import { copyto } from './fill.js';
import { type Element, type NdArray, type NestedList, arrayLikeArg, wrap } from './ndarray.js';
import { castAllowed } from './promote.js';

/** A numpy scalar result: number, bigint (64-bit integers) or boolean. */
export type ScalarResult = number | bigint | boolean;

/** numpy's `axis` argument: one axis, several, or null for all. */
export type AxisLike = number | readonly number[] | null;

/** Keyword arguments of the reductions that keep numpy's `dtype`. */
export interface ReduceOptions {
  /** Axis or axes to reduce (negative counts from the end); null or absent: all. */
  axis?: AxisLike;
  /** Keep reduced axes as length-1 dimensions (default false). */
  keepdims?: boolean;
  /** An array to write the result into (its shape must be the result's). */
  out?: NdArray;
  /** The dtype to accumulate in and return. */
  dtype?: DTypeLike;
}

/** The keys of {@link ReduceOptions}, in numpy's order: any other key is refused. */
export const REDUCE_OPTION_KEYS: OptionKeys<ReduceOptions> = { axis: true, dtype: true, out: true, keepdims: true };

/** Keyword arguments of min/max/ptp/any/all (numpy has no `dtype` there). */
export type ExtremeOptions = Omit<ReduceOptions, 'dtype'>;

/** The keys of {@link ExtremeOptions}. */
export const EXTREME_OPTION_KEYS: OptionKeys<ExtremeOptions> = { axis: true, out: true, keepdims: true };

/** Options that reduce over every axis into a scalar (no axis, no keepdims, no out). */
export interface AllAxes {
  axis?: null;
  keepdims?: false;
  out?: undefined;
  dtype?: DTypeLike;
}

/** The numpy scalar of dtype `N` as JS gives it: boolean, bigint or number. */
export type ScalarOf<N extends DTypeName> = N extends 'bool' ? boolean : Element<N>;

/** Keyword arguments of argmin/argmax: one axis or none. */
export interface ArgOptions {
  axis?: number | null;
  keepdims?: boolean;
  out?: NdArray;
}

/** The keys of {@link ArgOptions}. */
export const ARG_OPTION_KEYS: OptionKeys<ArgOptions> = { axis: true, out: true, keepdims: true };

/** Keyword arguments of cumsum/cumprod. */
export interface AccumulateOptions {
  axis?: number | null;
  dtype?: DTypeLike;
  out?: NdArray;
}

/** The keys of {@link AccumulateOptions}. */
export const ACCUMULATE_OPTION_KEYS: OptionKeys<AccumulateOptions> = { axis: true, dtype: true, out: true };

/** Keyword arguments of count_nonzero. */
export interface CountOptions {
  axis?: AxisLike;
  keepdims?: boolean;
}

/** The keys of {@link CountOptions}. */
export const COUNT_OPTION_KEYS: OptionKeys<CountOptions> = { axis: true, keepdims: true };

// ---------------------------------------------------------------------------
// the plan: numpy's iteration order
// ---------------------------------------------------------------------------

/** One iteration dimension, innermost first: length, input and output strides (elements). */
export interface Dim {
  n: number;
  is: number;
  os: number;
  red: boolean;
}

/** numpy's buffer size in elements (np.getbufsize()). */
export const BUFSIZE = 8192;

/** Which axes of an `ndim`-d array `axis` selects (numpy's checks and messages). */
export function axisMask(axis: AxisLike | undefined, ndim: number): boolean[] {
  const mask = new Array<boolean>(ndim).fill(axis === null || axis === undefined);
  if (axis === null || axis === undefined) return mask;
  const list = typeof axis === 'number' ? [axis] : axis;
  for (const ax of list) {
    if (typeof ax !== 'number' || !Number.isInteger(ax)) {
      throw new DTypeError(`'${typeof ax === 'number' ? 'float' : typeof ax}' object cannot be interpreted as an integer`);
    }
    const a = axisIndex(ax, ndim);
    if (mask[a]) throw new ValueError("duplicate value in 'axis'");
    mask[a] = true;
  }
  return mask;
}

/**
 * The iteration of an input (strides `is`) into an output (strides `os`,
 * 0 on reduced axes): axes of length 1 dropped, the rest ordered by |input
 * stride| with the smallest innermost (stable: C order breaks ties), and
 * neighbours that continue each other merged.
 */
export function plan(shape: readonly number[], is: readonly number[], os: readonly number[], red: readonly boolean[]): Dim[] {
  const dims: Dim[] = [];
  for (let d = shape.length - 1; d >= 0; d--) {
    if (shape[d] !== 1) dims.push({ n: shape[d], is: is[d], os: os[d], red: red[d] });
  }
  // stable insertion sort by |input stride|
  for (let i = 1; i < dims.length; i++) {
    const x = dims[i];
    let j = i;
    while (j > 0 && Math.abs(dims[j - 1].is) > Math.abs(x.is)) {
      dims[j] = dims[j - 1];
      j--;
    }
    dims[j] = x;
  }
  const out: Dim[] = [];
  for (const d of dims) {
    const p = out[out.length - 1];
    if (p && p.red === d.red && p.is * p.n === d.is && p.os * p.n === d.os) p.n *= d.n;
    else out.push({ ...d });
  }
  return out;
}

/**
 * How numpy's buffered iterator hands a float sum to its inner loop: in
 * `chunk`s of elements gathered from the leading reduced block of `dims`
 * (0: one call per run of dims[0], straight from the input, cut at
 * {@link BUFSIZE} when cast), and when `core` > 0, a chunk also ends where
 * dims[core] wraps around.
 */
export interface Chunking { chunk: number; core: number }

const WHOLE_RUNS: Chunking = { chunk: 0, core: 0 };

/**
 * numpy's buffering of a reduction of `dims` (input strides `is`, output
 * strides `os`, `cast` when the input is converted to the accumulator),
 * as NumPy >= 2.3 chooses it (npyiter_find_buffering_setup): the "outer"
 * dimension is the one that minimises (1 + operands buffered) / elements
 * per fill. An operand needs buffering from the first dimension where its
 * strides stop continuing each other (or always, when cast); a fill holds
 * whole cores (the dimensions inside the outer one), at most BUFSIZE
 * elements when anything is buffered, and never runs past the end of the
 * outer dimension. The search stops at the first kept dimension after a
 * reduced one (there numpy's reduce mode hands the inner loop one core per
 * output).
 */
export function bufferPlan(dims: readonly Dim[], cast: boolean): Chunking {
  let r = 0;
  while (r < dims.length && dims[r].red) r++;
  if (r < 2) return WHOLE_RUNS;
  let cost = cast ? 2 : 1;
  let inSingle = 1;
  let outSingle = 1;
  let size = dims[0].n;
  let best = 0;
  let bestCost = cost;
  let bestSize = size;
  let bestCore = 1;
  for (let i = 1; i < dims.length; i++) {
    if (size >= BUFSIZE && cost > 1) break;
    const p = dims[i - 1];
    const d = dims[i];
    if (inSingle === i) {
      if (p.is * p.n === d.is) inSingle++;
      else if (!cast) cost++;
    }
    const pos = p.red ? 0 : p.os;
    const dos = d.red ? 0 : d.os;
    let outerReduce = false;
    if (outSingle === i && pos * p.n === dos) {
      outSingle++;
    } else {
      if (outSingle === i) cost++;
      outerReduce = pos === 0 || dos === 0;
    }
    const core = size;
    size *= d.n;
    const buf = cost > 1 && size > BUFSIZE ? BUFSIZE : size;
    if (cost * bestSize <= bestCost * buf) {
      bestCost = cost;
      bestCore = core;
      bestSize = size;
      best = i;
    }
    if (outerReduce) break;
  }
  // outer dimension 0: each run goes to the inner loop as it is (cut at
  // BUFSIZE when cast); the reduce mode (outer = the first kept dimension):
  // one whole block per output
  if (best === 0) return WHOLE_RUNS;
  if (best >= r) return { chunk: bestCore, core: 0 };
  const chunk = bestSize > BUFSIZE ? bestCore * Math.floor(BUFSIZE / bestCore) : bestSize;
  return { chunk, core: best < r - 1 ? best : 0 };
}

// ---------------------------------------------------------------------------
// JavaScript inner loops (the fallback, and ops the engine has no loop for)
// ---------------------------------------------------------------------------

type Elems = ArrayLike<number | bigint>;
type Round = (x: number) => number;
const same: Round = (x) => x;

/** numpy's pairwise sum of n elements (stride s) from `d` at `o`, rounded by `r` after each add. */
function pairwise(d: Elems, o: number, n: number, s: number, r: Round): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res = r(res + Number(d[o + i * s]));
    return res;
  }
  if (n <= 128) {
    let r0 = r(Number(d[o])), r1 = r(Number(d[o + s])), r2 = r(Number(d[o + 2 * s])), r3 = r(Number(d[o + 3 * s]));
    let r4 = r(Number(d[o + 4 * s])), r5 = r(Number(d[o + 5 * s])), r6 = r(Number(d[o + 6 * s])), r7 = r(Number(d[o + 7 * s]));
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      const p = o + i * s;
      r0 = r(r0 + Number(d[p]));
      r1 = r(r1 + Number(d[p + s]));
      r2 = r(r2 + Number(d[p + 2 * s]));
      r3 = r(r3 + Number(d[p + 3 * s]));
      r4 = r(r4 + Number(d[p + 4 * s]));
      r5 = r(r5 + Number(d[p + 5 * s]));
      r6 = r(r6 + Number(d[p + 6 * s]));
      r7 = r(r7 + Number(d[p + 7 * s]));
    }
    let res = r(r(r(r0 + r1) + r(r2 + r3)) + r(r(r4 + r5) + r(r6 + r7)));
    for (; i < n; i++) res = r(res + Number(d[o + i * s]));
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return r(pairwise(d, o, n2, s, r) + pairwise(d, o + n2 * s, n - n2, s, r));
}

/** A reduction's arithmetic on JS values. */
interface Kernel {
  /** The accumulator after folding run (d, o, n, s) into `acc`. */
  run(acc: number | bigint, d: Elems, o: number, n: number, s: number): number | bigint;
  /** One element into the accumulator. */
  step(acc: number | bigint, x: number | bigint): number | bigint;
  /** Whether chunks of a buffered block are folded pairwise (float sums). */
  pairwise: boolean;
  round: Round;
}

function toBig(x: number | bigint): bigint {
  return typeof x === 'bigint' ? x : BigInt(Math.trunc(x));
}

/** Kernels by reduction and accumulating dtype. */
function kernel(op: string, acc: DType): Kernel {
  const f = acc.kind === 'f';
  const round: Round = acc.name === 'float32' ? Math.fround : same;
  const big = acc.itemsize === 8 && !f;
  const wrap32 = (x: number) => (acc.kind === 'u' ? x >>> 0 : acc.kind === 'b' ? (x ? 1 : 0) : x | 0);
  const intFix = acc.itemsize === 4 ? wrap32 : acc.itemsize === 2 ? (x: number) => (acc.kind === 'u' ? x & 0xffff : (x << 16) >> 16)
    : acc.itemsize === 1 && acc.kind !== 'b' ? (x: number) => (acc.kind === 'u' ? x & 0xff : (x << 24) >> 24) : wrap32;
  const bigFix = acc.kind === 'u' ? (x: bigint) => BigInt.asUintN(64, x) : (x: bigint) => BigInt.asIntN(64, x);
  const loop = (step: Kernel['step']): Kernel['run'] => (a, d, o, n, s) => {
    for (let i = 0; i < n; i++) a = step(a, d[o + i * s]);
    return a;
  };
  let step: Kernel['step'];
  switch (op) {
    case 'sum':
      if (f) step = (a, x) => round((a as number) + Number(x));
      else if (big) step = (a, x) => bigFix((a as bigint) + toBig(x));
      else step = (a, x) => intFix((a as number) + Number(x));
      if (f) return { run: (a, d, o, n, s) => round((a as number) + pairwise(d, o, n, s, round)), step, pairwise: true, round };
      if (big) {
        // integers of up to 32 bits: exact in a double for runs below 2^21
        const run: Kernel['run'] = (a, d, o, n, s) => {
          if (n > 0 && typeof d[o] === 'number' && n < 2 ** 21) {
            let t = 0;
            for (let i = 0; i < n; i++) t += d[o + i * s] as number;
            return bigFix((a as bigint) + BigInt(t));
          }
          return loop(step)(a, d, o, n, s);
        };
        return { run, step, pairwise: false, round };
      }
      break;
    case 'prod':
      if (f) step = (a, x) => round((a as number) * Number(x));
      else if (big) step = (a, x) => bigFix((a as bigint) * toBig(x));
      else step = (a, x) => intFix(Number(BigInt(a as number) * BigInt(Number(x)) & 0xffffffffn));
      break;
    case 'min':
      step = (a, x) => (a !== a ? a : x !== x || x <= a ? x : a);
      break;
    case 'max':
      step = (a, x) => (a !== a ? a : x !== x || x >= a ? x : a);
      break;
    case 'fmin':
      step = (a, x) => (x !== x ? a : a !== a || x <= a ? x : a);
      break;
    case 'fmax':
      step = (a, x) => (x !== x ? a : a !== a || x >= a ? x : a);
      break;
    case 'any':
      step = (a, x) => (a || (x !== 0 && x !== 0n) ? 1 : 0);
      break;
    case 'all':
      step = (a, x) => (a && x !== 0 && x !== 0n ? 1 : 0);
      break;
    default:
      throw new ValueError(`no reduction ${op}`);
  }
  return { run: loop(step), step, pairwise: false, round };
}

/** Convert one input element to the accumulator's representation. */
function converter(from: DType, acc: DType): ((x: number | bigint) => number | bigint) | undefined {
  if (from === acc) return undefined;
  if (acc.kind === 'b') return (x) => (x !== 0 && x !== 0n ? 1 : 0);
  if (acc.kind === 'f') return (x) => (acc.name === 'float32' ? Math.fround(Number(x)) : Number(x));
  if (acc.isBigInt) {
    return from.kind === 'f' ? (x) => (Number.isFinite(x) ? BigInt.asIntN(64, BigInt(Math.trunc(x as number))) : 0n) : (x) => toBig(x);
  }
  return (x) => (typeof x === 'bigint' ? Number(BigInt.asIntN(32, x)) : Math.trunc(x));
}

/**
 * out[...] op= in[...] over the plan, in JavaScript. `d`/`o` the input's
 * elements and offset, `od`/`oo` the output's.
 */
function runJS(op: string, dims: readonly Dim[], inT: DType, accT: DType, d: Elems, o: number, od: AnyTypedArray, oo: number): void {
  const k = kernel(op, accT);
  const conv = converter(inT, accT);
  const out = od as unknown as (number | bigint)[];
  const read = (x: number | bigint): number | bigint => (conv ? conv(x) : x);
  const cast = conv !== undefined;
  const { chunk, core } = k.pairwise ? bufferPlan(dims, cast) : WHOLE_RUNS;
  const nd = dims.length;
  if (nd === 0) {
    out[oo] = k.step(out[oo], read(d[o]));
    return;
  }
  // leading reduced block handled as one unit when chunked
  let r = 0;
  if (chunk) while (r < nd && dims[r].red) r++;
  const first = chunk ? r : 1;
  const idx = new Array<number>(nd).fill(0);
  let ip = o;
  let op_ = oo;
  const bufN = chunk || (k.pairwise && cast ? BUFSIZE : 0);
  const buf = bufN ? (accT.name === 'float32' ? new Float32Array(bufN) : new Float64Array(bufN)) : undefined;
  for (;;) {
    if (chunk && buf) {
      // gather the block in iteration order, fold each chunk pairwise
      const bidx = new Array<number>(r).fill(0);
      let p = ip;
      let fillN = 0;
      let acc = out[op_] as number;
      for (;;) {
        buf[fillN++] = read(d[p]) as number;
        if (fillN === chunk) {
          acc = k.round(acc + pairwise(buf, 0, fillN, 1, k.round));
          fillN = 0;
        }
        let j = 0;
        for (; j < r; j++) {
          p += dims[j].is;
          if (++bidx[j] < dims[j].n) break;
          p -= dims[j].is * dims[j].n;
          bidx[j] = 0;
        }
        if (j === r) break;
        if (core && j > core && fillN) {
          // dims[core] wrapped: numpy's buffer ends with it (bufferPlan)
          acc = k.round(acc + pairwise(buf, 0, fillN, 1, k.round));
          fillN = 0;
        }
      }
      if (fillN) acc = k.round(acc + pairwise(buf, 0, fillN, 1, k.round));
      out[op_] = acc;
    } else {
      const inner = dims[0];
      if (inner.red && !cast) {
        out[op_] = k.run(out[op_], d, ip, inner.n, inner.is);
      } else if (inner.red && buf) {
        // a cast run: numpy converts it into its buffer, BUFSIZE at a time
        let acc = out[op_] as number;
        for (let i = 0; i < inner.n; i += BUFSIZE) {
          const m = Math.min(BUFSIZE, inner.n - i);
          for (let j = 0; j < m; j++) buf[j] = read(d[ip + (i + j) * inner.is]) as number;
          acc = k.round(acc + pairwise(buf, 0, m, 1, k.round));
        }
        out[op_] = acc;
      } else if (inner.red) {
        let acc = out[op_];
        for (let i = 0; i < inner.n; i++) acc = k.step(acc, read(d[ip + i * inner.is]));
        out[op_] = acc;
      } else {
        for (let i = 0; i < inner.n; i++) out[op_ + i * inner.os] = k.step(out[op_ + i * inner.os], read(d[ip + i * inner.is]));
      }
    }
    let j = first;
    for (; j < nd; j++) {
      ip += dims[j].is;
      op_ += dims[j].os;
      if (++idx[j] < dims[j].n) break;
      ip -= dims[j].is * dims[j].n;
      op_ -= dims[j].os * dims[j].n;
      idx[j] = 0;
    }
    if (j >= nd) return;
  }
}

// ---------------------------------------------------------------------------
// native dispatch
// ---------------------------------------------------------------------------

/** The addon's reductions (native/src/reduce.cc); each returns 1 when it ran, 0 when it has no loop. */
interface NativeReduce {
  reduce(scratch: Float64Array, input: AnyTypedArray, out: AnyTypedArray, aux?: AnyTypedArray): number;
  argReduce(scratch: Float64Array, input: AnyTypedArray, out: AnyTypedArray): number;
  accumulate(scratch: Float64Array, input: AnyTypedArray, out: AnyTypedArray): number;
  select(scratch: Float64Array, input: AnyTypedArray, out: AnyTypedArray): number;
}

/**
 * The engine's reductions (enum ue_reduce_op): numpy's reduce-like ufuncs,
 * then count_nonzero, the count of non-NaN elements, nansum and var's sum
 * of squared deviations from a mean.
 */
const OP_CODE: Record<string, number> = {
  sum: 0, prod: 1, min: 2, max: 3, fmin: 4, fmax: 5, any: 6, all: 7, count: 8, notnan: 9, nansum: 10, ssd: 11,
};
/** Or'ed into the op code: the outputs start at zero (UE_R_ZEROED; integer sums into floats may then run exactly in integers). */
const ZEROED = 0x100;
/** Or'ed into the op code, shifted: bufferPlan's core (UE_R_CORE). */
const CORE_SHIFT = 12;
let scratch = new Float64Array(64);

function scratchOf(need: number): Float64Array {
  if (scratch.length < need) scratch = new Float64Array(need);
  return scratch;
}

/** The addon's reductions, or undefined (no addon: JavaScript computes). */
export function nativeReduce(): NativeReduce | undefined {
  const k = nativeKernels() as unknown as Partial<NativeReduce> | undefined;
  return k?.argReduce ? (k as NativeReduce) : undefined;
}

/** Dimensions (length, input stride, output stride) into the scratch from `at`. */
function putDims(s: Float64Array, at: number, dims: readonly Dim[]): void {
  for (let i = 0; i < dims.length; i++) {
    s[at + 3 * i] = dims[i].n;
    s[at + 3 * i + 1] = dims[i].is;
    s[at + 3 * i + 2] = dims[i].red ? 0 : dims[i].os;
  }
}

function runNative(op: string, dims: readonly Dim[], inT: DType, accT: DType, a: NdArray, od: AnyTypedArray, oo: number,
  chunking: Chunking = bufferPlan(dims, inT !== accT), aux?: AnyTypedArray, zeroed = false): boolean {
  const k = nativeReduce();
  if (!k) return false;
  const nd = dims.length;
  const s = scratchOf(8 + 3 * nd);
  s[0] = OP_CODE[op] | (zeroed ? ZEROED : 0) | (chunking.core << CORE_SHIFT);
  s[1] = inT.num;
  s[2] = accT.num;
  s[3] = nd;
  s[4] = chunking.chunk;
  s[5] = a.offset;
  s[6] = oo;
  s[7] = 0;
  putDims(s, 8, dims);
  return (aux ? k.reduce(s, a.data as AnyTypedArray, od, aux) : k.reduce(s, a.data as AnyTypedArray, od)) === 1;
}

/**
 * A reduction only the engine runs (`count`, `notnan`, `nansum`, `ssd`, or
 * any of numpy's): a new keepdims-shaped array of `accT` starting from 0,
 * or undefined when the addon is absent or has no loop (the caller then
 * computes it in JavaScript). `aux` is ssd's mean, laid out like the result.
 * `copyStrides`: numpy reduces a copy of `a` with these strides (order
 * 'K'); the reduction runs over `a` itself in the copy's order when the
 * two iterate alike, else it is left to the caller (undefined).
 */
export function reduceNative(op: string, a: NdArray, mask: readonly boolean[], accT: DType,
  aux?: NdArray, copyStrides?: readonly number[]): NdArray | undefined {
  if (!nativeReduce()) return undefined;
  const inT = dtypeOf(a.data);
  const keep = reducedShape(a.shape, mask, true);
  const res = newArray(accT, keep);
  (res.data as unknown as { fill(v: number | bigint): void }).fill(accT.isBigInt ? 0n : 0);
  if (a.size === 0) return res;
  const os = cStrides(keep).map((st, d) => (mask[d] ? 0 : st));
  const dims = plan(a.shape, a.stride, os, mask);
  const cast = inT !== accT && op !== 'count' && op !== 'notnan';
  let chunks = bufferPlan(dims, cast);
  if (copyStrides) {
    const xd = plan(a.shape, copyStrides, os, mask);
    if (xd.length !== dims.length || xd.some((d, i) => d.n !== dims[i].n || d.red !== dims[i].red)) return undefined;
    chunks = bufferPlan(xd, cast);
  }
  return runNative(op, dims, inT, accT, a, res.data as AnyTypedArray, 0, chunks, aux?.data as AnyTypedArray | undefined, true) ? res : undefined;
}

/** One-element accumulators of whole reductions, reused per dtype. */
const cells = new Map<DType, AnyTypedArray>();

/**
 * A reduction over all of `a` into a scalar, natively, when `a`'s elements
 * are one run (the iteration then is that run, as plan() would give it):
 * no arrays are made. undefined when it cannot (the caller goes the
 * general way). `init` as reduceCore's.
 */
export function wholeNative(op: string, a: NdArray, accT: DType, init: number | 'first'): ScalarResult | undefined {
  const k = nativeReduce();
  if (!k || a.size === 0) return undefined;
  const run = flatRun(a);
  const inT = dtypeOf(a.data);
  if (!run || (init === 'first' && inT !== accT)) return undefined;
  let cell = cells.get(accT);
  if (!cell) cells.set(accT, (cell = new accT.ArrayType(1) as AnyTypedArray));
  const c = cell as unknown as (number | bigint)[];
  c[0] = init === 'first' ? (a.data as unknown as (number | bigint)[])[a.offset] : accT.isBigInt ? BigInt(init) : init;
  const dims: Dim[] = [{ n: run.n, is: run.s, os: 0, red: true }];
  if (!runNative(op, dims, inT, accT, a, cell, 0, undefined, undefined, init === 0)) return undefined;
  return accT.kind === 'b' ? c[0] !== 0 : c[0];
}

/**
 * The flattened C-order elements of `a` as one run (count, stride), when
 * its layout allows: contiguous, or one axis of any stride.
 */
export function flatRun(a: NdArray): { n: number; s: number } | undefined {
  let n = 1;
  let s = 0;
  for (let d = a.shape.length - 1; d >= 0; d--) {
    const len = a.shape[d];
    if (len === 1) continue;
    if (n === 1) s = a.stride[d];
    else if (a.stride[d] !== s * n) return undefined;
    n *= len;
  }
  return { n, s: n === 1 ? 1 : s };
}

/** argmin/argmax natively: the intp indices (keepdims layout of the kept axes), or undefined. */
function argNative(which: 0 | 1, a: NdArray, axis: number | null): AnyTypedArray | undefined {
  const k = nativeReduce();
  if (!k) return undefined;
  const t = dtypeOf(a.data);
  let src = a;
  let n: number;
  let st: number;
  let dims: Dim[] = [];
  let nOut = 1;
  if (axis === null) {
    let run = flatRun(a);
    if (!run) {
      // numpy copies into C order first
      src = newArray(t, a.shape);
      copyto(src, a);
      run = { n: a.size, s: 1 };
    }
    n = run.n;
    st = run.s;
  } else {
    n = a.shape[axis];
    st = a.stride[axis];
    const kept = a.shape.map((_, d) => d).filter((d) => d !== axis);
    const kshape = kept.map((d) => a.shape[d]);
    const kos = cStrides(kshape);
    dims = plan(kshape, kept.map((d) => a.stride[d]), kos, kept.map(() => false));
    nOut = kshape.reduce((p, x) => p * x, 1);
  }
  const out = allocate(intp, nOut) as AnyTypedArray;
  if (nOut === 0) return out;
  const s = scratchOf(8 + 3 * dims.length);
  s[0] = which;
  s[1] = t.num;
  s[2] = intp.num;
  s[3] = dims.length;
  s[4] = n;
  s[5] = st;
  s[6] = src.offset;
  s[7] = 0;
  putDims(s, 8, dims);
  return k.argReduce(s, src.data as AnyTypedArray, out) === 1 ? out : undefined;
}

/** cumsum/cumprod of `src` along `axis` into the new C-ordered `res` natively; false if the addon cannot. */
function accumulateNative(op: 'sum' | 'prod', src: NdArray, axis: number, res: NdArray): boolean {
  const k = nativeReduce();
  if (!k) return false;
  const rs = cStrides(res.shape);
  const others = src.shape.map((_, d) => d).filter((d) => d !== axis);
  const dims = plan(others.map((d) => src.shape[d]), others.map((d) => src.stride[d]), others.map((d) => rs[d]), others.map(() => false));
  const s = scratchOf(12 + 3 * dims.length);
  s[0] = OP_CODE[op];
  s[1] = dtypeOf(src.data).num;
  s[2] = dtypeOf(res.data).num;
  s[3] = dims.length;
  s[4] = src.shape[axis];
  s[5] = src.stride[axis];
  s[6] = rs[axis];
  s[7] = 0;
  s[8] = src.offset;
  s[9] = res.offset;
  s[10] = 0;
  s[11] = 0;
  putDims(s, 12, dims);
  return k.accumulate(s, src.data as AnyTypedArray, res.data as AnyTypedArray) === 1;
}

/**
 * The values of `ranks` (ascending) of each slice of `a` over the axes of
 * `mask`, natively: an array of `a`'s dtype, shape [ranks, ...kept shape]
 * (C order), NaN for every rank of a slice holding a NaN; or undefined.
 */
export function selectNative(a: NdArray, mask: readonly boolean[], ranks: readonly number[]): NdArray | undefined {
  const k = nativeReduce();
  if (!k || a.size === 0 || ranks.length === 0 || ranks.length > 256) return undefined;
  const t = dtypeOf(a.data);
  const keptAxes = a.shape.map((_, d) => d).filter((d) => !mask[d]);
  const redAxes = a.shape.map((_, d) => d).filter((d) => mask[d]);
  const kshape = keptAxes.map((d) => a.shape[d]);
  const nOut = kshape.reduce((p, x) => p * x, 1);
  const kept = plan(kshape, keptAxes.map((d) => a.stride[d]), cStrides(kshape), keptAxes.map(() => false));
  // the reduced axes: any order gives the same ranks; coalesced where they continue each other
  const red = plan(redAxes.map((d) => a.shape[d]), redAxes.map((d) => a.stride[d]), redAxes.map(() => 0), redAxes.map(() => true));
  if (red.length === 0) red.push({ n: 1, is: 1, os: 0, red: true });
  const res = newArray(t, [ranks.length, ...kshape]);
  const s = scratchOf(8 + 3 * (kept.length + red.length) + ranks.length);
  s[0] = t.num;
  s[1] = kept.length;
  s[2] = red.length;
  s[3] = ranks.length;
  s[4] = nOut;
  s[5] = a.offset;
  s[6] = 0;
  s[7] = 0;
  putDims(s, 8, kept);
  putDims(s, 8 + 3 * kept.length, red);
  ranks.forEach((r, j) => {
    s[8 + 3 * (kept.length + red.length) + j] = r;
  });
  return k.select(s, a.data as AnyTypedArray, res.data as AnyTypedArray) === 1 ? res : undefined;
}

// ---------------------------------------------------------------------------
// the driver
// ---------------------------------------------------------------------------

/** A 0-d array's element as numpy's scalar would print: boolean, bigint or number. */
export function scalarOf(a: NdArray): ScalarResult {
  const t = dtypeOf(a.data);
  const v = (a.data as unknown as (number | bigint)[])[a.offset];
  return t.kind === 'b' ? v !== 0 : v;
}

/** C-order strides of a shape. */
export function cStrides(shape: readonly number[]): number[] {
  const st = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    st[d] = s;
    s *= shape[d] || 1;
  }
  return st;
}

/** A new C-ordered array. */
export function newArray(t: DType, shape: readonly number[]): NdArray {
  const n = shape.reduce((p, x) => p * x, 1);
  return wrap(allocate(t, n) as AnyTypedArray, shape);
}

/** numpy's check of a reduction's `out`: shape and casting. */
export function checkOut(out: NdArray, shape: readonly number[], from: DType, name: string, casting: 'same_kind' | 'unsafe' = 'same_kind'): void {
  if (out.shape.length !== shape.length) {
    throw new ValueError(
      `output parameter for reduction operation ${name} has the wrong number of dimensions: Found ${out.shape.length} but expected ${shape.length}`,
    );
  }
  if (out.shape.some((n, i) => n !== shape[i])) {
    throw new ValueError(`output parameter for reduction operation ${name} has a non-matching shape: (${out.shape.join(', ')}) but expected (${shape.join(', ')})`);
  }
  const to = dtypeOf(out.data);
  if (!castAllowed(from, to, casting)) {
    throw new DTypeError(`Cannot cast ufunc '${name}' output from dtype('${from.name}') to dtype('${to.name}') with casting rule '${casting}'`);
  }
}

/** What a reduction over `mask` leaves: the result's shape with and without keepdims. */
export function reducedShape(shape: readonly number[], mask: readonly boolean[], keepdims: boolean): number[] {
  const out: number[] = [];
  shape.forEach((n, d) => {
    if (!mask[d]) out.push(n);
    else if (keepdims) out.push(1);
  });
  return out;
}

/**
 * Reduce `a` over the axes of `mask` with `op`, accumulating in `accT`,
 * into a new array of shape `rshape` (keepdims form) whose elements start
 * at `init` (a value, or 'first': the first element along the reduced axes).
 * Returns the accumulator array in the keepdims shape.
 */
export function reduceCore(op: string, a: NdArray, mask: readonly boolean[], accT: DType, init: number | bigint | 'first'): NdArray {
  const inT = dtypeOf(a.data);
  const keep = reducedShape(a.shape, mask, true);
  const res = newArray(accT, keep);
  const os = cStrides(keep).map((s, d) => (mask[d] ? 0 : s));
  if (init === 'first' && res.size === 1 && inT === accT) {
    // a whole reduction starts from the element at the offset (no copyto call)
    (res.data as unknown as (number | bigint)[])[0] = (a.data as unknown as (number | bigint)[])[a.offset];
  } else if (init === 'first') {
    const first = wrap(a.data, keep) as NdArray;
    first.offset = a.offset;
    first.stride = a.stride.map((s, d) => (mask[d] ? 0 : s));
    copyto(res, first, { casting: 'unsafe' });
  } else if (res.size) {
    (res.data as unknown as { fill(v: number | bigint): void }).fill(accT.isBigInt ? BigInt(init) : Number(init));
  }
  if (a.size === 0) return res;
  const dims = plan(a.shape, a.stride, os, mask);
  if (!runNative(op, dims, inT, accT, a, res.data as AnyTypedArray, 0, undefined, undefined, init === 0 || init === 0n)) {
    runJS(op, dims, inT, accT, a.data as unknown as Elems, a.offset, res.data as AnyTypedArray, 0);
  }
  return res;
}

/** Finish a reduction: drop or keep the reduced axes, copy into `out`, or return a scalar. */
export function finish(res: NdArray, a: NdArray, mask: readonly boolean[], opts: { keepdims?: boolean; out?: NdArray }, name: string): NdArray | ScalarResult {
  const shape = reducedShape(a.shape, mask, opts.keepdims === true);
  const r = wrap(res.data, shape) as NdArray;
  if (opts.out) {
    checkOut(opts.out, shape, dtypeOf(res.data), name, 'unsafe');
    copyto(opts.out, r, { casting: 'unsafe' });
    return opts.out;
  }
  return shape.length === 0 ? scalarOf(r) : r;
}

/** numpy's default accumulator of sum/prod: bool and small integers widen to the platform integer. */
export function sumType(t: DType): DType {
  if (t.kind === 'f') return t;
  if (t.kind === 'b') return intp;
  if (t.kind === 'u') return t.itemsize >= uintp.itemsize ? t : uintp;
  return t.itemsize >= intp.itemsize ? t : intp;
}

function accumulator(op: string, a: NdArray, opts: ReduceOptions): DType {
  if (opts.dtype !== undefined && opts.dtype !== null) return dtypeArg('np.', opts.dtype, op);
  if (opts.out) return dtypeOf(opts.out.data);
  return sumType(dtypeOf(a.data));
}

/** Whether a reduction runs over all axes into a scalar (no keepdims, no out). */
function whole(opts: { axis?: AxisLike; keepdims?: boolean; out?: NdArray }): boolean {
  return (opts.axis === undefined || opts.axis === null) && !opts.keepdims && !opts.out;
}

function additive(op: 'sum' | 'prod', name: string, a: NdArray | NestedList, opts: ReduceOptions): NdArray | ScalarResult {
  a = arrayLikeArg(`np.${op}`, a);
  const acc = accumulator(op, a, opts);
  const w = whole(opts) ? wholeNative(op, a, acc, op === 'sum' ? 0 : 1) : undefined;
  if (w !== undefined) return w;
  const mask = axisMask(opts.axis, a.shape.length);
  const res = reduceCore(op, a, mask, acc, op === 'sum' ? 0 : 1);
  return finish(res, a, mask, opts, name);
}

/**
 * Sum of elements over the given axes, as `numpy.sum`. bool and integers
 * narrower than the platform integer sum in it (int64/uint64; 32-bit on
 * 32-bit ARM), wrapping as numpy's; floats sum pairwise in their own dtype,
 * bit-equal to numpy. Over all axes the result is a scalar.
 *
 * The axis may be given positionally, as numpy's `np.sum(a, 1)`: a number,
 * a list of numbers, or null (all axes) in place of the options.
 *
 * @example
 * ```ts
 * const a = np.arange(6);
 * np.sum(a) // => 15n
 * np.sum(np.reshape(a, [2, 3]), 1) // => array([ 3, 12])
 * ```
 */
export function sum(a: NdArray | NestedList, opts?: AllAxes | null): number | bigint;
export function sum(a: NdArray | NestedList, opts?: ReduceOptions | AxisLike, options?: Omit<ReduceOptions, 'axis'>): NdArray | number | bigint;
export function sum(a: NdArray | NestedList, opts?: ReduceOptions | AxisLike, options?: Omit<ReduceOptions, 'axis'>): NdArray | ScalarResult {
  if (arguments.length > 3) extraArgument('np.sum', 3, arguments[3]);
  return additive('sum', 'add', a, axisOptions('np.sum', opts, REDUCE_OPTION_KEYS, {}, options));
}

/**
 * Product of elements over the given axes, as `numpy.prod` (integers widen
 * as in {@link sum} and wrap on overflow). The axis may be given
 * positionally (`np.prod(a, 0)`).
 *
 * @example
 * ```ts
 * np.prod(np.array([1, 2, 3, 4], 'int32')) // => 24n
 * ```
 */
export function prod(a: NdArray | NestedList, opts?: AllAxes | null): number | bigint;
export function prod(a: NdArray | NestedList, opts?: ReduceOptions | AxisLike, options?: Omit<ReduceOptions, 'axis'>): NdArray | number | bigint;
export function prod(a: NdArray | NestedList, opts?: ReduceOptions | AxisLike, options?: Omit<ReduceOptions, 'axis'>): NdArray | ScalarResult {
  if (arguments.length > 3) extraArgument('np.prod', 3, arguments[3]);
  return additive('prod', 'multiply', a, axisOptions('np.prod', opts, REDUCE_OPTION_KEYS, {}, options));
}

function extreme(op: 'min' | 'max' | 'fmin' | 'fmax', name: string, a: NdArray | NestedList, opts: ExtremeOptions): NdArray | ScalarResult {
  a = arrayLikeArg(`np.${op}`, a);
  const t = dtypeOf(a.data);
  const w = whole(opts) ? wholeNative(op, a, t, 'first') : undefined;
  if (w !== undefined) return w;
  const mask = axisMask(opts.axis, a.shape.length);
  if (mask.some((m, d) => m && a.shape[d] === 0) || (a.size === 0 && mask.every((m) => m))) {
    throw new ValueError(`zero-size array to reduction operation ${name} which has no identity`);
  }
  const res = reduceCore(op, a, mask, t, 'first');
  return finish(res, a, mask, opts, name);
}

/**
 * Smallest element over the given axes, as `numpy.min` (`amin`): NaN if a
 * NaN is among them. An empty reduction is numpy's ValueError.
 *
 * @example
 * ```ts
 * np.min(np.array([[3, 1], [2, 5]], 'uint8'), { axis: 0 }) // => array([2, 1], dtype=uint8)
 * np.min(np.array([[3, 1], [2, 5]], 'uint8'), 1) // => array([1, 2], dtype=uint8)
 * ```
 */
export function min<N extends DTypeName>(a: NdArray<N> | NestedList, opts?: AllAxes | null): ScalarOf<N>;
export function min<N extends DTypeName>(a: NdArray<N> | NestedList, opts?: ExtremeOptions | AxisLike, options?: Omit<ExtremeOptions, 'axis'>): NdArray<N> | ScalarOf<N>;
export function min(a: NdArray | NestedList, opts?: ExtremeOptions | AxisLike, options?: Omit<ExtremeOptions, 'axis'>): NdArray | ScalarResult {
  if (arguments.length > 3) extraArgument('np.min', 3, arguments[3]);
  return extreme('min', 'minimum', a, axisOptions('np.min', opts, EXTREME_OPTION_KEYS, {}, options));
}

/**
 * Largest element over the given axes, as `numpy.max` (`amax`): NaN if a
 * NaN is among them. An empty reduction is numpy's ValueError. The axis
 * may be given positionally (`np.max(a, -1)`).
 *
 * @example
 * ```ts
 * np.max(np.array([3, 1, 2], 'int16')) // => 3
 * ```
 */
export function max<N extends DTypeName>(a: NdArray<N> | NestedList, opts?: AllAxes | null): ScalarOf<N>;
export function max<N extends DTypeName>(a: NdArray<N> | NestedList, opts?: ExtremeOptions | AxisLike, options?: Omit<ExtremeOptions, 'axis'>): NdArray<N> | ScalarOf<N>;
export function max(a: NdArray | NestedList, opts?: ExtremeOptions | AxisLike, options?: Omit<ExtremeOptions, 'axis'>): NdArray | ScalarResult {
  if (arguments.length > 3) extraArgument('np.max', 3, arguments[3]);
  return extreme('max', 'maximum', a, axisOptions('np.max', opts, EXTREME_OPTION_KEYS, {}, options));
}

/**
 * `numpy.amin`, the same function as {@link min}.
 *
 * @example
 * ```ts
 * np.amin(np.array([3, 1, 2], 'int8')) // => 1
 * ```
 */
export const amin = min;

/**
 * `numpy.amax`, the same function as {@link max}.
 *
 * @example
 * ```ts
 * np.amax(np.array([3, 1, 2], 'int8')) // => 3
 * ```
 */
export const amax = max;

/** fmin.reduce: the smallest non-NaN element (NaN only if all are NaN). */
export function nanExtreme(op: 'fmin' | 'fmax', a: NdArray, opts: ExtremeOptions): NdArray | ScalarResult {
  return extreme(op, op, a, opts);
}

/**
 * Range (max − min) over the given axes, as `numpy.ptp`; integers wrap in
 * their dtype as numpy's subtraction does. The axis may be given
 * positionally (`np.ptp(a, 0)`).
 *
 * @example
 * ```ts
 * np.ptp(np.array([4, 9, 2], 'uint8')) // => 7
 * ```
 */
export function ptp<N extends DTypeName>(a: NdArray<N> | NestedList, opts?: AllAxes | null): ScalarOf<N>;
export function ptp<N extends DTypeName>(a: NdArray<N> | NestedList, opts?: ExtremeOptions | AxisLike, options?: Omit<ExtremeOptions, 'axis'>): NdArray<N> | ScalarOf<N>;
export function ptp(a: NdArray | NestedList, axisOrOpts?: ExtremeOptions | AxisLike, options?: Omit<ExtremeOptions, 'axis'>): NdArray | ScalarResult {
  if (arguments.length > 3) extraArgument('np.ptp', 3, arguments[3]);
  const opts = axisOptions('np.ptp', axisOrOpts, EXTREME_OPTION_KEYS, {}, options);
  a = arrayLikeArg('np.ptp', a);
  const mask = axisMask(opts.axis, a.shape.length);
  const t = dtypeOf(a.data);
  if (mask.some((m, d) => m && a.shape[d] === 0) || (a.size === 0 && mask.every((m) => m))) {
    throw new ValueError('zero-size array to reduction operation maximum which has no identity');
  }
  const hi = reduceCore('max', a, mask, t, 'first');
  const lo = reduceCore('min', a, mask, t, 'first');
  const h = hi.data as unknown as (number | bigint)[];
  const l = lo.data as unknown as (number | bigint)[];
  for (let i = 0; i < hi.size; i++) {
    if (t.isBigInt) h[i] = (h[i] as bigint) - (l[i] as bigint);
    else if (t.kind === 'f') h[i] = (h[i] as number) - (l[i] as number);
    else h[i] = (h[i] as number) - (l[i] as number); // the typed array wraps it
    if (t.kind === 'b') h[i] = h[i] !== l[i] ? 1 : 0;
  }
  if (t.kind === 'b') throw new DTypeError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
  return finish(hi, a, mask, opts, 'subtract');
}

function arg(which: 'argmin' | 'argmax', a: NdArray | NestedList, opts: ArgOptions): NdArray | ScalarResult {
  a = arrayLikeArg(`np.${which}`, a);
  const nd = a.shape.length;
  const axis = opts.axis === undefined || opts.axis === null ? null : axisIndex(opts.axis, nd);
  const len = axis === null ? a.size : a.shape[axis];
  if (len === 0) throw new ValueError(`attempt to get ${which} of an empty sequence`);
  const outShape = axis === null ? [] : a.shape.filter((_, k) => k !== axis);
  const res = argNative(which === 'argmin' ? 0 : 1, a, axis) ?? argJS(which, a, axis, outShape);
  let shape = outShape;
  if (opts.keepdims) shape = axis === null ? a.shape.map(() => 1) : a.shape.map((n, k) => (k === axis ? 1 : n));
  const r = wrap(res, shape) as NdArray;
  if (opts.out) {
    checkOut(opts.out, shape, intp, which, 'same_kind');
    copyto(opts.out, r);
    return opts.out;
  }
  return shape.length === 0 ? scalarOf(r) : r;
}

/** argmin/argmax in JavaScript (no addon): the intp indices, kept axes in C order. */
function argJS(which: 'argmin' | 'argmax', a: NdArray, axis: number | null, outShape: readonly number[]): AnyTypedArray {
  const nd = a.shape.length;
  const len = axis === null ? a.size : a.shape[axis];
  const t = dtypeOf(a.data);
  const d = a.data as unknown as (number | bigint)[];
  const better = which === 'argmin' ? (x: number | bigint, m: number | bigint) => x < m : (x: number | bigint, m: number | bigint) => x > m;
  const nanable = t.kind === 'f';
  // the positions along the reduced direction, in numpy's order (C order of the view)
  let lanes: number[]; // offset of each lane's first element
  let step: (i: number, base: number) => number;
  if (axis === null) {
    lanes = [a.offset];
    const st = cStrides(a.shape);
    step = (i, base) => {
      let p = base;
      for (let k = 0; k < nd; k++) p += Math.floor(i / st[k]) % a.shape[k] * a.stride[k];
      return p;
    };
  } else {
    const os = cStrides(outShape);
    const n = outShape.reduce((p, x) => p * x, 1);
    lanes = new Array<number>(n);
    const others = a.shape.map((_, k) => k).filter((k) => k !== axis);
    for (let j = 0; j < n; j++) {
      let p = a.offset;
      others.forEach((k, m) => {
        p += Math.floor(j / os[m]) % outShape[m] * a.stride[k];
      });
      lanes[j] = p;
    }
    const s = a.stride[axis];
    step = (i, base) => base + i * s;
  }
  const res = allocate(intp, lanes.length) as unknown as (number | bigint)[];
  const contiguous = axis === null && a.shape.every((n, k) => n === 1 || a.stride[k] === cStrides(a.shape)[k]);
  lanes.forEach((base, j) => {
    let best = 0;
    let m = d[contiguous ? base : step(0, base)];
    if (!(nanable && m !== m)) {
      for (let i = 1; i < len; i++) {
        const x = d[contiguous ? base + i : step(i, base)];
        if (nanable && x !== x) {
          best = i;
          break;
        }
        if (better(x, m)) {
          m = x;
          best = i;
        }
      }
    }
    res[j] = intp.isBigInt ? BigInt(best) : best;
  });
  return res as unknown as AnyTypedArray;
}

/**
 * Index of the smallest element (first occurrence; a NaN wins), along
 * `axis` or in the flattened array, as `numpy.argmin`. Indices are intp
 * (bigint on 64-bit platforms). The axis may be given positionally (a
 * number or null, as numpy's `np.argmin(a, 1)`).
 *
 * @example
 * ```ts
 * np.argmin(np.array([3, 1, 2, 1], 'uint8')) // => 1n
 * np.argmin(np.array([[3, 1], [0, 2]], 'uint8'), 1) // => array([1, 0])
 * ```
 */
export function argmin(a: NdArray | NestedList, opts?: { axis?: null; keepdims?: false; out?: undefined } | null): number | bigint;
export function argmin(a: NdArray | NestedList, opts?: ArgOptions | number | null, options?: Omit<ArgOptions, 'axis'>): NdArray | number | bigint;
export function argmin(a: NdArray | NestedList, opts?: ArgOptions | number | null, options?: Omit<ArgOptions, 'axis'>): NdArray | ScalarResult {
  if (arguments.length > 3) extraArgument('np.argmin', 3, arguments[3]);
  return arg('argmin', a, axisOptions('np.argmin', opts, ARG_OPTION_KEYS, { forms: 'axis-or-null' }, options));
}

/**
 * Index of the largest element (first occurrence; a NaN wins), along
 * `axis` or in the flattened array, as `numpy.argmax`; the axis may be
 * given positionally (`np.argmax(a, -1)`).
 *
 * @example
 * ```ts
 * np.argmax(np.array([3, 7, 7], 'int16')) // => 1n
 * ```
 */
export function argmax(a: NdArray | NestedList, opts?: { axis?: null; keepdims?: false; out?: undefined } | null): number | bigint;
export function argmax(a: NdArray | NestedList, opts?: ArgOptions | number | null, options?: Omit<ArgOptions, 'axis'>): NdArray | number | bigint;
export function argmax(a: NdArray | NestedList, opts?: ArgOptions | number | null, options?: Omit<ArgOptions, 'axis'>): NdArray | ScalarResult {
  if (arguments.length > 3) extraArgument('np.argmax', 3, arguments[3]);
  return arg('argmax', a, axisOptions('np.argmax', opts, ARG_OPTION_KEYS, { forms: 'axis-or-null' }, options));
}

function logical(op: 'any' | 'all', a: NdArray | NestedList, opts: ExtremeOptions): NdArray | ScalarResult {
  a = arrayLikeArg(`np.${op}`, a);
  const w = whole(opts) ? wholeNative(op, a, bool, op === 'any' ? 0 : 1) : undefined;
  if (w !== undefined) return w;
  const mask = axisMask(opts.axis, a.shape.length);
  const res = reduceCore(op, a, mask, bool, op === 'any' ? 0 : 1);
  return finish(res, a, mask, opts, op === 'any' ? 'logical_or' : 'logical_and');
}

/**
 * Whether any element over the given axes is non-zero (NaN counts), as
 * `numpy.any`; a boolean over all axes, else a bool array. The axis may
 * be given positionally (`np.any(a, 0)`).
 *
 * @example
 * ```ts
 * np.any(np.array([0, 0, 3], 'int8')) // => true
 * ```
 */
export function any(a: NdArray | NestedList, opts?: AllAxes | null): boolean;
export function any(a: NdArray | NestedList, opts?: ExtremeOptions | AxisLike, options?: Omit<ExtremeOptions, 'axis'>): NdArray<'bool'> | boolean;
export function any(a: NdArray | NestedList, opts?: ExtremeOptions | AxisLike, options?: Omit<ExtremeOptions, 'axis'>): NdArray | ScalarResult {
  if (arguments.length > 3) extraArgument('np.any', 3, arguments[3]);
  return logical('any', a, axisOptions('np.any', opts, EXTREME_OPTION_KEYS, {}, options));
}

/**
 * Whether every element over the given axes is non-zero, as `numpy.all`
 * (the axis may be given positionally: `np.all(a, 1)`).
 *
 * @example
 * ```ts
 * np.all(np.array([1, 0, 3], 'int8')) // => false
 * ```
 */
export function all(a: NdArray | NestedList, opts?: AllAxes | null): boolean;
export function all(a: NdArray | NestedList, opts?: ExtremeOptions | AxisLike, options?: Omit<ExtremeOptions, 'axis'>): NdArray<'bool'> | boolean;
export function all(a: NdArray | NestedList, opts?: ExtremeOptions | AxisLike, options?: Omit<ExtremeOptions, 'axis'>): NdArray | ScalarResult {
  if (arguments.length > 3) extraArgument('np.all', 3, arguments[3]);
  return logical('all', a, axisOptions('np.all', opts, EXTREME_OPTION_KEYS, {}, options));
}

/**
 * Number of non-zero elements, as `numpy.count_nonzero`: a number over all
 * axes, else an intp array. The axis may be given positionally
 * (`np.count_nonzero(a, 0)`).
 *
 * @example
 * ```ts
 * np.count_nonzero(np.array([0, 1, 2, 0], 'uint8')) // => 2n
 * ```
 */
export function count_nonzero(a: NdArray | NestedList, axisOrOpts?: CountOptions | AxisLike, options?: Omit<CountOptions, 'axis'>): NdArray | number | bigint {
  if (arguments.length > 3) extraArgument('np.count_nonzero', 3, arguments[3]);
  const opts = axisOptions('np.count_nonzero', axisOrOpts, COUNT_OPTION_KEYS, {}, options);
  a = arrayLikeArg('np.count_nonzero', a);
  const mask = axisMask(opts.axis, a.shape.length);
  const res = reduceNative('count', a, mask, intp) ?? countJS(a, mask);
  const shape = reducedShape(a.shape, mask, opts.keepdims === true);
  if ((opts.axis === undefined || opts.axis === null) && !opts.keepdims) return scalarOf(res) as number | bigint;
  return wrap(res.data, shape) as NdArray;
}

/** count_nonzero in JavaScript (no addon): the bool of each element, summed. */
function countJS(a: NdArray, mask: readonly boolean[]): NdArray {
  const nz = wrap(allocate(bool, a.size) as AnyTypedArray, a.shape) as NdArray;
  const src = a.data as unknown as (number | bigint)[];
  const dst = nz.data as unknown as number[];
  const st = cStrides(a.shape);
  for (let i = 0; i < a.size; i++) {
    let p = a.offset;
    for (let k = 0; k < a.shape.length; k++) p += (Math.floor(i / st[k]) % a.shape[k]) * a.stride[k];
    const v = src[p];
    dst[i] = v !== 0 && v !== 0n ? 1 : 0;
  }
  return reduceCore('sum', nz, mask, intp, 0);
}

function accumulate(op: 'sum' | 'prod', a: NdArray | NestedList, opts: AccumulateOptions): NdArray {
  a = arrayLikeArg(op === 'sum' ? 'np.cumsum' : 'np.cumprod', a);
  let src = a;
  let axis: number;
  if (opts.axis === undefined || opts.axis === null) {
    // numpy flattens in C order first (a copy unless the elements are one run)
    const run = flatRun(a);
    if (run) {
      src = wrap(a.data, [a.size]) as NdArray;
      src.stride = [run.s];
      src.offset = a.offset;
    } else {
      const flat = newArray(dtypeOf(a.data), a.shape);
      if (a.size) copyto(flat, a);
      src = wrap(flat.data, [a.size]) as NdArray;
    }
    axis = 0;
  } else {
    axis = axisIndex(opts.axis, a.shape.length);
  }
  const accT = opts.dtype !== undefined && opts.dtype !== null ? dtypeArg('np.cum', opts.dtype, op) : opts.out ? dtypeOf(opts.out.data) : sumType(dtypeOf(src.data));
  const res = newArray(accT, src.shape);
  if (!src.size || !accumulateNative(op, src, axis, res)) accumulateJS(op, src, axis, res);
  if (opts.out) {
    if (opts.out.shape.length !== res.shape.length || opts.out.shape.some((x, i) => x !== res.shape[i])) {
      throw new ValueError(`provided out is the wrong size for the accumulation: (${opts.out.shape.join(', ')}) vs (${res.shape.join(', ')})`);
    }
    copyto(opts.out, res, { casting: 'unsafe' });
    return opts.out;
  }
  return res;
}

/** cumsum/cumprod of `src` along `axis` into the new C-ordered `res`, in JavaScript. */
function accumulateJS(op: 'sum' | 'prod', src: NdArray, axis: number, res: NdArray): void {
  const accT = dtypeOf(res.data);
  if (src.size) copyto(res, src, { casting: 'unsafe' });
  const k = kernel(op, accT);
  const d = res.data as unknown as (number | bigint)[];
  const st = cStrides(src.shape);
  const n = src.shape[axis];
  const s = st[axis];
  const lanes = res.size / (n || 1);
  for (let j = 0; j < lanes && n > 1; j++) {
    // lane j: the C-order index with axis position 0
    const outer = Math.floor(j / s);
    const inner = j % s;
    const base = outer * s * n + inner;
    let acc = d[base];
    for (let i = 1; i < n; i++) {
      acc = k.step(acc, d[base + i * s]);
      d[base + i * s] = acc;
    }
  }
}

/**
 * Running sum along `axis` (flattened in C order when absent), as
 * `numpy.cumsum`: sequential additions in the dtype {@link sum} would use.
 * The axis may be given positionally (a number or null: `np.cumsum(a, 1)`).
 *
 * @example
 * ```ts
 * np.cumsum(np.array([1, 2, 3], 'uint8')) // => array([1, 3, 6], dtype=uint64)
 * np.cumsum(np.array([[1, 2], [3, 4]], 'int32'), 1) // => array([[1, 3],
 * //        [3, 7]])
 * ```
 */
export function cumsum(a: NdArray | NestedList, opts?: AccumulateOptions | number | null, options?: Omit<AccumulateOptions, 'axis'>): NdArray {
  if (arguments.length > 3) extraArgument('np.cumsum', 3, arguments[3]);
  return accumulate('sum', a, axisOptions('np.cumsum', opts, ACCUMULATE_OPTION_KEYS, { forms: 'axis-or-null' }, options));
}

/**
 * Running product along `axis` (flattened when absent), as `numpy.cumprod`;
 * the axis may be given positionally (`np.cumprod(a, 0)`).
 *
 * @example
 * ```ts
 * np.cumprod(np.array([1, 2, 3], 'int8')) // => array([1, 2, 6])
 * ```
 */
export function cumprod(a: NdArray | NestedList, opts?: AccumulateOptions | number | null, options?: Omit<AccumulateOptions, 'axis'>): NdArray {
  if (arguments.length > 3) extraArgument('np.cumprod', 3, arguments[3]);
  return accumulate('prod', a, axisOptions('np.cumprod', opts, ACCUMULATE_OPTION_KEYS, { forms: 'axis-or-null' }, options));
}

/**
 * True when both have the same shape and equal elements (NaN != NaN), as
 * `numpy.array_equal`.
 *
 * @example
 * ```ts
 * np.array_equal(np.array([1, 2]), np.array([1, 2])) // => true
 * ```
 */
export function array_equal(a: NdArray, b: NdArray): boolean {
  if (a.shape.length !== b.shape.length || a.shape.some((n, i) => n !== b.shape[i])) return false;
  const da = a.data as unknown as (number | bigint)[];
  const db = b.data as unknown as (number | bigint)[];
  const st = cStrides(a.shape);
  for (let i = 0; i < a.size; i++) {
    let p = a.offset;
    let q = b.offset;
    for (let k = 0; k < a.shape.length; k++) {
      const x = Math.floor(i / st[k]) % a.shape[k];
      p += x * a.stride[k];
      q += x * b.stride[k];
    }
    // 1 == 1n and 1.0 == 1 compare by value, as numpy's promotion does
    if (!(da[p] == db[q])) return false;
  }
  return true;
}
