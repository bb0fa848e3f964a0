/**
 * The errors `np` throws, named after the Python exceptions numpy raises
 * in the same situation, so ported `except IndexError:` logic has a place to
 * go. Each is a {@link UdmabufError} with a stable `code`. numpy's
 * `TypeError` for dtypes and casts is {@link DTypeError}; its broadcasting
 * `ValueError` is {@link ShapeError}.
 */
import { DTypeError, ShapeError, UdmabufError } from '../errors.js';
import { describeArg } from './ndarray.js';
import { extraArgument } from './axisarg.js';

export { DTypeError, ShapeError };

/** An index out of range, or too many indices (numpy's IndexError). */
export class IndexError extends UdmabufError {
  constructor(message: string) {
    super('EINDEX', message);

  }
}

/** An argument with the right type but a wrong value (numpy's ValueError). */
export class ValueError extends UdmabufError {
  constructor(message: string, code = 'EVALUE') {
    super(code, message);

  }
}

/**
 * An axis out of range for the array (numpy's AxisError, which is both a
 * ValueError and an IndexError there; a ValueError here).
 */
export class AxisError extends ValueError {
  constructor(axis: number, ndim: number) {
    super(`axis ${String(axis)} is out of bounds for array of dimension ${ndim}`, 'EAXIS');

  }
}

/** A Python integer that does not fit the dtype (numpy's OverflowError). */
export class OverflowError extends UdmabufError {
  constructor(message: string) {
    super('EOVERFLOW', message);

  }
}

/**
 * Normalise a possibly negative axis, as numpy's normalize_axis_index.
 *
 * @throws TypeError when `axis` or `ndim` is not a number; AxisError when
 *   `axis` is not an axis of an `ndim`-d array.
 */
export function normalizeAxis(axis: number, ndim: number): number {
  if (arguments.length > 2) extraArgument('np.normalizeAxis', 2, arguments[2]);
  if (typeof axis !== 'number' || typeof ndim !== 'number') {
    const [what, x] = typeof axis !== 'number' ? ['the first argument, the axis,', axis] : ['the second argument, ndim,', ndim];
    throw new TypeError(`np.normalizeAxis: ${what} must be a number; got ${describeArg(x)}`);
  }
  return axisIndex(axis, ndim);
}

/** {@link normalizeAxis} inside np, where `ndim` is an array's and the caller has the axis from its own argument. */
export function axisIndex(axis: number, ndim: number): number {
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) throw new AxisError(axis, ndim);
  return axis < 0 ? axis + ndim : axis;
}
