/**
 * Memory for new results. numpy hands out uninitialised memory from
 * malloc for a new array; `new Float64Array(n)` instead zero-fills, and
 * every typed array with its own buffer costs a backing-store allocation
 * that V8's garbage collector tracks (~0.6 µs here, numpy's whole add of 16
 * elements is 0.8 µs). So:
 * - arrays of more than {@link MID_POOL_MAX_BYTES} are carved from
 *   `Buffer.allocUnsafeSlow` (their own, uninitialised ArrayBuffer);
 * - arrays up to {@link POOL_MAX_BYTES} (4 KiB, Node's Buffer pool's
 *   limit) are views into a shared, zeroed 64 KiB slab, 8-byte aligned: an
 *   ArrayBuffer of its own cost 1.2 µs of the 2.4 µs of `np.copy` of a
 *   20×20 RGB crop (numpy 0.37 µs), a view 0.1;
 * - arrays up to {@link MID_POOL_MAX_BYTES} (64 KiB) are views into a
 *   shared, uninitialised 1 MiB slab: a row of 1920 float32 (7.5 KiB) paid
 *   1.5-2 µs for an ArrayBuffer of its own, its strided copy 5.9 µs in all
 *   (numpy 1.3). Each slab holds 16 or more of the largest, as the small one.
 * A slab lives as long as any array in it, and `a.data.buffer` is then the
 * slab: use `byteOffset`/`byteLength`, as for any typed array, and do not
 * transfer it.
 * What remains for large results is V8's: a fresh 8 MiB ArrayBuffer is
 * reclaimed only by a garbage collection (Node frees it on a later tick), so
 * a loop of `np.add(a, b)` on 8 MiB pays ~1-2 ms of scavenges per call on
 * average where numpy's malloc/free pair costs nothing; the addon sets
 * glibc's thresholds so that the freed memory is at least reused without
 * page faults (native/src/engine.cc). `out=` avoids all of it.
 */
import { nativeKernels } from '../native-kernels.js';
import { type DType, type DTypeName, type TypedArrayOf, dtypeArg } from './dtype.js';
import { extraArgument } from './axisarg.js';

/** From this many bytes on, results ask for transparent huge pages (numpy's threshold). */
export const HUGE_MIN_BYTES = 4 << 20;

let advise: ((a: ArrayBufferView) => void) | null | undefined;

/** madvise(MADV_HUGEPAGE) through the addon, when there is one. */
function adviseHuge(a: ArrayBufferView): void {
  if (advise === undefined) {
    const k = nativeKernels() as unknown as { adviseHuge?: (a: ArrayBufferView) => void } | undefined;
    advise = k?.adviseHuge ? k.adviseHuge.bind(k) : null;
  }
  advise?.(a);
}

/** Up to this many bytes, results are views into a shared, zeroed slab. */
export const POOL_MAX_BYTES = 4096;
/** Up to this many bytes (and above {@link POOL_MAX_BYTES}), results are views into a shared, uninitialised slab. */
export const MID_POOL_MAX_BYTES = 65536;

/** A run of memory that results are carved from, 8-byte aligned, until it is used up; then a fresh one. */
interface Slab { buffer: ArrayBuffer; offset: number; used: number; readonly size: number; readonly zeroed: boolean }

const small: Slab = { buffer: new ArrayBuffer(0), offset: 0, used: 0, size: 65536, zeroed: true };
const mid: Slab = { buffer: new ArrayBuffer(0), offset: 0, used: 0, size: 1 << 20, zeroed: false };

/** The byte offset of `bytes` more in `slab`, after a fresh slab when it has no room. */
function carve(slab: Slab, bytes: number): number {
  if (slab.buffer.byteLength === 0 || slab.used + bytes > slab.size) {
    if (slab.zeroed) {
      slab.buffer = new ArrayBuffer(slab.size);
      slab.offset = 0;
    } else {
      const b = Buffer.allocUnsafeSlow(slab.size);
      slab.buffer = b.buffer as ArrayBuffer;
      slab.offset = b.byteOffset;
    }
    slab.used = 0;
  }
  const at = slab.offset + slab.used;
  slab.used += (bytes + 7) & ~7;
  return at;
}

/**
 * A new typed array of `size` elements of `dtype` for a result that will be
 * completely written: uninitialised when large (as numpy's `np.empty`),
 * zeroed when small.
 */
export function allocate<N extends DTypeName>(dtype: DType<N> | N, size: number): TypedArrayOf[N] {
  if (arguments.length > 2) extraArgument('np.allocate', 2, arguments[2]);
  const t = dtypeArg('np.allocate', dtype) as DType<N>;
  const bytes = size * t.itemsize;
  if (bytes <= MID_POOL_MAX_BYTES) {
    const slab = bytes <= POOL_MAX_BYTES ? small : mid;
    const at = carve(slab, bytes); // first: it may start a new slab
    return new t.ArrayType(slab.buffer, at, size);
  }
  const buf = Buffer.allocUnsafeSlow(bytes);
  const a = new t.ArrayType(buf.buffer as ArrayBuffer, buf.byteOffset, size);
  if (bytes >= HUGE_MIN_BYTES) adviseHuge(a);
  return a;
}

/** A new zero-filled typed array (for results that are only partly written). */
export function allocateZeroed<N extends DTypeName>(dtype: DType<N> | N, size: number): TypedArrayOf[N] {
  const t = dtypeArg('np.allocate', dtype) as DType<N>;
  return new t.ArrayType(size);
}

/** The strides (elements) of a contiguous array of `shape`: C order, or Fortran order (the first axis fastest). */
export function contiguousStrides(shape: readonly number[], fortran: boolean): number[] {
  const s = new Array<number>(shape.length);
  let step = 1;
  const order = shape.map((_, i) => i);
  if (!fortran) order.reverse();
  for (const d of order) {
    s[d] = step;
    step *= shape[d];
  }
  return s;
}

/**
 * The strides numpy's order='K' gives a new array of `shape` laid out like
 * `like` (same shape): its axes in the order of `like`'s strides, largest
 * outermost, all positive and contiguous. undefined when that is C order.
 */
export function kOrderStrides(shape: readonly number[], like: { shape: readonly number[]; stride: readonly number[] }): number[] | undefined {
  const nd = shape.length;
  if (nd < 2 || like.shape.length !== nd) return undefined;
  const st = like.stride;
  let c = true;
  for (let d = 0; d + 1 < nd && c; d++) {
    if (like.shape[d] !== shape[d]) return undefined;
    c = shape[d + 1] <= 1 || shape[d] <= 1 || Math.abs(st[d]) >= Math.abs(st[d + 1]);
  }
  if (c) return undefined;
  const perm = shape.map((_, d) => d).sort((a, b) => Math.abs(st[b]) - Math.abs(st[a]) || a - b);
  const out = new Array<number>(nd);
  let s = 1;
  for (let i = nd - 1; i >= 0; i--) {
    out[perm[i]] = s;
    s *= shape[perm[i]];
  }
  return out;
}
