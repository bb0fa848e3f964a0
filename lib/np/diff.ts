/**
 * np.diff: the n-th discrete difference along an axis, numpy's definition
 * (n passes of a[1:] - a[:-1], `not_equal` for bool), with `prepend` and
 * `append` joined on first. Every pass is one engine call.
 */
import { type OptionKeys, axisOptions, extraArgument } from './axisarg.js';
import { bool } from './dtype.js';
import { ValueError, axisIndex } from './errors.js';
import { concatenate } from './join.js';
import { type ArrayInput, asarray } from './create.js';
import { type NdArray, type NestedList, type Scalar, dtypeOfArray, isNdArray, restride } from './ndarray.js';
import { not_equal, subtract } from './ops.js';
import { broadcast_to } from './shape.js';

/** Options of {@link diff}, named as numpy's keywords. */
export interface DiffOptions {
  /** The axis to take differences along (default -1, the last). */
  axis?: number;
  /** Values joined before the first element along the axis (a scalar is broadcast). */
  prepend?: NdArray | NestedList | Scalar | boolean;
  /** Values joined after the last element along the axis (a scalar is broadcast). */
  append?: NdArray | NestedList | Scalar | boolean;
}

/** The keys of {@link DiffOptions}. */
export const DIFF_OPTION_KEYS: OptionKeys<DiffOptions> = { axis: true, prepend: true, append: true };

/** `a` from `lo` to `hi` (exclusive) along `axis`, as a view. */
function along(a: NdArray, axis: number, lo: number, hi: number): NdArray {
  const shape = [...a.shape];
  shape[axis] = Math.max(0, hi - lo);
  return restride(a, shape, [...a.stride], a.offset + lo * a.stride[axis]);
}

/** A prepend/append value as an array of `a`'s shape with `axis` of its own length (1 for a scalar). */
function joined(v: NdArray | NestedList | Scalar | boolean, a: NdArray, axis: number): NdArray {
  const x = asarray(v as ArrayInput);
  if (x.shape.length > 0) return x;
  const shape = [...a.shape];
  shape[axis] = 1;
  return broadcast_to(x, shape);
}

/**
 * The `n`-th difference along `axis`, as numpy.diff: `out[i] = a[i + 1] -
 * a[i]` repeated `n` times (`n` 0 gives `a` itself; bool arrays use
 * not_equal; the dtype is subtract's, so uint8 differences wrap as
 * numpy's). numpy's positional axis may be the third argument, and its
 * keywords an options object in the second or third place.
 *
 * @throws ValueError for a negative `n` or a 0-d array; AxisError for an
 *   axis out of range.
 * @example
 * ```ts
 * np.diff(np.array([1, 4, 9, 16], 'int32')) // => array([3, 5, 7], dtype=int32)
 * np.diff(np.array([[1, 3], [4, 9]], 'int32'), 1, 0) // => array([[3, 6]], dtype=int32)
 * ```
 */
export function diff(
  a0: NdArray | NestedList, nOrOpts: number | DiffOptions = 1, axisOrOpts?: number | DiffOptions, options?: Omit<DiffOptions, 'axis'>,
): NdArray {
  if (arguments.length > 4) extraArgument('np.diff', 4, arguments[4]);
  const second = typeof nOrOpts === 'object' && nOrOpts !== null;
  if (second && (axisOrOpts !== undefined || options !== undefined)) {
    throw new TypeError('np.diff: the options were given twice (second and third argument); give them once: np.diff(a, 1, { axis })');
  }
  const opts = second
    ? axisOptions('np.diff', nOrOpts as DiffOptions & { n?: number }, { ...DIFF_OPTION_KEYS, n: true } as OptionKeys<DiffOptions>)
    : axisOptions('np.diff', axisOrOpts, DIFF_OPTION_KEYS, { forms: 'axis', position: 'third' }, options);
  const n = second ? ((opts as { n?: number }).n ?? 1) : (nOrOpts as number);
  if (typeof n !== 'number' || !Number.isInteger(n)) throw new TypeError(`np.diff: n must be a whole number, got ${String(n)}`);
  if (n < 0) throw new ValueError(`order must be non-negative but got ${n}`);
  let a = isNdArray(a0) ? a0 : asarray(a0 as ArrayInput);
  if (n === 0) return a;
  if (a.shape.length === 0) throw new ValueError('diff requires input that is at least one dimensional');
  const axis = axisIndex(opts.axis ?? -1, a.shape.length);
  const parts: NdArray[] = [];
  if (opts.prepend !== undefined) parts.push(joined(opts.prepend, a, axis));
  parts.push(a);
  if (opts.append !== undefined) parts.push(joined(opts.append, a, axis));
  if (parts.length > 1) a = concatenate(parts, axis);
  const op = dtypeOfArray(a) === bool ? not_equal : subtract;
  for (let k = 0; k < n; k++) {
    const len = a.shape[axis];
    a = op(along(a, axis, 1, len), along(a, axis, 0, len - 1)) as NdArray;
  }
  return a;
}
