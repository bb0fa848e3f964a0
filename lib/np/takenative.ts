/**
 * The addon's gather for np.take (native/csrc/engine/take.c through
 * native/src/sort.cc): out[p, k, q] = src[p, idx[k], q] over contiguous
 * typed arrays, with numpy's three modes for indices out of range.
 */
import { nativeKernels } from '../native-kernels.js';
import type { AnyTypedArray } from './dtype.js';
import { ENGINE_CODES } from './sortnative.js';

/** The addon's take function (native/src/sort.cc). */
interface TakeBinding {
  take?(src: AnyTypedArray, idxCode: number, idx: AnyTypedArray, out: AnyTypedArray,
    pre: number, n: number, post: number, mode: number): number;
}

/** np.take's modes, as the engine numbers them. */
const MODES = { raise: 0, wrap: 1, clip: 2 } as const;

/** The indices of a native take: contiguous integers of a dtype the engine reads. */
export interface TakeIndices {
  /** their elements, flat */
  data: AnyTypedArray;
  /** their numpy dtype name */
  dtype: string;
}

/**
 * out[p, k, q] = src[p, idx[k], q], src holding (pre, n, post) elements and
 * out (pre, idx.length, post), in the engine. Returns undefined when the
 * addon cannot (the caller gathers in JavaScript), -1 when done, else the
 * position in `idx` of the first index out of range under 'raise' (then
 * nothing was written).
 */
export function nativeTake(src: AnyTypedArray, idx: TakeIndices, out: AnyTypedArray, pre: number, n: number,
  post: number, mode: keyof typeof MODES): number | undefined {
  const b = nativeKernels() as TakeBinding | undefined;
  const code = ENGINE_CODES[idx.dtype];
  if (!b?.take || code === undefined || code > ENGINE_CODES.uint64) return undefined;
  return b.take(src, code, idx.data, out, pre, n, post, MODES[mode]);
}
