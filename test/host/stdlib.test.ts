// np <-> stdlib-js ndarrays: zero-copy both ways (a write through one shows
// in the other), views with negative steps and transposes, a stdlib
// function (@stdlib/blas-base-dasum) on a view of np data, refused dtypes.
import { spawnSync } from 'node:child_process';

import dasum from '@stdlib/blas-base-dasum';
import stdlibNdarray from '@stdlib/ndarray-base-ctor';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { DTypeError, np } from 'u-dma-buf';

test('import does not load stdlib-js: its ~390 modules load on the first toStdlib', () => {
  // A fresh process: this one has stdlib loaded by the imports above.
  const lib = new URL('../../lib/index.js', import.meta.url).href;
  const script = `
    import { createRequire } from 'node:module';
    const { np } = await import(${JSON.stringify(lib)});
    const cache = createRequire(import.meta.url).cache;
    const count = () => Object.keys(cache).filter((f) => f.includes('/@stdlib/')).length;
    const before = count();
    np.toStdlib(np.zeros([2, 2]));
    process.stdout.write(before + " " + count());`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
  const [before, after] = r.stdout.trim().split(' ').map(Number);
  assert.is(before, 0, 'stdlib modules loaded by the import alone');
  assert.ok(after > 0, 'toStdlib did not load stdlib');
});

function filled(dt: 'float64' | 'float32' | 'int16' | 'uint64', shape: number[]): np.NdArray {
  const a = np.zeros(shape, dt);
  const d = a.data as unknown as (number | bigint)[];
  for (let i = 0; i < a.size; i++) d[i] = dt === 'uint64' ? BigInt(i * 3) : i * 3 - 7;
  return a;
}

test('toStdlib: same memory, strides and offset for every kind of view', () => {
  const a = filled('float64', [4, 5]);
  for (const v of [a, a.transpose(1, 0), a.step(-1, 2), a.lo(1, 2).hi(2, 2), a.pick(2, null)]) {
    const x = np.toStdlib(v);
    assert.is(x.data, a.data);
    assert.equal(x.shape, v.shape);
    for (let i = 0; i < v.shape[0]; i++) {
      if (v.shape.length === 1) assert.is(x.get(i), v.get(i));
      else for (let j = 0; j < v.shape[1]; j++) assert.is(x.get(i, j), v.get(i, j));
    }
  }
  const v = a.step(-1, -1);
  const x = np.toStdlib(v);
  x.set(0, 0, 1234.5);
  assert.is(a.get(3, 4), 1234.5, 'a write through stdlib shows in np');
  a.set(0, 0, -1);
  assert.is(x.get(3, 4), -1, 'a write through np shows in stdlib');
});

test('dtype names and bigint elements carry over', () => {
  assert.is(np.toStdlib(filled('float32', [3])).dtype, 'float32');
  assert.is(np.toStdlib(filled('int16', [3])).dtype, 'int16');
  const u = np.toStdlib(filled('uint64', [3]));
  assert.is(u.dtype, 'uint64');
  assert.is(u.get(2), 6n);
});

test('fromStdlib: zero-copy back, strides and offset kept', () => {
  const buf = new Float32Array(12).map((_, i) => i);
  const Ctor = stdlibNdarray as unknown as new (...args: unknown[]) => np.StdlibNdarray;
  const x = new Ctor('float32', buf, [3, 2], [-4, 2], 8, 'row-major');
  const a = np.fromStdlib(x);
  assert.is(a.data, buf);
  assert.equal(a.shape, [3, 2]);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 2; j++) assert.is(a.get(i, j), x.get(i, j));
  a.set(1, 1, 99);
  assert.is(x.get(1, 1), 99);
  const round = np.fromStdlib(np.toStdlib(a.transpose(1, 0)));
  assert.is(round.data, buf);
  assert.equal(round.stride, [2, -4]);
});

test('fromStdlib: uint8c as uint8 over the same bytes; dtypes np lacks are refused', () => {
  const Ctor = stdlibNdarray as unknown as new (...args: unknown[]) => np.StdlibNdarray;
  const c = new Uint8ClampedArray([1, 2, 3]);
  const a = np.fromStdlib(new Ctor('uint8c', c, [3], [1], 0, 'row-major'));
  assert.ok(a.data instanceof Uint8Array);
  a.set(0, 200);
  assert.is(c[0], 200);
  assert.throws(() => np.fromStdlib(new Ctor('generic', [1, 2], [2], [1], 0, 'row-major')),
    (e: Error) => e instanceof DTypeError && /stdlib dtype 'generic' has no np dtype/.test(e.message));
  assert.throws(() => np.fromStdlib(new Ctor('complex128', new Float64Array(4), [2], [1], 0, 'row-major')), (e: Error) => e instanceof DTypeError);
});

test('a stdlib BLAS function runs on a strided, reversed view of np data', () => {
  const a = filled('float64', [10]);
  const v = a.step(-3); // elements 9, 6, 3, 0 -> values 20, 11, 2, -7
  const x = np.toStdlib(v);
  const s = dasum.ndarray(x.shape[0], x.data as Float64Array, x.strides[0], x.offset);
  assert.is(s, 20 + 11 + 2 + 7);
});

test.run();
