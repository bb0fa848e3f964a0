/**
 * numpy's array methods that convert: `a.view(dtype)` (the same bytes read
 * as another dtype, the everyday tool of DMA code: a uint8 buffer read as
 * uint32 words), `a.tolist()`, `a.item(...)` and `a.flatten()`.
 */
import { type AnyTypedArray, type DTypeLike, type DTypeName, type TypedArrayOf, dtypeArg } from './dtype.js';
import { IndexError, ValueError } from './errors.js';
import { type NdArray, type NestedList, type Scalar, asArray, dtypeOfArray, isWriteable, markReadOnly, view as viewOf } from './ndarray.js';
import { copyOf } from './shape.js';
import { extraArgument } from './axisarg.js';

/** An element as numpy's `tolist`/`item` give it: a number, a bigint (64-bit integers) or a boolean. */
export type Item = Scalar | boolean;

/** What {@link tolist} returns for an array of `nd` > 0 dimensions: nested lists of items. */
export type ItemList = (Item | ItemList)[];

/**
 * The same memory read as `dtype`, as numpy's `a.view(dtype)`: a view (a
 * view of a DMA buffer stays DMA memory; read-only stays read-only). With
 * another item size the last axis must be contiguous and its length in bytes
 * a multiple of the new item size; it is rescaled. JavaScript typed arrays
 * also need the first element aligned to the new item size (numpy does not):
 * an unaligned start is a ValueError that says so.
 *
 * @example
 * ```ts
 * const b = np.array([1, 0, 0, 0, 2, 1, 0, 0], 'uint8');
 * np.view(b, 'uint32') // => array([  1, 258], dtype=uint32)
 * ```
 */
export function view<N extends DTypeName>(a: NdArray | NestedList, dtype: N): NdArray<N>;
export function view(a: NdArray | NestedList, dtype: DTypeLike): NdArray;
export function view(a0: NdArray | NestedList, dtype: DTypeLike): NdArray {
  if (arguments.length > 2) extraArgument('np.view', 2, arguments[2]);
  const a = asArray(a0, 'np.view');
  const from = dtypeOfArray(a);
  const to = dtypeArg('np.view', dtype);
  const data = a.data as AnyTypedArray;
  const nd = a.shape.length;
  const shape = [...a.shape];
  let strideBytes = a.stride.map((s) => s * from.itemsize);
  if (to.itemsize !== from.itemsize) {
    if (nd === 0) {
      throw new ValueError('Changing the dtype of a 0d array is only supported if the itemsize is unchanged');
    }
    const last = nd - 1;
    if (shape[last] !== 1 && strideBytes[last] !== from.itemsize) {
      throw new ValueError('To change to a dtype of a different size, the last axis must be contiguous');
    }
    const bytes = shape[last] * from.itemsize;
    if (bytes % to.itemsize !== 0) {
      throw new ValueError(
        'When changing to a larger dtype, its size must be a divisor of the total size in bytes of the last axis of the array.',
      );
    }
    shape[last] = bytes / to.itemsize;
    strideBytes = [...strideBytes];
    strideBytes[last] = to.itemsize;
  }
  const start = data.byteOffset + a.offset * from.itemsize;
  if (start % to.itemsize !== 0) {
    throw new ValueError(
      `view: the array starts at byte ${start} of its buffer, not a multiple of ${to.itemsize}; JavaScript typed arrays ` +
      `need ${to.name} elements aligned (np.view(np.copy(a), '${to.name}') reads an aligned copy)`,
    );
  }
  const stride = strideBytes.map((s, d) => {
    if (s % to.itemsize !== 0) {
      throw new ValueError(`np.view: axis ${d} steps ${s} bytes, not a whole number of ${to.name} elements`);
    }
    return s / to.itemsize;
  });
  const base = data.byteOffset - (data.byteOffset % to.itemsize);
  const length = Math.floor((data.byteOffset + data.byteLength - base) / to.itemsize);
  const typed = new to.ArrayType(data.buffer, base, length) as AnyTypedArray;
  const r = viewOf(typed as TypedArrayOf[DTypeName], shape, stride, (start - base) / to.itemsize) as NdArray;
  if (!isWriteable(a)) markReadOnly(r);
  return r;
}

function itemAt(a: NdArray, at: number): Item {
  const v = (a.data as unknown as ArrayLike<number | bigint>)[at];
  return dtypeOfArray(a).kind === 'b' ? v !== 0 : v;
}

/**
 * The elements as nested JavaScript lists, as numpy's `a.tolist()`: numbers,
 * bigints for int64/uint64 (Python ints) and booleans for bool; a 0-d array
 * gives its one element.
 *
 * @example
 * ```ts
 * np.tolist(np.reshape(np.arange(4, { dtype: 'uint8' }), [2, 2])) // => [ [ 0, 1 ], [ 2, 3 ] ]
 * ```
 */
export function tolist(a0: NdArray | NestedList): Item | ItemList {
  if (arguments.length > 1) extraArgument('np.tolist', 1, arguments[1]);
  const a = asArray(a0, 'np.tolist');
  const nd = a.shape.length;
  const walk = (d: number, at: number): Item | ItemList => {
    if (d === nd) return itemAt(a, at);
    const out: ItemList = new Array(a.shape[d]);
    for (let i = 0; i < a.shape[d]; i++) out[i] = walk(d + 1, at + i * a.stride[d]) as Item | ItemList;
    return out;
  };
  return walk(0, a.offset);
}

/**
 * One element as a JavaScript value, as numpy's `a.item(...)`: no index for
 * an array of one element, one index into the flattened array (negative
 * counts from the end), or one index per axis.
 *
 * @throws ValueError for `item()` of an array with more than one element
 * @throws IndexError for an index out of range
 * @example
 * ```ts
 * const a = np.reshape(np.arange(6), [2, 3]);
 * np.item(a, -1) // => 5n
 * np.item(a, 1, 0) // => 3n
 * ```
 */
export function item(a0: NdArray | NestedList, ...index: number[]): Item {
  const a = asArray(a0, 'np.item');
  const nd = a.shape.length;
  const fix = (i: number, n: number, axis?: number): number => {
    if (!Number.isInteger(i)) throw new IndexError(`np.item: index ${String(i)} is not an integer`);
    const j = i < 0 ? i + n : i;
    if (j < 0 || j >= n) {
      throw new IndexError(`index ${i} is out of bounds for ${axis === undefined ? '' : `axis ${axis} with `}size ${n}`);
    }
    return j;
  };
  if (index.length === 0) {
    if (a.size !== 1) throw new ValueError('can only convert an array of size 1 to a Python scalar');
    return itemAt(a, a.offset);
  }
  if (index.length === 1) {
    // a flat index in C order
    let k = fix(index[0], a.size);
    let at = a.offset;
    for (let d = nd - 1; d >= 0; d--) {
      at += (k % a.shape[d]) * a.stride[d];
      k = Math.floor(k / a.shape[d]);
    }
    return itemAt(a, at);
  }
  if (index.length !== nd) throw new ValueError('incorrect number of indices for array');
  let at = a.offset;
  for (let d = 0; d < nd; d++) at += fix(index[d], a.shape[d], d) * a.stride[d];
  return itemAt(a, at);
}

/**
 * A new one-dimensional copy, as numpy's `a.flatten()` (C order; always a
 * copy, where np.ravel may return a view).
 *
 * @example
 * ```ts
 * np.flatten(np.transpose(np.reshape(np.arange(4, { dtype: 'int16' }), [2, 2]))) // => array([0, 2, 1, 3], dtype=int16)
 * ```
 */
export function flatten<N extends DTypeName>(a: NdArray<N> | NestedList): NdArray<N> {
  if (arguments.length > 1) extraArgument('np.flatten', 1, arguments[1]);
  const c = copyOf(asArray(a, 'np.flatten') as NdArray<N>);
  return viewOf(c.data as TypedArrayOf[N], [c.size], [1], c.offset);
}
