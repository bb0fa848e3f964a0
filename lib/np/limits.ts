/**
 * Machine limits of the numeric dtypes, as numpy.iinfo and numpy.finfo:
 * the range of each integer dtype, and the precision figures of each
 * floating dtype. 64-bit integer bounds are `bigint`s; float figures are
 * JavaScript numbers holding exactly the float32/float64 value.
 */
import { type DType, type DTypeLike, dtypeArg } from './dtype.js';
import { ValueError } from './errors.js';
import { type NdArray, dtypeOfArray, isNdArray } from './ndarray.js';
import { extraArgument } from './axisarg.js';

/** numpy.iinfo's fields for one integer dtype. */
export interface IInfo {
  /** The integer dtype described. */
  readonly dtype: DType;
  /** 'i' for signed, 'u' for unsigned. */
  readonly kind: string;
  /** Bits per element. */
  readonly bits: number;
  /** Smallest value (a bigint for 64-bit dtypes). */
  readonly min: number | bigint;
  /** Largest value (a bigint for 64-bit dtypes). */
  readonly max: number | bigint;
}

/** numpy.finfo's fields for one floating dtype. */
export interface FInfo {
  /** The floating dtype described. */
  readonly dtype: DType;
  /** Bits per element. */
  readonly bits: number;
  /** Distance from 1.0 to the next larger float (2**machep). */
  readonly eps: number;
  /** Distance from 1.0 to the next smaller float (2**negep). */
  readonly epsneg: number;
  /** Largest finite value. */
  readonly max: number;
  /** Most negative finite value (-max). */
  readonly min: number;
  /** Smallest positive normal value (same as smallest_normal). */
  readonly tiny: number;
  /** Smallest positive normal value. */
  readonly smallest_normal: number;
  /** Smallest positive subnormal value. */
  readonly smallest_subnormal: number;
  /** 10**-precision, in the dtype. */
  readonly resolution: number;
  /** Decimal digits of precision. */
  readonly precision: number;
  /** Bits of the exponent field. */
  readonly iexp: number;
  /** Bits of the exponent field (numpy's other name). */
  readonly nexp: number;
  /** Bits of the mantissa (without the implicit bit). */
  readonly nmant: number;
  /** Exponent of eps. */
  readonly machep: number;
  /** Exponent of epsneg. */
  readonly negep: number;
  /** Smallest normal exponent. */
  readonly minexp: number;
  /** First exponent that overflows. */
  readonly maxexp: number;
}

function resolve(fname: string, spec: DTypeLike | NdArray): DType {
  return isNdArray(spec) ? dtypeOfArray(spec) : dtypeArg(fname, spec as DTypeLike);
}

/**
 * The range of an integer dtype, as `numpy.iinfo(dtype)`.
 *
 * @param spec - an integer dtype (name, code, DType, typed-array class) or an array of one
 * @returns `{ dtype, kind, bits, min, max }`; min/max are bigints for int64/uint64
 * @throws ValueError for a float or bool dtype, as numpy ("Invalid integer data type 'f'.")
 * @example
 * ```ts
 * np.iinfo('int16').max // => 32767
 * np.iinfo('uint64').max // => 18446744073709551615n
 * ```
 */
export function iinfo(spec: DTypeLike | NdArray): IInfo {
  if (arguments.length > 1) extraArgument('np.iinfo', 1, arguments[1]);
  const dt = resolve('np.iinfo', spec);
  const kind: string = dt.char === '?' ? 'b' : dt.kind;
  if (kind !== 'i' && kind !== 'u') throw new ValueError(`Invalid integer data type '${kind}'.`);
  const bits = dt.itemsize * 8;
  let min: number | bigint;
  let max: number | bigint;
  if (bits === 64) {
    min = kind === 'u' ? 0n : -(2n ** 63n);
    max = kind === 'u' ? 2n ** 64n - 1n : 2n ** 63n - 1n;
  } else {
    min = kind === 'u' ? 0 : -(2 ** (bits - 1));
    max = kind === 'u' ? 2 ** bits - 1 : 2 ** (bits - 1) - 1;
  }
  return Object.freeze({ dtype: dt, kind, bits, min, max });
}

/** The IEEE layout of each float size: [exponent bits, mantissa bits, decimal precision]. */
const LAYOUT: Record<number, [number, number, number]> = {
  2: [5, 10, 3],
  4: [8, 23, 6],
  8: [11, 52, 15],
};

/**
 * The precision figures of a floating dtype, as `numpy.finfo(dtype)`.
 *
 * @param spec - a floating dtype (name, code, DType, typed-array class) or an array of one
 * @returns numpy's fields (eps, tiny/smallest_normal, smallest_subnormal, resolution, precision, max, min, …)
 * @throws ValueError for an integer or bool dtype, as numpy ("data type … not inexact")
 * @example
 * ```ts
 * np.finfo('float32').eps // => 1.1920928955078125e-7
 * np.finfo('float64').precision // => 15
 * ```
 */
export function finfo(spec: DTypeLike | NdArray): FInfo {
  if (arguments.length > 1) extraArgument('np.finfo', 1, arguments[1]);
  const dt = resolve('np.finfo', spec);
  if (dt.kind !== 'f') throw new ValueError(`data type <class 'numpy.${dt.name}'> not inexact`);
  const [iexp, nmant, precision] = LAYOUT[dt.itemsize];
  const round = dt.itemsize === 4 ? Math.fround : (x: number) => x;
  const maxexp = 2 ** (iexp - 1);
  const minexp = 2 - maxexp;
  const max = (2 - 2 ** -nmant) * 2 ** (maxexp - 1);
  return Object.freeze({
    dtype: dt,
    bits: dt.itemsize * 8,
    eps: 2 ** -nmant,
    epsneg: 2 ** -(nmant + 1),
    max,
    min: -max,
    tiny: 2 ** minexp,
    smallest_normal: 2 ** minexp,
    smallest_subnormal: 2 ** (minexp - nmant),
    resolution: round(10 ** -precision),
    precision,
    iexp,
    nexp: iexp,
    nmant,
    machep: -nmant,
    negep: -(nmant + 1),
    minexp,
    maxexp,
  });
}
