/**
 * Memory for new results. numpy hands out uninitialised memory from
 * malloc for a new array; `new Float64Array(n)` instead zero-fills, and for
 * large sizes V8 also does it in a separate pass. Arrays of at least
 * {@link UNINIT_MIN_BYTES} are therefore carved from
 * `Buffer.allocUnsafeSlow` (its own, uninitialised ArrayBuffer, never the
 * shared pool), and everything is overwritten by the operation that asked.
 * Small arrays stay on V8's heap, where allocation is cheapest.
 */
import { type DType, type DTypeName, type TypedArrayOf, dtype as toDType } from './dtype.js';

/** From this many bytes on, results are allocated without zero-filling. */
export const UNINIT_MIN_BYTES = 4096;

/**
 * A new typed array of `size` elements of `dtype` for a result that will be
 * completely written: uninitialised when large (as numpy's `np.empty`),
 * zeroed when small.
 */
export function allocate<N extends DTypeName>(dtype: DType<N> | N, size: number): TypedArrayOf[N] {
  const t = toDType(dtype) as DType<N>;
  const bytes = size * t.itemsize;
  if (bytes < UNINIT_MIN_BYTES) return new t.ArrayType(size);
  const buf = Buffer.allocUnsafeSlow(bytes);
  return new t.ArrayType(buf.buffer as ArrayBuffer, buf.byteOffset, size);
}

/** A new zero-filled typed array (for results that are only partly written). */
export function allocateZeroed<N extends DTypeName>(dtype: DType<N> | N, size: number): TypedArrayOf[N] {
  const t = toDType(dtype) as DType<N>;
  return new t.ArrayType(size);
}
