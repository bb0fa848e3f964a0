// array_equal, array_equiv, isclose, allclose against numpy: dtype pairs
// (float32 arithmetic for float32), values on the tolerance boundary,
// NaN/inf/-0, plain-number operands, broadcasting, 0-d and empty arrays.
import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { np } from 'u-dma-buf';

import { type OracleCase, type Want, mismatches, numpy } from './oracle.js';
import { rng } from './gen.js';

const inputs: Record<string, np.NdArray> = {};
const cases: Record<string, OracleCase> = {};

function input(a: np.NdArray): string {
  const name = `x${Object.keys(inputs).length}`;
  inputs[name] = a;
  return name;
}
function add(name: string, py: string, ours: () => unknown): void {
  cases[name] = { py, ours };
}

const r = rng(42);
/** Values and near neighbours on both sides of numpy's default tolerance. */
function nearPair(dt: np.DTypeName, n: number): [np.NdArray, np.NdArray] {
  const a = np.zeros([n], dt);
  const b = np.zeros([n], dt);
  const da = a.data as unknown as (number | bigint)[];
  const db = b.data as unknown as (number | bigint)[];
  const specials = [NaN, Infinity, -Infinity, -0, 0, 1e-8, 2e-8];
  for (let i = 0; i < n; i++) {
    const big = dt.endsWith('64') && dt.includes('int');
    if (!dt.startsWith('float')) {
      const v = Math.floor(r() * 200) - (dt.startsWith('u') ? 0 : 100);
      da[i] = big ? BigInt(v) : v;
      const w = v + (r() < 0.5 ? 0 : 1);
      db[i] = big ? BigInt(dt.startsWith('u') ? Math.abs(w) : w) : dt.startsWith('u') ? Math.abs(w) : w;
      continue;
    }
    const v = (r() - 0.5) * 10 ** Math.floor(r() * 6 - 2);
    const rel = [0, 1e-5, 0.99e-5, 1.01e-5, 1e-6, 3e-5, 5e-9][i % 7];
    da[i] = v * (1 + rel * (r() < 0.5 ? 1 : -1));
    db[i] = v;
    if (i % 11 === 5) da[i] = db[i] = specials[i % specials.length];
    if (i % 13 === 3) { da[i] = specials[(i + 1) % specials.length]; db[i] = specials[i % specials.length]; }
    if (i % 17 === 4) { da[i] = v + 1e-8 * (r() < 0.5 ? 1 : 0.99); db[i] = v; }
  }
  return [a, b];
}

const DTYPES: np.DTypeName[] = ['float64', 'float32', 'int16', 'uint8', 'int64', 'uint64'];
for (const da of DTYPES) {
  for (const db of DTYPES) {
    if (da !== db && !(da.startsWith('float') || db.startsWith('float'))) continue;
    const [a] = nearPair(da, 120);
    const [, b] = nearPair(db, 120);
    const [a2, b2] = nearPair(da, 120);
    const b2c = np.zeros([120], db);
    (b2c.data as unknown as (number | bigint)[]).forEach((_, i, arr) => {
      const raw = Number((b2.data as unknown as (number | bigint)[])[i]);
      const v = db.includes('int') && !Number.isFinite(raw) ? 0 : db.startsWith('u') ? Math.abs(raw) : raw;
      arr[i] = db.endsWith('64') && db.includes('int') ? BigInt(Math.trunc(Number(v))) : db.includes('int') ? Math.trunc(Number(v)) : Number(v);
    });
    const xa = input(a);
    const xb = input(b);
    const xa2 = input(a2);
    const xb2 = input(b2c);
    const id = `${da}-${db}`;
    add(`isclose ${id}`, `np.isclose(${xa2}, ${xb2})`, () => np.isclose(a2, b2c));
    add(`isclose ${id} nan`, `np.isclose(${xa2}, ${xb2}, equal_nan=True, rtol=1e-3, atol=0.5)`, () => np.isclose(a2, b2c, { equal_nan: true, rtol: 1e-3, atol: 0.5 }));
    add(`isclose ${id} random`, `np.isclose(${xa}, ${xb})`, () => np.isclose(a, b));
    add(`allclose ${id}`, `np.allclose(${xa2}, ${xb2})`, () => np.allclose(a2, b2c));
    add(`allclose ${id} loose`, `np.allclose(${xa2}[:7], ${xa2}[:7] * 1.000001)`,
      () => np.allclose(a2.hi(7), multiplyCopy(a2.hi(7), 1.000001)));
    add(`array_equal ${id}`, `np.array_equal(${xa2}, ${xb2})`, () => np.array_equal(a2, b2c));
    add(`array_equal ${id} self`, `np.array_equal(${xa2}, ${xa2}.astype(${xb2}.dtype))`, () => np.array_equal(a2, castCopy(a2, db)));
    add(`array_equal ${id} nan`, `np.array_equal(${xa2}, ${xa2}.astype(${xb2}.dtype), equal_nan=True)`, () => np.array_equal(a2, castCopy(a2, db), { equal_nan: true }));
  }
}

/** a * k as numpy computes it for a float array (a new float64 or float32 array). */
function multiplyCopy(a: np.NdArray, k: number): np.NdArray {
  const t = np.dtype(a.data.constructor as Uint8ArrayConstructor);
  const out = np.zeros(a.shape, t.kind === 'f' ? t : 'float64');
  // a weak Python float takes a float32 array's dtype first
  const kk = t.name === 'float32' ? Math.fround(k) : k;
  for (let i = 0; i < a.size; i++) (out.data as Float64Array)[i] = Number(a.get(i)) * kk;
  return out;
}
/** numpy's astype for the values the tests use. */
function castCopy(a: np.NdArray, dt: np.DTypeName): np.NdArray {
  const out = np.zeros(a.shape, dt);
  const t = np.dtype(dt);
  for (let i = 0; i < a.size; i++) {
    const v = Number(a.get(i));
    const c = t.kind === 'f' ? v : Number.isFinite(v) ? Math.trunc(v) : 0;
    (out.data as unknown as (number | bigint)[])[i] = t.isBigInt ? BigInt(t.kind === 'u' && c < 0 ? 0 : c) : c;
  }
  return out;
}

// plain numbers, broadcasting, 0-d, empty
{
  const [a] = nearPair('float32', 12);
  const xa = input(a);
  add('isclose scalar b f32', `np.isclose(${xa}, 0.1)`, () => np.isclose(a, 0.1));
  add('isclose scalar a f32', `np.isclose(0.1, ${xa})`, () => np.isclose(0.1, a));
  add('isclose scalars', 'np.isclose(1e-9, 0)', () => np.isclose(1e-9, 0));
  add('isclose scalars false', 'np.isclose(1.0, 1.0001)', () => np.isclose(1.0, 1.0001));
  add('isclose inf', 'np.isclose(np.inf, np.inf)', () => np.isclose(Infinity, Infinity));
  const m = np.zeros([3, 12], 'float32');
  const xm = input(m);
  add('isclose broadcast', `np.isclose(${xm}, ${xa})`, () => np.isclose(m, a));
  add('isclose empty', 'np.isclose(np.zeros((0, 2)), np.zeros(2))', () => np.isclose(np.zeros([0, 2]), np.zeros([2])));
  add('array_equal shapes', 'np.array_equal(np.zeros(3), np.zeros((1, 3)))', () => np.array_equal(np.zeros([3]), np.zeros([1, 3])));
  add('array_equiv broadcast', 'np.array_equiv(np.zeros(3), np.zeros((2, 3)))', () => np.array_equiv(np.zeros([3]), np.zeros([2, 3])));
  add('array_equiv no broadcast', 'np.array_equiv(np.zeros(3), np.zeros((2, 2)))', () => np.array_equiv(np.zeros([3]), np.zeros([2, 2])));
  add('array_equiv differ', 'np.array_equiv(np.arange(3), np.zeros((2, 3)))', () => np.array_equiv(np.arange(3), np.zeros([2, 3])));
  const big = np.zeros([2], 'int64');
  (big.data as BigInt64Array).set([2n ** 60n + 1n, -1n]);
  const ubig = np.zeros([2], 'uint64');
  (ubig.data as BigUint64Array).set([2n ** 60n + 1n, 2n ** 64n - 1n]);
  const xbig = input(big);
  const xubig = input(ubig);
  add('array_equal int64 uint64', `np.array_equal(${xbig}, ${xubig})`, () => np.array_equal(big, ubig));
  add('array_equal int64 float', `np.array_equal(${xbig}[:1], np.array([2.0**60]))`, () => np.array_equal(big.hi(1), np.full([1], 2 ** 60)));
  add('array_equal int64 exact', `np.array_equal(${xbig}[:1], ${xbig}[:1] - 1)`, () => {
    const c = np.zeros([1], 'int64');
    (c.data as BigInt64Array)[0] = 2n ** 60n;
    return np.array_equal(big.hi(1), c);
  });
  add('allclose broadcast error', 'np.allclose(np.zeros(3), np.zeros(2))', () => np.allclose(np.zeros([3]), np.zeros([2])));
  // lists are array_like (float64 or int64 arrays, not weak scalars)
  add('isclose list b f32', `np.isclose(${xa}[:3], [0, 2639.6667, ${xa}[2]])`, () => np.isclose(a.hi(3), [0, 2639.6667, Number(a.get(2))]));
  add('isclose list a', `np.isclose([1e-9, 1.0, 3], ${xa}[:3])`, () => np.isclose([1e-9, 1.0, 3], a.hi(3)));
  add('allclose lists', 'np.allclose([[1, 2], [3, 4]], [1, 2.000001])', () => np.allclose([[1, 2], [3, 4]], [1, 2.000001]));
  add('array_equal list', 'np.array_equal([1, 2, 3], np.arange(1, 4))', () => np.array_equal([1, 2, 3], np.arange(1, 4)));
  add('array_equiv list', 'np.array_equiv([1, 2], [[1, 2], [1, 2]])', () => np.array_equiv([1, 2], [[1, 2], [1, 2]]));
}

// long operands (the engine's path): equal and unequal at the end, NaNs with and without
// equal_nan, int64 against uint64 past 2**63, a broadcast row, isclose of int against float32
{
  const n = 5000;
  const f = np.divide(np.arange(n, { dtype: 'float64' }), 7);
  np.copyto(np.index(f, '::97'), NaN);
  const g = np.copy(f);
  const h = np.copy(f);
  np.copyto(np.index(h, '-1:'), 0.5);
  const [xf, xg, xh] = [input(f), input(g), input(h)];
  add('array_equal long', `np.array_equal(${xf}, ${xg})`, () => np.array_equal(f, g));
  add('array_equal long nan', `np.array_equal(${xf}, ${xg}, equal_nan=True)`, () => np.array_equal(f, g, { equal_nan: true }));
  add('array_equal long last', `np.array_equal(${xf}, ${xh}, equal_nan=True)`, () => np.array_equal(f, h, { equal_nan: true }));
  const u = np.astype(np.add(np.arange(n, { dtype: 'uint64' }), 2n ** 63n), 'uint64');
  const i = np.astype(u, 'int64');
  const [xu, xi] = [input(u), input(i)];
  add('array_equal long u64 i64', `np.array_equal(${xu}, ${xi})`, () => np.array_equal(u, i));
  add('array_equal long u64 self', `np.array_equal(${xu}, ${xu}.copy())`, () => np.array_equal(u, np.copy(u)));
  // over several of the engine's runs (512 Ki elements): a difference in one run only, views that
  // start inside their buffer (a difference before the view is not theirs), NaNs in every run
  const m = (1 << 20) + 12345;
  const big = np.astype(np.remainder(np.arange(m), 251), 'uint8');
  const same = np.copy(big);
  const mid = np.copy(big);
  np.copyto(np.index(mid, `${(1 << 19) + 777}:${(1 << 19) + 778}`), 1);
  const before = np.copy(big);
  np.copyto(np.index(before, '6:7'), 250);
  const last = np.copy(big);
  np.copyto(np.index(last, '-1:'), 250);
  const fbig = np.astype(big, 'float32');
  np.copyto(np.index(fbig, '::100003'), NaN);
  const fsame = np.copy(fbig);
  const [xbig2, xsame, xmid, xbefore, xlast, xfbig, xfsame] = [input(big), input(same), input(mid), input(before), input(last), input(fbig), input(fsame)];
  add('array_equal runs last', `np.array_equal(${xbig2}, ${xlast})`, () => np.array_equal(big, last));
  add('array_equal runs', `np.array_equal(${xbig2}, ${xsame})`, () => np.array_equal(big, same));
  add('array_equal runs middle', `np.array_equal(${xbig2}, ${xmid})`, () => np.array_equal(big, mid));
  add('array_equal runs offset', `np.array_equal(${xbig2}[7:], ${xbefore}[7:])`, () => np.array_equal(np.index(big, '7:'), np.index(before, '7:')));
  add('array_equal runs offset differ', `np.array_equal(${xbig2}[6:], ${xbefore}[6:])`, () => np.array_equal(np.index(big, '6:'), np.index(before, '6:')));
  add('array_equal runs uint8 float32', `np.array_equal(${xbig2}, ${xbig2}.astype(np.float32))`, () => np.array_equal(big, np.astype(big, 'float32')));
  add('array_equal runs nan', `np.array_equal(${xfbig}, ${xfsame})`, () => np.array_equal(fbig, fsame));
  add('array_equal runs equal_nan', `np.array_equal(${xfbig}, ${xfsame}, equal_nan=True)`, () => np.array_equal(fbig, fsame, { equal_nan: true }));
  const row = np.reshape(np.arange(4096, { dtype: 'int16' }), [1, 4096]);
  const rows = np.broadcast_to(row, [3, 4096]);
  const [xr] = [input(np.copy(rows))];
  add('array_equiv long', `np.array_equiv(np.arange(4096, dtype=np.int16), ${xr})`, () => np.array_equiv(np.arange(4096, { dtype: 'int16' }), np.copy(rows)));
  const q = np.astype(np.multiply(np.arange(n, { dtype: 'int32' }), 3), 'float32');
  const xq = input(q);
  add('isclose long int f32', `np.isclose(np.arange(${n}, dtype=np.int32) * 3 + 1, ${xq}, rtol=1e-4)`,
    () => np.isclose(np.add(np.multiply(np.arange(n, { dtype: 'int32' }), 3), 1), q, { rtol: 1e-4 }));
  add('allclose long nan', `np.allclose(${xf}, ${xg}, equal_nan=True)`, () => np.allclose(f, g, { equal_nan: true }));
}

const want: Record<string, Want> = numpy(inputs, Object.fromEntries(Object.entries(cases).map(([k, c]) => [k, c.py])));

/** Before the bool dtype exists in this build, isclose's uint8 stands in for numpy's bool. */
function noBool(): boolean {
  try {
    np.dtype('bool' as 'uint8');
    return false;
  } catch {
    return true;
  }
}
const NO_BOOL = noBool();
for (const w of Object.values(want)) if (NO_BOOL && w.kind === 'array' && w.dtype === 'bool' && w.shape.length > 0) w.dtype = 'uint8';

test('isclose, allclose, array_equal, array_equiv as numpy', () => {
  const failures = mismatches(cases, want);
  assert.equal(failures, [], `${failures.length} of ${Object.keys(cases).length} differ:\n${failures.slice(0, 15).join('\n')}`);
});

test('isclose is asymmetric, as numpy', () => {
  // |a - b| <= atol + rtol * |b|: b = 10 allows 1e-4, b = 9.9999 a little less
  assert.is(np.isclose(9.9999, 10, { atol: 0 }), true);
  assert.is(np.isclose(10, 9.9999, { atol: 0 }), false);
});

test.run();
