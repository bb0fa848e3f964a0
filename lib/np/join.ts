/**
 * Joining, splitting and repeating arrays, as numpy does: concatenate,
 * stack, hstack, vstack, dstack, split, array_split, pad, roll, tile,
 * repeat.
 *
 * Every copy here is a copy of one view into another (a few per call, or
 * one per element of an axis for `repeat` with per-element counts), so the
 * work runs in the copy engine, never element by element in JavaScript.
 * split and array_split return views.
 */
import { DTypeError } from '../errors.js';
import { type OptionKeys, arraysArg, axisOptions, numbersArg, plainOptions, extraArgument } from './axisarg.js';
import { type AnyTypedArray, type DTypeLike, type DTypeName, dtypeArg } from './dtype.js';
import { ValueError } from './errors.js';
import {
  type NdArray, type NestedList, type Scalar, asArray, checkWriteable, dtypeOfArray, isNdArray, restride, shapeText, wrap,
} from './ndarray.js';
import { type Casting, castAllowed, checkCasting } from './promote.js';
import {
  atleast_1d, atleast_2d, atleast_3d, axisOf, cStrides, copyInto, elements, expand_dims, newArray, ravel, reshape, resultTypeOf, scalarArray,
} from './shape.js';
import { sliceIndices, Slice } from './slice.js';

/** Options of {@link concatenate} and the stacking functions. */
export interface JoinOptions {
  /** The axis to join along (default 0); null joins the flattened arrays. */
  axis?: number | null;
  /** Where to put the result: it must have the result's shape. */
  out?: NdArray;
  /** The result's dtype (not with `out`). */
  dtype?: DTypeLike;
  /** How the inputs may be cast into the result (default 'same_kind'). */
  casting?: Casting;
}

/** The keys of {@link JoinOptions}, in numpy's order: any other key is refused. */
export const JOIN_OPTION_KEYS: OptionKeys<JoinOptions> = { axis: true, out: true, dtype: true, casting: true };

/** Options of {@link stack}: the axis is a new one, never null. */
export type StackOptions = Omit<JoinOptions, 'axis'> & { axis?: number };

/** Options of {@link hstack}, {@link vstack} and {@link dstack}, which choose the axis themselves. */
export type StackingOptions = Omit<JoinOptions, 'axis'>;

/** The keys of {@link StackingOptions}. */
export const STACKING_OPTION_KEYS: OptionKeys<StackingOptions> = { out: true, dtype: true, casting: true };

/** Options of {@link split} and {@link array_split}. */
export interface SplitOptions {
  /** The axis to split along (default 0). */
  axis?: number;
}

/** The keys of {@link SplitOptions}. */
export const SPLIT_OPTION_KEYS: OptionKeys<SplitOptions> = { axis: true };

/** A view of `a` restricted to [start, start + n) along `axis`. */
function along<N extends DTypeName>(a: NdArray<N>, axis: number, start: number, n: number, step = 1): NdArray<N> {
  const shape = [...a.shape];
  shape[axis] = n;
  const stride = [...a.stride];
  stride[axis] *= step;
  return restride(a, shape, stride, a.offset + (n > 0 ? start * a.stride[axis] : 0));
}

/**
 * Join arrays along an existing axis (numpy.concatenate). The result has
 * the dtype the inputs promote to (or `dtype`), each input cast by
 * `casting`; `axis: null` joins them flattened. Built from one copy per
 * input into a view of the result. The axis may be given positionally (a
 * number or null), as numpy's `np.concatenate([a, b], 1)`.
 *
 * @throws ValueError for no arrays, 0-d arrays, or shapes that differ off
 *   the axis (numpy's messages, naming the array and dimension); AxisError;
 *   DTypeError when a cast is not allowed.
 * @example
 * ```ts
 * np.concatenate([np.arange(2), np.arange(3)]) // => array([0, 1, 0, 1, 2])
 * np.concatenate([np.zeros([2, 1]), np.ones([2, 1])], 1) // => array([[0., 1.],
 * //        [0., 1.]])
 * ```
 */
export function concatenate<N extends DTypeName>(
  arrays: readonly NdArray<N>[], opts?: (JoinOptions & { dtype?: undefined }) | number | null,
  options?: Omit<JoinOptions, 'axis'> & { dtype?: undefined },
): NdArray<N>;
export function concatenate(arrays: readonly (NdArray | NestedList)[], opts?: JoinOptions | number | null, options?: Omit<JoinOptions, 'axis'>): NdArray;
export function concatenate(arrays: readonly (NdArray | NestedList)[], axisOrOpts?: JoinOptions | number | null, options?: Omit<JoinOptions, 'axis'>): NdArray {
  if (arguments.length > 3) extraArgument('np.concatenate', 3, arguments[3]);
  const opts = axisOptions('np.concatenate', axisOrOpts, JOIN_OPTION_KEYS, { forms: 'axis-or-null' }, options);
  let xs = arraysArg('np.concatenate', arrays);
  if (xs.length === 0) throw new ValueError('need at least one array to concatenate');
  let axis = opts.axis === undefined ? 0 : opts.axis;
  if (axis === null) {
    xs = xs.map((a) => ravel(a));
    axis = 0;
  }
  const nd = xs[0].shape.length;
  if (nd === 0) throw new ValueError('zero-dimensional arrays cannot be concatenated');
  const ax = axisOf(axis, nd);
  const shape = [...xs[0].shape];
  xs.forEach((a, k) => {
    if (k === 0) return;
    if (a.shape.length !== nd) {
      throw new ValueError(
        `all the input arrays must have same number of dimensions, but the array at index 0 has ${nd} dimension(s) ` +
          `and the array at index ${k} has ${a.shape.length} dimension(s)`,
      );
    }
    for (let d = 0; d < nd; d++) {
      if (d === ax) continue;
      if (a.shape[d] !== shape[d]) {
        throw new ValueError(
          `all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${d}, ` +
            `the array at index 0 has size ${shape[d]} and the array at index ${k} has size ${a.shape[d]}`,
        );
      }
    }
    shape[ax] += a.shape[ax];
  });
  return joinInto(xs, ax, shape, opts, 'concatenate');
}

function joinInto(xs: NdArray[], ax: number, shape: number[], opts: JoinOptions, what: string): NdArray {
  if (opts.out !== undefined && opts.dtype !== undefined) {
    throw new DTypeError(`${what}() only takes \`out\` or \`dtype\` as an argument, but both were provided.`);
  }
  const casting = checkCasting(opts.casting ?? 'same_kind');
  let out: NdArray;
  if (opts.out !== undefined) {
    out = opts.out;
    checkWriteable(out);
    if (out.shape.length !== shape.length || out.shape.some((n, d) => n !== shape[d])) {
      throw new ValueError(`Output array is the wrong shape: ${shapeText(out.shape)}, the result is ${shapeText(shape)}`);
    }
  } else {
    const t = opts.dtype !== undefined ? dtypeArg('np.', opts.dtype, what) : resultTypeOf(xs.map((x) => dtypeOfArray(x)));
    out = newArray(t, shape);
  }
  const to = dtypeOfArray(out);
  for (const a of xs) {
    const from = dtypeOfArray(a);
    if (!castAllowed(from, to, casting)) {
      throw new DTypeError(`Cannot cast array data from dtype('${from.name}') to dtype('${to.name}') according to the rule '${casting}'`);
    }
  }
  let pos = 0;
  for (const a of xs) {
    copyInto(along(out, ax, pos, a.shape[ax]), a, out !== opts.out);
    pos += a.shape[ax];
  }
  return out;
}

/**
 * Join arrays of one shape along a new axis (numpy.stack). The axis may be
 * given positionally, as numpy's `np.stack([r, g, b], -1)`.
 *
 * @example
 * ```ts
 * np.stack([np.arange(2), np.arange(2)], { axis: 1 }).shape // => [ 2, 2 ]
 * np.stack([np.zeros([2, 3]), np.ones([2, 3])], -1).shape // => [ 2, 3, 2 ]
 * ```
 */
export function stack<N extends DTypeName>(arrays: readonly NdArray<N>[], opts?: (StackOptions & { dtype?: undefined }) | number,
  options?: Omit<StackOptions, 'axis'> & { dtype?: undefined },
): NdArray<N>;
export function stack(arrays: readonly NdArray[], opts?: StackOptions | number, options?: Omit<StackOptions, 'axis'>): NdArray;
export function stack(arrays: readonly NdArray[], axisOrOpts?: StackOptions | number, options?: Omit<StackOptions, 'axis'>): NdArray {
  if (arguments.length > 3) extraArgument('np.stack', 3, arguments[3]);
  const opts = axisOptions('np.stack', axisOrOpts, JOIN_OPTION_KEYS, { forms: 'axis' }, options);
  const xs = arraysArg('np.stack', arrays);
  if (xs.length === 0) throw new ValueError('need at least one array to stack');
  const s0 = xs[0].shape;
  if (xs.some((a) => a.shape.length !== s0.length || a.shape.some((n, d) => n !== s0[d]))) {
    throw new ValueError('all input arrays must have the same shape');
  }
  // numpy's stack has no axis=None (concatenate's flattening): refused, not read as 0
  if ((opts.axis as unknown) === null) throw new TypeError("np.stack: axis must be an integer, not null (numpy: 'NoneType' object cannot be interpreted as an integer)");
  const ax = axisOf(opts.axis ?? 0, s0.length + 1);
  const shape = [...s0];
  shape.splice(ax, 0, xs.length);
  return joinInto(xs.map((a) => expand_dims(a, ax)), ax, shape, opts, 'stack');
}

/**
 * Join along the second axis, or the first for 1-d arrays (numpy.hstack).
 *
 * @example
 * ```ts
 * np.hstack([np.arange(2), np.arange(1)]) // => array([0, 1, 0])
 * ```
 */
export function hstack(arrays: readonly NdArray[], options?: StackingOptions): NdArray {
  if (arguments.length > 2) extraArgument('np.hstack', 2, arguments[2]);
  const opts = plainOptions('np.hstack', options, STACKING_OPTION_KEYS, "{ dtype: 'float32' }");
  const xs = arraysArg('np.hstack', arrays).map((x) => atleast_1d(x));
  if (xs.length && xs[0].shape.length === 1) return concatenate(xs, { ...opts, axis: 0 });
  return concatenate(xs, { ...opts, axis: 1 });
}

/**
 * Join along the first axis, 1-d arrays as rows (numpy.vstack).
 *
 * @example
 * ```ts
 * np.vstack([np.arange(2), np.arange(2)]).shape // => [ 2, 2 ]
 * ```
 */
export function vstack(arrays: readonly NdArray[], options?: StackingOptions): NdArray {
  if (arguments.length > 2) extraArgument('np.vstack', 2, arguments[2]);
  const opts = plainOptions('np.vstack', options, STACKING_OPTION_KEYS, "{ dtype: 'float32' }");
  return concatenate(arraysArg('np.vstack', arrays).map((x) => atleast_2d(x)), { ...opts, axis: 0 });
}

/**
 * Join along the third axis, lower-dimensional arrays as numpy.atleast_3d
 * shapes them (numpy.dstack).
 *
 * @example
 * ```ts
 * np.dstack([np.arange(2), np.arange(2)]).shape // => [ 1, 2, 2 ]
 * ```
 */
export function dstack(arrays: readonly NdArray[], options?: StackingOptions): NdArray {
  if (arguments.length > 2) extraArgument('np.dstack', 2, arguments[2]);
  const opts = plainOptions('np.dstack', options, STACKING_OPTION_KEYS, "{ dtype: 'float32' }");
  return concatenate(arraysArg('np.dstack', arrays).map((x) => atleast_3d(x)), { ...opts, axis: 2 });
}

/**
 * Split into views along `axis` (numpy.array_split): `n` parts (the first
 * `size % n` one element longer), or at the given indices (Python slice
 * bounds: negative count from the end, out of range clamps). The axis may
 * be given positionally (`np.array_split(a, 3, 1)`).
 *
 * @example
 * ```ts
 * np.array_split(np.arange(5), 3).map((p) => p.size) // => [ 2, 2, 1 ]
 * ```
 */
export function array_split<N extends DTypeName>(
  a: NdArray<N>, indicesOrSections: number | readonly number[], axisOrOpts?: SplitOptions | number, options?: Omit<SplitOptions, 'axis'>,
): NdArray<N>[] {
  if (arguments.length > 4) extraArgument('np.array_split', 4, arguments[4]);
  const opts = axisOptions('np.array_split', axisOrOpts, SPLIT_OPTION_KEYS, { forms: 'axis', position: 'third' }, options);
  const x = asArray(a, 'np.array_split') as NdArray<N>;
  numbersArg('np.array_split', indicesOrSections, 'the second argument', 'the number of sections or the split indices');
  const ax = axisOf(opts.axis ?? 0, x.shape.length);
  const n = x.shape[ax];
  let bounds: number[];
  if (typeof indicesOrSections === 'number') {
    const s = indicesOrSections;
    if (!Number.isInteger(s) || s <= 0) throw new ValueError('number sections must be larger than 0.');
    const each = Math.floor(n / s);
    const extra = n % s;
    bounds = [0];
    for (let k = 0; k < s; k++) bounds.push(bounds[k] + each + (k < extra ? 1 : 0));
  } else {
    bounds = [0, ...indicesOrSections, n];
  }
  const out: NdArray<N>[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const { start, length } = sliceIndices(new Slice(bounds[k], bounds[k + 1]), n);
    out.push(along(x, ax, start, length));
  }
  return out;
}

/**
 * Split into views along `axis` (numpy.split): like {@link array_split},
 * but `n` parts must be equal. The axis may be given positionally, as
 * numpy's `np.split(a, 2, 1)`.
 *
 * @throws ValueError "array split does not result in an equal division".
 * @example
 * ```ts
 * np.split(np.arange(6), [2, 5]).map((p) => p.size) // => [ 2, 3, 1 ]
 * np.split(np.zeros([2, 4]), 2, 1).map((p) => p.shape) // => [ [ 2, 2 ], [ 2, 2 ] ]
 * ```
 */
export function split<N extends DTypeName>(
  a: NdArray<N>, indicesOrSections: number | readonly number[], axisOrOpts?: SplitOptions | number, options?: Omit<SplitOptions, 'axis'>,
): NdArray<N>[] {
  if (arguments.length > 4) extraArgument('np.split', 4, arguments[4]);
  const opts = axisOptions('np.split', axisOrOpts, SPLIT_OPTION_KEYS, { forms: 'axis', position: 'third' }, options);
  const x = asArray(a, 'np.split') as NdArray<N>;
  numbersArg('np.split', indicesOrSections, 'the second argument', 'the number of sections or the split indices');
  if (typeof indicesOrSections === 'number') {
    const n = x.shape[axisOf(opts.axis ?? 0, x.shape.length)];
    if (indicesOrSections > 0 && n % indicesOrSections !== 0) {
      throw new ValueError('array split does not result in an equal division');
    }
  }
  return array_split(x, indicesOrSections, opts);
}

// ---------------------------------------------------------------------------
// pad

/** A pad width as numpy takes it: n, [n], [before, after], or one pair per axis. */
export type PadWidth = number | readonly number[] | readonly (readonly number[])[];

/** Values per axis side, in the same forms as {@link PadWidth}. */
export type PadValues = Scalar | readonly Scalar[] | readonly (readonly Scalar[])[];

/** Options of {@link pad}. */
export interface PadOptions {
  /** 'constant' (default), 'edge', 'reflect', 'symmetric', 'wrap' or 'empty' (uninitialised). */
  mode?: 'constant' | 'edge' | 'reflect' | 'symmetric' | 'wrap' | 'empty';
  /** For 'constant': the values (default 0), cast to the array's dtype as numpy does. */
  constant_values?: PadValues;
}

/** The keys of {@link PadOptions}. */
export const PAD_OPTION_KEYS: OptionKeys<PadOptions> = { mode: true, constant_values: true };

/** Broadcast numpy's pad_width / constant_values forms to one [before, after] per axis. */
function perAxis<T>(v: T | readonly T[] | readonly (readonly T[])[], nd: number): [T, T][] {
  let rows: T[][];
  let shape: number[];
  if (!Array.isArray(v)) {
    rows = [[v as T]];
    shape = [];
  } else if (v.length > 0 && Array.isArray(v[0])) {
    rows = (v as T[][]).map((r) => [...r]);
    const w = rows[0].length;
    if (rows.some((r) => r.length !== w || r.some((x) => Array.isArray(x)))) {
      throw new ValueError('np.pad: widths and values must be a number, a pair, or one pair per axis');
    }
    shape = [rows.length, w];
  } else {
    rows = [[...(v as T[])]];
    shape = [(v as T[]).length];
  }
  const r = shape.length === 2 ? shape[0] : 1;
  const c = shape.length === 0 ? 1 : shape[shape.length - 1];
  if ((r !== 1 && r !== nd) || (c !== 1 && c !== 2)) {
    throw new ValueError(
      `operands could not be broadcast together with remapped shapes [original->remapped]: ` +
        `${shapeText(shape).replace(/ /g, '')}  and requested shape (${nd},2)`,
    );
  }
  return Array.from({ length: nd }, (_, d) => {
    const row = rows[r === 1 ? 0 : d];
    return [row[0], row[c === 1 ? 0 : 1]];
  });
}

/** Where padded position `p` (relative to the start of an axis of size `n`) reads from. */
function source(mode: string, p: number, n: number): number {
  if (p >= 0 && p < n) return p;
  switch (mode) {
    case 'edge':
      return p < 0 ? 0 : n - 1;
    case 'wrap':
      return ((p % n) + n) % n;
    case 'symmetric': {
      const m = ((p % (2 * n)) + 2 * n) % (2 * n);
      return m < n ? m : 2 * n - 1 - m;
    }
    default: {
      if (n === 1) return 0;
      const period = 2 * (n - 1);
      const m = ((p % period) + period) % period;
      return m < n ? m : period - m;
    }
  }
}

/** Fill the positions [from, to) of `axis` of `roi` from its own centre [c, c + n), as `mode` maps them. */
function padSide(roi: NdArray, axis: number, c: number, n: number, from: number, to: number, mode: string): void {
  let p = from;
  while (p < to) {
    const s0 = source(mode, p - c, n);
    let dir = 0;
    let q = p + 1;
    if (q < to) {
      dir = source(mode, q - c, n) - s0;
      if (Math.abs(dir) > 1) dir = 0;
      while (q < to && source(mode, q - c, n) === s0 + dir * (q - p)) q++;
    }
    const dst = along(roi, axis, p, q - p);
    const src = restride(roi, dst.shape, dst.stride.map((s, d) => (d === axis ? roi.stride[axis] * dir : s)),
      roi.offset + (c + s0) * roi.stride[axis]);
    copyInto(dst, src);
    p = q;
  }
}

/**
 * Pad an array (numpy.pad). `padWidth`: `n` (every side), `[before,
 * after]` (every axis), or one `[before, after]` per axis. Modes:
 * 'constant' (`constant_values` in the same forms, default 0, cast to the
 * dtype as numpy casts: 300 in uint8 is 44), 'edge', 'reflect' (mirror
 * without the edge), 'symmetric' (with it), 'wrap', 'empty' (uninitialised, as numpy's).
 * Widths larger than the axis repeat the pattern, as numpy's. Built from
 * copies of views of the result (one per side and axis, more when a width
 * exceeds the period), never per element. numpy's positional mode is the
 * option `{ mode: 'edge' }` here; a string in its place is a TypeError.
 *
 * @throws ValueError for negative widths, a mode numpy does not know,
 *   `constant_values` with another mode, or a non-constant mode on an
 *   empty axis; DTypeError for non-integer widths.
 * @example
 * ```ts
 * np.pad(np.arange(3), [2, 1], { mode: 'reflect' }) // => array([2, 1, 0, 1, 2, 1])
 * ```
 */
export function pad<N extends DTypeName>(a: NdArray<N>, padWidth: PadWidth, options?: PadOptions): NdArray<N> {
  if (arguments.length > 3) extraArgument('np.pad', 3, arguments[3]);
  const opts = plainOptions('np.pad', options, PAD_OPTION_KEYS, "{ mode: 'edge' }", 'third');
  const x = asArray(a, 'np.pad') as NdArray<N>;
  const nd = x.shape.length;
  const mode = opts.mode ?? 'constant';
  if (!['constant', 'edge', 'reflect', 'symmetric', 'wrap', 'empty'].includes(mode)) {
    throw new ValueError(`mode '${String(mode)}' is not supported`);
  }
  if (mode !== 'constant' && opts.constant_values !== undefined) {
    throw new ValueError(`unsupported keyword arguments for mode '${mode}': {'constant_values'}`);
  }
  // numpy reads an empty list as a float array
  if (Array.isArray(padWidth) && padWidth.length === 0) throw new DTypeError('`pad_width` must be of integral type.');
  const widths = perAxis<number>(padWidth, nd);
  for (const w of widths.flat()) {
    if (typeof w !== 'number' || !Number.isInteger(w)) throw new DTypeError('`pad_width` must be of integral type.');
    if (w < 0) throw new ValueError("index can't contain negative values");
  }
  const t = dtypeOfArray(x);
  const shape = x.shape.map((n, d) => n + widths[d][0] + widths[d][1]);
  const out = newArray(t, shape) as NdArray<N>;
  const centre = x.shape.reduce((v: NdArray<N>, n, d) => along(v, d, widths[d][0], n), out);
  if (mode === 'constant') {
    // the borders first: the centre's copy then finds the lines it shares
    // with them in the cache (1080p, 8 rows each side: 342 -> 274 µs, the
    // copy alone 269)
    const values = perAxis<Scalar>(opts.constant_values ?? 0, nd);
    for (let d = 0; d < nd; d++) {
      for (const side of [0, 1]) {
        const w = widths[d][side];
        if (w === 0) continue;
        const region = along(out, d, side === 0 ? 0 : shape[d] - w, w);
        const v = wrap(scalarArray(values[d][side], t), []);
        copyInto(region, restride(v, region.shape, region.shape.map(() => 0)));
      }
    }
    copyInto(centre, x, true);
    return out;
  }
  copyInto(centre, x, true);
  if (mode === 'empty') return out;
  for (let d = 0; d < nd; d++) {
    const [before, after] = widths[d];
    if (before + after === 0) continue;
    if (x.shape[d] === 0) {
      throw new ValueError(`can't extend empty axis ${d} using modes other than 'constant' or 'empty'`);
    }
    // axes already padded in full, later ones only over the original area
    let roi = out;
    for (let e = d + 1; e < nd; e++) roi = along(roi, e, widths[e][0], x.shape[e]);
    padSide(roi, d, before, x.shape[d], 0, before, mode);
    padSide(roi, d, before, x.shape[d], before + x.shape[d], shape[d], mode);
  }
  return out;
}

// ---------------------------------------------------------------------------
// roll, tile, repeat

/** Options of {@link roll}. */
export interface RollOptions {
  /** The axis or axes to roll along; null (default) rolls the flattened array. */
  axis?: number | readonly number[] | null;
}

/** The keys of {@link RollOptions}. */
export const ROLL_OPTION_KEYS: OptionKeys<RollOptions> = { axis: true };

/** Options of {@link repeat}. */
export interface RepeatOptions {
  /** The axis to repeat along; null (default) repeats the flattened array. */
  axis?: number | null;
}

/** The keys of {@link RepeatOptions}. */
export const REPEAT_OPTION_KEYS: OptionKeys<RepeatOptions> = { axis: true };

/**
 * Shift elements along axes, those pushed off one end coming back at the
 * other (numpy.roll). `axis` null (default) rolls the flattened array;
 * `shift` and `axis` may be lists of one length (or one a single number);
 * shifts on the same axis add up. A new array. The axis may be given
 * positionally, as numpy's `np.roll(a, 1, 0)`.
 *
 * @example
 * ```ts
 * np.roll(np.arange(5), 2) // => array([3, 4, 0, 1, 2])
 * np.roll(np.reshape(np.arange(4), [2, 2]), 1, 1) // => array([[1, 0],
 * //        [3, 2]])
 * ```
 */
export function roll<N extends DTypeName>(
  a: NdArray<N>, shift: number | readonly number[], axisOrOpts?: RollOptions | number | readonly number[] | null, options?: Omit<RollOptions, 'axis'>,
): NdArray<N> {
  if (arguments.length > 4) extraArgument('np.roll', 4, arguments[4]);
  const opts = axisOptions('np.roll', axisOrOpts, ROLL_OPTION_KEYS, { position: 'third' }, options);
  const x = asArray(a, 'np.roll') as NdArray<N>;
  numbersArg('np.roll', shift, 'the second argument', 'the shift');
  if (opts.axis === undefined || opts.axis === null) {
    if (typeof shift !== 'number' && shift.length !== 1) {
      throw new ValueError(`np.roll: ${shift.length} shifts need as many axes (axis=None takes one shift)`);
    }
    return reshape(roll(ravel(x), typeof shift === 'number' ? shift : shift[0], { axis: 0 }), x.shape);
  }
  const nd = x.shape.length;
  const shifts = typeof shift === 'number' ? [shift] : [...shift];
  const axes = typeof opts.axis === 'number' ? [opts.axis] : [...opts.axis];
  const k = Math.max(shifts.length, axes.length);
  if ((shifts.length !== 1 && shifts.length !== k) || (axes.length !== 1 && axes.length !== k)) {
    throw new ValueError(
      `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape ` +
        `(${shifts.length},) and arg 1 with shape (${axes.length},).`,
    );
  }
  const total = new Array<number>(nd).fill(0);
  for (let i = 0; i < k; i++) {
    const s = shifts[shifts.length === 1 ? 0 : i];
    if (!Number.isInteger(s)) throw new DTypeError(`np.roll: shift ${s} is not an integer`);
    total[axisOf(axes[axes.length === 1 ? 0 : i], nd)] += s;
  }
  const out = newArray(dtypeOfArray(x), x.shape) as NdArray<N>;
  // per rolled axis two pieces: [0, n - s) moves to [s, n), [n - s, n) to [0, s)
  const pieces: { src: number; dst: number; len: number }[][] = x.shape.map((n, d) => {
    const s = n === 0 ? 0 : ((total[d] % n) + n) % n;
    return s === 0 ? [{ src: 0, dst: 0, len: n }] : [{ src: 0, dst: s, len: n - s }, { src: n - s, dst: 0, len: s }];
  });
  const visit = (d: number, src: NdArray<N>, dst: NdArray<N>): void => {
    if (d === nd) {
      copyInto(dst as NdArray, src as NdArray, true);
      return;
    }
    for (const p of pieces[d]) visit(d + 1, along(src, d, p.src, p.len), along(dst, d, p.dst, p.len));
  };
  visit(0, x, out);
  return out;
}

/**
 * Repeat the whole array `reps` times along each axis (numpy.tile): `reps`
 * a number or list; the shorter of `reps` and the shape is padded with
 * leading ones. One copy from a stride-0 view into the result.
 *
 * @example
 * ```ts
 * np.tile(np.arange(2), [2, 2]) // => array([[0, 1, 0, 1],\n       [0, 1, 0, 1]])
 * ```
 */
export function tile<N extends DTypeName>(a: NdArray<N>, reps: number | readonly number[]): NdArray<N> {
  if (arguments.length > 2) extraArgument('np.tile', 2, arguments[2]);
  let x = asArray(a, 'np.tile') as NdArray<N>;
  let r = numbersArg('np.tile', reps, 'the second argument', 'the repetitions');
  for (const n of r) {
    if (!Number.isInteger(n)) throw new DTypeError(`np.tile: reps ${n} is not an integer`);
    if (n < 0) throw new ValueError('negative dimensions are not allowed');
  }
  if (x.shape.length < r.length) {
    const lead = r.length - x.shape.length;
    x = restride(x, [...new Array<number>(lead).fill(1), ...x.shape], [...new Array<number>(lead).fill(0), ...x.stride]);
  }
  r = [...new Array<number>(x.shape.length - r.length).fill(1), ...r];
  const shape = x.shape.map((n, d) => n * r[d]);
  const out = newArray(dtypeOfArray(x), shape) as NdArray<N>;
  if (out.size === 0) return out;
  // the result as (r0, n0, r1, n1, ...) and the input stretched over the r axes
  const inner = x.shape.flatMap((n, d) => [r[d], n]);
  const cs = cStrides(inner);
  const dst = restride(out, inner, cs, 0);
  const src = restride(x, inner, x.shape.flatMap((_, d) => [0, x.stride[d]]));
  copyInto(dst as NdArray, src as NdArray, true);
  return out;
}

/**
 * Repeat each element (numpy.repeat): `repeats` a count for all, or one
 * count per element along `axis` (default null: the flattened array). The
 * axis may be given positionally (`np.repeat(a, 2, 1)`).
 *
 * @throws ValueError for negative counts or a count list whose length is
 *   not the axis length.
 * @example
 * ```ts
 * np.repeat(np.arange(3), [1, 0, 2]) // => array([0, 2, 2])
 * ```
 */
export function repeat<N extends DTypeName>(
  a: NdArray<N>, repeats: number | readonly number[] | NdArray, axisOrOpts?: RepeatOptions | number | null, options?: Omit<RepeatOptions, 'axis'>,
): NdArray<N> {
  if (arguments.length > 4) extraArgument('np.repeat', 4, arguments[4]);
  const opts = axisOptions('np.repeat', axisOrOpts, REPEAT_OPTION_KEYS, { forms: 'axis-or-null', position: 'third' }, options);
  let x = asArray(a, 'np.repeat') as NdArray<N>;
  let ax: number;
  if (opts.axis === undefined || opts.axis === null) {
    x = ravel(x);
    ax = 0;
  } else ax = axisOf(opts.axis, x.shape.length);
  const counts = isNdArray(repeats) ? elements(repeats).map(Number) : numbersArg('np.repeat', repeats, 'the second argument', 'the repetitions');
  const n = x.shape[ax];
  for (const c of counts) {
    if (!Number.isInteger(c)) throw new DTypeError(`np.repeat: count ${c} is not an integer`);
    if (c < 0) throw new ValueError('repeats may not contain negative values.');
  }
  if (counts.length !== 1 && counts.length !== n) {
    throw new ValueError(`operands could not be broadcast together with shape (${n},) (${counts.length},)`);
  }
  const t = dtypeOfArray(x);
  if (counts.length === 1) {
    const r = counts[0];
    const shape = [...x.shape];
    shape[ax] = n * r;
    const out = newArray(t, shape) as NdArray<N>;
    if (out.size === 0) return out;
    const inner = [...x.shape];
    inner.splice(ax + 1, 0, r);
    const dst = restride(out, inner, cStrides(inner), 0);
    const st = [...x.stride];
    st.splice(ax + 1, 0, 0);
    copyInto(dst as NdArray, restride(x, inner, st) as NdArray, true);
    return out;
  }
  const shape = [...x.shape];
  shape[ax] = counts.reduce((p, c) => p + c, 0);
  const out = newArray(t, shape) as NdArray<N>;
  if (out.size === 0) return out;
  if (x.shape.length === 1) {
    // one axis: a gather in JavaScript (one copy per element would cost more)
    const src = x.data as AnyTypedArray as unknown as Scalar[];
    const dst = out.data as AnyTypedArray as unknown as Scalar[];
    for (let i = 0, k = 0, p = x.offset; i < n; i++, p += x.stride[0]) {
      const v = src[p];
      for (let c = counts[i]; c > 0; c--) dst[k++] = v;
    }
    return out;
  }
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const c = counts[i];
    if (c === 0) continue;
    const piece = along(x, ax, i, 1);
    const st = [...piece.stride];
    st[ax] = 0;
    copyInto(along(out, ax, pos, c) as NdArray, restride(piece, along(out, ax, pos, c).shape, st) as NdArray);
    pos += c;
  }
  return out;
}
