// Reductions against numpy as the oracle: every reduction × dtype × axes
// (None, each, negative, tuples) × keepdims on views (transposed, negative
// and stepped strides), empty and 0-d arrays, NaN/inf/-0, integer wrap,
// float32 sums of large arrays bit for bit, out= and dtype=, and the errors.
// All cases go to numpy in one batch.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import ndarray from 'ndarray';

import { np } from 'u-dma-buf';

import { differs, differsInError, numpy, numpyMajor, scaled, someOf } from './oracle.js';

/**
 * One comparison. Some answers changed in NumPy 2 (the boards' numpy is
 * 1.24, run with NEP 50 promotion): `numpy2Only` cases are checked only against
 * numpy >= 2, and `ulp1` is the float tolerance against numpy 1.
 */
interface Case { py: string; run: () => unknown; ulp?: number; numpy2Only?: boolean; ulp1?: number }

/** Deterministic pseudo-random numbers (xorshift32). */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 2 ** 32;
  };
}

const DTYPES: np.DTypeName[] = ['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64'];

function make(t: np.DTypeName, shape: number[], seed: number, special = true): np.NdArray {
  const dt = np.dtype(t);
  const n = shape.reduce((p, x) => p * x, 1);
  const data = new dt.ArrayType(n) as unknown as (number | bigint)[];
  const r = rng(seed);
  for (let i = 0; i < n; i++) {
    const u = r();
    if (dt.kind === 'b') data[i] = u < 0.5 ? 1 : 0;
    else if (dt.kind === 'f') data[i] = (u - 0.5) * 10 ** Math.floor(r() * 6 - 2);
    else if (dt.isBigInt) data[i] = BigInt.asIntN(64, BigInt(Math.floor(u * 2 ** 32)) * BigInt(Math.floor(r() * 2 ** 31)) + BigInt(i));
    else data[i] = Math.floor(u * 2 ** (8 * dt.itemsize)) - (dt.kind === 'i' ? 2 ** (8 * dt.itemsize - 1) : 0);
  }
  if (special && dt.kind === 'f' && n > 6) {
    data[(seed * 7) % n] = NaN;
    data[(seed * 3 + 1) % n] = Infinity;
    data[(seed * 5 + 2) % n] = -0;
  }
  return ndarray(data as unknown as Float64Array, shape) as unknown as np.NdArray;
}

/** A view of `a` as numpy spells it and as scijs makes it. */
interface View { py: string; make: (a: np.NdArray) => np.NdArray }
function views(nd: number): View[] {
  const all: View[] = [{ py: '', make: (a) => a }];
  if (nd >= 2) {
    const perm = [...Array(nd).keys()].reverse();
    all.push({ py: `.transpose(${perm.join(',')})`, make: (a) => a.transpose(...perm) });
  }
  const steps = [...Array(nd).keys()].map((i) => (i % 2 ? -1 : i === 0 ? 2 : -2));
  all.push({ py: `[${steps.map((s) => `::${s}`).join(',')}]`, make: (a) => a.step(...steps) });
  if (nd >= 3) {
    const perm = [1, 0, ...[...Array(nd - 2).keys()].map((i) => i + 2)];
    all.push({ py: `.transpose(${perm.join(',')})[::-1]`, make: (a) => a.transpose(...perm).step(-1) });
  }
  return all;
}

function axesOf(nd: number): (number | number[] | null)[] {
  const out: (number | number[] | null)[] = [null];
  for (let d = 0; d < nd; d++) out.push(d);
  if (nd >= 2) out.push(-1, [0, nd - 1]);
  if (nd === 3) out.push([1, 2], [-3, -1]);
  if (nd === 4) out.push([1, 2]);
  return out;
}
const pyAxis = (ax: number | number[] | null) => (ax === null ? 'None' : Array.isArray(ax) ? `(${ax.join(',')},)` : String(ax));

const inputs: Record<string, np.NdArray> = {};
const cases: Record<string, Case> = {};
let id = 0;
function add(py: string, run: () => unknown, ulp?: number): void {
  cases[`c${id++}`] = { py, run, ulp };
}
/** How the last case added is checked against numpy 1 (see {@link Case}). */
function numpy1Rule(how: { numpy2Only?: boolean; ulp1?: number }): void {
  Object.assign(cases[`c${id - 1}`], how);
}

// numpy's float32 square root on armhf is 2 ulp off at most (ARMv7 NEON has
// none: numpy refines an estimate; measured in math.test.ts), and std ends
// with one
const STD_F32_ULP = process.arch === 'arm' ? 2 : 0;

// ---- the reductions over dtypes, shapes, views, axes ----
const SHAPES = [[7], [5, 6], [3, 4, 5], [2, 3, 4, 3]];
DTYPES.forEach((t, ti) => {
  SHAPES.forEach((shape, si) => {
    if (si === 1 && t !== 'float64') return;
    if (si === 3 && !['int8', 'uint64', 'float32', 'float64'].includes(t)) return;
    const name = `x_${t}_${si}`;
    inputs[name] = make(t, shape, 1 + ti * 10 + si);
    const vs = views(shape.length);
    // every view for a few dtypes, the plain array and one view for the rest
    const combos: [View, number | number[] | null, boolean][] = [];
    for (const v of ['int8', 'float32'].includes(t) ? vs : ['uint64', 'float64'].includes(t) ? [vs[0], vs[vs.length - 1]] : [vs[vs.length - 1]]) {
      for (const ax of axesOf(shape.length)) for (const kd of si === 2 ? [false, true] : [false]) combos.push([v, ax, kd]);
    }
    // all on the host, a share on the boards (ORACLE_SCALE)
    for (const [v, ax, kd] of someOf(combos, ti * SHAPES.length + si)) {
      const a = () => v.make(inputs[name]);
      const A = `${name}${v.py}`;
      const P = pyAxis(ax);
      const K = kd ? ', keepdims=True' : '';
      add(`np.sum(${A}, axis=${P}${K})`, () => np.sum(a(), { axis: ax, keepdims: kd }));
      add(`np.max(${A}, axis=${P}${K})`, () => np.max(a(), { axis: ax, keepdims: kd }));
      if (kd) continue;
      add(`np.prod(${A}, axis=${P})`, () => np.prod(a(), { axis: ax }));
      add(`np.min(${A}, axis=${P})`, () => np.min(a(), { axis: ax }));
      add(`np.any(${A}, axis=${P})`, () => np.any(a(), { axis: ax }));
      add(`np.all(${A}, axis=${P})`, () => np.all(a(), { axis: ax }));
      // over all axes NumPy 2 returns an intp scalar, 1.24 a Python int: made an intp there
      const cnz = `np.count_nonzero(${A}, axis=${P})`;
      add(ax === null && numpyMajor() < 2 ? `np.intp(${cnz})` : cnz, () => np.count_nonzero(a(), { axis: ax }));
      if (t !== 'bool') add(`np.ptp(${A}, axis=${P})`, () => np.ptp(a(), { axis: ax }));
      if (t !== 'bool') {
        add(`np.mean(${A}, axis=${P})`, () => np.mean(a(), { axis: ax }));
        add(`np.var(${A}, axis=${P})`, () => np.var(a(), { axis: ax }));
        add(`np.std(${A}, axis=${P}, ddof=1)`, () => np.std(a(), { axis: ax, ddof: 1 }), t === 'float32' ? STD_F32_ULP : undefined);
        add(`np.median(${A}, axis=${P})`, () => np.median(a(), { axis: ax }));
        add(`np.percentile(${A}, 37, axis=${P})`, () => np.percentile(a(), 37, { axis: ax }));
        // a Python q is weak in NumPy 2 (float32 in, float32 out); 1.24 computes in float64
        if (t === 'float32') numpy1Rule({ numpy2Only: true });
        add(`np.quantile(${A}, [0, 0.25, 0.5, 1], axis=${P})`, () => np.quantile(a(), [0, 0.25, 0.5, 1], { axis: ax }));
        add(`np.nansum(${A}, axis=${P})`, () => np.nansum(a(), { axis: ax }));
        add(`np.nanmean(${A}, axis=${P})`, () => np.nanmean(a(), { axis: ax }));
        add(`np.nanmin(${A}, axis=${P})`, () => np.nanmin(a(), { axis: ax }));
        add(`np.nanmax(${A}, axis=${P})`, () => np.nanmax(a(), { axis: ax }));
      }
      if (ax === null || typeof ax === 'number') {
        add(`np.argmin(${A}, axis=${P})`, () => np.argmin(a(), { axis: ax }));
        add(`np.argmax(${A}, axis=${P})`, () => np.argmax(a(), { axis: ax }));
        add(`np.cumsum(${A}, axis=${P})`, () => np.cumsum(a(), { axis: ax }));
        add(`np.cumprod(${A}, axis=${P})`, () => np.cumprod(a(), { axis: ax }));
      }
    }
  });
});

// ---- float sums where the order shows: large float32, mixed magnitudes ----
// numpy 1.24 also cuts the runs it does not buffer into 8192-element chunks,
// NumPy 2.4 sums them whole (pairwise): these float32 sums are bit-equal
// with numpy 2 and within SUM_ULP1 of 1.24 (measured: 20 ulp at most, in
// np.sum(big[::-1]); np.sum(big) 12, np.mean(big) 8).
const SUM_ULP1 = 24;
{
  const big = make('float32', [100003], 99, false);
  inputs.big = big;
  const sum = (py: string, run: () => unknown) => {
    add(py, run);
    numpy1Rule({ ulp1: SUM_ULP1 });
  };
  sum('np.sum(big)', () => np.sum(big));
  sum('np.sum(big[::-1])', () => np.sum(big.step(-1)));
  sum('np.sum(big[::3])', () => np.sum(big.step(3)));
  sum('np.sum(big, dtype=np.float64)', () => np.sum(big, { dtype: 'float64' }));
  const m = make('float32', [300, 400], 98, false);
  inputs.m = m;
  for (const [py, v] of [['m', m], ['m.T', m.transpose(1, 0)], ['m[::2]', m.step(2)], ['m[:, ::-1]', m.step(1, -1)], ['m[::-1, ::-1]', m.step(-1, -1)]] as const) {
    sum(`np.sum(${py})`, () => np.sum(v));
    sum(`np.sum(${py}, axis=0)`, () => np.sum(v, { axis: 0 }));
    sum(`np.sum(${py}, axis=1)`, () => np.sum(v, { axis: 1 }));
  }
  const rows = make('float32', [3, 20000], 97, false);
  inputs.rows = rows;
  sum('np.sum(rows, axis=1)', () => np.sum(rows, { axis: 1 }));
}

// ---- large arrays: the engine's blocks, rows, selection and fused sums ----
// The float sums here (var, std, nansum, nanmean) are numpy's order bit for
// bit: NumPy 2's. 1.24 (the boards' numpy) cuts buffered runs into 8192
// chunks, and with the cancellation in these sums that moves results by
// hundreds of ulp (measured on arm64: nansum(nan2, axis=1) 10.24463 vs
// 10.24512): those are checked against numpy 2 on the host only.
const ORDER_1 = { numpy2Only: true };
{
  const m = inputs.m; // float32 300x400
  const nanbig = make('float64', [200003], 96, false);
  for (let i = 0; i < nanbig.size; i += 101) nanbig.set(i, NaN);
  inputs.nanbig = nanbig;
  const nan2 = make('float32', [4, 30000], 95, false);
  for (let i = 0; i < 30000; i += 37) nan2.set(i % 4, i, NaN);
  inputs.nan2 = nan2;
  const cube = make('float32', [3, 50, 700], 94, false);
  inputs.cube = cube;
  const big64 = make('float64', [150001], 93, false);
  inputs.big64 = big64;
  const i16 = make('int16', [120000], 92, false);
  inputs.i16 = i16;
  const u8 = make('uint8', [50000, 3], 91, false);
  inputs.u8 = u8;
  const i8 = make('int8', [70001], 90, false);
  inputs.i8big = i8;
  const views: [string, np.NdArray][] = [['m', m], ['m.T', m.transpose(1, 0)], ['m[::2]', m.step(2)], ['m[:, ::-1]', m.step(1, -1)]];
  for (const [py, v] of views) {
    for (const [ax, P] of [[null, 'None'], [0, '0'], [1, '1']] as const) {
      add(`np.var(${py}, axis=${P})`, () => np.var(v, { axis: ax }));
      numpy1Rule(ORDER_1);
      add(`np.std(${py}, axis=${P}, ddof=1)`, () => np.std(v, { axis: ax, ddof: 1 }));
      numpy1Rule(ORDER_1);
      add(`np.var(${py}, axis=${P}, dtype=np.float64)`, () => np.var(v, { axis: ax, dtype: 'float64' }));
      numpy1Rule(ORDER_1);
      add(`np.argmax(${py}, axis=${P})`, () => np.argmax(v, { axis: ax }));
      add(`np.argmin(${py}, axis=${P})`, () => np.argmin(v, { axis: ax }));
      add(`np.median(${py}, axis=${P})`, () => np.median(v, { axis: ax }));
      add(`np.percentile(${py}, [1, 50, 99.5], axis=${P})`, () => np.percentile(v, [1, 50, 99.5], { axis: ax }));
      // over all axes NumPy 2 returns an intp scalar, 1.24 a Python int: made an intp there
      const cnz = `np.count_nonzero(${py} > 0.1, axis=${P})`;
      add(ax === null && numpyMajor() < 2 ? `np.intp(${cnz})` : cnz, () => np.count_nonzero(np.greater(v, 0.1), { axis: ax }));
      add(`np.cumsum(${py}, axis=${P})`, () => np.cumsum(v, { axis: ax }));
      add(`np.nansum(${py}, axis=${P})`, () => np.nansum(v, { axis: ax }));
      numpy1Rule(ORDER_1);
    }
  }
  for (const ax of [null, 0, 1, [0, 1]] as const) {
    const P = pyAxis(ax as number | number[] | null);
    add(`np.nansum(nan2, axis=${P})`, () => np.nansum(nan2, { axis: ax as number | number[] | null }));
    numpy1Rule(ORDER_1);
    add(`np.nanmean(nan2, axis=${P})`, () => np.nanmean(nan2, { axis: ax as number | number[] | null }));
    numpy1Rule(ORDER_1);
    add(`np.nansum(nan2, axis=${P}, dtype=np.float64)`, () => np.nansum(nan2, { axis: ax as number | number[] | null, dtype: 'float64' }));
    numpy1Rule(ORDER_1);
    add(`np.median(nan2, axis=${P})`, () => np.median(nan2, { axis: ax as number | number[] | null }));
  }
  for (const ax of [null, 0, 2, [0, 2], [1, 2], [0, 1]] as const) {
    const P = pyAxis(ax as number | number[] | null);
    const A = { axis: ax as number | number[] | null };
    add(`np.var(cube, axis=${P})`, () => np.var(cube, A));
    numpy1Rule(ORDER_1);
    add(`np.std(cube.transpose(2, 0, 1), axis=${P})`, () => np.std(cube.transpose(2, 0, 1), A));
    numpy1Rule(ORDER_1);
    add(`np.median(cube, axis=${P})`, () => np.median(cube, A));
    add(`np.nansum(cube, axis=${P})`, () => np.nansum(cube, A));
    numpy1Rule(ORDER_1);
  }
  add('np.nansum(nanbig)', () => np.nansum(nanbig));
  numpy1Rule(ORDER_1);
  add('np.nanmean(nanbig)', () => np.nanmean(nanbig));
  numpy1Rule(ORDER_1);
  add('np.nansum(nanbig[::-1])', () => np.nansum(nanbig.step(-1)));
  numpy1Rule(ORDER_1);
  add('np.median(nanbig)', () => np.median(nanbig));
  add('np.argmax(nanbig)', () => np.argmax(nanbig));
  add('np.argmin(nanbig[5:])', () => np.argmin(nanbig.lo(5)));
  add('np.var(big64)', () => np.var(big64));
  numpy1Rule(ORDER_1);
  add('np.std(big64[::-2])', () => np.std(big64.step(-2)));
  numpy1Rule(ORDER_1);
  add('np.median(big64)', () => np.median(big64));
  add('np.quantile(big64, [0, 0.001, 0.3, 0.5, 0.999, 1])', () => np.quantile(big64, [0, 0.001, 0.3, 0.5, 0.999, 1]));
  add('np.percentile(big64[::3], 12.5)', () => np.percentile(big64.step(3), 12.5));
  add('np.cumsum(big64)', () => np.cumsum(big64));
  add('np.cumprod(big64[:300])', () => np.cumprod(big64.hi(300)));
  add('np.median(i16)', () => np.median(i16));
  add('np.percentile(i16, [25, 75])', () => np.percentile(i16, [25, 75]));
  add('np.argmax(i16)', () => np.argmax(i16));
  add('np.argmin(i16)', () => np.argmin(i16));
  add('np.var(i16)', () => np.var(i16));
  numpy1Rule(ORDER_1);
  add('np.cumsum(i16)', () => np.cumsum(i16));
  add('np.cumsum(i16, dtype=np.int16)', () => np.cumsum(i16, { dtype: 'int16' }));
  add('np.cumprod(i16, dtype=np.float32)', () => np.cumprod(i16, { dtype: 'float32' }));
  add(numpyMajor() < 2 ? 'np.intp(np.count_nonzero(i16))' : 'np.count_nonzero(i16)', () => np.count_nonzero(i16)); // 1.24: a Python int
  add('np.median(u8, axis=0)', () => np.median(u8, { axis: 0 }));
  add('np.median(u8, axis=1)', () => np.median(u8, { axis: 1 }));
  add('np.median(u8.reshape(-1, 6), axis=1, keepdims=True)', () => np.median(np.reshape(u8, [-1, 6]), { axis: 1, keepdims: true }));
  add('np.median(u8)', () => np.median(u8));
  add('np.argmax(u8, axis=0)', () => np.argmax(u8, { axis: 0 }));
  add('np.argmin(u8, axis=0, keepdims=True)', () => np.argmin(u8, { axis: 0, keepdims: true }));
  add('np.cumsum(u8, axis=0)', () => np.cumsum(u8, { axis: 0 }));
  add('np.cumprod(u8, axis=1)', () => np.cumprod(u8, { axis: 1 }));
  add('np.var(u8, axis=0)', () => np.var(u8, { axis: 0 }));
  numpy1Rule(ORDER_1);
  add('np.std(u8.T, axis=1)', () => np.std(u8.transpose(1, 0), { axis: 1 }));
  numpy1Rule(ORDER_1);
  add('np.count_nonzero(u8, axis=0)', () => np.count_nonzero(u8, { axis: 0 }));
  add('np.all(u8, axis=0)', () => np.all(u8, { axis: 0 }));
  add('np.any(u8 > 250)', () => np.any(np.greater(u8, 250)));
  add('np.all(u8 > 0)', () => np.all(np.greater(u8, 0)));
  add('np.max(u8 > 100, axis=1)', () => np.max(np.greater(u8, 100), { axis: 1 }));
  add('np.min(u8 > 100)', () => np.min(np.greater(u8, 100)));
  add('np.argmax(i8big)', () => np.argmax(i8));
  add('np.argmin(i8big[::-1])', () => np.argmin(i8.step(-1)));
  add('np.median(i8big)', () => np.median(i8));
  add('np.median(np.full(70000, 0.75))', () => np.median(np.full([70000], 0.75)));
  add('np.quantile(np.full(70000, 3, np.int32), [0.1, 0.9])', () => np.quantile(np.full([70000], 3, 'int32'), [0.1, 0.9]));
}

// ---- short slices side by side (a median filter over a stack of shifted views): the engine
// sorts blocks of 64 neighbouring slices together; blocks holding a NaN go slice by slice ----
{
  inputs.st9 = make('uint8', [9, 130], 40);
  inputs.st16 = make('int16', [16, 70], 41);
  inputs.st17 = make('int16', [17, 70], 42);
  inputs.st4 = make('int64', [4, 70], 43);
  inputs.st3 = make('float64', [3, 4, 70], 44);
  const nanst = make('float32', [5, 200], 45);
  for (const i of [3, 64 + 7, 199]) (nanst.data as Float32Array)[2 * 200 + i] = NaN;
  for (let i = 0; i < 200; i += 5) (nanst.data as Float32Array)[i] = (nanst.data as Float32Array)[200 + i] = i % 10 ? -0 : 0;
  inputs.nanst = nanst;
  // slices of signed zeros in every order: which zero is the median is the order statistics' business
  const zst = np.zeros([5, 96], 'float64');
  for (let l = 0; l < 96; l++) for (let i = 0; i < 5; i++) (zst.data as Float64Array)[i * 96 + l] = (l >> i) & 1 ? -0 : i === 4 && l % 3 === 0 ? 1 : 0;
  inputs.zst = zst;
  const pairs: [string, () => unknown][] = [
    ['np.median(st9, axis=0)', () => np.median(inputs.st9, 0)],
    ['np.percentile(st9, [10, 50, 90], axis=0)', () => np.percentile(inputs.st9, [10, 50, 90], 0)],
    ['np.median(st16, axis=0)', () => np.median(inputs.st16, 0)],
    ['np.median(st17, axis=0)', () => np.median(inputs.st17, 0)],
    ['np.median(st4, axis=0)', () => np.median(inputs.st4, 0)],
    ['np.median(st3, axis=0)', () => np.median(inputs.st3, 0)],
    ['np.quantile(st3, 0.3, axis=1)', () => np.quantile(inputs.st3, 0.3, 1)],
    ['np.median(nanst, axis=0)', () => np.median(nanst, 0)],
    ['np.percentile(nanst, [0, 100], axis=0)', () => np.percentile(nanst, [0, 100], 0)],
    ['np.median(zst, axis=0)', () => np.median(zst, 0)],
    ['np.median(zst.T.copy(), axis=1)', () => np.median(np.copy(np.transpose(zst)), 1)],
  ];
  for (const [py, f] of pairs) add(py, f);
}

// ---- empty, 0-d, dtype=, out=, errors ----
{
  inputs.e = make('float64', [0, 3], 5);
  inputs.z = make('int16', [], 6);
  inputs.s = make('float32', [], 7);
  inputs.i8 = make('int8', [4, 5], 8);
  const e = () => inputs.e;
  add('np.sum(e)', () => np.sum(e()));
  add('np.sum(e, axis=0)', () => np.sum(e(), { axis: 0 }));
  add('np.prod(e, axis=1)', () => np.prod(e(), { axis: 1 }));
  add('np.max(e, axis=1)', () => np.max(e(), { axis: 1 }));
  add('np.max(e)', () => np.max(e()));
  add('np.min(e, axis=0)', () => np.min(e(), { axis: 0 }));
  add('np.argmax(e)', () => np.argmax(e()));
  add('np.any(e)', () => np.any(e()));
  add('np.all(e, axis=0)', () => np.all(e(), { axis: 0 }));
  add('np.cumsum(e, axis=0)', () => np.cumsum(e(), { axis: 0 }));
  add('np.sum(z)', () => np.sum(inputs.z));
  add('np.max(s)', () => np.max(inputs.s));
  add('np.argmin(z)', () => np.argmin(inputs.z));
  add('np.cumsum(z)', () => np.cumsum(inputs.z));
  add('np.sum(i8, dtype=np.int8)', () => np.sum(inputs.i8, { dtype: 'int8' }));
  add('np.sum(i8, axis=1, dtype=np.float32)', () => np.sum(inputs.i8, { axis: 1, dtype: 'float32' }));
  add('np.prod(i8, axis=0, dtype=np.int16)', () => np.prod(inputs.i8, { axis: 0, dtype: 'int16' }));
  add('np.cumsum(i8, axis=1, dtype=np.int8)', () => np.cumsum(inputs.i8, { axis: 1, dtype: 'int8' }));
  add('np.sum(i8, axis=0, out=np.zeros(5, np.int8))', () => np.sum(inputs.i8, { axis: 0, out: np.zeros(5, 'int8') }));
  add('np.max(i8, axis=1, out=np.zeros(4, np.int16))', () => np.max(inputs.i8, { axis: 1, out: np.zeros(4, 'int16') }));
  add('np.sum(i8, axis=2)', () => np.sum(inputs.i8, { axis: 2 }));
  add('np.sum(i8, axis=-3)', () => np.sum(inputs.i8, { axis: -3 }));
  add('np.sum(i8, axis=(0,0))', () => np.sum(inputs.i8, { axis: [0, 0] }));
  add('np.argmax(i8, axis=2)', () => np.argmax(inputs.i8, { axis: 2 }));
  add('np.sum(i8, axis=0, out=np.zeros(4, np.int8))', () => np.sum(inputs.i8, { axis: 0, out: np.zeros(4, 'int8') }));
  add('np.sum(i8, out=np.zeros((1,), np.int8))', () => np.sum(inputs.i8, { out: np.zeros([1], 'int8') }));
}

// ---- images: integer sums into floats, small inner axes ----
// Sums of bool and integers up to 32 bits into a float whose integer range
// no partial sum can pass run exactly in integers, in any order (reduce.c
// exact_sum); where one can, they must stay numpy's float sums: uint8 past
// 2^24 into float32, int16 into float32, uint32 near 2^32 past 2^53 into
// float64 (host only: 16 MiB). Float images (NaN, infinities, -0 among
// them) sum over the channels with the pixels inside too (reduce.c
// float_rows): numpy's bits, as the order of each output's additions stays.
{
  // 37 x 1031 pixels on the host, 9 x 301 on the boards: more than one tile of kept elements either way
  const [H, W] = scaled(10) === 10 ? [37, 1031] : [9, 301];
  const views: [string, (a: np.NdArray) => np.NdArray][] = [['', (a) => a], ['[::-1, ::2]', (a) => a.step(-1, 2)]];
  const board = H !== 37;
  for (const [ti, t] of (['uint8', 'int16', 'uint32', 'bool', 'float32', 'float64'] as np.DTypeName[]).entries()) {
    const name = `img_${t}`;
    inputs[name] = make(t, [H, W, 3], 40 + t.length);
    for (const [py, v] of views) {
      const a = () => v(inputs[name]);
      for (const [ai, ax] of ([2, 1, 0, [0, 1], [1, 2], null] as (number | number[] | null)[]).entries()) {
        // the boards take every other axis set, alternating with the dtype: each one for three dtypes
        if (board && (ai + ti) % 2) continue;
        const P = pyAxis(ax);
        add(`np.mean(${name}${py}, axis=${P})`, () => np.mean(a(), { axis: ax }));
        add(`np.sum(${name}${py}, axis=${P})`, () => np.sum(a(), { axis: ax }));
        add(`np.max(${name}${py}, axis=${P})`, () => np.max(a(), { axis: ax }));
      }
      add(`np.sum(${name}${py}, axis=(0, 1), dtype=np.float32)`, () => np.sum(a(), { axis: [0, 1], dtype: 'float32' }));
      add(`np.mean(${name}${py}, axis=2, dtype=np.float32)`, () => np.mean(a(), { axis: 2, dtype: 'float32' }));
      add(`np.count_nonzero(${name}${py}, axis=2)`, () => np.count_nonzero(a(), { axis: 2 }));
    }
  }
  // bool views of other bytes (a 0/255 mask): numpy sums any nonzero byte as 1
  const rawb = np.view(np.astype(np.multiply(np.remainder(np.arange(37 * 41 * 3), 7), 40), 'uint8'), 'bool');
  inputs.rawb = np.reshape(rawb, [37, 41, 3]);
  for (const ax of [2, 1, [0, 1], null] as (number | number[] | null)[]) {
    const P = pyAxis(ax);
    add(`np.sum(rawb, axis=${P})`, () => np.sum(inputs.rawb, { axis: ax }));
    add(`np.mean(rawb, axis=${P})`, () => np.mean(inputs.rawb, { axis: ax }));
    add(`np.sum(rawb, axis=${P}, dtype=np.float32)`, () => np.sum(inputs.rawb, { axis: ax, dtype: 'float32' }));
  }
  // 8-bit images summed into 16-bit accumulators wrap as numpy's do (300 rows of 255 pass 65535)
  const u8img = make('uint8', [300, 17, 3], 54);
  for (let i = 0; i < u8img.size; i += 4) u8img.data[i] = 255;
  const i8img = make('int8', [300, 17, 3], 55);
  inputs.u8img = u8img;
  inputs.i8img = i8img;
  for (const ax of [2, 0, [0, 1], null] as (number | number[] | null)[]) {
    const P = pyAxis(ax);
    add(`np.sum(u8img, axis=${P}, dtype=np.uint16)`, () => np.sum(u8img, { axis: ax, dtype: 'uint16' }));
    add(`np.sum(i8img, axis=${P}, dtype=np.int16)`, () => np.sum(i8img, { axis: ax, dtype: 'int16' }));
  }
  add('np.sum(u8img[:, ::-2], axis=(1, 2), dtype=np.int16)', () => np.sum(np.index(u8img, ':, ::-2'), { axis: [1, 2], dtype: 'int16' }));
  // np.var's count after ddof is a float64 numpy scalar: a float32 result is divided in float64
  const v32 = np.reshape(np.divide(np.arange(640, { dtype: 'float32' }), 7), [64, 10]);
  inputs.v32 = v32;
  add('np.var(v32, axis=1, ddof=0.1)', () => np.var(v32, { axis: 1, ddof: 0.1 }));
  add('np.mean(v32, axis=1)', () => np.mean(v32, { axis: 1 }));
  const bright = np.add(np.zeros([250001], 'uint8'), 240);
  for (let i = 0; i < bright.size; i += 3) bright.data[i] = 255;
  inputs.bright = bright;
  add('np.sum(bright, dtype=np.float32)', () => np.sum(bright, { dtype: 'float32' }));
  add('np.mean(bright.reshape(-1, 1), axis=0, dtype=np.float32)', () => np.mean(np.reshape(bright, [-1, 1]), { axis: 0, dtype: 'float32' }));
  const loud = np.add(np.zeros([20011], 'int16'), 32001);
  inputs.loud = loud;
  add('np.sum(loud, dtype=np.float32)', () => np.sum(loud, { dtype: 'float32' }));
  if (scaled(10) === 10) {
    // over every axis numpy buffers whole cores of inner rows (chunkOf): 60 rows of 68x2 here, not 8192 elements
    const cores = make('int32', [5, 142, 68, 2], 48);
    inputs.cores = cores;
    add('np.sum(cores[:, ::2, ::-1, :], dtype=np.float32)', () => np.sum(cores.step(1, 2, -1, 1), { dtype: 'float32' }));
    add('np.mean(cores[::-1, :, ::2], dtype=np.float32)', () => np.mean(cores.step(-1, 1, 2), { dtype: 'float32' }));
    // and never past a run of the dimension after the core: rows of 25 (30 apart), 400 rows a run, 6 runs,
    // cut 8175 + 1825 per run (coreOf), not 8175 all along
    for (const t of ['float32', 'int32'] as np.DTypeName[]) {
      const name = `runs_${t}`;
      inputs[name] = make(t, [6, 401, 2, 30], 49, false);
      add(`np.sum(${name}[:, :400, 0, :25], dtype=np.float32)`, () => np.sum(np.index(inputs[name], ':, :400, 0, :25'), { dtype: 'float32' }));
    }
    // runs of 8192 elements or more (bufferPlan's outer dimension 0): numpy sums each run whole when it needs no
    // cast (4 × 6001 reversed rows merge into runs of 24004), and in 8192-element pieces that restart with every
    // run when it casts; never in pieces that run on into the next run
    const longs = make('float32', [3, 4, 6001], 50, false);
    inputs.longs = longs;
    add('np.sum(longs[:, ::-1, ::-1])', () => np.sum(longs.step(1, -1, -1)));
    add('np.sum(longs[:, ::-1, ::-1], axis=(1, 2))', () => np.sum(longs.step(1, -1, -1), { axis: [1, 2] }));
    add('np.sum(longs[:, :, :-1], axis=(1, 2))', () => np.sum(np.index(longs, ':, :, :-1'), { axis: [1, 2] }));
    const longi = make('int32', [3, 9001], 51, false);
    inputs.longi = longi;
    add('np.sum(longi[:, :-1], dtype=np.float32)', () => np.sum(np.index(longi, ':, :-1'), { dtype: 'float32' }));
    add('np.mean(longs[:, 1, :-1], dtype=np.float64)', () => np.mean(np.index(longs, ':, 1, :-1'), { dtype: 'float64' }));
    // three reduced dimensions of a view: numpy's core is 50 × 30 (its buffer holds 5 of them, 7500 elements),
    // never 8150 elements of 50-element rows
    const cube4 = make('float32', [4, 20, 30, 51], 52, false);
    inputs.cube4 = cube4;
    add('np.sum(cube4[..., :50], axis=(1, 2, 3))', () => np.sum(np.index(cube4, '..., :50'), { axis: [1, 2, 3] }));
    add('np.mean(cube4[:, ::-1, :, 1:], axis=(1, 2, 3))', () => np.mean(np.index(cube4, ':, ::-1, :, 1:'), { axis: [1, 2, 3] }));
    // random views (steps ±1/±2, some transposed) with runs short and long, random axis sets, cast or not
    const rv = rng(53);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rv() * xs.length)];
    for (let t = 0; t < 80; t++) {
      const nd = 1 + Math.floor(rv() * 4);
      const shape = Array.from({ length: nd }, () => pick([2, 3, 7, 20, 60, 300, 3000, 5000, 9000]));
      while (shape.reduce((p, x) => p * x, 1) > 40000) {
        const i = Math.floor(rv() * nd);
        shape[i] = Math.max(2, Math.floor(shape[i] / 3));
      }
      const steps = shape.map(() => pick([1, 1, 2, -1, -2]));
      const dt = pick(['float32', 'float32', 'int32', 'float64'] as np.DTypeName[]);
      const name = `rv${t}`;
      inputs[name] = make(dt, shape.map((n, i) => n * Math.abs(steps[i]) + (rv() < 0.5 ? 1 : 0)), 60 + t, false);
      const perm = [...Array(nd).keys()];
      if (nd > 1 && rv() < 0.3) perm.sort(() => rv() - 0.5);
      const axes = perm.filter(() => rv() < 0.6);
      const ax = rv() < 0.4 || axes.length === 0 ? null : axes;
      const acc = dt === 'float64' ? 'float64' : dt === 'float32' && rv() < 0.25 ? 'float64' : 'float32';
      const fn = pick(['sum', 'sum', 'mean', 'nansum', 'var'] as const);
      const py = `${name}[${steps.map((s) => `::${s}`).join(', ')}][${shape.map((n) => `:${n}`).join(', ')}].transpose(${perm.join(', ')})`;
      const view = () => np.transpose(inputs[name].step(...steps).hi(...shape), perm);
      add(`np.${fn}(${py}, axis=${pyAxis(ax)}, dtype=np.${acc})`, () => np[fn](view(), { axis: ax, dtype: acc }));
    }
    // var of int32 with a float32 mean: numpy's deviations are float64 (int32 - float32 promotes), summed as float32
    add('np.var(longi[:, :-1], dtype=np.float32)', () => np.var(np.index(longi, ':, :-1'), { dtype: 'float32' }));
    add('np.std(cores[:, ::2], axis=(1, 2), dtype=np.float32)', () => np.std(cores.step(1, 2), { axis: [1, 2], dtype: 'float32' }));
    const near = make('uint32', [(1 << 22) + 64], 47);
    for (let i = 0; i < near.size; i++) near.data[i] = 4294967295 - ((near.data[i] as number) & 255);
    inputs.near = near;
    add('np.mean(near)', () => np.mean(near));
    add('np.sum(near.reshape(-1, 2), axis=0, dtype=np.float64)', () => np.sum(np.reshape(near, [-1, 2]), { axis: 0, dtype: 'float64' }));
  }
}

// ---- statistics: dtype=, NaN slices, weights, errors ----
{
  const f = make('float32', [4, 6], 11);
  inputs.f = f;
  const nanrow = make('float64', [3, 4], 12, false);
  for (let j = 0; j < 4; j++) nanrow.set(1, j, NaN);
  nanrow.set(2, 0, NaN);
  inputs.nanrow = nanrow;
  const w = make('float64', [6], 13, false);
  inputs.w = w;
  const u = make('uint8', [5, 6], 14);
  inputs.u = u;
  const big = make('float32', [100003], 99, false);
  add('np.mean(f, dtype=np.float64)', () => np.mean(f, { dtype: 'float64' }));
  add('np.mean(big)', () => np.mean(big));
  numpy1Rule({ ulp1: SUM_ULP1 });
  add('np.mean(big, dtype=np.float64)', () => np.mean(big, { dtype: 'float64' }));
  add('np.var(big)', () => np.var(big));
  numpy1Rule({ ulp1: SUM_ULP1 });
  add('np.std(big[::-3])', () => np.std(big.step(-3)));
  numpy1Rule({ ulp1: SUM_ULP1 });
  add('np.mean(f, axis=1, keepdims=True)', () => np.mean(f, { axis: 1, keepdims: true }));
  add('np.var(f, axis=0, ddof=5)', () => np.var(f, { axis: 0, ddof: 5 }));
  add('np.nanmean(nanrow, axis=1)', () => np.nanmean(nanrow, { axis: 1 }));
  add('np.nanmin(nanrow, axis=1)', () => np.nanmin(nanrow, { axis: 1 }));
  add('np.nanmax(nanrow, axis=0)', () => np.nanmax(nanrow, { axis: 0 }));
  add('np.nansum(nanrow)', () => np.nansum(nanrow));
  add('np.median(nanrow, axis=1)', () => np.median(nanrow, { axis: 1 }));
  add('np.percentile(nanrow, [10, 90], axis=1)', () => np.percentile(nanrow, [10, 90], { axis: 1 }));
  add('np.percentile(f, 150)', () => np.percentile(f, 150));
  add('np.quantile(f, -0.1)', () => np.quantile(f, -0.1));
  add('np.median(f, axis=0, keepdims=True)', () => np.median(f, { axis: 0, keepdims: true }));
  add('np.average(u)', () => np.average(u));
  add('np.average(u, axis=1, weights=w)', () => np.average(u, { axis: 1, weights: w }));
  add('np.average(f, axis=1, weights=w, returned=True)', () => np.average(f, { axis: 1, weights: w, returned: true }));
  add('np.average(u, weights=w)', () => np.average(u, { weights: w }));
  add('np.average(u, axis=0, weights=w)', () => np.average(u, { axis: 0, weights: w }));
  add('np.average(u, axis=1, weights=np.zeros(6))', () => np.average(u, { axis: 1, weights: np.zeros(6) }));
  // weights along one or more axes, set up to broadcast (numpy 2 takes axis tuples; 1.24 only one axis)
  const px = make('uint8', [4, 5, 3], 15);
  inputs.px = px;
  const f3 = make('float32', [4, 5, 6], 16, false);
  inputs.f3 = f3;
  const w5f = make('float32', [5], 17, false);
  inputs.w5f = w5f;
  const w64 = make('float64', [6, 4], 18, false);
  inputs.w64 = w64;
  const fw = make('float32', [4, 6], 19, false);
  inputs.fw = fw;
  add('np.average(px, axis=2, weights=[0.299, 0.587, 0.114])', () => np.average(px, { axis: 2, weights: [0.299, 0.587, 0.114] }));
  add('np.average(px, axis=-1, weights=w5f[:3], returned=True)', () => np.average(px, { axis: -1, weights: np.index(w5f, ':3'), returned: true }));
  add('np.average(f3, axis=1, weights=w5f)', () => np.average(f3, { axis: 1, weights: w5f }));
  add('np.average(f3[::-1, :, ::-2], axis=1, weights=w5f, keepdims=True)', () => np.average(np.index(f3, '::-1, :, ::-2'), { axis: 1, weights: w5f, keepdims: true }));
  add('np.average(f, weights=fw)', () => np.average(f, { weights: fw }));
  add('np.average(f, axis=0, weights=fw, returned=True)', () => np.average(f, { axis: 0, weights: fw, returned: true }));
  add('np.average(f3, axis=(2, 0), weights=w64)', () => np.average(f3, { axis: [2, 0], weights: w64 }));
  numpy1Rule({ numpy2Only: true });
  add('np.average(f3, axis=(2, 0), weights=w64, keepdims=True, returned=True)', () => np.average(f3, { axis: [2, 0], weights: w64, keepdims: true, returned: true }));
  numpy1Rule({ numpy2Only: true });
  add('np.average(f3, axis=(0, 2), weights=w64)', () => np.average(f3, { axis: [0, 2], weights: w64 }));
  numpy1Rule({ numpy2Only: true });
  add('np.average(f3, axis=1, weights=w5f[:4])', () => np.average(f3, { axis: 1, weights: np.index(w5f, ':4') }));
  add('np.mean(np.zeros((0, 3)), axis=0)', () => np.mean(np.zeros([0, 3]), { axis: 0 }));
  add('np.median(np.zeros((2, 0)), axis=1)', () => np.median(np.zeros([2, 0]), { axis: 1 }));
  add('np.nanmin(np.zeros((0,)))', () => np.nanmin(np.zeros(0)));
  add('np.mean(u, axis=3)', () => np.mean(u, { axis: 3 }));
}

const want = numpy(inputs, Object.fromEntries(Object.entries(cases).map(([k, c]) => [k, c.py])));
const numpy2 = numpyMajor() >= 2;

test(`reductions match numpy (${Object.keys(cases).length} cases)`, () => {
  if (process.env.REDUCE_CASES) console.log(Object.keys(cases).length);
  const bad: string[] = [];
  for (const [k, c] of Object.entries(cases)) {
    if (c.numpy2Only && !numpy2) continue;
    let got: unknown;
    let why: string | undefined;
    try {
      got = c.run();
      why = differs(got, want[k], { ulp: numpy2 ? c.ulp : c.ulp1 ?? c.ulp });
    } catch (e) {
      why = differsInError(e, want[k]);
    }
    if (why) bad.push(`${c.py}: ${why}`);
  }
  if (bad.length) console.log(bad.slice(0, 40).join('\n'));
  assert.is(bad.length, 0, `${bad.length} of ${Object.keys(cases).length} differ`);
});

test.run();
