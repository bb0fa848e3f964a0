/**
 * The array type of `np`: a scijs `ndarray` over a typed array, with the
 * helpers the rest of `np` shares (construction, layout, element access).
 *
 * Every array `np` makes or returns carries Python's index rules. scijs
 * compiles one class per (data type, dimension); the first time `np` meets
 * a class (in {@link wrap}, {@link view} or {@link asArray}) it replaces
 * that class's `get`, `set`, `index`, `lo`, `hi`, `step`, `pick` and
 * `transpose` with checked versions and adds `T` and a
 * `util.inspect.custom` hook. The prototypes are shared, so a plain
 * `ndarray(data, shape)` of the same class gets the same rules:
 *
 * - `get(i, j)` / `set(i, j, v)` / `index(i, j)`: one integer per axis,
 *   negative counts from the end; anything else is an {@link IndexError}
 *   naming the axis and its size, as numpy's.
 * - `hi(n)` keeps the first `n` elements of an axis (Python's `a[:n]`) and
 *   `lo(n)` drops the first `n` (`a[n:]`); negative `n` counts from the end
 *   and bounds past either end clamp, as Python slice bounds do. `null` or
 *   `undefined` leaves an axis alone.
 * - `step(s)` is `a[::s]` (negative reverses, 0 is an error); `pick(i, null)`
 *   fixes axis 0 at `i` (negative counts from the end) and keeps axis 1.
 * - `transpose()` with no arguments reverses the axes (numpy's, not
 *   scijs's identity); with arguments they must be a permutation.
 * - `T` is `transpose()`.
 */
import ndarrayFactory from 'ndarray';
import { inspect } from 'node:util';

import { ShapeError } from '../errors.js';
import { type AnyTypedArray, type DType, type DTypeName, type TypedArrayOf, BoolArray, dtype as toDType, dtypeOf, int64, intp } from './dtype.js';
import { AxisError, IndexError, ValueError } from './errors.js';
import { extraArgument } from './axisarg.js';

/** The element type of dtype `N`: bigint for int64/uint64, boolean for bool, else number. */
export type Element<N extends DTypeName> = [N] extends ['int64' | 'uint64']
  ? bigint
  : [N] extends ['bool']
    ? boolean
    : [N] extends [Exclude<DTypeName, 'int64' | 'uint64' | 'bool'>]
      ? number
      : number | bigint | boolean;

/**
 * An `np` array: a scijs ndarray whose data is the typed array of dtype `N`.
 * (scijs's own typings cannot express bigint elements; this is the same
 * object, typed by its dtype.) Indexing follows Python: see the module notes.
 */
export interface NdArray<N extends DTypeName = DTypeName> {
  data: TypedArrayOf[N];
  shape: number[];
  stride: number[];
  offset: number;
  readonly size: number;
  readonly dimension: number;
  readonly order: number[];
  /** scijs's data type name, e.g. 'uint8', 'bigint64'. */
  readonly dtype: string;
  /** The element at one integer per axis (negative counts from the end). */
  get(...index: number[]): Element<N>;
  /** set(i, j, ..., value): one integer per axis, then the value. */
  set(...indexThenValue: [...number[], Element<N>]): Element<N>;
  /** The position in `data` of the element at one integer per axis. */
  index(...index: number[]): number;
  /** Drop the first `n` of each axis given (Python's `a[n:]`). */
  lo(...index: (number | null | undefined)[]): NdArray<N>;
  /** Keep the first `n` of each axis given (Python's `a[:n]`). */
  hi(...index: (number | null | undefined)[]): NdArray<N>;
  /** Every `s`-th element of each axis given (Python's `a[::s]`). */
  step(...steps: (number | null | undefined)[]): NdArray<N>;
  /** Axes in a new order; no arguments reverse them (numpy's `a.transpose()`). */
  transpose(...axes: number[]): NdArray<N>;
  /** Fix the axes given an integer, keep those given null/undefined. */
  pick(...index: (number | null | undefined)[]): NdArray<N>;
  /** The transpose (numpy's `a.T`). */
  readonly T: NdArray<N>;
}

/** What the shape arguments of `np` accept, as numpy does: `n` or `[n, m]`. */
export type ShapeLike = number | readonly number[];

/** A number, or a bigint for int64/uint64 data. */
export type Scalar = number | bigint;

/** A (nested) JavaScript list of numbers, bigints or booleans: numpy's array_like list. */
export type NestedList = readonly (number | bigint | boolean | NestedList)[];

/** What numpy functions accept where an array goes: an array, a Python scalar, or a list (as np.asarray makes it). */
export type ArrayOperand = NdArray | number | bigint | boolean | NestedList;

/** np.asarray for lists, registered by create.ts (which imports this module); `fname` names the call in its errors. */
let fromList: ((x: NestedList, fname: string) => NdArray) | undefined;

/** Let {@link asArray} turn lists into arrays with `f` (create.ts's asarray). */
export function setListConverter(f: (x: NestedList, fname: string) => NdArray): void {
  fromList = f;
}

/** How an array prints until a printer is installed with {@link setInspector}. */
export type Inspector = (a: NdArray, depth: number, options: object) => string;

let inspector: Inspector | undefined;

/**
 * Install the function that `console.log` and `util.inspect` use for every
 * `np` array (the printing module supplies numpy's repr); returns the one
 * it replaces. With none set an array prints as
 * `array(shape=(2, 3), dtype=uint8)`.
 *
 * @example
 * ```ts
 * import { inspect } from 'node:util';
 * const previous = np.setInspector((a) => `<${a.shape.join('x')}>`);
 * inspect(np.zeros([2, 3])) // => <2x3>
 * np.setInspector(previous);
 * ```
 */
export function setInspector(fn: Inspector | undefined): Inspector | undefined {
  if (arguments.length > 1) extraArgument('np.setInspector', 1, arguments[1]);
  const previous = inspector;
  inspector = fn;
  return previous;
}

/** A shape as numpy prints it: `(2, 3)`, `(5,)`, `()`. */
export function shapeText(shape: readonly number[], compact = false): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(compact ? ',' : ', ')})`;
}

/** Normalise and check a shape. */
export function toShape(shape: ShapeLike): number[] {
  const s = typeof shape === 'number' ? [shape] : [...shape];
  for (const n of s) {
    if (!Number.isInteger(n) || n < 0) {
      throw new ShapeError(`shape (${s.join(', ')}) must hold whole numbers >= 0`);
    }
  }
  return s;
}

/** Number of elements of a shape. */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const s of shape) n *= s;
  return n;
}

// ---------------------------------------------------------------------------
// Python index rules on scijs's classes

const PATCHED = Symbol('np.patched');
/** Marks a view that must not be written (broadcast_to's). */
const READ_ONLY = Symbol('np.readOnly');

type Proto = Record<string | symbol, unknown>;
type View = NdArray & { [READ_ONLY]?: true };

/** Throw numpy's IndexError for index `i` on `axis` of size `n`, or return it normalised. */
function fixIndex(i: unknown, n: number, axis: number): number {
  if (typeof i === 'bigint') i = Number(i);
  if (typeof i !== 'number' || !Number.isInteger(i)) {
    throw new IndexError(`index ${String(i)} on axis ${axis} is not an integer: only integers index an axis`);
  }
  const j = i < 0 ? i + n : i;
  if (j < 0 || j >= n) throw new IndexError(`index ${i} is out of bounds for axis ${axis} with size ${n}`);
  return j;
}

function countError(what: string, got: number, nd: number): never {
  if (got > nd) {
    throw new IndexError(`too many indices for array: array is ${nd}-dimensional, but ${got} were indexed`);
  }
  throw new IndexError(`${what}: ${got} ${got === 1 ? 'index' : 'indices'} for a ${nd}-dimensional array; ` +
    `give one integer per axis (np.index(a, ...) gives sub-arrays)`);
}

/** A Python slice bound: negative counts from the end, then clamps to [0, n]. */
function bound(v: unknown, n: number, what: string, axis: number): number {
  if (typeof v === 'bigint') v = Number(v);
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new IndexError(`${what}(${String(v)}) on axis ${axis}: slice bounds must be integers, null or undefined`);
  }
  if (v < 0) return Math.max(0, v + n);
  return Math.min(v, n);
}

function markLike(r: View, from: View): View {
  if (from[READ_ONLY]) markReadOnly(r);
  return r;
}

/** The compiled get/set/index of one class: one integer per axis, fast path inlined. */
function compileAccess(nd: number, asBool = false): { get: unknown; set: unknown; index: unknown } {
  const args = Array.from({ length: nd }, (_, d) => `i${d}`);
  const checks = args.map((a, d) =>
    `if(!(typeof ${a}==='number'&&${a}>=0&&${a}<s[${d}]&&Math.floor(${a})===${a}))${a}=fix(${a},s[${d}],${d});`,
  ).join('');
  const pos = ['this.offset', ...args.map((a, d) => `t[${d}]*${a}`)].join('+');
  const body = (extra: number, what: string, tail: string) =>
    `if(arguments.length!==${nd + extra})count('${what}',arguments.length-${extra},${nd});` +
    `var s=this.shape,t=this.stride;${checks}${tail}`;
  const make = new Function('fix', 'count', 'ro', 'E',
    `'use strict';return {` +
    `get:function get(${args.join(',')}){${body(0, 'get', `return this.data[${pos}]${asBool ? '!==0' : ''}`)}},` +
    `set:function set(${[...args, 'v'].join(',')}){if(this[ro])throw new E('assignment destination is read-only');` +
      `${body(1, 'set', `return this.data[${pos}]=v`)}},` +
    `index:function index(${args.join(',')}){${body(0, 'index', `return ${pos}`)}}}`,
  ) as (fix: unknown, count: unknown, ro: symbol, E: unknown) => { get: unknown; set: unknown; index: unknown };
  return make(fixIndex, countError, READ_ONLY, ValueError);
}

function tooMany(what: string, got: number, nd: number): void {
  if (got > nd) throw new IndexError(`${what}: ${got} arguments for a ${nd}-dimensional array`);
}

function patchClass(proto: Proto, nd: number): void {
  const access = compileAccess(nd);
  Object.assign(proto, access);
  if (nd === 0) {
    proto.valueOf = access.get as () => number;
  }
  proto.lo = function lo(this: View, ...at: unknown[]): NdArray {
    tooMany('lo', at.length, nd);
    const shape = [...this.shape];
    let offset = this.offset;
    at.forEach((v, d) => {
      if (v === null || v === undefined) return;
      const b = bound(v, shape[d], 'lo', d);
      offset += b * this.stride[d];
      shape[d] -= b;
    });
    return markLike(view(this.data, shape, this.stride, offset) as View, this);
  };
  proto.hi = function hi(this: View, ...at: unknown[]): NdArray {
    tooMany('hi', at.length, nd);
    const shape = [...this.shape];
    at.forEach((v, d) => {
      if (v !== null && v !== undefined) shape[d] = bound(v, shape[d], 'hi', d);
    });
    return markLike(view(this.data, shape, this.stride, this.offset) as View, this);
  };
  proto.step = function step(this: View, ...steps: unknown[]): NdArray {
    tooMany('step', steps.length, nd);
    const shape = [...this.shape];
    const stride = [...this.stride];
    let offset = this.offset;
    steps.forEach((v, d) => {
      if (v === null || v === undefined) return;
      if (typeof v !== 'number' || !Number.isInteger(v)) throw new IndexError(`step(${String(v)}) on axis ${d}: a step must be an integer`);
      if (v === 0) throw new ValueError('slice step cannot be zero');
      const n = shape[d];
      if (v < 0 && n > 0) offset += stride[d] * (n - 1);
      shape[d] = Math.ceil(n / Math.abs(v));
      stride[d] *= v;
    });
    return markLike(view(this.data, shape, stride, offset) as View, this);
  };
  proto.pick = function pick(this: View, ...at: unknown[]): NdArray {
    tooMany('pick', at.length, nd);
    const shape: number[] = [];
    const stride: number[] = [];
    let offset = this.offset;
    for (let d = 0; d < nd; d++) {
      const v = at[d];
      if (v === null || v === undefined) {
        shape.push(this.shape[d]);
        stride.push(this.stride[d]);
      } else {
        offset += fixIndex(v, this.shape[d], d) * this.stride[d];
      }
    }
    return markLike(view(this.data, shape, stride, offset) as View, this);
  };
  proto.transpose = function transpose(this: View, ...axes: number[]): NdArray {
    const perm = axes.length === 0 ? this.shape.map((_, d) => nd - 1 - d) : permutation(axes, nd);
    return markLike(view(this.data, perm.map((p) => this.shape[p]), perm.map((p) => this.stride[p]), this.offset) as View, this);
  };
  Object.defineProperty(proto, 'T', {
    configurable: true,
    get(this: NdArray) {
      return this.transpose();
    },
  });
  proto[inspect.custom] = function custom(this: NdArray, depth: number, options: object): string {
    if (inspector) return inspector(this, depth, options);
    return `array(shape=${shapeText(this.shape)}, dtype=${dtypeOfArray(this).name})`;
  };
  proto[PATCHED] = true;
}

/** Check that `axes` is a permutation of 0..nd-1 (negatives count from the end). */
export function permutation(axes: readonly number[], nd: number): number[] {
  if (axes.length !== nd) throw new ValueError("axes don't match array");
  const seen = new Array<boolean>(nd).fill(false);
  return axes.map((a) => {
    const d = normalizeAxisOf(a, nd);
    if (seen[d]) throw new ValueError('repeated axis in transpose');
    seen[d] = true;
    return d;
  });
}

function normalizeAxisOf(axis: number, nd: number): number {
  if (!Number.isInteger(axis) || axis < -nd || axis >= nd) throw new AxisError(axis, nd);
  return axis < 0 ? axis + nd : axis;
}

/** get/valueOf of bool arrays (which share uint8's scijs class), by dimension. */
const boolGets: (() => boolean)[] = [];

/**
 * Give `a`'s class Python's index rules if it has not got them yet; a bool
 * array also gets its own `get` (and 0-d `valueOf`) that returns booleans,
 * as numpy's bool scalars (uint8 arrays of the same class keep numbers).
 */
function patched<T extends NdArray>(a: T): T {
  const nd = a.shape.length;
  const proto = Object.getPrototypeOf(a) as Proto;
  if (!proto[PATCHED]) patchClass(proto, nd);
  if (a.data instanceof BoolArray) {
    const get = (boolGets[nd] ??= compileAccess(nd, true).get as () => boolean);
    Object.defineProperty(a, 'get', { value: get, writable: true, configurable: true, enumerable: false });
    if (nd === 0) Object.defineProperty(a, 'valueOf', { value: get, writable: true, configurable: true, enumerable: false });
  }
  return a;
}

/** scijs reads a Node Buffer through `.get()`: hand it a plain Uint8Array over the same bytes. */
function plainData<T extends AnyTypedArray>(data: T): T {
  if (Buffer.isBuffer(data)) {
    const b = data as unknown as Buffer;
    return new Uint8Array(b.buffer, b.byteOffset, b.length) as unknown as T;
  }
  return data;
}

/** A scijs view class: `new C(data, ...shape, ...stride, offset)` (0-d: `new C(data, offset)`). */
type ViewClass = new (data: AnyTypedArray, ...rest: number[]) => NdArray;
/**
 * The scijs classes by typed-array constructor and dimension. scijs's
 * factory finds the class from `Object.prototype.toString` of the data on
 * every call (a fifth of a 16-element ufunc call): after the first array of
 * a kind, np constructs the class directly.
 */
const viewClasses = new Map<unknown, ViewClass[]>();

function construct(data: AnyTypedArray, shape: readonly number[], stride: readonly number[], offset: number): NdArray {
  const d = plainData(data);
  const byNd = viewClasses.get(d.constructor);
  const C = byNd?.[shape.length];
  if (C === undefined || d instanceof BoolArray) {
    const a = patched(ndarrayFactory(d as unknown as Float64Array, [...shape], [...stride], offset) as unknown as NdArray);
    if (!(d instanceof BoolArray)) {
      const list = byNd ?? [];
      list[shape.length] = (Object.getPrototypeOf(a) as { constructor: ViewClass }).constructor;
      viewClasses.set(d.constructor, list);
    }
    return a;
  }
  switch (shape.length) {
    case 0: return new C(d, offset);
    case 1: return new C(d, shape[0], stride[0], offset);
    case 2: return new C(d, shape[0], shape[1], stride[0], stride[1], offset);
    case 3: return new C(d, shape[0], shape[1], shape[2], stride[0], stride[1], stride[2], offset);
    default: return new C(d, ...shape, ...stride, offset);
  }
}

/** Wrap a typed array as an ndarray of the given shape (C order). */
export function wrap<N extends DTypeName>(data: TypedArrayOf[N], shape: readonly number[]): NdArray<N> {
  const nd = shape.length;
  const stride = new Array<number>(nd);
  for (let i = nd - 1, s = 1; i >= 0; i--) {
    stride[i] = s;
    s *= shape[i];
  }
  return construct(data as AnyTypedArray, shape, stride, 0) as unknown as NdArray<N>;
}

/** A view of `data` with the given shape, strides and offset (elements, not bytes). */
export function view<N extends DTypeName>(
  data: TypedArrayOf[N], shape: readonly number[], stride: readonly number[], offset: number,
): NdArray<N> {
  return construct(data as AnyTypedArray, shape, stride, offset) as unknown as NdArray<N>;
}

/** A view of `a` with a new shape and strides over the same data (read-only stays read-only). */
export function restride<N extends DTypeName>(
  a: NdArray<N>, shape: readonly number[], stride: readonly number[], offset = a.offset,
): NdArray<N> {
  const r = view(a.data, shape, stride, offset);
  return markLike(r as unknown as View, a as unknown as View) as unknown as NdArray<N>;
}

/**
 * Make `a` read-only (as numpy's `writeable = False`): its `set` throws
 * numpy's ValueError "assignment destination is read-only", views made from
 * it by lo/hi/step/pick/transpose/np.index are read-only too, and
 * {@link isWriteable} says false (functions that write into an array check it).
 *
 * @example
 * ```ts
 * const a = np.markReadOnly(np.zeros(3));
 * np.isWriteable(np.index(a, '1:')) // => false
 * ```
 */
export function markReadOnly<T extends NdArray>(a: T): T {
  if (arguments.length > 1) extraArgument('np.markReadOnly', 1, arguments[1]);
  arrayArg('np.markReadOnly', a);
  Object.defineProperty(a, READ_ONLY, { value: true, enumerable: false });
  return a;
}

/**
 * Whether `a` may be written (numpy's `a.flags.writeable`): false for the
 * views of broadcast_to and broadcast_arrays.
 *
 * @example
 * ```ts
 * np.isWriteable(np.broadcast_to(np.arange(3), [2, 3])) // => false
 * ```
 */
export function isWriteable(a: NdArray): boolean {
  if (arguments.length > 1) extraArgument('np.isWriteable', 1, arguments[1]);
  arrayArg('np.isWriteable', a);
  return !(a as View)[READ_ONLY];
}

/** Throw numpy's error when `a` is read-only. */
export function checkWriteable(a: NdArray): void {
  if ((a as View)[READ_ONLY]) throw new ValueError('assignment destination is read-only');
}

/**
 * The dtype of an ndarray, from its typed array (numpy's `a.dtype`).
 *
 * @example
 * ```ts
 * np.dtypeOfArray(np.zeros(2, 'uint16')).name // => uint16
 * ```
 */
export function dtypeOfArray(a: NdArray): DType {
  if (arguments.length > 1) extraArgument('np.dtypeOfArray', 1, arguments[1]);
  arrayArg('np.dtypeOfArray', a);
  return dtypeOf(a.data as AnyTypedArray);
}

/**
 * The shape of an array (a copy), or `[]` for a scalar (numpy's `np.shape`).
 *
 * @example
 * ```ts
 * np.shapeOf(np.zeros([2, 3])) // => [ 2, 3 ]
 * np.shapeOf(7) // => []
 * ```
 */
export function shapeOf(x: ArrayOperand): number[] {
  if (arguments.length > 1) extraArgument('np.shapeOf', 1, arguments[1]);
  return isNdArray(x) ? [...x.shape] : [];
}

/**
 * Whether `a` covers one run of its data in C order (numpy's
 * `a.flags.c_contiguous`).
 *
 * @example
 * ```ts
 * np.isContiguous(np.zeros([2, 3])) // => true
 * np.isContiguous(np.transpose(np.zeros([2, 3]))) // => false
 * ```
 */
export function isContiguous(a: NdArray): boolean {
  if (arguments.length > 1) extraArgument('np.isContiguous', 1, arguments[1]);
  arrayArg('np.isContiguous', a);
  return isCContiguous(a);
}

/** Whether `a` is laid out in Fortran order, the first axis fastest (numpy's F_CONTIGUOUS flag). */
export function isFortranContiguous(a: NdArray): boolean {
  let expected = 1;
  for (let d = 0; d < a.shape.length; d++) {
    if (a.shape[d] === 0) return true;
    if (a.shape[d] !== 1 && a.stride[d] !== expected) return false;
    expected *= a.shape[d];
  }
  return true;
}

/** Whether `a` is Fortran-contiguous but not C-contiguous: numpy's order 'A' then means Fortran order. */
export function isFortranOnly(a: NdArray): boolean {
  return isFortranContiguous(a) && !isCContiguous(a);
}

/** Whether `a` is C-contiguous (numpy's C_CONTIGUOUS flag), without np.isContiguous's argument check. */
export function isCContiguous(a: NdArray): boolean {
  let expected = 1;
  for (let d = a.shape.length - 1; d >= 0; d--) {
    if (a.shape[d] === 0) return true;
    if (a.shape[d] !== 1 && a.stride[d] !== expected) return false;
    expected *= a.shape[d];
  }
  return true;
}

/** The elements of a contiguous array as one typed-array view (no copy). */
export function flatView(a: NdArray): AnyTypedArray {
  const data = a.data as AnyTypedArray;
  return data.subarray(a.offset, a.offset + a.size) as AnyTypedArray;
}

/** Element read through the ndarray's strides: flat C-order index `i`. */
export function stridedIndex(a: NdArray, i: number): number {
  let index = a.offset;
  for (let d = a.shape.length - 1; d >= 0; d--) {
    const n = a.shape[d];
    index += (i % n) * a.stride[d];
    i = Math.floor(i / n);
  }
  return index;
}

/** Test whether a value is an `np` array. */
export function isNdArray(x: unknown): x is NdArray {
  return (
    typeof x === 'object' && x !== null && 'data' in x && 'shape' in x && 'stride' in x &&
    ArrayBuffer.isView((x as { data: unknown }).data)
  );
}

/**
 * `a`, once it is an np array: for the arguments `fname` reads or writes as
 * an array in place (an `out`, a destination, an array it describes), where
 * a list or a scalar would be copied first and the call lost.
 *
 * @throws TypeError naming `fname` and saying to make an array with np.asarray.
 */
export function arrayArg<A extends NdArray>(fname: string, a: A, what = 'the first argument'): A {
  if (isNdArray(a)) return a;
  throw new TypeError(`${fname}: ${what} must be an np array; got ${describeArg(a)}` +
    (Array.isArray(a) || typeof a === 'number' || typeof a === 'bigint' || typeof a === 'boolean' ? '; make one first with np.asarray(x)' : ''));
}

/**
 * An array argument of `fname` that numpy reads as array_like: an np array
 * as it is, a list as np.asarray makes it.
 *
 * @throws TypeError naming `fname` for anything else.
 */
export function arrayLikeArg<N extends DTypeName>(fname: string, a: NdArray<N> | NestedList, what = 'the first argument'): NdArray<N> {
  if (isNdArray(a)) return patched(a);
  if (Array.isArray(a) && fromList) return fromList(a as NestedList, fname) as NdArray<N>;
  throw new TypeError(`${fname}: ${what} must be an np array or a list; got ${describeArg(a)}`);
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * An operand as an array, as numpy's `asarray`: arrays pass through (their
 * class given Python's index rules), lists become arrays (`np.asarray`),
 * scalars become 0-d arrays. A boolean is
 * `bool`, a bigint int64 (uint64 from 2^63), a whole number numpy's default
 * integer (int64; int32 on 32-bit ARM, int64 past its range, uint64 from
 * 2^63) while it is a safe integer, any other number float64.
 *
 * `fname` and `what` name the call and the argument for the TypeError
 * anything else gets (a string, null, undefined, an object, a function).
 *
 * @example
 * ```ts
 * np.asArray(3).shape // => []
 * ```
 */
export function asArray(x: ArrayOperand, fname = 'np.asArray', what = 'the first argument'): NdArray {
  if (arguments.length > 3) extraArgument('np.asArray', 3, arguments[3]);
  if (isNdArray(x)) return patched(x);
  if (typeof x === 'boolean') {
    const t = toDType('bool' as DTypeName);
    const data = new t.ArrayType(1) as AnyTypedArray;
    (data as Uint8Array)[0] = x ? 1 : 0;
    return wrap(data, []);
  }
  if (typeof x === 'bigint') {
    if (x >= -(2n ** 63n) && x < 2n ** 63n) return wrap(BigInt64Array.of(x) as TypedArrayOf['int64'], []);
    if (x >= 0n && x < 2n ** 64n) return wrap(BigUint64Array.of(x) as TypedArrayOf['uint64'], []);
    throw new ValueError(`Python integer ${x} out of bounds for uint64`);
  }
  if (typeof x === 'number') {
    if (Number.isSafeInteger(x)) {
      const t = intp.isBigInt || x < INT32_MIN || x > INT32_MAX ? int64 : intp;
      if (t.isBigInt) return wrap(BigInt64Array.of(BigInt(x)) as TypedArrayOf['int64'], []);
      return wrap(Int32Array.of(x) as TypedArrayOf['int32'], []);
    }
    return wrap(Float64Array.of(x) as TypedArrayOf['float64'], []);
  }
  if (Array.isArray(x) && fromList) return fromList(x as NestedList, fname);
  throw operandError(fname, what, x);
}

/**
 * The TypeError for `x` given as `what` of `fname` where an array operand
 * goes (an np array, a list or a scalar), for the callers that check
 * operands themselves (np.isclose, np.full's fill value).
 */
export function operandError(fname: string, what: string, x: unknown): TypeError {
  return new TypeError(`${fname}: ${what} must be an np array, a list, a number, a bigint or a boolean; got ${describeArg(x)}`);
}

const SHOWN_CHARS = 40;

/**
 * What `x` is, in the words of an error message: "null", "the string 'x'",
 * "an np array", "a list holding the boolean true", "an object of class Date".
 */
export function describeArg(x: unknown): string {
  if (x === null) return 'null';
  if (isNdArray(x)) return 'an np array';
  if (Array.isArray(x)) {
    const odd = x.findIndex((v) => typeof v !== 'number');
    return odd < 0 ? 'a list of numbers' : `a list holding ${describeArg(x[odd])}`;
  }
  switch (typeof x) {
    case 'string':
      return `the string '${x.length > SHOWN_CHARS ? `${x.slice(0, SHOWN_CHARS)}…` : x}'`;
    case 'number':
    case 'boolean':
      return `the ${typeof x} ${String(x)}`;
    case 'bigint':
      return `the bigint ${x}n`;
    case 'undefined':
      return 'undefined';
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    default:
      return objectKind(x);
  }
}

/** "an object of class Date", or "an object" when it has no named class. */
function objectKind(x: object): string {
  const proto: unknown = Object.getPrototypeOf(x);
  const ctor: unknown = typeof proto === 'object' && proto !== null ? (proto as { constructor?: unknown }).constructor : undefined;
  const name = typeof ctor === 'function' && ctor !== Object ? ctor.name : '';
  return name ? `an object of class ${name}` : 'an object';
}
