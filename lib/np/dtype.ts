/**
 * numpy dtypes over JavaScript typed arrays.
 *
 * Names (`'uint8'`), array-protocol codes (`'u1'`, `'<f4'`, `'|b1'`) and
 * character codes (`'?'`, `'B'`, `'f'`, `'q'`) resolve to one {@link DType}.
 * int64 and uint64 hold `bigint`s; `bool` is a {@link BoolArray} (a
 * Uint8Array holding 0/1, which scijs sees as 'uint8'). Memory is
 * little-endian on every board this targets; big-endian codes are refused
 * rather than misread.
 */
import { DTypeError } from '../errors.js';
import { extraArgument } from './axisarg.js';

/** The dtype names this layer supports. */
export type DTypeName =
  | 'bool' | 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32'
  | 'int64' | 'uint64' | 'float32' | 'float64';

/**
 * The typed array of numpy's `bool`: one byte per element holding 0 or 1.
 * A Uint8Array to everything else (scijs ndarray calls it 'uint8'); its own
 * class so that `np.dtype(a)` tells booleans from uint8.
 */
export class BoolArray extends Uint8Array<ArrayBuffer> {
  constructor(length: number);
  constructor(values: ArrayLike<number> | Iterable<number>);
  constructor(buffer: ArrayBuffer, byteOffset?: number, length?: number);
  constructor(a: number | ArrayLike<number> | Iterable<number> | ArrayBuffer, byteOffset?: number, length?: number) {
    // Uint8Array ignores the last two arguments unless the first is a buffer
    super(a as ArrayBuffer, byteOffset, length);
  }
}

/** The typed array that holds each dtype. */
export interface TypedArrayOf {
  bool: BoolArray;
  int8: Int8Array<ArrayBuffer>;
  uint8: Uint8Array<ArrayBuffer>;
  int16: Int16Array<ArrayBuffer>;
  uint16: Uint16Array<ArrayBuffer>;
  int32: Int32Array<ArrayBuffer>;
  uint32: Uint32Array<ArrayBuffer>;
  int64: BigInt64Array<ArrayBuffer>;
  uint64: BigUint64Array<ArrayBuffer>;
  float32: Float32Array<ArrayBuffer>;
  float64: Float64Array<ArrayBuffer>;
}

/** Any typed array a dtype can hold. */
export type AnyTypedArray = TypedArrayOf[DTypeName];

/** A typed-array class, as `new` and `BYTES_PER_ELEMENT` use it. */
export interface TypedArrayConstructorOf<T> {
  new (buffer: ArrayBuffer, byteOffset?: number, length?: number): T;
  new (length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

/** numpy's dtype kinds: 'b' boolean, 'i' signed, 'u' unsigned, 'f' floating. */
export type DTypeKind = 'b' | 'i' | 'u' | 'f';

/** One numpy dtype: name, size in bytes, kind and its typed array. */
export class DType<N extends DTypeName = DTypeName> {
  /** numpy kind: 'b' boolean, 'i' signed, 'u' unsigned, 'f' floating. */
  readonly kind: DTypeKind;
  /** The engine's dtype code (numpy's type number; native/csrc/engine/engine.h). */
  readonly num: number;
  /** Bytes per element, as numpy's `dtype.itemsize`. */
  readonly itemsize: number;
  /** Whether elements are `bigint` (int64, uint64). */
  readonly isBigInt: boolean;

  constructor(
    readonly name: N,
    /** numpy's character code, e.g. 'B' for uint8. */
    readonly char: string,
    readonly ArrayType: TypedArrayConstructorOf<TypedArrayOf[N]>,
    num: number,
  ) {
    this.kind = name === 'bool' ? 'b' : name.startsWith('float') ? 'f' : name.startsWith('u') ? 'u' : 'i';
    this.num = num;
    this.itemsize = ArrayType.BYTES_PER_ELEMENT;
    this.isBigInt = name === 'int64' || name === 'uint64';
  }

  /** numpy's array-protocol string, e.g. '<u1'. */
  get str(): string {
    return `${this.itemsize === 1 ? '|' : '<'}${this.kind}${this.itemsize}`;
  }

  toString(): string {
    return this.name;
  }
}

export const bool = new DType('bool', '?', BoolArray, 0);
export const int8 = new DType('int8', 'b', Int8Array, 1);
export const uint8 = new DType('uint8', 'B', Uint8Array, 2);
export const int16 = new DType('int16', 'h', Int16Array, 3);
export const uint16 = new DType('uint16', 'H', Uint16Array, 4);
export const int32 = new DType('int32', 'i', Int32Array, 5);
export const uint32 = new DType('uint32', 'I', Uint32Array, 6);
export const int64 = new DType('int64', 'q', BigInt64Array, 7);
export const uint64 = new DType('uint64', 'Q', BigUint64Array, 8);
export const float32 = new DType('float32', 'f', Float32Array, 9);
export const float64 = new DType('float64', 'd', Float64Array, 10);

/** Every dtype, in numpy's order; `ALL[t.num] === t`. */
const ALL: readonly DType[] = [bool, int8, uint8, int16, uint16, int32, uint32, int64, uint64, float32, float64];

/** Whether this platform's C long (numpy's default integer) is 64-bit. */
export const LONG_IS_64 = !['arm', 'ia32', 'mips', 'mipsel', 'ppc'].includes(process.arch);
/** numpy's default integer (np.int_) and its unsigned twin on this platform. */
export const intp = LONG_IS_64 ? int64 : int32;
export const uintp = LONG_IS_64 ? uint64 : uint32;

type Code = 'b1' | 'i1' | 'u1' | 'i2' | 'u2' | 'i4' | 'u4' | 'i8' | 'u8' | 'f4' | 'f8';

/** Every string `np.dtype()` accepts: names, character and array-protocol codes, C names. */
export type DTypeString =
  | DTypeName
  | '?' | 'b' | 'B' | 'h' | 'H' | 'i' | 'I' | 'l' | 'L' | 'q' | 'Q' | 'f' | 'd'
  | `${'' | '<' | '=' | '|'}${Code}`
  | 'bool_' | 'int' | 'uint' | 'intp' | 'uintp' | 'float' | 'double' | 'single' | 'byte' | 'ubyte'
  | 'short' | 'ushort' | 'intc' | 'uintc' | 'long' | 'ulong' | 'longlong' | 'ulonglong'
  | 'bigint64' | 'biguint64';

/** Anything with a typed array as `data` (an `np` array), for `np.dtype(a)`. */
export interface HasData {
  readonly data: ArrayBufferView;
}

/**
 * What can name a dtype: a DType, a numpy name or code, a typed-array
 * class, or an array (its dtype).
 */
export type DTypeLike = DType | DTypeString | TypedArrayConstructorOf<AnyTypedArray> | HasData;

/** Every spelling numpy accepts for the supported dtypes. */
const BY_SPELLING = new Map<string, DType>();
for (const dt of ALL) {
  BY_SPELLING.set(dt.name, dt);
  BY_SPELLING.set(dt.char, dt);
  const code = `${dt.kind}${dt.itemsize}`;
  for (const order of ['', '<', '=', '|']) BY_SPELLING.set(order + code, dt);
}
BY_SPELLING.set('l', intp).set('L', uintp).set('int', intp).set('uint', uintp).set('long', intp).set('ulong', uintp);
BY_SPELLING.set('intp', intp).set('uintp', uintp);
BY_SPELLING.set('float', float64).set('double', float64).set('bool_', bool);
BY_SPELLING.set('single', float32).set('byte', int8).set('ubyte', uint8);
BY_SPELLING.set('short', int16).set('ushort', uint16).set('intc', int32).set('uintc', uint32);
BY_SPELLING.set('longlong', int64).set('ulonglong', uint64);
// scijs ndarray's own dtype names for 64-bit integer data
BY_SPELLING.set('bigint64', int64).set('biguint64', uint64);

const BY_CLASS = new Map<unknown, DType>(ALL.map((dt) => [dt.ArrayType, dt]));

/**
 * Resolve a dtype as `numpy.dtype()` does: a name (`'uint8'`), a code
 * (`'u1'`, `'<f4'`, `'B'`, `'?'`), a typed-array class, a DType, or an
 * array (whose dtype it returns).
 *
 * @throws DTypeError for an unknown or big-endian spelling, naming the
 *   supported ones.
 * @example
 * ```ts
 * np.dtype('<f4').itemsize // => 4
 * np.dtype('?').name // => bool
 * ```
 */
export function dtype<N extends DTypeName>(spec: N | DType<N>): DType<N>;
export function dtype(spec: DTypeLike): DType;
export function dtype(spec: DTypeLike): DType {
  if (arguments.length > 1) extraArgument('np.dtype', 1, arguments[1]);
  return dtypeArg('np.dtype', spec);
}

/**
 * The dtype argument of `fname` (`np.zeros`, `np.astype`, a `dtype`
 * option) as {@link dtype} resolves it, its errors naming `fname`, or
 * `fname` + `name` when given: a caller such as a ufunc passes `'np.'` and
 * its name, so that the name is only put together for an error.
 *
 * @throws DTypeError "np.zeros: unknown dtype 'flot32' …", naming the supported ones.
 */
export function dtypeArg(fname: string, spec: DTypeLike, name = ''): DType {
  if (spec instanceof DType) return spec;
  if (typeof spec === 'function') {
    const found = BY_CLASS.get(spec) ?? ALL.find((dt) => spec.prototype instanceof dt.ArrayType);
    if (found) return found;
    throw new DTypeError(`${fname}${name}: no dtype for the typed array ${(spec as { name?: string }).name}`);
  }
  if (typeof spec === 'object' && spec !== null) {
    if (ArrayBuffer.isView(spec.data)) return dtypeOf(spec.data as AnyTypedArray);
    throw new DTypeError(`${fname}${name}: cannot interpret ${Object.prototype.toString.call(spec)} as a data type`);
  }
  const found = BY_SPELLING.get(spec as string);
  if (found) return found;
  const s = String(spec);
  if (/^>/.test(s)) {
    throw new DTypeError(`${fname}${name}: dtype '${s}' is big-endian; DMA buffers here are little-endian: use '<${s.slice(1)}'`);
  }
  throw new DTypeError(
    `${fname}${name}: unknown dtype '${s}' (data type '${s}' not understood); use one of ${ALL.map((d) => d.name).join(', ')} ` +
      `or their numpy codes (e.g. 'u1', '<f4', 'B', '?', 'q')`,
  );
}

/** The dtype of a typed array (a BoolArray is 'bool', any other Uint8Array 'uint8'). */
export function dtypeOf(data: ArrayBufferView): DType {
  if (arguments.length > 1) extraArgument('np.dtypeOf', 1, arguments[1]);
  const found = BY_CLASS.get(data.constructor);
  if (found) return found;
  if (data instanceof BoolArray) return bool;
  const sub = ALL.find((dt) => data instanceof dt.ArrayType);
  if (!sub) throw new DTypeError(`no dtype for ${Object.prototype.toString.call(data)}`);
  return sub;
}

/** The dtype numpy's sum gives: bool and integers widen to the platform integer. */
export function sumDType(t: DType): DType {
  if (arguments.length > 1) extraArgument('np.sumDType', 1, arguments[1]);
  if (t.kind === 'f' || t.itemsize === 8) return t;
  return t.kind === 'u' ? uintp : intp;
}

/** Every supported dtype, in numpy's order (index = {@link DType.num}). */
export function allDTypes(): readonly DType[] {
  if (arguments.length > 0) extraArgument('np.allDTypes', 0, arguments[0]);
  return ALL;
}
