// The engine's worker threads (native/csrc/engine/pool.c): a large
// element-wise call is cut into chunks that several threads run. Each case
// here is large enough to be shared (>= 1 MiB of operands) and runs twice,
// on one thread and on four; the two results must be the same bytes (the
// oracle suites check the one-thread results against numpy). The cases
// cover every way an operand goes through the iterator: new results
// streamed past the caches, casts through buffers, gathered channel views,
// transposed views, broadcast scalars, where= masks, an input overlapping
// the output (copied first), in-place updates, the math loops, and the
// matrix product (shared by blocks of rows), sorts (by lanes or columns),
// and reductions (shared along a kept axis, each output's additions in the
// same order; argmin/argmax of a whole run by pieces, the first extreme wins; integer
// cumsum/cumprod in two passes over pieces).
// Then UDMABUF_THREADS: the count it sets, and a bad value's warning.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { np } from 'u-dma-buf';

import { nativeKernels } from '../../lib/native-kernels.js';

const LIB = fileURLToPath(new URL('../../lib/index.js', import.meta.url));
const k = nativeKernels();

const H = 720, W = 1280;

/** Deterministic bytes of `dtype` over `shape`: a multiplicative hash of the index. */
function pattern(shape: number[], dtype: np.DTypeName, salt: number): np.NdArray {
  const n = shape.reduce((a, b) => a * b, 1);
  const i = np.arange(n, { dtype: 'uint32' });
  const h = np.bitwise_and(np.right_shift(np.multiply(np.add(i, salt), 2654435761), 7), 0xffff);
  const v = dtype === 'float32' || dtype === 'float64' ? np.subtract(np.multiply(np.astype(h, dtype), 0.01), 300) : h;
  return np.reshape(np.astype(v, dtype), shape);
}

function bytesOf(a: np.NdArray): Buffer {
  const c = np.ascontiguousarray(a);
  const d = c.data as unknown as ArrayBufferView;
  return Buffer.from(d.buffer, d.byteOffset + c.offset * np.dtype(c.dtype as np.DTypeName).itemsize, c.size * np.dtype(c.dtype as np.DTypeName).itemsize);
}

/** The result of `run` on 1 thread and on 4 (fresh inputs each time), and how many calls the 4 shared. */
function both(run: () => np.NdArray): [Buffer, Buffer, number] {
  const old = k!.engineThreads(1);
  try {
    const one = bytesOf(run());
    k!.engineThreads(4);
    const jobs = k!.enginePoolJobs();
    const result = run();
    const shared = k!.enginePoolJobs() - jobs;
    return [one, bytesOf(result), shared];
  } finally {
    k!.engineThreads(old);
  }
}

const img = () => pattern([H, W, 3], 'uint8', 1);
const img2 = () => pattern([H, W, 3], 'uint8', 2);
const f32 = () => pattern([H, W], 'float32', 3);

const CASES: [string, () => np.NdArray][] = [
  ['new uint8 result (streamed)', () => np.add(img(), img2())],
  ['comparison into a new bool array', () => np.less(img(), img2())],
  ['channel view cast to uint16 (gathered, cast)', () => np.astype(np.index(img(), ':, :, 1'), 'uint16')],
  ['channel view + channel view into uint16', () => np.add(np.index(img(), ':, :, 0'), np.index(img(), ':, :, 2'), { dtype: 'uint16' })],
  ['transposed float32 view times a scalar', () => np.multiply(np.transpose(f32()), 0.5)],
  ['float32 exp (libmvec loops)', () => np.exp(np.multiply(f32(), 0.01))],
  ['float64 of a uint8 image divided by 3', () => np.divide(img(), 3)],
  ['integer floor division by a scalar (reciprocal loop)', () => np.floor_divide(np.astype(img(), 'int32'), 7)],
  ['where= mask into an existing array', () => {
    const out = img2();
    np.subtract(img(), 1, { out, where: np.greater(img(), 128) });
    return out;
  }],
  ['overlapping out: add(a[1:], a[:-1], out=a[1:])', () => {
    const a = np.reshape(img(), [H * W * 3]);
    np.add(np.index(a, '1:'), np.index(a, ':-1'), { out: np.index(a, '1:') });
    return a;
  }],
  ['in place a *= 3 on a reversed view', () => {
    const a = f32();
    np.multiply(np.index(a, '::-1'), 3, { out: np.index(a, '::-1') });
    return a;
  }],
  ['np.where of two images', () => np.where(np.greater(img(), img2()), img(), img2())],
  ['np.clip into int16', () => np.clip(np.astype(img(), 'int16'), 20, 200) as np.NdArray],
  ['copy of [::2, ::2]', () => np.copy(np.index(img(), '::2, ::2'))],
  ['astype float32 -> uint8', () => np.astype(f32(), 'uint8')],
  ['sort of each pixel\'s channels (lanes of 3)', () => np.sort(img(), { axis: 2 })],
  ['argsort of a float32 stack of 9 along axis 0 (a middle axis)', () =>
    np.argsort(np.reshape(np.index(f32(), ':702'), [9, 78, W]), { axis: 0 })],
  ['float32 pixels @ weights (matmul by blocks of rows)', () =>
    np.matmul(np.astype(img(), 'float32'), np.array([0.299, 0.587, 0.114], 'float32'))],
  ['a stack of 8 x 8 float32 products (whole products to each thread)', () =>
    np.matmul(np.ascontiguousarray(np.index(f32(), ':8, :8')), np.reshape(f32(), [-1, 8, 8]))],
  ['float64 pixels @ a colour matrix', () =>
    np.matmul(np.astype(img(), 'float64'), np.transpose(np.array([[0.39, 0.77, 0.19], [0.35, 0.69, 0.17], [0.27, 0.53, 0.13]])))],
];

// reductions over >= 1 MiB of input, shared along a kept axis (reduce.c)
const REDUCTIONS: [string, () => np.NdArray][] = [
  ['float32 sum over axis 0', () => np.sum(f32(), { axis: 0 }) as np.NdArray],
  ['float32 mean over axis 1', () => np.mean(f32(), { axis: 1 }) as np.NdArray],
  ['float32 sum into float64 over axis 1', () => np.sum(f32(), { axis: 1, dtype: 'float64' }) as np.NdArray],
  ['float32 var over axis 1', () => np.var(f32(), { axis: 1 }) as np.NdArray],
  ['uint8 image mean over the channels', () => np.mean(img(), { axis: 2 }) as np.NdArray],
  ['uint8 image max over the channels', () => np.max(img(), { axis: 2 }) as np.NdArray],
  ['float32 sum over the last two axes of a 3-d view', () => np.sum(np.reshape(f32(), [H, 40, 32]), { axis: [1, 2] }) as np.NdArray],
  ['uint8 image sum of everything (into uint64)', () => np.array([np.sum(img())], 'uint64')],
  ['uint8 image max of everything', () => np.array([np.max(img())], 'uint8')],
  ['int16 minimum of everything', () => np.array([np.min(np.subtract(np.astype(img(), 'int16'), 300))], 'int16')],
  ['count of nonzero float32', () => np.array([np.count_nonzero(f32())], 'int64')],
  ['argmax of a float32 frame (the first of tied maxima)', () => np.array([np.argmax(f32())], 'int64')],
  ['argmin of a uint8 image (the first of tied minima)', () => np.array([np.argmin(img())], 'int64')],
  ['argmax along rows of every other float32 (gathered lanes)', () =>
    np.argmax(np.index(np.reshape(f32(), [H, W / 2, 2]), ':, :, 1'), { axis: 1 }) as np.NdArray],
  ['argmin of a float32 frame along axis 0 (row by row)', () => np.argmin(f32(), { axis: 0 }) as np.NdArray],
  ['float32 median over axis 1', () => np.median(f32(), { axis: 1 }) as np.NdArray],
  ['int64 cumsum of a channel (piece totals, then the pieces)', () => np.cumsum(np.astype(np.index(img(), ':, :, 0'), 'int64'))],
  ['uint64 cumprod of a channel made odd (wrapping, never 0)', () => np.cumprod(np.bitwise_or(np.astype(np.index(img(), ':, :, 2'), 'uint64'), 1))],
  ['percentiles of a stack of 9 shifted views', () => {
    const g = np.index(img(), ':, :, 1');
    const views = [0, 1, 2].flatMap((dy) => [0, 1, 2].map((dx) => np.index(g, `${dy}:${H - 2 + dy}, ${dx}:${W - 2 + dx}`)));
    return np.percentile(np.stack(views), [25, 50, 75], { axis: 0 }) as np.NdArray;
  }],
];

for (const [name, run] of [...CASES, ...REDUCTIONS]) {
  test(`threads: ${name} is the same on 1 and 4 threads`, () => {
    if (!k) return;
    const [one, four, shared] = both(run);
    assert.ok(shared >= 1, `${name}: no call was shared with the worker threads`);
    assert.ok(one.length >= 1 << 19 || REDUCTIONS.some(([n]) => n === name), `${name}: the case is too small to be shared (${one.length} bytes)`);
    assert.ok(one.equals(four), `${name}: 4 threads gave other bytes than 1`);
    assert.ok(one.length <= 16 || new Set(one.subarray(0, 4096)).size >= 2, `${name}: the result is too uniform to tell anything`);
  });
}

function childThreads(value: string | undefined): { threads: number; stderr: string } {
  const env = { ...process.env };
  if (value === undefined) delete env.UDMABUF_THREADS;
  else env.UDMABUF_THREADS = value;
  const code = `import { np } from ${JSON.stringify(LIB)};
import { nativeKernels } from ${JSON.stringify(fileURLToPath(new URL('../../lib/native-kernels.js', import.meta.url)))};
np.add(np.zeros([4]), 1);
process.stdout.write(String(nativeKernels().engineThreads()));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { env, encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
  return { threads: Number(r.stdout), stderr: r.stderr };
}

test('UDMABUF_THREADS sets the count; a bad value says so and keeps the default', () => {
  if (!k) return;
  assert.is(childThreads('1').threads, 1);
  assert.is(childThreads('3').threads, 3);
  const dflt = childThreads(undefined);
  assert.ok(dflt.threads >= 1 && dflt.threads <= 4, `default ${dflt.threads}`);
  assert.is(dflt.stderr, '');
  const bad = childThreads('lots');
  assert.is(bad.threads, dflt.threads);
  assert.match(bad.stderr, /UDMABUF_THREADS=lots.*1 to 8/);
  assert.throws(() => k.engineThreads(0), /1 to 8/);
  assert.is(k.engineThreads(), k.engineThreads());
});

test.run();
