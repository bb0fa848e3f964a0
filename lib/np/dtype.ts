/**
 * numpy dtypes over JavaScript typed arrays.
 *
 * Names (`'uint8'`), array-protocol codes (`'u1'`, `'<f4'`, `'|i1'`) and
 * character codes (`'B'`, `'f'`, `'q'`) resolve to one {@link DType}. int64
 * and uint64 hold `bigint`s. Memory is little-endian on every board this
 * targets; big-endian codes (`'>f4'`) are refused rather than misread.
 */
import { DTypeError } from '../errors.js';

/** The dtype names this layer supports. */
export type DTypeName =
  | 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32'
  | 'int64' | 'uint64' | 'float32' | 'float64';

/** The typed array that holds each dtype. */
export interface TypedArrayOf {
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

interface TypedArrayConstructorOf<T> {
  new (buffer: ArrayBuffer, byteOffset?: number, length?: number): T;
  new (length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

/** One numpy dtype: name, size in bytes, kind and its typed array. */
export class DType<N extends DTypeName = DTypeName> {
  /** numpy kind: 'i' signed, 'u' unsigned, 'f' floating. */
  readonly kind: 'i' | 'u' | 'f';

  constructor(
    readonly name: N,
    /** numpy's character code, e.g. 'B' for uint8. */
    readonly char: string,
    readonly ArrayType: TypedArrayConstructorOf<TypedArrayOf[N]>,
  ) {
    this.kind = name.startsWith('float') ? 'f' : name.startsWith('u') ? 'u' : 'i';
  }

  /** Bytes per element, as numpy's `dtype.itemsize`. */
  get itemsize(): number {
    return this.ArrayType.BYTES_PER_ELEMENT;
  }

  /** numpy's array-protocol string, e.g. '<u1'. */
  get str(): string {
    return `${this.itemsize === 1 ? '|' : '<'}${this.kind}${this.itemsize}`;
  }

  /** Whether elements are `bigint` (int64, uint64). */
  get isBigInt(): boolean {
    return this.name === 'int64' || this.name === 'uint64';
  }

  toString(): string {
    return this.name;
  }
}

export const int8 = new DType('int8', 'b', Int8Array);
export const uint8 = new DType('uint8', 'B', Uint8Array);
export const int16 = new DType('int16', 'h', Int16Array);
export const uint16 = new DType('uint16', 'H', Uint16Array);
export const int32 = new DType('int32', 'i', Int32Array);
export const uint32 = new DType('uint32', 'I', Uint32Array);
export const int64 = new DType('int64', 'q', BigInt64Array);
export const uint64 = new DType('uint64', 'Q', BigUint64Array);
export const float32 = new DType('float32', 'f', Float32Array);
export const float64 = new DType('float64', 'd', Float64Array);

const ALL: readonly DType[] = [int8, uint8, int16, uint16, int32, uint32, int64, uint64, float32, float64];

/** Every spelling numpy accepts for the supported dtypes. */
const BY_SPELLING = new Map<string, DType>();
for (const dt of ALL) {
  BY_SPELLING.set(dt.name, dt);
  BY_SPELLING.set(dt.char, dt);
  const code = `${dt.kind}${dt.itemsize}`;
  for (const order of ['', '<', '=', '|']) BY_SPELLING.set(order + code, dt);
}
/** Whether this platform's C long (numpy's default integer) is 64-bit. */
export const LONG_IS_64 = !['arm', 'ia32', 'mips', 'mipsel', 'ppc'].includes(process.arch);
/** numpy's default integer (np.int_) and its unsigned twin on this platform. */
export const intp = LONG_IS_64 ? int64 : int32;
export const uintp = LONG_IS_64 ? uint64 : uint32;

BY_SPELLING.set('l', intp).set('L', uintp).set('int', intp).set('uint', uintp);
BY_SPELLING.set('float', float64).set('double', float64);
BY_SPELLING.set('single', float32).set('byte', int8).set('ubyte', uint8);
BY_SPELLING.set('short', int16).set('ushort', uint16).set('intc', int32).set('uintc', uint32);
BY_SPELLING.set('longlong', int64).set('ulonglong', uint64);

/** What can name a dtype: a DType, a name or code, or a typed-array class. */
export type DTypeLike = DType | string | TypedArrayConstructorOf<AnyTypedArray>;

/**
 * Resolve a dtype as `numpy.dtype()` does.
 *
 * @throws DTypeError for an unknown or big-endian spelling, naming the
 *   supported ones.
 * @example dtype('<f4').itemsize // 4
 */
export function dtype<N extends DTypeName>(spec: N | DType<N>): DType<N>;
export function dtype(spec: DTypeLike): DType;
export function dtype(spec: DTypeLike): DType {
  if (spec instanceof DType) return spec;
  if (typeof spec === 'function') {
    const found = ALL.find((dt) => dt.ArrayType === spec);
    if (found) return found;
    throw new DTypeError(`no dtype for the typed array ${spec.name}`);
  }
  const found = BY_SPELLING.get(spec);
  if (found) return found;
  if (/^>/.test(spec)) {
    throw new DTypeError(`dtype '${spec}' is big-endian; DMA buffers here are little-endian: use '<${spec.slice(1)}'`);
  }
  throw new DTypeError(
    `unknown dtype '${spec}'; use one of ${ALL.map((d) => d.name).join(', ')} ` +
      `or their numpy codes (e.g. 'u1', '<f4', 'B', 'q')`,
  );
}

/** The dtype of a typed array. */
export function dtypeOf(data: AnyTypedArray): DType {
  const found = ALL.find((dt) => data instanceof dt.ArrayType);
  if (!found) throw new DTypeError(`no dtype for ${Object.prototype.toString.call(data)}`);
  return found;
}

/** The dtype numpy's sum gives: integers widen to the platform integer. */
export function sumDType(t: DType): DType {
  if (t.kind === 'f' || t.itemsize === 8) return t;
  return t.kind === 'u' ? uintp : intp;
}

/** Every supported dtype, in numpy's order. */
export function allDTypes(): readonly DType[] {
  return ALL;
}
