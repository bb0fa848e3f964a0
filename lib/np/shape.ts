/**
 * Changing shapes without touching data, as numpy does: reshape, ravel,
 * squeeze, expand_dims, transpose, swapaxes, moveaxis, broadcast_to,
 * broadcast_arrays, flip, fliplr, flipud, rot90, atleast_1d/2d/3d.
 *
 * Every function here returns a view of its argument's data (writes reach
 * the original) except where numpy copies: `reshape` when the strides cannot
 * express the new shape, `ravel` of an array that is not C-contiguous.
 */
import { type AnyTypedArray, type DType, type DTypeName, allDTypes } from './dtype.js';
import { promoteTypes } from './promote.js';
import { AxisError, ValueError } from './errors.js';
import { type OptionKeys, axisOptions, checkAxisArg, numbersArg, plainOptions, shapeArg, extraArgument } from './axisarg.js';
import { castInto } from './cast.js';
import { allocate } from './alloc.js';
import {
  type NdArray, type NestedList, type Scalar, type ShapeLike, asArray, dtypeOfArray, flatView, isContiguous, markReadOnly, permutation, restride, shapeText, sizeOf, wrap,
} from './ndarray.js';

/** A new C-ordered array of `shape` for a result that will be written in full (the engine's allocate: uninitialised when large). */
export function newArray(t: DType, shape: readonly number[]): NdArray {
  return wrap(allocate(t, sizeOf(shape)) as AnyTypedArray, shape) as NdArray;
}

/**
 * Copy `src` (broadcast) into `dst`, converting to `dst`'s dtype with no
 * casting check (the callers check first). The one copy primitive of
 * shape/join/indexing, so all of them run in the engine once it copies.
 */
export function copyInto(dst: NdArray, src: NdArray, fresh = false): void {
  if (dst.size > 0) castInto(dst, src, undefined, fresh);
}

/** A one-element typed array of dtype `t` holding `v` cast as numpy's unsafe C cast does (300 → 44 in uint8). */
export function scalarArray(v: Scalar | boolean, t: DType): AnyTypedArray {
  const cell = new t.ArrayType(1) as AnyTypedArray;
  if (typeof v === 'boolean') v = v ? 1 : 0;
  if (t.isBigInt) {
    const b = typeof v === 'bigint' ? v : Number.isFinite(v) ? BigInt(Math.trunc(v)) : 0n;
    (cell as BigInt64Array)[0] = t.kind === 'u' ? BigInt.asUintN(64, b) : BigInt.asIntN(64, b);
  } else {
    (cell as Float64Array)[0] = typeof v === 'bigint' ? Number(t.kind === 'f' ? v : BigInt.asIntN(64, v)) : v;
  }
  return cell;
}

/** `v` cast to dtype `t` as numpy's unsafe C cast does. */
export function castScalar(v: Scalar | boolean, t: DType): Scalar {
  return scalarArray(v, t)[0];
}

/** The elements of a contiguous copy of `a` (or of `a` itself when contiguous), flat. */
export function flatData(a: NdArray): AnyTypedArray {
  return flatView(isContiguous(a) ? a : copyOf(a));
}

/**
 * numpy's promotion of several dtypes (np.result_type of arrays): not a
 * pairwise reduction, but every dtype promoted with the one of highest
 * type number first, so uint16, int8, float32 give float32 as numpy's
 * (pairwise would give float64).
 */
export function resultTypeOf(types: readonly DType[]): DType {
  const all = allDTypes();
  const main = types.reduce((m, t) => (all.indexOf(t) > all.indexOf(m) ? t : m));
  return types.map((t) => promoteTypes(main, t)).reduce(promoteTypes);
}

/** The elements of `a` in C order, as a JavaScript array. */
export function elements(a: NdArray): Scalar[] {
  const data = a.data as AnyTypedArray as unknown as Scalar[];
  const nd = a.shape.length;
  const out: Scalar[] = [];
  if (a.size === 0) return out;
  const idx = new Array<number>(nd).fill(0);
  for (let p = a.offset; ;) {
    out.push(data[p]);
    let d = nd - 1;
    for (; d >= 0; d--) {
      p += a.stride[d];
      if (++idx[d] < a.shape[d]) break;
      p -= a.stride[d] * a.shape[d];
      idx[d] = 0;
    }
    if (d < 0) return out;
  }
}

/** A C-contiguous copy of `a` (numpy's `np.array(a, copy=True)`). */
export function copyOf<N extends DTypeName>(a: NdArray<N>): NdArray<N> {
  const out = newArray(dtypeOfArray(a), a.shape) as NdArray<N>;
  copyInto(out as NdArray, a as NdArray, true);
  return out;
}

/** Normalise one axis (negative counts from the end) or throw numpy's AxisError. */
export function axisOf(axis: number, nd: number): number {
  if (!Number.isInteger(axis) || axis < -nd || axis >= nd) throw new AxisError(axis, nd);
  return axis < 0 ? axis + nd : axis;
}

/** Normalise an axis or list of axes, refusing repeats (numpy's normalize_axis_tuple). */
export function axesOf(axis: number | readonly number[], nd: number, what = 'axis'): number[] {
  const list = typeof axis === 'number' ? [axis] : [...axis];
  const out = list.map((a) => axisOf(a, nd));
  if (new Set(out).size !== out.length) {
    throw new ValueError(what === 'axis' ? 'repeated axis' : `repeated axis in \`${what}\` argument`);
  }
  return out;
}

/** C-order strides (in elements) of a shape. */
export function cStrides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  for (let d = shape.length - 1, n = 1; d >= 0; d--) {
    s[d] = n;
    n *= Math.max(shape[d], 1);
  }
  return s;
}

/** Resolve a -1 (any negative) in a new shape, as numpy's reshape. */
function resolveShape(size: number, shape: readonly number[]): number[] {
  const out = [...shape];
  let unknown = -1;
  let known = 1;
  out.forEach((n, d) => {
    if (!Number.isInteger(n)) throw new ValueError(`np.reshape: ${n} in shape ${shapeText(shape)} is not an integer`);
    if (n < 0) {
      if (unknown >= 0) throw new ValueError('can only specify one unknown dimension');
      unknown = d;
    } else known *= n;
  });
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) {
      throw new ValueError(`cannot reshape array of size ${size} into shape ${shapeText(out.filter((_, d) => d !== unknown))}`);
    }
    out[unknown] = size / known;
  }
  if (sizeOf(out) !== size) throw new ValueError(`cannot reshape array of size ${size} into shape ${shapeText(out)}`);
  return out;
}

/** Strides that show `a`'s elements (C order) in `shape` without a copy, or undefined. */
function strideFor(a: NdArray, shape: readonly number[]): number[] | undefined {
  if (a.size === 0 || isContiguous(a)) {
    return cStrides(shape);
  }
  const os: number[] = [];
  const ot: number[] = [];
  a.shape.forEach((n, d) => {
    if (n !== 1) {
      os.push(n);
      ot.push(a.stride[d]);
    }
  });
  const ns: number[] = [];
  const nsd: number[] = [];
  shape.forEach((n, d) => {
    if (n !== 1) {
      ns.push(n);
      nsd.push(d);
    }
  });
  const out = new Array<number>(shape.length).fill(0);
  let i = 0;
  let j = 0;
  while (i < os.length && j < ns.length) {
    let i2 = i + 1;
    let j2 = j + 1;
    let po = os[i];
    let pn = ns[j];
    while (po !== pn) {
      if (pn < po) pn *= ns[j2++];
      else po *= os[i2++];
    }
    for (let k = i; k < i2 - 1; k++) if (ot[k] !== ot[k + 1] * os[k + 1]) return undefined;
    let s = ot[i2 - 1];
    for (let k = j2 - 1; k >= j; k--) {
      out[nsd[k]] = s;
      s *= ns[k];
    }
    i = i2;
    j = j2;
  }
  // size-1 axes: the stride of a C array (any value reads the same)
  for (let d = shape.length - 1, next = 1; d >= 0; d--) {
    if (shape[d] === 1) out[d] = next;
    else next = out[d] * shape[d];
  }
  return out;
}

/** Options of {@link reshape}. */
export interface ReshapeOptions {
  /** Only 'C' (row-major) is supported. */
  order?: 'C';
  /** true: always copy; false: throw rather than copy; undefined: copy only if needed. */
  copy?: boolean;
}

/** The keys of {@link ReshapeOptions}, in numpy's order: any other key is refused. */
export const RESHAPE_OPTION_KEYS: OptionKeys<ReshapeOptions> = { order: true, copy: true };

/**
 * Give `a` a new shape with the same elements in C order (numpy.reshape).
 * One entry may be -1: it is worked out from the size. A view when `a`'s
 * strides allow it (always for a C-contiguous array), otherwise a copy.
 *
 * @throws ValueError when the sizes differ ("cannot reshape array of size 6
 *   into shape (4,)"), for two unknowns, or with `copy: false` when a copy
 *   is needed; TypeError for anything but an options object in the third
 *   place (numpy's positional order is the option `{ order: 'C' }` here).
 * @example
 * ```ts
 * np.reshape(np.arange(6), [2, -1]).shape // => [ 2, 3 ]
 * ```
 */
export function reshape<N extends DTypeName>(a: NdArray<N> | NestedList, shape: ShapeLike, options?: ReshapeOptions): NdArray<N> {
  if (arguments.length > 3) extraArgument('np.reshape', 3, arguments[3]);
  const opts = plainOptions('np.reshape', options, RESHAPE_OPTION_KEYS, "{ order: 'C' }", 'third');
  const x = asArray(a, 'np.reshape') as NdArray<N>;
  if (opts.order !== undefined && opts.order !== 'C') {
    throw new ValueError(`np.reshape: order '${String(opts.order)}' is not supported; only 'C'`);
  }
  const s = resolveShape(x.size, shapeArg('np.reshape', shape, 'the second argument'));
  if (opts.copy !== true) {
    const st = strideFor(x as NdArray, s);
    if (st) return restride(x, s, st, x.offset);
    if (opts.copy === false) throw new ValueError('Unable to avoid creating a copy while reshaping.');
  }
  const c = copyOf(x);
  return restride(c, s, cStrides(s), 0);
}

/**
 * The elements of `a` in C order as a 1-d array (numpy.ravel): a view when
 * `a` is C-contiguous, else a copy.
 *
 * @example
 * ```ts
 * np.ravel(np.transpose(np.reshape(np.arange(4), [2, 2]))) // => array([0, 2, 1, 3])
 * ```
 */
export function ravel<N extends DTypeName>(a: NdArray<N>): NdArray<N> {
  if (arguments.length > 1) extraArgument('np.ravel', 1, arguments[1]);
  const x = asArray(a, 'np.ravel') as NdArray<N>;
  if (isContiguous(x as NdArray)) return restride(x, [x.size], [1], x.offset);
  return restride(copyOf(x), [x.size], [1], 0);
}

/** Options of {@link squeeze}. */
export interface SqueezeOptions {
  /** The length-one axes to remove (int or list); null or absent: all of them. */
  axis?: number | readonly number[] | null;
}

/** The keys of {@link SqueezeOptions}. */
export const SQUEEZE_OPTION_KEYS: OptionKeys<SqueezeOptions> = { axis: true };

/**
 * Remove axes of length one (numpy.squeeze): all of them, or those of
 * `axis` (int or list), which must have length one. A view. The axis may
 * be given positionally, as numpy's `np.squeeze(a, 0)`.
 *
 * @example
 * ```ts
 * np.squeeze(np.zeros([1, 3, 1])).shape // => [ 3 ]
 * np.squeeze(np.zeros([1, 3, 1]), 0).shape // => [ 3, 1 ]
 * ```
 */
export function squeeze<N extends DTypeName>(
  a: NdArray<N>, axisOrOpts?: SqueezeOptions | number | readonly number[] | null, options?: Omit<SqueezeOptions, 'axis'>,
): NdArray<N> {
  if (arguments.length > 3) extraArgument('np.squeeze', 3, arguments[3]);
  const opts = axisOptions('np.squeeze', axisOrOpts, SQUEEZE_OPTION_KEYS, {}, options);
  const x = asArray(a, 'np.squeeze') as NdArray<N>;
  const nd = x.shape.length;
  let drop: Set<number>;
  if (opts.axis === undefined || opts.axis === null) drop = new Set(x.shape.flatMap((n, d) => (n === 1 ? [d] : [])));
  else {
    drop = new Set(axesOf(opts.axis, nd));
    for (const d of drop) {
      if (x.shape[d] !== 1) throw new ValueError('cannot select an axis to squeeze out which has size not equal to one');
    }
  }
  const keep = x.shape.map((_, d) => d).filter((d) => !drop.has(d));
  return restride(x, keep.map((d) => x.shape[d]), keep.map((d) => x.stride[d]), x.offset);
}

/**
 * Insert axes of length one at the positions `axis` (int or list) of the
 * result (numpy.expand_dims). A view.
 *
 * @throws TypeError for an axis that is not a number or a list of numbers.
 * @example
 * ```ts
 * np.expand_dims(np.zeros([2, 3]), [0, -1]).shape // => [ 1, 2, 3, 1 ]
 * ```
 */
export function expand_dims<N extends DTypeName>(a: NdArray<N>, axis: number | readonly number[]): NdArray<N> {
  if (arguments.length > 2) extraArgument('np.expand_dims', 2, arguments[2]);
  checkAxisArg('np.expand_dims', axis, 'axis-or-list', 'second', true);
  const x = asArray(a, 'np.expand_dims') as NdArray<N>;
  const nd = x.shape.length + (typeof axis === 'number' ? 1 : axis.length);
  const at = new Set(axesOf(axis, nd));
  const shape: number[] = [];
  const stride: number[] = [];
  for (let d = 0, k = 0; d < nd; d++) {
    if (at.has(d)) {
      shape.push(1);
      stride.push(0);
    } else {
      shape.push(x.shape[k]);
      stride.push(x.stride[k]);
      k++;
    }
  }
  return restride(x, shape, stride, x.offset);
}

/**
 * Permute the axes (numpy.transpose): reversed by default, or as `axes`
 * lists them (negative count from the end). A view.
 *
 * @example
 * ```ts
 * np.transpose(np.zeros([2, 3, 4]), [1, 0, -1]).shape // => [ 3, 2, 4 ]
 * ```
 */
export function transpose<N extends DTypeName>(a: NdArray<N>, axes?: readonly number[] | null): NdArray<N> {
  if (arguments.length > 2) extraArgument('np.transpose', 2, arguments[2]);
  const x = asArray(a, 'np.transpose') as NdArray<N>;
  const nd = x.shape.length;
  const perm = axes === undefined || axes === null
    ? x.shape.map((_, d) => nd - 1 - d)
    : permutation(numbersArg('np.transpose', axes, 'the second argument', 'the axes'), nd);
  return restride(x, perm.map((p) => x.shape[p]), perm.map((p) => x.stride[p]), x.offset);
}

/**
 * Exchange two axes (numpy.swapaxes). A view.
 *
 * @example
 * ```ts
 * np.swapaxes(np.zeros([2, 3, 4]), 0, -1).shape // => [ 4, 3, 2 ]
 * ```
 */
export function swapaxes<N extends DTypeName>(a: NdArray<N>, axis1: number, axis2: number): NdArray<N> {
  if (arguments.length > 3) extraArgument('np.swapaxes', 3, arguments[3]);
  checkAxisArg('np.swapaxes', axis1, 'axis', 'second', true);
  checkAxisArg('np.swapaxes', axis2, 'axis', 'third', true);
  const x = asArray(a, 'np.swapaxes') as NdArray<N>;
  const nd = x.shape.length;
  const i = axisOf(axis1, nd);
  const j = axisOf(axis2, nd);
  const perm = x.shape.map((_, d) => (d === i ? j : d === j ? i : d));
  return restride(x, perm.map((p) => x.shape[p]), perm.map((p) => x.stride[p]), x.offset);
}

/**
 * Move axes to new positions, the others keeping their order
 * (numpy.moveaxis). A view.
 *
 * @example
 * ```ts
 * np.moveaxis(np.zeros([2, 3, 4]), 0, -1).shape // => [ 3, 4, 2 ]
 * ```
 */
export function moveaxis<N extends DTypeName>(
  a: NdArray<N>, source: number | readonly number[], destination: number | readonly number[],
): NdArray<N> {
  if (arguments.length > 3) extraArgument('np.moveaxis', 3, arguments[3]);
  checkAxisArg('np.moveaxis', source, 'axis-or-list', 'second', true);
  checkAxisArg('np.moveaxis', destination, 'axis-or-list', 'third', true);
  const x = asArray(a, 'np.moveaxis') as NdArray<N>;
  const nd = x.shape.length;
  const src = axesOf(source, nd, 'source');
  const dst = axesOf(destination, nd, 'destination');
  if (src.length !== dst.length) {
    throw new ValueError('`source` and `destination` arguments must have the same number of elements');
  }
  const order = x.shape.map((_, d) => d).filter((d) => !src.includes(d));
  [...dst.keys()].sort((p, q) => dst[p] - dst[q]).forEach((k) => order.splice(dst[k], 0, src[k]));
  return restride(x, order.map((p) => x.shape[p]), order.map((p) => x.stride[p]), x.offset);
}

/**
 * The shape that `shapes` broadcast to (numpy.broadcast_shapes).
 *
 * @throws ValueError (ShapeError) naming the first two that do not match.
 * @example
 * ```ts
 * np.broadcast_shapes([2, 1], [3]) // => [ 2, 3 ]
 * ```
 */
export function broadcast_shapes(...shapes0: (readonly number[])[]): number[] {
  const shapes = shapes0.map((s, k) => shapeArg('np.broadcast_shapes', s, `argument ${k + 1}`));
  const nd = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(nd).fill(1);
  const from = new Array<number>(nd).fill(-1);
  shapes.forEach((s, k) => {
    for (let i = 0; i < s.length; i++) {
      const d = nd - s.length + i;
      if (s[i] === 1) continue;
      if (out[d] !== 1 && out[d] !== s[i]) {
        throw new ValueError(
          `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg ${from[d]} ` +
            `with shape ${shapeText(shapes[from[d]])} and arg ${k} with shape ${shapeText(s)}.`,
        );
      }
      out[d] = s[i];
      from[d] = k;
    }
  });
  return out;
}

/** A view of `a` read as `shape` (stride 0 along stretched axes), or throw numpy's error. */
function stretch<N extends DTypeName>(a: NdArray<N>, shape: readonly number[]): NdArray<N> {
  const lead = shape.length - a.shape.length;
  const bad = () =>
    new ValueError(
      `operands could not be broadcast together with remapped shapes [original->remapped]: ` +
        `${shapeText(a.shape).replace(/ /g, '')}  and requested shape ${shapeText(shape).replace(/ /g, '')}`,
    );
  if (lead < 0) throw bad();
  const stride = shape.map((n, d) => {
    if (d < lead) return 0;
    const m = a.shape[d - lead];
    if (m === n) return m === 1 ? 0 : a.stride[d - lead];
    if (m === 1) return 0;
    throw bad();
  });
  return restride(a, shape, stride, a.offset);
}

/**
 * `a` seen as an array of `shape` (numpy.broadcast_to): a read-only view
 * whose stretched axes have stride 0. Read-only as numpy's: `set` throws
 * "assignment destination is read-only", {@link isWriteable} is false, and
 * so are views made from it.
 *
 * @example
 * ```ts
 * np.broadcast_to(np.arange(3), [2, 3]) // => array([[0, 1, 2],\n       [0, 1, 2]])
 * ```
 */
export function broadcast_to<N extends DTypeName>(a: NdArray<N>, shape: ShapeLike): NdArray<N> {
  if (arguments.length > 2) extraArgument('np.broadcast_to', 2, arguments[2]);
  const x = asArray(a, 'np.broadcast_to') as NdArray<N>;
  const s = shapeArg('np.broadcast_to', shape, 'the second argument');
  if (s.some((n) => !Number.isInteger(n) || n < 0)) throw new ValueError('all elements of broadcast shape must be non-negative');
  return markReadOnly(stretch(x, s));
}

/**
 * Views of `arrays` with their common broadcast shape
 * (numpy.broadcast_arrays). Those that had to be stretched are read-only
 * (numpy 2 still allows writes with a warning; writing through a stride-0
 * axis is almost always a bug), the others are writable views.
 *
 * @example
 * ```ts
 * np.broadcast_arrays(np.zeros([2, 1]), np.zeros(3)).map((a) => a.shape) // => [ [ 2, 3 ], [ 2, 3 ] ]
 * ```
 */
export function broadcast_arrays<N extends DTypeName>(...arrays: NdArray<N>[]): NdArray<N>[] {
  const xs = arrays.map((a, i) => asArray(a, 'np.broadcast_arrays', `argument ${i + 1}`) as NdArray<N>);
  const shape = broadcast_shapes(...xs.map((a) => a.shape));
  return xs.map((a) => {
    if (a.shape.length === shape.length && a.shape.every((n, d) => n === shape[d])) return restride(a, a.shape, a.stride, a.offset);
    return markReadOnly(stretch(a, shape));
  });
}

/**
 * Reverse the order of elements along `axis` (int or list; all axes by
 * default) (numpy.flip). A view.
 *
 * @throws TypeError for an axis that is not a number, a list of numbers or
 *   null (a string, a boolean, an options object).
 * @example
 * ```ts
 * np.flip(np.arange(4)) // => array([3, 2, 1, 0])
 * ```
 */
export function flip<N extends DTypeName>(a: NdArray<N>, axis?: number | readonly number[] | null): NdArray<N> {
  if (arguments.length > 2) extraArgument('np.flip', 2, arguments[2]);
  checkAxisArg('np.flip', axis, 'axes');
  const x = asArray(a, 'np.flip') as NdArray<N>;
  const nd = x.shape.length;
  const axes = axis === undefined || axis === null ? x.shape.map((_, d) => d) : axesOf(axis, nd);
  const stride = [...x.stride];
  let offset = x.offset;
  for (const d of axes) {
    if (x.shape[d] > 0) offset += (x.shape[d] - 1) * x.stride[d];
    stride[d] = -stride[d];
  }
  return restride(x, x.shape, stride, offset);
}

/**
 * Reverse the columns (axis 1) (numpy.fliplr); `a` must be at least 2-d. A view.
 *
 * @example
 * ```ts
 * np.fliplr(np.reshape(np.arange(4), [2, 2])) // => array([[1, 0],\n       [3, 2]])
 * ```
 */
export function fliplr<N extends DTypeName>(a: NdArray<N>): NdArray<N> {
  if (arguments.length > 1) extraArgument('np.fliplr', 1, arguments[1]);
  const x = asArray(a, 'np.fliplr') as NdArray<N>;
  if (x.shape.length < 2) throw new ValueError('Input must be >= 2-d.');
  return flip(x, 1);
}

/**
 * Reverse the rows (axis 0) (numpy.flipud); `a` must be at least 1-d. A view.
 *
 * @example
 * ```ts
 * np.flipud(np.arange(3)) // => array([2, 1, 0])
 * ```
 */
export function flipud<N extends DTypeName>(a: NdArray<N>): NdArray<N> {
  if (arguments.length > 1) extraArgument('np.flipud', 1, arguments[1]);
  const x = asArray(a, 'np.flipud') as NdArray<N>;
  if (x.shape.length < 1) throw new ValueError('Input must be >= 1-d.');
  return flip(x, 0);
}

/**
 * Rotate by 90 degrees `k` times in the plane of `axes` (default [0, 1]),
 * from the first axis towards the second (numpy.rot90). A view.
 *
 * @example
 * ```ts
 * np.rot90(np.reshape(np.arange(4), [2, 2])) // => array([[1, 3],\n       [0, 2]])
 * ```
 */
export function rot90<N extends DTypeName>(
  a: NdArray<N>, k = 1, axes: readonly number[] = [0, 1],
): NdArray<N> {
  if (arguments.length > 3) extraArgument('np.rot90', 3, arguments[3]);
  const x = asArray(a, 'np.rot90') as NdArray<N>;
  const nd = x.shape.length;
  checkAxisArg('np.rot90', axes, 'axis-or-list', 'third', true);
  if (typeof axes === 'number' || axes.length !== 2) throw new ValueError('np.rot90: len(axes) must be 2.');
  if (axes[0] === axes[1] || Math.abs(axes[0] - axes[1]) === nd) throw new ValueError('np.rot90: Axes must be different.');
  if (axes[0] >= nd || axes[0] < -nd || axes[1] >= nd || axes[1] < -nd) {
    throw new ValueError(`np.rot90: Axes=(${axes[0]}, ${axes[1]}) out of range for array of ndim=${nd}.`);
  }
  if (!Number.isInteger(k)) throw new ValueError(`np.rot90: k=${k} is not an integer`);
  const r = ((k % 4) + 4) % 4;
  if (r === 0) return restride(x, x.shape, x.stride, x.offset);
  if (r === 2) return flip(flip(x, axes[0]), axes[1]);
  const perm = x.shape.map((_, d) => d);
  const i = axisOf(axes[0], nd);
  const j = axisOf(axes[1], nd);
  perm[i] = j;
  perm[j] = i;
  if (r === 1) return transpose(flip(x, axes[1]), perm);
  return flip(transpose(x, perm), axes[1]);
}

/**
 * Views with at least one dimension (numpy.atleast_1d): a 0-d array
 * becomes shape [1].
 *
 * @example
 * ```ts
 * np.atleast_1d(np.asArray(5)).shape // => [ 1 ]
 * ```
 */
export function atleast_1d<N extends DTypeName>(a: NdArray<N>): NdArray<N> {
  if (arguments.length > 1) extraArgument('np.atleast_1d', 1, arguments[1]);
  const x = asArray(a, 'np.atleast_1d') as NdArray<N>;
  return x.shape.length >= 1 ? x : restride(x, [1], [0], x.offset);
}

/**
 * Views with at least two dimensions (numpy.atleast_2d): shape [n]
 * becomes [1, n].
 *
 * @example
 * ```ts
 * np.atleast_2d(np.arange(3)).shape // => [ 1, 3 ]
 * ```
 */
export function atleast_2d<N extends DTypeName>(a: NdArray<N>): NdArray<N> {
  if (arguments.length > 1) extraArgument('np.atleast_2d', 1, arguments[1]);
  const x = atleast_1d(asArray(a, 'np.atleast_2d') as NdArray<N>);
  return x.shape.length >= 2 ? x : restride(x, [1, x.shape[0]], [0, x.stride[0]], x.offset);
}

/**
 * Views with at least three dimensions (numpy.atleast_3d): [n] becomes
 * [1, n, 1] and [m, n] becomes [m, n, 1].
 *
 * @example
 * ```ts
 * np.atleast_3d(np.zeros([2, 3])).shape // => [ 2, 3, 1 ]
 * ```
 */
export function atleast_3d<N extends DTypeName>(a: NdArray<N>): NdArray<N> {
  if (arguments.length > 1) extraArgument('np.atleast_3d', 1, arguments[1]);
  const x = asArray(a, 'np.atleast_3d') as NdArray<N>;
  if (x.shape.length >= 3) return x;
  if (x.shape.length === 2) return restride(x, [...x.shape, 1], [...x.stride, 0], x.offset);
  const y = atleast_1d(x);
  return restride(y, [1, y.shape[0], 1], [0, y.stride[0], 0], y.offset);
}
