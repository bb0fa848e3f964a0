// matmul, dot, vdot, inner, outer, tensordot against numpy: every dtype
// (integers exact, wrapping as numpy), stacks that broadcast, 1-d
// promotion, views, empty operands, mixed dtypes, `out`, and the errors.
// Float operands are multiples of 1/4 so every product and sum is exact:
// BLAS summation order cannot matter and results must be bit-equal; one
// case with random floats checks the documented tolerance instead.
import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { np } from 'u-dma-buf';

import { ALL_DTYPES, CaseBook, randomArray, rng } from './gen.js';

let seed = 100;
const book = new CaseBook();
const input = (a: np.NdArray): string => book.input(a);
const add = (name: string, py: string, ours: () => unknown, ulp?: number): void => book.add(name, py, ours, ulp);

/** A C-ordered copy of contiguous `a` with another shape (numpy's reshape). */
function reshaped(a: np.NdArray, shape: number[]): np.NdArray {
  const r = np.zeros(shape, np.dtype(a.data.constructor as Uint8ArrayConstructor));
  (r.data as Float64Array).set(a.data as Float64Array);
  return r;
}
function arr(dt: np.DTypeName, shape: number[]): [np.NdArray, string] {
  const a = randomArray(dt, shape, seed++, { edges: !dt.startsWith('float'), range: 9 });
  return [a, input(a)];
}

// up to 60 multiply-adds per matrix: JavaScript; from 64 on: the addon's kernel
const MATMUL_SHAPES: [number[], number[]][] = [
  [[9, 17], [17, 13]], [[2, 5, 16], [16, 7]], [[40], [40, 3]], [[0, 30], [30, 9]],
  [[3, 4], [4, 5]], [[4], [4, 5]], [[3, 4], [4]], [[4], [4]], [[2, 1, 3, 4], [5, 4, 2]],
  [[0, 3], [3, 2]], [[2, 0], [0, 3]], [[1, 1], [1, 1]], [[2, 3, 7], [7]],
  // pixels times channel weights (the addon's matrix-vector paths: 2-4
  // packed channels, and blocks of 512 rows for the others)
  [[3, 200, 3], [3]], [[700, 4], [4]], [[2, 300, 2], [2]], [[530, 5], [5]], [[600, 1], [1]],
  // stacks in one call of the addon: tiny products, broadcast on both
  // sides, and 8 x 8 blocks whole to each thread (600 products: 3 chunks)
  [[7, 2, 3], [7, 3, 2]], [[3, 1, 4, 6], [1, 5, 6, 2]], [[8, 8], [600, 8, 8]],
];

for (const dt of ALL_DTYPES) {
  for (const [sa, sb] of MATMUL_SHAPES) {
    const [a, xa] = arr(dt, sa);
    const [b, xb] = arr(dt, sb);
    const id = `${dt} ${sa.join('x')}@${sb.join('x')}`;
    add(`matmul ${id}`, `np.matmul(${xa}, ${xb})`, () => np.matmul(a, b));
    add(`dot ${id}`, `np.dot(${xa}, ${xb})`, () => np.dot(a, b));
  }
  // transposed and reversed views as operands
  const [a, xa] = arr(dt, [4, 3]);
  const [b, xb] = arr(dt, [5, 4]);
  const [g, xg] = arr(dt, [19, 11]);
  add(`matmul ${dt} big views`, `np.matmul(${xg}[::-2], ${xg}.T[:, 1::3])`, () => np.matmul(g.step(-2), g.transpose(1, 0).lo(0, 1).step(1, 3)));
  // a contiguous view that starts inside its data (read in place, not copied)
  const [px, xpx] = arr(dt, [101, 3]);
  const [w3, xw3] = arr(dt, [3]);
  add(`matmul ${dt} offset view`, `np.matmul(${xpx}[1:], ${xw3})`, () => np.matmul(px.lo(1), w3));
  add(`matmul ${dt} offset stack`, `np.matmul(${xpx}[1:].reshape(4, 25, 3), ${xw3})`, () => np.matmul(np.reshape(px.lo(1), [4, 25, 3]), w3));
  add(`matmul ${dt} small offset view`, `np.matmul(${xa}[1:], ${xw3})`, () => np.matmul(a.lo(1), w3));
  add(`dot ${dt} offset view`, `np.dot(${xpx}[1:], ${xg}[:3, 4:5])`, () => np.dot(px.lo(1), g.hi(3).lo(0, 4).hi(3, 1)));
  add(`matmul ${dt} views`, `np.matmul(${xa}.T, ${xb}.T[::-1])`, () => np.matmul(a.transpose(1, 0), b.transpose(1, 0).step(-1)));
  add(`dot ${dt} N-d x M-d`, `np.dot(${xa}.reshape(2, 2, 3), np.ones((3, 3, 2), dtype=${xa}.dtype))`,
    () => np.dot(reshaped(a, [2, 2, 3]), np.full([3, 3, 2], 1, dt)));
  add(`dot ${dt} scalar`, `np.dot(${xa}, 3)`, () => np.dot(a, 3));
  const [v, xv] = arr(dt, [12]);
  add(`vdot ${dt}`, `np.vdot(${xa}, ${xv})`, () => np.vdot(a, v));
  add(`inner ${dt}`, `np.inner(${xa}, ${xa})`, () => np.inner(a, a));
  add(`inner ${dt} 3-d`, `np.inner(${xa}.reshape(2, 2, 3), ${xa}[:2])`, () => np.inner(reshaped(a, [2, 2, 3]), a.hi(2)));
  add(`outer ${dt}`, `np.outer(${xa}, ${xv}[::-3])`, () => np.outer(a, v.step(-3)));
  const [t3, xt3] = arr(dt, [2, 3, 4]);
  const [t4, xt4] = arr(dt, [4, 3, 5]);
  add(`tensordot ${dt} 1`, `np.tensordot(${xt3}, ${xt4}, 1)`, () => np.tensordot(t3, t4, 1));
  add(`tensordot ${dt} 0`, `np.tensordot(${xa}, ${xv}, 0)`, () => np.tensordot(a, v, 0));
  add(`tensordot ${dt} pairs`, `np.tensordot(${xt3}, ${xt4}, axes=([1, 2], [1, 0]))`, () => np.tensordot(t3, t4, [[1, 2], [1, 0]]));
  const [t5, xt5] = arr(dt, [3, 4, 2]);
  add(`tensordot ${dt} 2`, `np.tensordot(${xt3}, ${xt5})`, () => np.tensordot(t3, t5));
  add(`tensordot ${dt} -1`, `np.tensordot(${xt3}, ${xt5}, -1)`, () => np.tensordot(t3, t5, -1));
}

// mixed dtypes promote first
for (const [da, db] of <[np.DTypeName, np.DTypeName][]>[['uint8', 'int8'], ['int32', 'float32'], ['uint64', 'int64'], ['int16', 'float64'], ['uint16', 'float32']]) {
  const [a, xa] = arr(da, [3, 4]);
  const [b, xb] = arr(db, [4, 2]);
  add(`matmul mixed ${da} ${db}`, `np.matmul(${xa}, ${xb})`, () => np.matmul(a, b));
  add(`dot mixed ${da} ${db}`, `np.dot(${xa}, ${xb})`, () => np.dot(a, b));
}

// out
{
  const [a, xa] = arr('float64', [3, 4]);
  const [b, xb] = arr('float64', [4, 2]);
  add('matmul out float32', `np.matmul(${xa}, ${xb}, out=np.zeros((3, 2), np.float32))`, () => np.matmul(a, b, { out: np.zeros([3, 2], 'float32') }));
  const o = np.zeros([2, 3]);
  add('matmul out view', `np.matmul(${xa}, ${xb}, out=np.zeros((2, 3)).T)`, () => {
    np.matmul(a, b, { out: o.transpose(1, 0) });
    return o.transpose(1, 0);
  });
  add('dot out', `np.dot(${xa}, ${xb}, out=np.zeros((3, 2)))`, () => np.dot(a, b, { out: np.zeros([3, 2]) }));
  add('matmul out int', `np.matmul(${xa}, ${xb}, out=np.zeros((3, 2), np.int64))`, () => np.matmul(a, b, { out: np.zeros([3, 2], 'int64') }));
  add('matmul out core', `np.matmul(${xa}, ${xb}, out=np.zeros((3, 3)))`, () => np.matmul(a, b, { out: np.zeros([3, 3]) }));
  add('dot out dtype', `np.dot(${xa}, ${xb}, out=np.zeros((3, 2), np.float32))`, () => np.dot(a, b, { out: np.zeros([3, 2], 'float32') }));
}

// random floats: within the documented tolerance of BLAS summation order
{
  const r = rng(7);
  for (const dt of ['float32', 'float64'] as const) {
    const a = np.zeros([6, 50], dt);
    const b = np.zeros([50, 7], dt);
    (a.data as Float64Array).set(Array.from({ length: a.size }, () => r()));
    (b.data as Float64Array).set(Array.from({ length: b.size }, () => r()));
    const xa = input(a);
    const xb = input(b);
    add(`float random ${dt}`, `np.matmul(${xa}, ${xb})`, () => np.matmul(a, b), 8);
    add(`float random dot ${dt}`, `np.dot(${xa}[0], ${xb}[:, 0])`, () => np.dot(a.pick(0, null), b.pick(null, 0)), 8);
  }
}

// products large enough for the packed path (gemm.c on AVX-512 CPUs): sizes
// off its 8 x 16 blocks, a channel of a 3-d array and a transpose as operands
{
  const r = rng(11);
  for (const dt of ['float32', 'float64'] as const) {
    const a = np.zeros([45, 120, 2], dt);
    const b = np.zeros([37, 120], dt);
    (a.data as Float64Array).set(Array.from({ length: a.size }, () => r()));
    (b.data as Float64Array).set(Array.from({ length: b.size }, () => r()));
    const xa = input(a);
    const xb = input(b);
    add(`float packed ${dt}`, `np.matmul(${xa}[:, :, 1], ${xb}.T)`,
      () => np.matmul(np.index(a, ':, :, 1'), np.transpose(b)), 8);
    // 8 columns (half a panel): a stack of 8 x 8 blocks times one 8 x 8 matrix
    const s = np.zeros([75, 8, 8], dt);
    (s.data as Float64Array).set(Array.from({ length: s.size }, () => r()));
    const xs = input(s);
    add(`float packed ${dt} 8 columns`, `np.matmul(${xs}, ${xb}[:8, 3:11])`,
      () => np.matmul(s, np.index(b, ':8, 3:11')), 8);
  }
}

// errors
const e23 = np.zeros([2, 3]);
const errs: Record<string, [string, () => unknown]> = {
  'matmul core': ['np.matmul(np.ones((2,3)), np.ones((2,3)))', () => np.matmul(e23, e23)],
  'matmul 1-d': ['np.matmul(np.ones(3), np.ones(2))', () => np.matmul(np.zeros([3]), np.zeros([2]))],
  'matmul batch': ['np.matmul(np.ones((2,2,3)), np.ones((3,3,2)))', () => np.matmul(np.zeros([2, 2, 3]), np.zeros([3, 3, 2]))],
  'matmul 0-d': ['np.matmul(np.array(1.), np.ones(2))', () => np.matmul(np.zeros([]), np.zeros([2]))],
  'matmul out dtype': ['np.matmul(np.ones((2,3)), np.ones((3,2)), out=np.zeros((2,2),np.int64))', () => np.matmul(e23, np.zeros([3, 2]), { out: np.zeros([2, 2], 'int64') })],
  'dot align': ['np.dot(np.ones((2,3)), np.ones((2,3)))', () => np.dot(e23, e23)],
  'dot align nd': ['np.dot(np.ones((2,3,4)), np.ones((2,5,3)))', () => np.dot(np.zeros([2, 3, 4]), np.zeros([2, 5, 3]))],
  'dot out': ['np.dot(np.ones((2,3)), np.ones((3,2)), out=np.zeros((2,2),np.float32))', () => np.dot(e23, np.zeros([3, 2]), { out: np.zeros([2, 2], 'float32') })],
  'vdot size': ['np.vdot(np.ones(3), np.ones(2))', () => np.vdot(np.zeros([3]), np.zeros([2]))],
  'inner align': ['np.inner(np.ones((2,3)), np.ones((2,4)))', () => np.inner(e23, np.zeros([2, 4]))],
  'tensordot mismatch': ['np.tensordot(np.ones((2,3)), np.ones((2,3)), axes=1)', () => np.tensordot(e23, e23, 1)],
  'tensordot lists': ['np.tensordot(np.ones((2,3)), np.ones((2,3)), axes=([0],[1,0]))', () => np.tensordot(e23, e23, [[0], [1, 0]])],
  'tensordot range': ['np.tensordot(np.ones((2,3)), np.ones((2,3)), axes=3)', () => np.tensordot(e23, e23, 3)],
};
for (const [name, [py, fn]] of Object.entries(errs)) add(`error ${name}`, py, fn);

const want = book.ask();

for (const prefix of ['matmul', 'dot', 'vdot', 'inner', 'outer', 'tensordot', 'float', 'error']) {
  test(`${prefix} as numpy`, () => {
    const { count, failures } = book.failures(want, (name) => name.startsWith(prefix + ' '));
    assert.ok(count > 0);
    assert.equal(failures, [], `${failures.length} of ${count} differ:\n${failures.slice(0, 15).join('\n')}`);
  });
}

test('the error messages name the shapes as numpy does', () => {
  assert.throws(() => np.matmul(e23, e23), /matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature \(n\?,k\),\(k,m\?\)->\(n\?,m\?\) \(size 2 is different from 3\)/);
  assert.throws(() => np.dot(e23, e23), /shapes \(2,3\) and \(2,3\) not aligned: 3 \(dim 1\) != 2 \(dim 0\)/);
});

test('every case added is compared with numpy by some test', () => {
  assert.equal(book.unchecked(), []);
});

test.run();
