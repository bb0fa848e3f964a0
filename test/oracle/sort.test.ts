// sort, argsort, searchsorted, unique, histogram, bincount, digitize
// against numpy: every dtype, shapes up to 4-d, views (transposed,
// negative steps), empty and 0-d arrays, negative axes, ties, NaN/inf/-0,
// 64-bit extremes, and the errors. One numpy run for the whole file.
import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { np } from 'u-dma-buf';

import { ALL_DTYPES, CaseBook, randomArray, views } from './gen.js';
import { numpyMajor, someOf } from './oracle.js';

let seed = 1;
const book = new CaseBook();
const { cases } = book;
const input = (a: np.NdArray): string => book.input(a);
const add = (name: string, py: string, ours: () => unknown, ulp?: number): void => book.add(name, py, ours, ulp);

// Some answers changed in NumPy 2 (the boards' numpy is 1.24, run with NEP
// 50 promotion): book.numpy2Only names the cases checked only against numpy >= 2.

/**
 * numpy's unique with every output. Its inverse has the input's shape since
 * NumPy 2.0 (1.24's is flat, same values): numpy 1's is reshaped to compare.
 */
const uniqueAll = (x: string): string => {
  const py = `np.unique(${x}, return_index=True, return_inverse=True, return_counts=True)`;
  return numpyMajor() < 2 ? `(lambda r: r[:2] + (r[2].reshape(np.shape(${x})),) + r[3:])(${py})` : py;
};

/**
 * bincount of `dt` changed in NumPy 2: numpy 1.24 casts x to intp with the
 * 'safe' rule and refuses uint64 (and on 32-bit ARM uint32 and int64 too);
 * NumPy 2 casts any integer array (a uint64 past int64 wraps negative and is
 * refused as negative).
 */
const bincountChanged = (dt: np.DTypeName): boolean => !np.can_cast(dt, 'intp');

const SHAPES_1D = [[0], [9], [40]];
const SHAPES_ND = [[5, 7], [0, 3], [3, 4, 5], [2, 3, 2, 4]];

for (const [di, dt] of ALL_DTYPES.entries()) {
  // every shape on the host; on the boards (ORACLE_SCALE) a share of the
  // 1-d ones (searchsorted, digitize, bincount) and of the others
  for (const shape of [...someOf(SHAPES_1D, di), ...someOf(SHAPES_ND, di)]) {
    const base = randomArray(dt, shape, seed++, { edges: true });
    for (const [vn, a] of views(base).slice(0, 2)) {
      const x = input(a);
      const id = `${dt}/${shape.join('x')}/${vn}`;
      const nd = a.shape.length;
      for (const axis of [-1, 0, nd - 1 - nd, null].filter((v, i, s) => s.indexOf(v) === i)) {
        const ax = axis === null ? 'None' : String(axis);
        add(`sort ${id} axis=${ax}`, `np.sort(${x}, axis=${ax}, kind='stable')`, () => np.sort(a, { axis }));
        add(`argsort ${id} axis=${ax}`, `np.argsort(${x}, axis=${ax}, kind='stable')`, () => np.argsort(a, { axis, kind: 'stable' }));
      }
      add(`unique ${id}`, uniqueAll(x),
        () => np.unique(a, { return_index: true, return_inverse: true, return_counts: true }));
      add(`unique-plain ${id}`, `np.unique(${x})`, () => np.unique(a));
      add(`unique-counts ${id}`, `np.unique(${x}, return_counts=True)`, () => np.unique(a, { return_counts: true }));
      if (nd === 1) {
        const s = np.sort(a);
        const xs = input(s);
        add(`searchsorted ${id}`, `np.searchsorted(${xs}, ${x})`, () => np.searchsorted(s, a));
        add(`searchsorted-right ${id}`, `np.searchsorted(${xs}, ${x}, side='right')`, () => np.searchsorted(s, a, { side: 'right' }));
        add(`searchsorted-sorter ${id}`, `np.searchsorted(${x}, ${x}[::-1], sorter=np.argsort(${x}, kind='stable'))`,
          () => np.searchsorted(a, a.step(-1), { sorter: np.argsort(a) }));
        add(`digitize ${id}`, `np.digitize(${x}, np.array([-2, 0, 0.5, 3, 7]))`, () => np.digitize(a, [-2, 0, 0.5, 3, 7]));
        add(`digitize-dec-right ${id}`, `np.digitize(${x}, np.array([9, 3, 3, 1.0]), right=True)`,
          () => np.digitize(a, [9, 3, 3, 1.5 - 0.5], { right: true }));
        if (!dt.startsWith('float')) {
          const c = randomArray(dt.replace(/^int/, 'uint') as np.DTypeName, shape, seed++, { range: 9 });
          const xc = input(c);
          add(`bincount ${id}`, `np.bincount(${xc}, minlength=5)`, () => np.bincount(c, { minlength: 5 }));
          add(`bincount-weights ${id}`, `np.bincount(${xc}, weights=${xc}[::-1] * 0.75)`,
            () => np.bincount(c, { weights: Array.from(c.data as ArrayLike<number | bigint>, (v) => Number(v) * 0.75).reverse() }));
          if (bincountChanged(np.dtype(c).name)) book.numpy2Only.add(`bincount ${id}`).add(`bincount-weights ${id}`);
          if (dt.startsWith('int')) add(`bincount-signed ${id}`, `np.bincount(${x})`, () => np.bincount(a));
          if (dt.startsWith('int') && bincountChanged(dt)) book.numpy2Only.add(`bincount-signed ${id}`);
        }
      }
      // histogram on finite data (numpy refuses an autodetected non-finite range)
      if (vn !== 'c' && nd !== 1) continue;
      const finite = randomArray(dt, shape, seed++, { range: 40 });
      const xf = input(finite);
      add(`histogram ${id}`, `np.histogram(${xf})`, () => np.histogram(finite));
      add(`histogram-7 ${id}`, `np.histogram(${xf}, 7)`, () => np.histogram(finite, 7));
      add(`histogram-range ${id}`, `np.histogram(${x}, 5, range=(-3.3, 7.1))`, () => np.histogram(a, 5, { range: [-3.3, 7.1] }));
      add(`histogram-edges ${id}`, `np.histogram(${x}, np.array([-4, -1, 0, 0.25, 3, 9]))`, () => np.histogram(a, [-4, -1, 0, 0.25, 3, 9]));
      add(`histogram-density ${id}`, `np.histogram(${xf}, 6, density=True)`, () => np.histogram(finite, 6, { density: true }));
      // every keyword in one options object, second (numpy's bins=, range=)
      add(`histogram-kw ${id}`, `np.histogram(${x}, bins=5, range=(-3.3, 7.1))`, () => np.histogram(a, { bins: 5, range: [-3.3, 7.1] }));
      add(`histogram-kw-edges ${id}`, `np.histogram(${x}, bins=np.array([-4, -1, 0, 0.25, 3, 9]))`, () => np.histogram(a, { bins: [-4, -1, 0, 0.25, 3, 9] }));
      const w = randomArray('float64', shape, seed++, { range: 8 });
      const xw = input(w);
      add(`histogram-weights ${id}`, `np.histogram(${xf}, 4, weights=${xw})`, () => np.histogram(finite, 4, { weights: w }));
      add(`histogram-edges-weights ${id}`, `np.histogram(${xf}, np.array([-4, -1, 0, 0.25, 3, 9]), weights=${xw})`,
        () => np.histogram(finite, [-4, -1, 0, 0.25, 3, 9], { weights: w }));
    }
  }
}

// lanes long enough for the addon's radix sort (and the same through JavaScript below 32)
for (const dt of ALL_DTYPES) {
  const a = randomArray(dt, [3, 257], seed++, { edges: true, range: 1000 });
  const x = input(a);
  for (const axis of [-1, 0, null]) {
    const ax = axis === null ? 'None' : String(axis);
    add(`sort ${dt} long axis=${ax}`, `np.sort(${x}, axis=${ax}, kind='stable')`, () => np.sort(a, { axis }));
    add(`argsort ${dt} long axis=${ax}`, `np.argsort(${x}, axis=${ax}, kind='stable')`, () => np.argsort(a, { axis }));
  }
  add(`argsort ${dt} long view`, `np.argsort(${x}.T[::-1], axis=0, kind='stable')`, () => np.argsort(a.transpose(1, 0).step(-1), { axis: 0 }));
  add(`unique-counts ${dt} long`, `np.unique(${x}, return_counts=True)`, () => np.unique(a, { return_counts: true }));
  add(`unique ${dt} long`, uniqueAll(x),
    () => np.unique(a, { return_index: true, return_inverse: true, return_counts: true }));
}

// bin edges computed in float32 for float32 data (numpy's linspace dtype), values on edges
{
  const f = np.zeros([64], 'float32');
  (f.data as Float32Array).set(Array.from({ length: 64 }, (_, i) => Math.fround(0.1 * i - 1.7)));
  const x = input(f);
  for (const b of [3, 10, 13, 64]) add(`histogram-f32 bins=${b}`, `np.histogram(${x}, ${b})`, () => np.histogram(f, b));
  add('histogram-f32 range', `np.histogram(${x}, 9, range=(-1.7, 0.1))`, () => np.histogram(f, 9, { range: [-1.7, 0.1] }));
  // 256 values or more (counted by the addon in one pass): float32 with the autodetected range (float32
  // scalars), float32 with a range of Python floats (float64 division), float64, values on and
  // between the edges, values outside the range, a reversed view, NaN
  const big32 = np.astype(np.multiply(np.subtract(np.remainder(np.arange(70001), 997), 300), 0.173), 'float32');
  const xb32 = input(big32);
  for (const b of [7, 32, 255]) add(`histogram big f32 bins=${b}`, `np.histogram(${xb32}, ${b})`, () => np.histogram(big32, b));
  add('histogram big f32 range', `np.histogram(${xb32}, 13, range=(-20.5, 100.25))`, () => np.histogram(big32, 13, { range: [-20.5, 100.25] }));
  add('histogram big f32 view', `np.histogram(${xb32}[::-3], 11)`, () => np.histogram(np.index(big32, '::-3'), 11));
  add('histogram f32 2-d view', `np.histogram(${xb32}[:70000].reshape(700, 100)[:, 1::3], 9)`,
    () => np.histogram(np.index(np.reshape(np.index(big32, ':70000'), [700, 100]), ':, 1::3'), 9));
  // weighted bincount in the addon: a uint8 channel view weighted by a float32 view (numpy's float64
  // sums in x's order), int64 weights past 2**53, bool weights
  const px = np.astype(np.remainder(np.arange(3000), 251), 'uint8');
  const xpx = input(px);
  add('bincount weights f32 view', `np.bincount(${xpx}[::3], weights=${xb32}[:3000:3])`,
    () => np.bincount(np.index(px, '::3'), { weights: np.index(big32, ':3000:3') }));
  add('bincount weights int64', `np.bincount(${xpx}, weights=np.arange(3000, dtype=np.int64) * 3000000000001, minlength=300)`,
    () => np.bincount(px, { weights: np.multiply(np.arange(3000, { dtype: 'int64' }), 3000000000001n), minlength: 300 }));
  add('bincount weights bool', `np.bincount(${xpx}, weights=${xpx} > 100)`, () => np.bincount(px, { weights: np.greater(px, 100) }));
  add('histogram 300 f32', `np.histogram(${xb32}[:300], 6, range=(-20.5, 100.25))`, () => np.histogram(np.index(big32, ':300'), 6, { range: [-20.5, 100.25] }));
  const edges64 = np.astype(np.divide(np.remainder(np.arange(65537), 101), 4), 'float64');
  const xe64 = input(edges64);
  add('histogram big f64 on edges', `np.histogram(${xe64}, 25)`, () => np.histogram(edges64, 25));
  add('histogram big f64 range', `np.histogram(${xe64}, 10, range=(3, 17.5))`, () => np.histogram(edges64, 10, { range: [3, 17.5] }));
  const withNan = np.copy(edges64);
  np.copyto(np.index(withNan, '5000:5001'), NaN);
  const xn = input(withNan);
  add('histogram big nan', `np.histogram(${xn}, 4)`, () => np.histogram(withNan, 4));
  add('histogram big nan range', `np.histogram(${xn}, 4, range=(0, 10))`, () => np.histogram(withNan, 4, { range: [0, 10] }));
  // the values above, where numpy's index formula lands across an edge, over 65536 of them
  const tiled = np.tile(f, [1094]);
  const xt = input(tiled);
  for (const b of [3, 10, 13, 64]) add(`histogram big tiled bins=${b}`, `np.histogram(${xt}, ${b})`, () => np.histogram(tiled, b));
  add('histogram big tiled range', `np.histogram(${xt}, 9, range=(-1.7, 0.1))`, () => np.histogram(tiled, 9, { range: [-1.7, 0.1] }));
  // values on numpy's own edges, where its index formula lands one bin low (the step up)
  for (const b of [7, 10]) {
    const onEdges = np.tile(np.linspace(0.1, 0.2, b + 1), [Math.ceil(65536 / (b + 1))]);
    const xo = input(onEdges);
    add(`histogram big on edges bins=${b}`, `np.histogram(${xo}, ${b}, range=(0.1, 0.2))`, () => np.histogram(onEdges, b, { range: [0.1, 0.2] }));
  }
  const c = np.full([5], 3, 'int32');
  const xc = input(c);
  const img = randomArray('uint8', [30, 40, 3], 91, { range: 256 });
  const ximg = input(img);
  add('histogram image 256', `np.histogram(${ximg}.flatten(), 256, [0, 256])`, () => np.histogram(img, 256, [0, 256]));
  // uint8 data <= the Python int 256: NumPy 2.0 compares out-of-range Python
  // ints; 1.24 with NEP 50 promotion raises OverflowError
  book.numpy2Only.add('histogram image 256');
  add('histogram image view', `np.histogram(${ximg}[::2, ::-3, 1], 64, (10, 200))`, () => np.histogram(img.step(2, -3).pick(null, null, 1), 64, [10, 200]));
  // contiguous views that start inside their buffer (the values counted from the view's first element)
  add('histogram image rows', `np.histogram(${ximg}[7:], 16)`, () => np.histogram(img.lo(7), 16));
  const i16 = randomArray('int16', [300], 92, { range: 60000 });
  const xi16 = input(i16);
  add('histogram int16 tail', `np.histogram(${xi16}[11:], 9)`, () => np.histogram(i16.lo(11), 9));
  add('histogram constant ints', `np.histogram(${xc}, 4)`, () => np.histogram(c, 4));
  const cf = np.full([5], 2.5, 'float32');
  const xcf = input(cf);
  add('histogram constant float32', `np.histogram(${xcf}, 3)`, () => np.histogram(cf, 3));
  const w32 = randomArray('float32', [64], 77, { range: 3 });
  const xw32 = input(w32);
  add('histogram float32 weights', `np.histogram(${x}, 5, weights=${xw32})`, () => np.histogram(f, 5, { weights: w32 }));
  add('histogram float32 weights density', `np.histogram(${x}, 5, weights=${xw32}, density=True)`,
    () => np.histogram(f, 5, { weights: w32, density: true }));
  const iw = randomArray('int32', [64], 78);
  const xiw = input(iw);
  add('histogram int weights', `np.histogram(${x}, 5, weights=${xiw})`, () => np.histogram(f, 5, { weights: iw }));
}

// long value arrays (the addon's branch-free search): every value dtype it takes, into float keys with
// repeats and into integer keys, values on the keys, NaN values, both sides, 1 to 17 keys
{
  for (const [j, dt] of (['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'float32', 'float64'] as const).entries()) {
    const vals = np.astype(np.subtract(np.remainder(np.multiply(np.arange(300, { dtype: 'int32' }), 37), 61), 20), dt);
    if (dt.startsWith('float')) np.copyto(np.index(vals, '::29'), NaN);
    const xv = input(vals);
    const nk = 1 + (j * 2) % 17;
    const keys = np.astype(np.subtract(np.multiply(np.arange(nk, { dtype: 'float64' }), 3.5), 9), j % 2 ? 'float32' : 'float64');
    const xk = input(keys);
    add(`searchsorted long ${dt}`, `np.searchsorted(${xk}, ${xv})`, () => np.searchsorted(keys, vals));
    add(`searchsorted long ${dt} right`, `np.searchsorted(${xk}, ${xv}, side='right')`, () => np.searchsorted(keys, vals, { side: 'right' }));
    const ik = np.array([-20, -3, -3, 0, 0, 0, 7, 40], 'int16');
    const xik = input(ik);
    add(`searchsorted long ${dt} int keys right`, `np.searchsorted(${xik}, ${xv}, side='right')`, () => np.searchsorted(ik, vals, { side: 'right' }));
    add(`digitize long ${dt}`, `np.digitize(${xv}, ${xik})`, () => np.digitize(vals, ik));
  }
}

// scalars, 0-d and special cases
{
  const s = np.zeros([6], 'int64');
  (s.data as BigInt64Array).set([-(2n ** 63n), -5n, 0n, 2n ** 53n + 1n, 2n ** 62n, 2n ** 63n - 1n]);
  const xs = input(s);
  add('searchsorted int64 scalar exact', `np.searchsorted(${xs}, 2**53 + 1)`, () => np.searchsorted(s, 2n ** 53n + 1n));
  add('searchsorted int64 scalar right', `np.searchsorted(${xs}, 2**53 + 1, side='right')`, () => np.searchsorted(s, 2n ** 53n + 1n, { side: 'right' }));
  add('searchsorted int64 float', `np.searchsorted(${xs}, 0.5)`, () => np.searchsorted(s, 0.5));
  const u = np.zeros([3], 'uint8');
  (u.data as Uint8Array).set([1, 2, 3]);
  const xu = input(u);
  add('searchsorted uint8 300', `np.searchsorted(${xu}, 300)`, () => np.searchsorted(u, 300));
  add('searchsorted uint8 -1', `np.searchsorted(${xu}, -1)`, () => np.searchsorted(u, -1));
  add('searchsorted uint8 2.5', `np.searchsorted(${xu}, 2.5)`, () => np.searchsorted(u, 2.5));
  const f = np.zeros([3], 'float32');
  (f.data as Float32Array).set([0.1, 0.2, NaN]);
  const xf = input(f);
  add('searchsorted float32 weak 0.1', `np.searchsorted(${xf}, 0.1)`, () => np.searchsorted(f, 0.1));
  add('searchsorted nan', `np.searchsorted(${xf}, np.nan)`, () => np.searchsorted(f, NaN));
  add('searchsorted nan right', `np.searchsorted(${xf}, np.nan, side='right')`, () => np.searchsorted(f, NaN, { side: 'right' }));
  add('digitize list', `np.digitize([0.5, 2, 9], [1, 2, 3])`, () => np.digitize([0.5, 2, 9], [1, 2, 3]));
  add('searchsorted list', `np.searchsorted(${xu}, [0, 2, 7], side='right')`, () => np.searchsorted(u, [0, 2, 7], { side: 'right' }));
  add('digitize scalar', `np.digitize(2, [1, 2, 3])`, () => np.digitize(2, [1, 2, 3]));
  add('digitize scalar right', `np.digitize(2, [1, 2, 3], right=True)`, () => np.digitize(2, [1, 2, 3], { right: true }));
  const z = np.full([], 7, 'int16');
  const xz = input(z);
  add('argsort 0-d', `np.argsort(${xz})`, () => np.argsort(z));
  add('sort 0-d flat', `np.sort(${xz}, axis=None)`, () => np.sort(z, { axis: null }));
  add('unique 0-d', uniqueAll(xz),
    () => np.unique(z, { return_index: true, return_inverse: true, return_counts: true }));
  const nan = np.zeros([6], 'float64');
  (nan.data as Float64Array).set([NaN, 1, NaN, -0, 0, 1]);
  const xn = input(nan);
  add('unique equal_nan=False', `np.unique(${xn}, equal_nan=False, return_counts=True)`, () => np.unique(nan, { equal_nan: false, return_counts: true }));
  add('bincount weights', `np.bincount(np.array([0, 3, 3, 1]), weights=np.array([0.5, 1.25, 2, 3]))`,
    () => np.bincount([0, 3, 3, 1], { weights: [0.5, 1.25, 2, 3] }));
  // long runs (the addon's range and count passes): every integer dtype and
  // bool, values 0..99, a run of one value (the byte tables' interleaving),
  // contiguous and every third element, minlength below and above the range
  for (const dt of ['bool', ...ALL_DTYPES.filter((d) => !d.startsWith('float') && d !== 'bool')] as np.DTypeName[]) {
    const long = randomArray(dt, [3000], seed++, { range: 100 });
    const d = long.data as unknown as (number | bigint)[];
    if (dt !== 'bool') for (let i = 1000; i < 1600; i++) d[i] = dt.endsWith('64') ? 97n : 97;
    const xl = input(long);
    add(`bincount long ${dt}`, `np.bincount(${xl}, minlength=5)`, () => np.bincount(long, { minlength: 5 }));
    add(`bincount long ${dt} [::3] minlength`, `np.bincount(${xl}[::3], minlength=300)`, () => np.bincount(long.step(3), { minlength: 300 }));
    if (bincountChanged(dt)) book.numpy2Only.add(`bincount long ${dt}`).add(`bincount long ${dt} [::3] minlength`);
  }
  // a bool view of bytes other than 0/1 counts them as 1 (numpy's cast to intp is != 0)
  add('bincount bool view', 'np.bincount(np.array([2] * 40 + [0] * 5 + [255], np.uint8).view(bool))',
    () => np.bincount(np.view(np.array([...new Array<number>(40).fill(2), 0, 0, 0, 0, 0, 255], 'uint8'), 'bool')));
  add('bincount empty', `np.bincount(np.array([], dtype=np.intp), minlength=3)`, () => np.bincount(np.zeros([0], 'int64'), { minlength: 3 }));
  add('histogram empty', `np.histogram(np.array([]))`, () => np.histogram(np.zeros([0])));
  add('histogram empty float32', `np.histogram(np.array([], np.float32), 4)`, () => np.histogram(np.zeros([0], 'float32'), 4));
}

// errors: numpy's exception and ours must match in kind
const z0 = np.full([], 1, 'int32');
const m2 = np.zeros([2, 2], 'int64');
const v3 = np.zeros([3], 'uint8');
const errs: Record<string, [string, () => unknown]> = {
  'sort kind': ['np.sort(np.zeros(3), kind="foo")', () => np.sort(np.zeros(3), { kind: 'foo' as 'stable' })],
  'sort 0-d': ['np.sort(np.array(1))', () => np.sort(z0)],
  'sort axis': ['np.sort(np.zeros((2,2)), axis=2)', () => np.sort(np.zeros([2, 2]), { axis: 2 })],
  'argsort axis': ['np.argsort(np.zeros((2,2)), axis=-3)', () => np.argsort(np.zeros([2, 2]), { axis: -3 })],
  'searchsorted 2-d': ['np.searchsorted(np.zeros((2,2)), 1)', () => np.searchsorted(m2, 1)],
  'searchsorted 0-d': ['np.searchsorted(np.array(1), 1)', () => np.searchsorted(z0, 1)],
  'searchsorted side': ['np.searchsorted(np.zeros(3), 1, side="foo")', () => np.searchsorted(v3, 1, { side: 'foo' as 'left' })],
  'searchsorted sorter size': ['np.searchsorted(np.zeros(3), 1, sorter=[0, 1])', () => np.searchsorted(v3, 1, { sorter: [0, 1] })],
  'bincount negative': ['np.bincount([-1])', () => np.bincount([-1])],
  'bincount negative long': ['np.bincount(np.array([3] * 40 + [-1], np.int16))', () => np.bincount(np.array([...new Array<number>(40).fill(3), -1], 'int16'))],
  'bincount uint64 huge long': ['np.bincount(np.array([5] * 40 + [2**63], np.uint64))', () => np.bincount(np.array([...new Array<bigint>(40).fill(5n), 2n ** 63n], 'uint64'))],
  'bincount float': ['np.bincount(np.array([1.0]))', () => np.bincount(np.full([1], 1.5))],
  'bincount uint64 huge': ['np.bincount(np.array([2**64-1], np.uint64))', () => np.bincount(np.full([1], 2n ** 64n - 1n, 'uint64'))],
  'bincount 2-d': ['np.bincount(np.zeros((2,2), int))', () => np.bincount(m2)],
  'bincount minlength': ['np.bincount([1], minlength=-1)', () => np.bincount([1], { minlength: -1 })],
  'bincount weights': ['np.bincount([1, 2], weights=[1])', () => np.bincount([1, 2], { weights: [1] })],
  'digitize 2-d bins': ['np.digitize([1], [[1, 2]])', () => np.digitize(v3, m2)],
  'digitize non-monotonic': ['np.digitize([1], [3, 1, 2])', () => np.digitize(v3, [3, 1, 2])],
  'histogram bins 0': ['np.histogram([1, 2], bins=0)', () => np.histogram(v3, 0)],
  'histogram bins order': ['np.histogram([1, 2], bins=[3, 1])', () => np.histogram(v3, [3, 1])],
  'histogram nan': ['np.histogram([1, np.nan])', () => np.histogram(np.full([2], NaN))],
  'histogram range order': ['np.histogram([1, 2], range=(2, 1))', () => np.histogram(v3, 10, { range: [2, 1] })],
  'histogram range inf': ['np.histogram([1, 2], range=(0, np.inf))', () => np.histogram(v3, 10, { range: [0, Infinity] })],
  'histogram weights shape': ['np.histogram([1, 2], weights=[1])', () => np.histogram(v3, 10, { weights: np.zeros([1]) })],
  'histogram too many bins': ['np.histogram(np.array([1, 1 + 2**-52]), 4)', () => np.histogram(np.array([1, 1 + 2 ** -52]), 4)],
};
for (const [name, [py, fn]] of Object.entries(errs)) add(`error ${name}`, py, fn);
// numpy 1.24 refuses uint64 (TypeError) before looking at the values; it
// spreads 1 + 2^-52 over 4 bins where NumPy 2 raises "Too many bins"
book.numpy2Only.add('error bincount uint64 huge').add('error bincount uint64 huge long').add('error histogram too many bins');

const want = book.ask();

function check(prefix: string): void {
  const { count, failures } = book.failures(want, (name) => name.startsWith(prefix + ' '));
  assert.ok(count > 0, `no cases for ${prefix}`);
  assert.equal(failures, [], `${failures.length} of ${count} differ:\n${failures.slice(0, 15).join('\n')}`);
}

for (const prefix of ['sort', 'argsort', 'unique', 'unique-plain', 'unique-counts', 'unique-nan', 'searchsorted', 'searchsorted-right', 'searchsorted-sorter', 'digitize',
  'digitize-dec-right', 'bincount', 'bincount-weights', 'bincount-signed', 'histogram', 'histogram-7', 'histogram-range', 'histogram-edges', 'histogram-density',
  'histogram-weights', 'histogram-edges-weights', 'histogram-f32', 'histogram-kw', 'histogram-kw-edges', 'error']) {
  if (!Object.keys(cases).some((k) => k.startsWith(prefix + ' '))) continue;
  test(`${prefix} as numpy`, () => check(prefix));
}

test('every other case as numpy', () => {
  const { failures } = book.failures(want, (name) =>
    /^(histogram (constant|float32|int|empty)|searchsorted (int64|uint8|float32|nan)|digitize (scalar|list)|searchsorted list|argsort 0-d|sort 0-d|unique (0-d|equal_nan)|bincount (weights|empty))/.test(name));
  assert.equal(failures, []);
});

test('sort and argsort are stable; -0 and 0 keep their order', () => {
  const a = np.zeros([6], 'float64');
  (a.data as Float64Array).set([0, -0, 1, -0, 0, NaN]);
  const s = Array.from(np.sort(a).data as Float64Array);
  assert.equal(s.slice(0, 4).map((v) => Object.is(v, -0)), [false, true, true, false]);
  assert.equal(Array.from(np.argsort(a).data as ArrayLike<number | bigint>).map(Number), [0, 1, 3, 4, 2, 5]);
});

test('every case added is compared with numpy by some test', () => {
  assert.equal(book.unchecked(), []);
});

test.run();
