/**
 * Writing whole arrays: fill (one value everywhere) and copyto (another
 * array or a value, broadcast, cast under a casting rule, optionally only
 * where a mask is true) — memset/memcpy-speed loops of the native engine
 * for any layout, and numpy's answer when source and destination overlap.
 */
import { DTypeError } from '../errors.js';
import { type AnyTypedArray, type DType, dtypeOf, float64 } from './dtype.js';
import { ValueError } from './errors.js';
import {
  type NdArray, type NestedList, arrayArg, asArray, checkWriteable, describeArg, isNdArray, operandError, shapeText,
} from './ndarray.js';
import { type Casting, castAllowed, checkCasting, weakDefault, weakKind } from './promote.js';
import { castInto } from './cast.js';
import { type OptionKeys, plainOptions, extraArgument } from './axisarg.js';
import { type IterOperand, weakValue } from './ufunc/index.js';

/** A value, or (for copyto) an array, to write. */
export type FillValue = number | bigint | boolean;

function isArray(x: unknown): x is NdArray {
  return typeof x === 'object' && x !== null && 'stride' in x && ArrayBuffer.isView((x as NdArray).data);
}

/** A JS scalar as a one-element operand of dtype `t`, broadcast over `nd` dimensions. */
function scalarOperand(v: FillValue, t: DType, nd: number): IterOperand {
  const data = new t.ArrayType(1) as AnyTypedArray;
  (data as unknown as (number | bigint)[])[0] = weakValue(v, t);
  return { data, dtype: t, offset: 0, strides: new Array<number>(nd).fill(0) };
}

/** From this many bytes on, a new array is filled by the engine ({@link fillNew}); below, by TypedArray fill. */
export const ENGINE_FILL_MIN = 1 << 16;

/**
 * Every element of `a`, an array just allocated for a result (C order, its
 * own data), set to `cell[0]` (one element of a's dtype). Large arrays go to
 * the engine, which shares them among its threads and writes them past the
 * caches as any new result: a 1080p uint8 frame took 356-383 µs with
 * TypedArray fill, one thread's plain stores into memory the caches no longer
 * hold.
 */
export function fillNew(a: NdArray, cell: AnyTypedArray): void {
  const t = dtypeOf(a.data);
  if (a.size * t.itemsize < ENGINE_FILL_MIN) {
    (a.data as Float64Array).fill((cell as Float64Array)[0]);
    return;
  }
  castInto(a, { data: cell, dtype: t, offset: 0, strides: new Array<number>(a.shape.length).fill(0) }, undefined, true);
}

/**
 * Set every element of `a` to `value`, as numpy's `a.fill(value)`: an
 * integer must fit the dtype (OverflowError), a fraction is truncated into
 * an integer array.
 *
 * @example
 * ```ts
 * np.fill(np.zeros(3, 'uint8'), 7) // => array([7, 7, 7], dtype=uint8)
 * ```
 */
export function fill<A extends NdArray>(a: A, value: FillValue | NdArray | NestedList): A {
  if (arguments.length > 2) extraArgument('np.fill', 2, arguments[2]);
  checkWriteable(arrayArg('np.fill', a));
  const t = dtypeOf(a.data);
  if (typeof value !== 'number' && typeof value !== 'bigint' && typeof value !== 'boolean') {
    if (Array.isArray(value) || isNdArray(value)) {
      // numpy's a.fill takes one value, never a sequence (NumPy 2 refuses even [5])
      throw new ValueError('np.fill: setting an array element with a sequence. (np.fill takes one value; np.copyto(a, values) copies an array)');
    }
    throw new TypeError(`np.fill: the second argument is the value, a number, a bigint or a boolean; got ${describeArg(value)}`);
  }
  let v: FillValue = value;
  if (typeof v === 'number' && t.kind !== 'f' && t.kind !== 'b' && !Number.isInteger(v)) {
    if (!Number.isFinite(v)) throw new ValueError(`cannot convert float ${v} to integer`);
    v = Math.trunc(v);
  }
  if (a.size > 0) castInto(a, scalarOperand(v, t, a.shape.length));
  return a;
}

/** Options of {@link copyto}. */
export interface CopytoOptions {
  /** numpy's casting rule (default 'same_kind'). */
  casting?: Casting;
  /** Copy only where this bool array (broadcast to `dst`) is true. */
  where?: NdArray | boolean;
}

/** The keys of {@link CopytoOptions}, in numpy's order: any other key is refused. */
export const COPYTO_OPTION_KEYS: OptionKeys<CopytoOptions> = { casting: true, where: true };

/**
 * Copy `src` into `dst`, broadcasting, as `numpy.copyto(dst, src)`:
 * `np.copyto(np.index(a, '1:, ::2'), b)` is numpy's `a[1:, ::2] = b`.
 * `src` is cast to `dst`'s dtype if `casting` allows (default 'same_kind');
 * a JS scalar is weak (an integer that does not fit is an OverflowError).
 * Overlapping `src` and `dst` give numpy's result (the source is read first).
 *
 * @example
 * ```ts
 * const a = np.zeros(4, 'int16');
 * np.copyto(a, np.array([1, 2, 3, 4], 'uint8'), { casting: 'safe' }) // => array([1, 2, 3, 4], dtype=int16)
 * ```
 */
export function copyto(dst: NdArray, src0: NdArray | FillValue | NestedList, options?: CopytoOptions): NdArray {
  if (arguments.length > 3) extraArgument('np.copyto', 3, arguments[3]);
  const opts = plainOptions('np.copyto', options, COPYTO_OPTION_KEYS, "{ casting: 'unsafe' }", 'third');
  checkWriteable(arrayArg('np.copyto', dst));
  // a list is array_like: np.asarray's array (strong dtype), as numpy's copyto
  const src = Array.isArray(src0) ? asArray(src0 as NestedList, 'np.copyto', 'the second argument') : (src0 as NdArray | FillValue);
  const casting = checkCasting(opts.casting ?? 'same_kind');
  const td = dtypeOf(dst.data);
  const where = opts.where;
  if (where === false) return dst;
  const mask = isArray(where) ? where : undefined;
  if (mask && dtypeOf(mask.data).kind !== 'b') {
    throw new DTypeError(`Cannot cast array data from dtype('${dtypeOf(mask.data).name}') to dtype('bool') according to the rule 'safe'`);
  }
  if (mask) checkBroadcast(mask.shape, dst.shape);
  if (!isArray(src)) {
    if (typeof src !== 'number' && typeof src !== 'bigint' && typeof src !== 'boolean') {
      throw operandError('np.copyto', 'the second argument', src);
    }
    const st = weakKind(src) === 2 ? float64 : weakDefault(weakKind(src));
    const k = weakKind(src);
    const dk = td.kind === 'b' ? 0 : td.kind === 'f' ? 2 : 1;
    if (k > dk && !castAllowed(st, td, casting)) {
      throw new DTypeError(`Cannot cast scalar from dtype('${st.name}') to dtype('${td.name}') according to the rule '${casting}'`);
    }
    if (dst.size > 0) castInto(dst, scalarOperand(src, td, dst.shape.length), mask);
    return dst;
  }
  const ts = dtypeOf(src.data);
  if (!castAllowed(ts, td, casting)) {
    throw new DTypeError(`Cannot cast array data from dtype('${ts.name}') to dtype('${td.name}') according to the rule '${casting}'`);
  }
  checkBroadcast(src.shape, dst.shape);
  if (dst.size > 0) castInto(dst, src, mask);
  return dst;
}

function checkBroadcast(from: readonly number[], to: readonly number[]): void {
  let ok = from.length <= to.length;
  for (let i = 0; i < from.length && ok; i++) {
    const d = from[from.length - 1 - i];
    ok = d === 1 || d === to[to.length - 1 - i];
  }
  if (!ok) throw new ValueError(`could not broadcast input array from shape ${shapeText(from, true)} into shape ${shapeText(to, true)}`);
}
