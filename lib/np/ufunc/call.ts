/**
 * Calling a ufunc: numpy's steps, in order.
 *
 * 1. Type resolution (cached per ufunc and input kinds): the first loop
 *    every input can be safely cast to, JS scalars being weak (NEP 50);
 *    `dtype=` picks the loop by its output type instead.
 * 2. Weak scalars are converted to the loop's type (an integer that does
 *    not fit is numpy's OverflowError).
 * 3. Broadcasting of the inputs (and where=) against each other and `out`.
 * 4. `out` is checked (shape, casting) or allocated (C order).
 * 5. One call into the native engine, which walks every layout, casts
 *    through buffers and copies overlapping inputs first; without the
 *    addon (or a native loop) a JavaScript strided loop does the same.
 */
import { DTypeError, ShapeError } from '../../errors.js';
import { nativeKernels } from '../../native-kernels.js';
import { type AnyTypedArray, type DType, allDTypes, bool, dtypeArg, dtypeOf } from '../dtype.js';
import { allocate } from '../alloc.js';
import { OverflowError, ValueError } from '../errors.js';
import type { NdArray, NestedList } from '../ndarray.js';
import { asArray, checkWriteable, describeArg, shapeText, wrap } from '../ndarray.js';
import {
  type Casting, type WeakKind, canCastSafely, castAllowed, category, checkCasting, weakDefault,
} from '../promote.js';
import { type Loop, type Operand, type ScalarFn, type Ufunc, type UfuncOptions, sigOf } from './define.js';
import { type Raw, jsCaster } from './jscast.js';
import { extraArgument } from '../axisarg.js';

const TYPES = allDTypes();
/** Input kind codes: a dtype's num (0–10), or 11 + the weak category of a JS scalar. */
const WEAK = 11;
const CASTING_CODE: Record<Casting, number> = { no: 1, equiv: 2, safe: 3, same_kind: 0, unsafe: 4 };

/** What a call resolved to; kept only for the duration of one call. */
type Result = NdArray | number | bigint | boolean;

function isArray(x: unknown): x is NdArray {
  return typeof x === 'object' && x !== null && 'stride' in x && ArrayBuffer.isView((x as NdArray).data);
}

function kindOf(x: unknown, u: Ufunc, k: number): number {
  if (isArray(x)) return dtypeOf(x.data).num;
  // an integral number is a Python int; -0 (which no integer is) a float
  if (typeof x === 'number') return Number.isInteger(x) && !Object.is(x, -0) ? WEAK + 1 : WEAK + 2;
  if (typeof x === 'bigint') return WEAK + 1;
  if (typeof x === 'boolean') return WEAK;
  throw new TypeError(`np.${u.name}: argument ${k + 1} must be an np array, a list, a number, a bigint or a boolean; got ${describeArg(x)}`);
}

function describe(t: DType): string {
  return `dtype('${t.name}')`;
}

/** numpy's type resolution for these input kinds. */
export function resolveLoop(u: Ufunc, codes: readonly number[], want: DType | undefined, casting: Casting): Loop {
  let strongCat = -1;
  for (const c of codes) if (c < WEAK) strongCat = Math.max(strongCat, category(TYPES[c]));
  // each input as a dtype (weak scalars that cannot stay weak take their default)
  const weakCats: number[] = [];
  const dts: DType[] = codes.map((c, k) => {
    if (c < WEAK) {
      weakCats[k] = -1;
      return TYPES[c];
    }
    const w = (c - WEAK) as WeakKind;
    weakCats[k] = strongCat >= w ? w : -1;
    return weakDefault(w);
  });
  const fits = (k: number, t: DType, rule: Casting): boolean =>
    weakCats[k] >= 0 ? category(t) >= weakCats[k] || rule === 'unsafe' : rule === 'safe' ? canCastSafely(dts[k], t) : castAllowed(dts[k], t, rule);
  if (want) {
    const loop = u.loops.find((l) => l.outs[0] === want);
    if (!loop) throw new DTypeError(`No loop matching the specified signature and casting was found for ufunc ${u.name}`);
    for (let k = 0; k < codes.length; k++) {
      if (!fits(k, loop.ins[k], casting)) {
        throw new DTypeError(
          `Cannot cast ufunc '${u.name}' input ${k} from ${describe(dts[k])} to ${describe(loop.ins[k])} with casting rule '${casting}'`,
        );
      }
    }
    return loop;
  }
  const preferred = u.spec.prefer?.(dts);
  if (preferred !== undefined) {
    const loop = u.loops.find((l) => l.sig === preferred);
    if (loop) return loop;
  }
  const rule: Casting = casting === 'no' || casting === 'equiv' ? casting : 'safe';
  for (const loop of u.loops) {
    let ok = true;
    for (let k = 0; k < codes.length && ok; k++) ok = fits(k, loop.ins[k], rule);
    if (ok) return loop;
  }
  throw new DTypeError(
    u.spec.noLoop?.(dts) ??
      `ufunc '${u.name}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''${rule}''`,
  );
}

const LIMITS: Record<string, readonly [bigint, bigint]> = {
  int8: [-128n, 127n], uint8: [0n, 255n], int16: [-32768n, 32767n], uint16: [0n, 65535n],
  int32: [-2147483648n, 2147483647n], uint32: [0n, 4294967295n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n], uint64: [0n, 2n ** 64n - 1n],
};

/** A weak scalar as a value of the loop's type `t`, or numpy's OverflowError. */
export function weakValue(x: number | bigint | boolean, t: DType): Raw {
  if (typeof x === 'boolean') return t.isBigInt ? BigInt(x) : Number(x);
  if (t.kind === 'f') return Number(x);
  if (t.kind === 'b') return x != 0 ? 1 : 0;
  if (typeof x === 'number' && !Number.isInteger(x)) return jsCaster(TYPES[10], t)(x); // only under casting='unsafe'
  const [lo, hi] = LIMITS[t.name];
  if (typeof x === 'number' ? x < Number(lo) || x > Number(hi) : x < lo || x > hi) {
    throw new OverflowError(`Python integer ${x} out of bounds for ${t.name}`);
  }
  return t.isBigInt ? BigInt(x) : Number(x);
}

// ---- native dispatch -------------------------------------------------------

interface Native {
  ufunc(scratch: Float64Array, ...ops: ArrayBufferView[]): void;
  ufuncLoop(name: string, sig: string): number;
}

let native: Native | null | undefined;

function engine(): Native | null {
  if (native === undefined) {
    const k = nativeKernels() as unknown as Partial<Native> | undefined;
    native = k && typeof k.ufunc === 'function' ? (k as Native) : null;
  }
  return native;
}

let nativeOff = false;

/** Run every loop in JavaScript as if the addon were absent (tests of the fallback); returns the old setting. */
export function setNativeOff(off: boolean): boolean {
  const old = nativeOff;
  nativeOff = off;
  return old;
}

/** The addon's index of a loop of ufunc `name` (-1 if none). */
export function nativeLoop(name: string, loop: Loop): number {
  if (nativeOff) return -1;
  if (loop.native === -2) {
    const e = engine();
    loop.native = e ? e.ufuncLoop(name, loop.sig) : -1;
  }
  return loop.native;
}

/** The description of one call, shared with the addon (see native/src/engine.cc). */
const scratch = new Float64Array(5 + 32 + 9 * 34);
/** One-element cells holding weak scalars, per operand slot and dtype. */
const cells: AnyTypedArray[][] = [];
function cell(slot: number, t: DType, v: Raw): AnyTypedArray {
  const row = (cells[slot] ??= []);
  const c = (row[t.num] ??= new t.ArrayType(1) as AnyTypedArray);
  (c as unknown as Raw[])[0] = v;
  return c;
}

/** One operand of an iteration: data, offset and strides over the iteration shape. */
export interface IterOperand {
  data: AnyTypedArray;
  dtype: DType;
  offset: number;
  strides: number[];
}

/** Strides that read `a` over `shape` (0 along broadcast axes). */
export function broadcastStrides(a: NdArray, nd: number): number[] {
  const s = new Array<number>(nd);
  const lead = nd - a.shape.length;
  for (let j = 0; j < nd; j++) s[j] = j < lead || a.shape[j - lead] === 1 ? 0 : a.stride[j - lead];
  return s;
}

/**
 * Run `loop` of ufunc `name` over `shape`: inputs then outputs (then the
 * where= mask, a bool operand). Natively when the addon has the loop.
 * `fresh`: the outputs are new arrays (the engine may stream large ones).
 */
export function iterate(
  name: string, loop: Loop, nin: number, ops: IterOperand[], shape: readonly number[], where?: IterOperand,
  js?: () => Loop['fn'], fresh = false,
): void {
  const idx = nativeLoop(name, loop);
  if (idx >= 0) {
    const e = engine() as Native;
    const s = scratch;
    const nd = shape.length;
    s[0] = idx;
    s[1] = nin;
    s[2] = ops.length - nin;
    s[3] = nd;
    s[4] = (where ? 1 : 0) + (fresh ? 2 : 0); // flags: a mask follows; the outputs are new results
    let p = 5;
    for (let j = 0; j < nd; j++) s[p++] = shape[j];
    const all = where ? [...ops, where] : ops;
    for (const op of all) {
      s[p++] = op.dtype.num;
      s[p++] = op.offset;
      for (let j = 0; j < nd; j++) s[p++] = op.strides[j];
    }
    switch (all.length) {
      case 2: e.ufunc(s, all[0].data, all[1].data); break;
      case 3: e.ufunc(s, all[0].data, all[1].data, all[2].data); break;
      case 4: e.ufunc(s, all[0].data, all[1].data, all[2].data, all[3].data); break;
      default: e.ufunc(s, ...all.map((o) => o.data));
    }
    return;
  }
  jsIterate(loop, nin, ops, shape, where, js);
}

// ---- the JavaScript fallback ---------------------------------------------

function sameView(a: IterOperand, b: IterOperand): boolean {
  return a.data.buffer === b.data.buffer && a.dtype.itemsize === b.dtype.itemsize &&
    a.data.byteOffset + a.offset * a.dtype.itemsize === b.data.byteOffset + b.offset * b.dtype.itemsize &&
    a.strides.every((s, j) => s === b.strides[j]);
}

/** A C-ordered copy of an operand over `shape` (for inputs that overlap an output). */
function copyOperand(op: IterOperand, shape: readonly number[]): IterOperand {
  const n = shape.reduce((x, y) => x * y, 1);
  const data = new op.dtype.ArrayType(n) as AnyTypedArray;
  const src = op.data as unknown as Raw[];
  const dst = data as unknown as Raw[];
  let i = 0;
  walk(shape, [op.strides], [op.offset], (at) => {
    dst[i++] = src[at[0]];
  });
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let j = shape.length - 1; j >= 0; j--) {
    strides[j] = shape[j] === 1 ? 0 : s;
    s *= shape[j];
  }
  return { data, dtype: op.dtype, offset: 0, strides };
}

/** Call `visit` with every operand's element index, in C order over `shape`. */
function walk(shape: readonly number[], strides: readonly number[][], offsets: readonly number[], visit: (at: number[]) => void): void {
  const nd = shape.length;
  for (const n of shape) if (n === 0) return;
  const pos = new Array<number>(nd).fill(0);
  const at = [...offsets];
  for (;;) {
    visit(at);
    let d = nd - 1;
    for (; d >= 0; d--) {
      pos[d]++;
      for (let k = 0; k < at.length; k++) at[k] += strides[k][d];
      if (pos[d] < shape[d]) break;
      for (let k = 0; k < at.length; k++) at[k] -= strides[k][d] * shape[d];
      pos[d] = 0;
    }
    if (d < 0) return;
  }
}

function jsIterate(
  loop: Loop, nin: number, ops: IterOperand[], shape: readonly number[], where: IterOperand | undefined,
  js: (() => Loop['fn']) | undefined,
): void {
  const fn = (loop.fn ??= js?.());
  if (!fn) throw new ValueError(`no loop for ${loop.sig}`);
  const nout = ops.length - nin;
  const ins = ops.slice(0, nin).map((op) => {
    for (let o = nin; o < ops.length; o++) {
      if (op.data.buffer === ops[o].data.buffer && !sameView(op, ops[o])) return copyOperand(op, shape);
    }
    return op;
  });
  const outs = ops.slice(nin);
  const mask = where && outs.some((o) => o.data.buffer === where.data.buffer) ? copyOperand(where, shape) : where;
  const inCast = ins.map((op, k) => (op.dtype === loop.ins[k] ? undefined : jsCaster(op.dtype, loop.ins[k])));
  const outCells = loop.outs.map((t) => new t.ArrayType(1) as unknown as Raw[]);
  const outCast = outs.map((op, j) => (op.dtype === loop.outs[j] ? undefined : jsCaster(loop.outs[j], op.dtype)));
  const all = mask ? [...ins, ...outs, mask] : [...ins, ...outs];
  const datas = all.map((o) => o.data as unknown as Raw[]);
  const args = new Array<Raw>(nin);
  const store = (j: number, r: number | bigint | boolean, at: number): void => {
    const c = outCells[j];
    const t = loop.outs[j];
    c[0] = typeof r === 'boolean' ? (t.isBigInt ? BigInt(r) : Number(r)) : t.isBigInt && typeof r === 'number' ? BigInt(Math.trunc(r)) : r;
    const v = c[0];
    const cast = outCast[j];
    datas[nin + j][at] = cast ? cast(v) : v;
  };
  walk(shape, all.map((o) => o.strides), all.map((o) => o.offset), (at) => {
    if (mask && !datas[all.length - 1][at[all.length - 1]]) return;
    for (let k = 0; k < nin; k++) {
      const v = datas[k][at[k]];
      const c = inCast[k];
      args[k] = c ? c(v) : v;
    }
    const r = fn(...args);
    if (nout === 1) store(0, r as number, at[nin]);
    else for (let j = 0; j < nout; j++) store(j, (r as (number | bigint | boolean)[])[j], at[nin + j]);
  });
}

// ---- the call ----------------------------------------------------------------

/** The outputs given by `out=`, one per ufunc output (undefined: allocate). */
function outsOf(u: Ufunc, opts: UfuncOptions | undefined): (NdArray | undefined)[] | undefined {
  const out = opts?.out;
  if (out === undefined || out === null) return undefined;
  if (u.nout === 1 && isArray(out)) {
    checkWriteable(out);
    return [out];
  }
  if (!isArray(out) && !Array.isArray(out)) {
    throw new TypeError(`np.${u.name}: the out option must be an np array${u.nout > 1 ? ' or a list of them' : ''}; got ${describeArg(out)}`);
  }
  const list = isArray(out) ? [out] : [...(out as (NdArray | null)[])];
  if (list.length !== u.nout) throw new ValueError(`The 'out' tuple must have exactly ${u.nout} entries: one per ufunc output`);
  return list.map((o) => {
    if (o === null || o === undefined) return undefined;
    if (!isArray(o)) throw new DTypeError(`return arrays must be of ArrayType`);
    checkWriteable(o);
    return o;
  });
}

/**
 * Below this many elements, contiguous operands of the loop's own dtypes
 * are computed by a JavaScript loop: a Node-API call costs more than the
 * work (~1 µs here, numpy's whole call is 0.6–0.8 µs).
 */
let smallLimit = 32;

/** The size under which JavaScript loops run instead of the engine. */
export function smallLimitOf(): number {
  return smallLimit;
}

/** Set the size under which JavaScript loops run instead of the engine (tests run both paths). */
export function setSmallLimit(n: number): number {
  const old = smallLimit;
  smallLimit = n;
  return old;
}

function isContiguousLike(a: NdArray, shape: readonly number[]): boolean {
  const s = a.shape;
  if (s.length !== shape.length) return false;
  let expected = 1;
  for (let d = s.length - 1; d >= 0; d--) {
    if (s[d] !== shape[d]) return false;
    if (s[d] !== 1 && a.stride[d] !== expected) return false;
    expected *= s[d];
  }
  return true;
}

/**
 * The JavaScript element function of a loop. A bool input is read as
 * numpy's BOOL loops read it, 1 for any nonzero byte (a view of other
 * bytes as bool: a mask of 0 and 255 written by a DMA engine).
 */
function jsLoopOf(u: Ufunc, loop: Loop): ScalarFn {
  const fn = u.spec.js(loop.sig);
  const b0 = loop.ins[0] === bool;
  const b1 = loop.ins.length > 1 && loop.ins[1] === bool;
  if (loop.ins.length === 1) return b0 ? (x: Raw) => fn(x ? 1 : 0) : fn;
  if (loop.ins.length !== 2 || (!b0 && !b1)) return fn;
  if (b0 && b1) return (x: Raw, y: Raw) => fn(x ? 1 : 0, y ? 1 : 0);
  return b0 ? (x: Raw, y: Raw) => fn(x ? 1 : 0, y) : (x: Raw, y: Raw) => fn(x, y ? 1 : 0);
}

/** The small-array loop: contiguous operands of the loop's dtypes, one output, no overlap but in place. */
function small(u: Ufunc, loop: Loop, inputs: readonly Operand[], codes: readonly number[], out: NdArray, shape: readonly number[], size: number): boolean {
  const nin = u.nin;
  const od = out.data;
  if (dtypeOf(od) !== loop.outs[0]) return false;
  for (let k = 0; k < nin; k++) {
    const x = inputs[k];
    if (codes[k] >= WEAK) continue;
    if (TYPES[codes[k]] !== loop.ins[k]) return false;
    const a = x as NdArray;
    if (!isContiguousLike(a, shape)) return false;
    if (a.data.buffer === od.buffer) {
      // small results share a slab (alloc.ts): refuse only bytes that really overlap, other than in place
      const ab = a.data.BYTES_PER_ELEMENT;
      const as = a.data.byteOffset + a.offset * ab;
      const os = od.byteOffset + out.offset * od.BYTES_PER_ELEMENT;
      if (as < os + size * od.BYTES_PER_ELEMENT && os < as + size * ab && !(as === os && ab === od.BYTES_PER_ELEMENT)) return false;
    }
  }
  const fn = (loop.fn ??= jsLoopOf(u, loop));
  const o = od as unknown as Raw[];
  const oo = out.offset;
  if (nin === 2) {
    const x = inputs[0];
    const y = inputs[1];
    if (codes[0] < WEAK && codes[1] < WEAK) {
      const xd = (x as NdArray).data as unknown as Raw[];
      const yd = (y as NdArray).data as unknown as Raw[];
      const xo = (x as NdArray).offset;
      const yo = (y as NdArray).offset;
      for (let i = 0; i < size; i++) o[oo + i] = fn(xd[xo + i], yd[yo + i]) as Raw;
    } else if (codes[0] < WEAK) {
      const xd = (x as NdArray).data as unknown as Raw[];
      const xo = (x as NdArray).offset;
      const v = weakValue(y as number, loop.ins[1]);
      for (let i = 0; i < size; i++) o[oo + i] = fn(xd[xo + i], v) as Raw;
    } else if (codes[1] < WEAK) {
      const yd = (y as NdArray).data as unknown as Raw[];
      const yo = (y as NdArray).offset;
      const v = weakValue(x as number, loop.ins[0]);
      for (let i = 0; i < size; i++) o[oo + i] = fn(v, yd[yo + i]) as Raw;
    } else {
      o[oo] = fn(weakValue(x as number, loop.ins[0]), weakValue(y as number, loop.ins[1])) as Raw;
    }
    return true;
  }
  if (nin === 1) {
    const x = inputs[0];
    if (codes[0] >= WEAK) {
      o[oo] = fn(weakValue(x as number, loop.ins[0])) as Raw;
      return true;
    }
    const xd = (x as NdArray).data as unknown as Raw[];
    const xo = (x as NdArray).offset;
    for (let i = 0; i < size; i++) o[oo + i] = fn(xd[xo + i]) as Raw;
    return true;
  }
  return false;
}

/** Write an array operand's description into the scratch at `p`; returns the next position. */
function putArray(s: Float64Array, p: number, code: number, a: NdArray, nd: number): number {
  s[p++] = code;
  s[p++] = a.offset;
  const sh = a.shape;
  const st = a.stride;
  const lead = nd - sh.length;
  for (let j = 0; j < nd; j++) s[p++] = j < lead || sh[j - lead] === 1 ? 0 : st[j - lead];
  return p;
}

/**
 * Call ufunc `u` on `inputs`, as numpy's `u(*inputs, **opts)`: the result
 * array (a JS scalar when every input is a scalar or 0-d and no `out` is
 * given), or a list of them for several outputs.
 */
export function callUfunc(u: Ufunc, given0: readonly Operand[], opts?: UfuncOptions): Result | Result[] {
  if (arguments.length > 3) extraArgument('np.callUfunc', 3, arguments[3]);
  const nin = u.nin;
  const nout = u.nout;
  if (given0.length !== nin) throw new DTypeError(`${u.name}() takes ${nin} positional input(s), got ${given0.length}`);
  // lists are array_like: np.asarray's arrays (strong dtypes: [1, 2] is int64, as in numpy)
  let inputs = given0;
  for (let k = 0; k < nin; k++) {
    if (Array.isArray(given0[k])) {
      if (inputs === given0) inputs = [...given0];
      (inputs as Operand[])[k] = asArray(given0[k] as NestedList, `np.${u.name}`, `argument ${k + 1}`);
    }
  }
  // 1. resolution, cached by the inputs' kinds and the options
  const codes = new Array<number>(nin);
  let key = 0;
  let nd = 0;
  let first: NdArray | undefined;
  let sameShapes = true;
  for (let k = 0; k < nin; k++) {
    const x = inputs[k];
    const c = kindOf(x, u, k);
    codes[k] = c;
    key = key * 16 + c;
    if (c < WEAK) {
      const a = x as NdArray;
      if (a.shape.length > nd) nd = a.shape.length;
      if (first === undefined) first = a;
      else if (sameShapes) {
        const s1 = first.shape;
        const s2 = a.shape;
        if (s1.length !== s2.length) sameShapes = false;
        else for (let j = 0; j < s1.length; j++) if (s1[j] !== s2[j]) sameShapes = false;
      }
    }
  }
  let want: DType | undefined;
  let casting: Casting = 'same_kind';
  let outs: (NdArray | undefined)[] | undefined;
  let where: NdArray | boolean | undefined;
  if (opts) {
    if (opts.dtype !== undefined && opts.dtype !== null) want = dtypeArg('np.', opts.dtype, u.name);
    if (opts.casting !== undefined) casting = checkCasting(opts.casting);
    key += 16 ** nin * ((want ? want.num + 1 : 0) + 16 * CASTING_CODE[casting]);
    outs = outsOf(u, opts);
    where = opts.where ?? undefined;
  }
  let loop = u.cache.get(key);
  if (loop === undefined) {
    loop = resolveLoop(u, codes, want, casting);
    u.cache.set(key, loop);
  }
  if (u.spec.exactScalars) loop = exactScalars(u, loop, inputs, codes, want, casting);
  // 2. broadcasting (inputs, where=, then against out=)
  const whereArr = isArray(where) ? where : undefined;
  if (where !== undefined && typeof where !== 'boolean' && !whereArr) {
    throw new DTypeError(`${u.name}: where= must be a bool array or a boolean`);
  }
  if (whereArr) {
    if (dtypeOf(whereArr.data).kind !== 'b') {
      throw new DTypeError(`Cannot cast array data from ${describe(dtypeOf(whereArr.data))} to dtype('bool') according to the rule 'safe'`);
    }
    if (whereArr.shape.length > nd) nd = whereArr.shape.length;
    sameShapes = false;
  }
  let shape: number[];
  if (first !== undefined && sameShapes) shape = first.shape;
  else {
    shape = new Array<number>(nd).fill(1);
    const fold = (a: NdArray): void => {
      const lead = nd - a.shape.length;
      for (let i = 0; i < a.shape.length; i++) {
        const d = a.shape[i];
        const j = lead + i;
        if (shape[j] === 1) shape[j] = d;
        else if (d !== 1 && d !== shape[j]) {
          const shapes = [...inputs.filter(isArray), ...(whereArr ? [whereArr] : [])].map((x) => shapeText(x.shape, true));
          throw new ShapeError(`operands could not be broadcast together with shapes ${shapes.join(' ')}`);
        }
      }
    };
    for (const x of inputs) if (isArray(x)) fold(x);
    if (whereArr) fold(whereArr);
  }
  let given: NdArray | undefined;
  if (outs) {
    const bshape = shape;
    for (const o of outs) {
      if (!o) continue;
      given ??= o;
      const os = o.shape;
      let ok = os.length >= nd;
      for (let j = 0; j < nd && ok; j++) {
        const d = bshape[j];
        ok = d === 1 || d === os[os.length - nd + j];
      }
      if (!ok || (given !== o && given.shape.join() !== os.join())) {
        throw new ValueError(`non-broadcastable output operand with shape ${shapeText(os, true)} doesn't match the broadcast shape ${shapeText(bshape, true)}`);
      }
      shape = os;
    }
    nd = shape.length;
  }
  // 3. outputs: checked or allocated
  let size = 1;
  for (let j = 0; j < nd; j++) size *= shape[j];
  const results: NdArray[] = new Array<NdArray>(nout);
  for (let j = 0; j < nout; j++) {
    const o = outs?.[j];
    const lt = loop.outs[j];
    if (o) {
      const ot = dtypeOf(o.data);
      if (ot !== lt && !castAllowed(lt, ot, casting)) {
        throw new DTypeError(`Cannot cast ufunc '${u.name}' output from ${describe(lt)} to ${describe(ot)} with casting rule '${casting}'`);
      }
      results[j] = o;
    } else {
      const t = want && j === 0 ? want : lt;
      results[j] = wrap(allocate(t, size), shape.slice()) as NdArray;
    }
  }
  // 4. run
  if (size > 0 && where !== false) {
    if (!(size <= smallLimit && nout === 1 && !whereArr && u.spec.jsSmall !== false && small(u, loop, inputs, codes, results[0], shape, size))) {
      run(u, loop, inputs, codes, results, shape, whereArr, given === undefined);
    }
  }
  // 5. results: numpy gives scalars for 0-d results unless out= was given
  const scalar = nd === 0 && !given;
  if (nout === 1) return scalar ? scalarOf(results[0]) : results[0];
  return results.map((r) => (scalar ? scalarOf(r) : r));
}

/** Run a resolved call natively (described straight into the scratch), or through {@link iterate}. */
function run(
  u: Ufunc, loop: Loop, inputs: readonly Operand[], codes: readonly number[], results: NdArray[], shape: readonly number[], where: NdArray | undefined,
  fresh: boolean,
): void {
  const nin = u.nin;
  const nd = shape.length;
  const idx = nativeLoop(u.name, loop);
  const nop = nin + results.length;
  if (idx >= 0 && !where && nop <= 4) {
    const s = scratch;
    s[0] = idx;
    s[1] = nin;
    s[2] = results.length;
    s[3] = nd;
    s[4] = fresh ? 2 : 0; // the outputs are new results: the engine may stream large ones past the caches
    let p = 5;
    for (let j = 0; j < nd; j++) s[p++] = shape[j];
    let d0: ArrayBufferView | undefined;
    let d1: ArrayBufferView | undefined;
    let d2: ArrayBufferView | undefined;
    let d3: ArrayBufferView | undefined;
    for (let k = 0; k < nop; k++) {
      let d: ArrayBufferView;
      if (k >= nin) {
        const r = results[k - nin];
        p = putArray(s, p, dtypeOf(r.data).num, r, nd);
        d = r.data;
      } else if (codes[k] < WEAK) {
        const a = inputs[k] as NdArray;
        p = putArray(s, p, codes[k], a, nd);
        d = a.data;
      } else {
        const t = loop.ins[k];
        d = cell(k, t, weakValue(inputs[k] as number, t));
        s[p++] = t.num;
        s[p++] = 0;
        for (let j = 0; j < nd; j++) s[p++] = 0;
      }
      if (k === 0) d0 = d;
      else if (k === 1) d1 = d;
      else if (k === 2) d2 = d;
      else d3 = d;
    }
    const e = engine() as Native;
    if (nop === 2) e.ufunc(s, d0 as ArrayBufferView, d1 as ArrayBufferView);
    else if (nop === 3) e.ufunc(s, d0 as ArrayBufferView, d1 as ArrayBufferView, d2 as ArrayBufferView);
    else e.ufunc(s, d0 as ArrayBufferView, d1 as ArrayBufferView, d2 as ArrayBufferView, d3 as ArrayBufferView);
    return;
  }
  const ops: IterOperand[] = new Array<IterOperand>(nop);
  for (let k = 0; k < nin; k++) {
    const x = inputs[k];
    if (codes[k] < WEAK) {
      const a = x as NdArray;
      ops[k] = { data: a.data as AnyTypedArray, dtype: TYPES[codes[k]], offset: a.offset, strides: broadcastStrides(a, nd) };
    } else {
      const t = loop.ins[k];
      ops[k] = { data: cell(k, t, weakValue(x as number, t)), dtype: t, offset: 0, strides: new Array<number>(nd).fill(0) };
    }
  }
  for (let j = 0; j < results.length; j++) {
    const r = results[j];
    ops[nin + j] = { data: r.data as AnyTypedArray, dtype: dtypeOf(r.data), offset: r.offset, strides: broadcastStrides(r, nd) };
  }
  const w = where
    ? { data: where.data as AnyTypedArray, dtype: TYPES[0], offset: where.offset, strides: broadcastStrides(where, nd) }
    : undefined;
  iterate(u.name, loop, nin, ops, shape, w, () => jsLoopOf(u, loop), fresh);
}

/**
 * For comparisons: a weak integer that does not fit the loop's integer type
 * becomes a strong int64/uint64 (exact through the qQ/Qq loops) or float64
 * (exact for the narrower types), and the loop is resolved again.
 */
function exactScalars(u: Ufunc, loop: Loop, inputs: readonly Operand[], weak: readonly number[], want: DType | undefined, casting: Casting): Loop {
  let changed = false;
  const codes = weak.slice();
  for (let k = 0; k < codes.length; k++) {
    const x = inputs[k];
    const t = loop.ins[k];
    if (codes[k] !== WEAK + 1 || t.kind === 'f' || t.kind === 'b') continue;
    const v = BigInt(x as number | bigint);
    const [lo, hi] = LIMITS[t.name];
    if (v >= lo && v <= hi) continue;
    codes[k] = v >= 0n && v < 2n ** 64n && t.itemsize === 8 ? 8 : v < 0n && v >= -(2n ** 63n) && t.itemsize === 8 ? 7 : 10;
    changed = true;
  }
  return changed ? resolveLoop(u, codes, want, casting) : loop;
}

/** The element of a 0-d array as a JS value (boolean for bool). */
export function scalarOf(a: NdArray): number | bigint | boolean {
  const v = (a.data as unknown as Raw[])[a.offset];
  return dtypeOf(a.data).kind === 'b' ? v !== 0 : v;
}

export { sigOf };
