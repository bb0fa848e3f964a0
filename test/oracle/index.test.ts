// np.index against Python's subscripts, and the checked get/set/lo/hi/step/
// pick of every np array: random shapes up to 4-d (views with negative
// steps and transposes as the base), random index strings (negative ints,
// out-of-range bounds, negative steps, ..., None, too many indices), the
// same index in the argument form; shape, values, strides and offset (a
// view of the same data) and the errors must match numpy's.
import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { np } from 'u-dma-buf';

import { type Want, differs, differsInError, numpy, scaled } from './oracle.js';
import { rngInt as rng } from './gen.js';

const r = rng(20261125);

function randomShape(nd: number): number[] {
  return Array.from({ length: nd }, () => (r(8) === 0 ? 0 : 1 + r(5)));
}

/** A random Python index for an array of `shape`, as a string. */
function randomIndex(shape: number[]): string {
  const items: string[] = [];
  const used = r(10) === 0 ? shape.length + 1 : r(shape.length + 1);
  const bound = (n: number) => (r(3) === 0 ? '' : String(r(2 * n + 7) - n - 3));
  for (let d = 0; d < used; d++) {
    const n = shape[d] ?? 3;
    if (r(3) === 0) items.push(String(r(10) === 0 ? n + r(2) : r(2 * n + 1) - n));
    else {
      const steps = ['', '', ':1', ':2', ':3', ':-1', ':-2', ':-3', r(30) === 0 ? ':0' : ':-1'];
      items.push(`${bound(n)}:${bound(n)}${steps[r(steps.length)]}`);
    }
  }
  if (r(3) === 0) items.splice(r(items.length + 1), 0, '...');
  if (r(15) === 0) items.splice(r(items.length + 1), 0, '...');
  for (let k = r(3); k > 0; k--) items.splice(r(items.length + 1), 0, 'None');
  return items.join(', ');
}

/** The argument form of an index string. */
function asArgs(text: string): np.IndexItem[] {
  if (text.trim() === '') return [];
  return text.replace(/,\s*$/, '').split(',').map((t) => {
    t = t.trim();
    if (t === 'None') return np.newaxis;
    if (t === '...') return '...';
    if (!t.includes(':')) return Number(t);
    const [a, b, c] = t.split(':').map((p) => (p === '' ? null : Number(p)));
    return np.slice(a, b, c ?? null);
  });
}

const BASES: [string, (b: np.NdArray) => np.NdArray][] = [
  ['b', (b) => b],
  ['b.T', (b) => np.transpose(b)],
  ['b[::-1]', (b) => np.index(b, '::-1')],
];

interface Case {
  base: number;
  text: string;
  input: string;
}

const inputs: Record<string, np.NdArray> = {};
const cases: Record<string, string> = { version: 'int(np.__version__.split(".")[0])' };
/** Cases whose numpy answer changed in NumPy 2 (NEP 50, 0-d nonzero): compared only with numpy >= 2 (the boards run Debian's 1.24). */
const numpy2Only = new Set<string>();
const list: Case[] = [];
for (let k = 0; k < scaled(300); k++) {
  const nd = r(5);
  const shape = randomShape(nd);
  const name = `b${k}`;
  const size = shape.reduce((p, n) => p * n, 1);
  inputs[name] = np.reshape(np.arange(size, undefined, 1, 'int32'), shape);
  const base = nd === 0 ? 0 : r(BASES.length);
  const viewShape = BASES[base][1](inputs[name]).shape;
  const text = k < 4 ? ['', '...', '-1,' .repeat(Math.min(nd, 1)), 'None'][k] : randomIndex(viewShape);
  const expr = BASES[base][0].replace(/b/g, name);
  // an ellipsis keeps numpy from turning a full integer index into a scalar
  const sub = text.trim() === '' ? '...' : text.includes('...') ? text : `${text.replace(/,\s*$/, '')}, ...`;
  cases[`v${k}`] = `(lambda v: (v, np.array([s // 4 for s in v.strides], dtype=np.int64), ` +
    `np.int64((v.__array_interface__['data'][0] - ${name}.__array_interface__['data'][0]) // 4)))((${expr})[${sub}])`;
  list.push({ base, text, input: name });
}
// the checked element access of np arrays
const acc = np.reshape(np.arange(24, undefined, 1, 'int16'), [2, 3, 4]);
inputs.acc = acc;
const ACCESS: [string, () => unknown, string][] = [
  ['get(-1,-1,-1)', () => acc.get(-1, -1, -1), 'acc[-1,-1,-1]'],
  ['get(1,-3,0)', () => acc.get(1, -3, 0), 'acc[1,-3,0]'],
  ['get(2,0,0)', () => acc.get(2, 0, 0), 'acc[2,0,0]'],
  ['get(0,0,-5)', () => acc.get(0, 0, -5), 'acc[0,0,-5]'],
  ['get(0,0,0,0)', () => acc.get(0, 0, 0, 0), 'acc[0,0,0,0]'],
  ['lo(-1).hi(null,-1)', () => acc.lo(-1).hi(null, -1), 'acc[-1:][:, :-1]'],
  ['hi(100,2,-10)', () => acc.hi(100, 2, -10), 'acc[:100, :2, :-10]'],
  ['lo(-100,5,1)', () => acc.lo(-100, 5, 1), 'acc[-100:, 5:, 1:]'],
  ['step(-1,2,-3)', () => acc.step(-1, 2, -3), 'acc[::-1, ::2, ::-3]'],
  ['step(1,0)', () => acc.step(1, 0), 'acc[:, ::0]'],
  ['pick(-1,null,2)', () => acc.pick(-1, null, 2), 'acc[-1, :, 2]'],
  ['pick(0,3)', () => acc.pick(0, 3), 'acc[0, 3]'],
  ['T', () => acc.T, 'acc.T'],
  ['transpose(2,0,1)', () => acc.transpose(2, 0, 1), 'acc.transpose(2,0,1)'],
  ['transpose(0,0,1)', () => acc.transpose(0, 0, 1), 'acc.transpose(0,0,1)'],
  ['transpose()', () => acc.transpose(), 'acc.transpose()'],
  ['T.step(-1).get(0,1,-1)', () => acc.T.step(-1).get(0, 1, -1), 'acc.T[::-1][0,1,-1]'],
];
ACCESS.forEach(([, , py], i) => (cases[`acc${i}`] = py));

// the indexing functions
const FN: Record<string, () => unknown> = {};
const DTS = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64'] as const;
function filled(shape: number[], dt: (typeof DTS)[number]): np.NdArray {
  const a = np.zeros(shape, dt);
  const d = a.data as unknown as (number | bigint)[];
  for (let i = 0; i < d.length; i++) {
    const v = r(4) === 0 ? 0 : r(50) - (dt.startsWith('u') ? 0 : 25);
    d[i] = dt.includes('64') && dt.startsWith('u') || dt === 'int64' ? BigInt(v) : dt.startsWith('float') && r(8) === 0 ? [NaN, -0, Infinity][r(3)] : v;
  }
  return a;
}
const copyOf = (x: np.NdArray) => np.reshape(x, x.shape, { copy: true });
const u8 = (xs: readonly boolean[]) => {
  const a = np.zeros(xs.length, 'uint8');
  xs.forEach((v, i) => (a.data[i] = v ? 1 : 0));
  return a;
};
const lit = (xs: readonly (number | boolean)[]) => `[${xs.map((v) => (typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v))).join(', ')}]`;
for (let k = 0; k < scaled(60); k++) {
  const nd = 1 + r(3);
  const shape = Array.from({ length: nd }, () => (r(10) === 0 ? 0 : 1 + r(4)));
  const name = `y${k}`;
  const x = filled(shape, DTS[r(DTS.length)]);
  inputs[name] = x;
  const views: [string, (a: np.NdArray) => np.NdArray][] = [['', (a) => a], ['[::-1]', (a) => np.index(a, '::-1')], ['.T', (a) => np.transpose(a)]];
  const [vs, vf] = views[r(views.length)];
  const v = () => vf(x);
  const py = `${name}${vs}`;
  const vshape = v().shape;
  const size = v().size;
  const ax = r(2 * nd) - nd;
  const n = vshape[(ax + nd) % nd];
  const idx = Array.from({ length: r(5) }, () => r(2 * n + 3) - n - 1);
  // numpy's take loops forever wrapping an index on an empty axis (when the result is empty too)
  const mode = (['raise', n === 0 ? 'clip' : 'wrap', 'clip'] as const)[r(3)];
  FN[`take${k}`] = () => np.take(v(), idx, { axis: ax, mode });
  cases[`take${k}`] = `np.take(${py}, ${lit(idx)}, axis=${ax}, mode='${mode}')`;
  const fidx = Array.from({ length: r(5) }, () => r(2 * size + 3) - size - 1);
  FN[`takef${k}`] = () => np.take(v(), fidx, { mode });
  cases[`takef${k}`] = `np.take(${py}, np.array(${lit(fidx)}, dtype=np.intp), mode='${mode}')`;
  const one = r(size + 2) - 1;
  FN[`take1${k}`] = () => np.take(v(), one);
  cases[`take1${k}`] = `np.take(${py}, ${one})`;
  // take_along_axis with indices of the same rank
  const ishape = vshape.map((m, d) => (d === (ax + nd) % nd ? 1 + r(3) : r(3) === 0 ? 1 : m));
  const tidx = np.zeros(ishape, 'int32');
  for (let i = 0; i < tidx.size; i++) (tidx.data as Int32Array)[i] = r(2 * n + 1) - n - (r(10) === 0 ? 1 : 0);
  inputs[`t${name}`] = tidx;
  FN[`tal${k}`] = () => np.take_along_axis(v(), tidx, { axis: ax });
  cases[`tal${k}`] = `np.take_along_axis(${py}, t${name}, axis=${ax})`;
  // put, putmask, place on a copy (through a view of it)
  const pv = Array.from({ length: r(4) }, () => r(40));
  FN[`put${k}`] = () => { const c = copyOf(x); np.put(vf(c), fidx, pv, { mode }); return c; };
  cases[`put${k}`] = `(lambda c: (np.put(c${vs}, np.array(${lit(fidx)}, dtype=np.intp), ${lit(pv)}, mode='${mode}'), c)[1])(${name}.copy())`;
  const mask = Array.from({ length: size + (r(12) === 0 ? 1 : 0) }, () => r(2) === 0);
  FN[`pm${k}`] = () => { const c = copyOf(x); np.putmask(vf(c), np.reshape(u8(mask), mask.length === size ? vshape : [mask.length]), pv); return c; };
  cases[`pm${k}`] = `(lambda c: (np.putmask(c${vs}, np.array(${lit(mask)}).reshape(${mask.length === size ? `${py}.shape` : '-1'}), ${lit(pv)}), c)[1])(${name}.copy())`;
  FN[`pl${k}`] = () => { const c = copyOf(x); np.place(vf(c), mask, pv); return c; };
  cases[`pl${k}`] = `(lambda c: (np.place(c${vs}, ${lit(mask)}, ${lit(pv)}), c)[1])(${name}.copy())`;
  const cond = Array.from({ length: r(n + 2) }, () => r(2) === 0);
  FN[`cmp${k}`] = () => np.compress(cond, v(), { axis: ax });
  cases[`cmp${k}`] = `np.compress(${lit(cond)}, ${py}, axis=${ax})`;
  FN[`ext${k}`] = () => np.extract(v(), v());
  cases[`ext${k}`] = `np.extract(${py}, ${py})`;
  FN[`nz${k}`] = () => np.nonzero(v());
  cases[`nz${k}`] = `np.nonzero(${py})`;
  FN[`aw${k}`] = () => np.argwhere(v());
  cases[`aw${k}`] = `np.argwhere(${py})`;
  const choices = [0, 1, 2].map(() => filled(vshape.slice(r(2)), DTS[r(DTS.length)]));
  choices.forEach((c, i) => (inputs[`ch${i}${name}`] = c));
  const ci = filled(vshape, 'int16');
  for (let i = 0; i < ci.size; i++) (ci.data as Int16Array)[i] = r(r(6) === 0 ? 5 : 3) - (r(8) === 0 ? 1 : 0);
  inputs[`ci${name}`] = ci;
  const cmode = (['raise', 'wrap', 'clip'] as const)[r(3)];
  FN[`cho${k}`] = () => np.choose(ci, choices, { mode: cmode });
  if (choices.some((c) => c.shape.length === 0)) numpy2Only.add(`cho${k}`);
  cases[`cho${k}`] = `np.choose(ci${name}, [ch0${name}, ch1${name}, ch2${name}], mode='${cmode}')`;
}
{
  const a = np.reshape(np.arange(12, undefined, 1, 'int32'), [3, 4]);
  inputs.sa = a;
  const c1 = [true, false, true, false];
  const c2 = [false, false, true, true];
  const S: [string, () => unknown, string][] = [
    ['sel', () => np.select([c1, c2], [a, np.index(a, '::-1')], 99), `np.select([${lit(c1)}, ${lit(c2)}], [sa, sa[::-1]], 99)`],
    ['sel-u8', () => np.select([c1], [np.reshape(np.arange(4, undefined, 1, 'uint8'), [4])], 1000), `np.select([${lit(c1)}], [np.arange(4, dtype=np.uint8)], 1000)`],
    ['sel-f', () => np.select([c1], [a], 2.5), `np.select([${lit(c1)}], [sa], 2.5)`],
    ['sel-len', () => np.select([c1], [a, a]), `np.select([${lit(c1)}], [sa, sa])`],
    ['sel-empty', () => np.select([], []), 'np.select([], [])'],
    ['take-empty', () => np.take(np.zeros([0, 3]), [0], { axis: 0 }), 'np.take(np.zeros((0, 3)), [0], axis=0)'],
    ['take-mode', () => np.take(a, [0], { mode: 'foo' as 'raise' }), "np.take(sa, [0], mode='foo')"],
    ['tal-nd', () => np.take_along_axis(a, [0, 1], { axis: 1 }), 'np.take_along_axis(sa, np.array([0, 1]), axis=1)'],
    ['tal-f', () => np.take_along_axis(a, [[0.5]], { axis: 1 }), 'np.take_along_axis(sa, np.array([[0.5]]), axis=1)'],
    ['tal-none', () => np.take_along_axis(a, [3, -1], { axis: null }), 'np.take_along_axis(sa, np.array([3, -1]), axis=None)'],
    ['tal-none2', () => np.take_along_axis(a, [[3]], { axis: null }), 'np.take_along_axis(sa, np.array([[3]]), axis=None)'],
    ['nz0', () => np.nonzero(np.asArray(5)), 'np.nonzero(np.array(5))'],
    ['aw0', () => np.argwhere(np.asArray(5)), 'np.argwhere(np.array(5))'],
    ['aw00', () => np.argwhere(np.asArray(0)), 'np.argwhere(np.array(0))'],
    ['cmp2', () => np.compress([[true]], a), 'np.compress([[True]], sa)'],
    ['cho-f', () => np.choose([0.5], [[1]]), 'np.choose([0.5], [[1]])'],
    ['cho-w', () => np.choose([0, 1], [np.zeros(2, 'int8'), 300]), 'np.choose([0, 1], [np.zeros(2, np.int8), 300])'],
    ['place-e', () => np.place(copyOf(a), np.reshape(np.arange(12), [3, 4]), []), 'np.place(sa.copy(), np.arange(12).reshape(3, 4), [])'],
    ['pm-size', () => np.putmask(copyOf(a), [1, 0], [1]), 'np.putmask(sa.copy(), np.array([True, False]), [1])'],
  ];
  for (const [k, f, py] of S) {
    FN[k] = f;
    cases[k] = py;
  }
  // take_along_axis of 4096 elements or more (the engine's gather): argsort indices, negative
  // indices along axis 0 of a stepped view, indices broadcast along an axis, an array broadcast
  // against the indices, int16 indices, and an index out of range
  const px = np.astype(np.remainder(np.multiply(np.arange(20 * 30 * 8), 37), 251), 'uint8');
  const p3 = np.reshape(px, [20, 30, 8]);
  inputs.tp3 = p3;
  const order = np.argsort(p3, { axis: 2 });
  const neg = np.astype(np.subtract(np.remainder(np.arange(20 * 30 * 8), 23), 20), 'int64');
  const neg3 = np.reshape(neg, [20, 30, 8]);
  inputs.tneg = neg3;
  const row = np.reshape(np.astype(np.remainder(np.arange(30 * 8), 8), 'int16'), [1, 30, 8]);
  inputs.trow = row;
  const wide = np.reshape(np.astype(np.remainder(np.arange(200 * 30), 30), 'int32'), [200, 30, 1]);
  inputs.twide = wide;
  const over = np.copy(np.reshape(np.remainder(np.arange(20 * 30 * 8), 8), [20, 30, 8]));
  np.copyto(np.index(over, '19, 29, 7'), 8);
  inputs.tover = over;
  const T: [string, () => unknown, string][] = [
    ['tal-sort', () => np.take_along_axis(p3, order, { axis: 2 }), 'np.take_along_axis(tp3, np.argsort(tp3, axis=2, kind="stable"), axis=2)'],
    ['tal-neg', () => np.take_along_axis(np.index(p3, ':, ::-1'), neg3, { axis: 0 }), 'np.take_along_axis(tp3[:, ::-1], tneg, axis=0)'],
    ['tal-row', () => np.take_along_axis(np.index(p3, '::-1'), row, { axis: 2 }), 'np.take_along_axis(tp3[::-1], trow, axis=2)'],
    ['tal-wide', () => np.take_along_axis(np.index(p3, ':1, :, :1'), wide, { axis: 1 }), 'np.take_along_axis(tp3[:1, :, :1], twide, axis=1)'],
    ['tal-over', () => np.take_along_axis(p3, over, { axis: 2 }), 'np.take_along_axis(tp3, tover, axis=2)'],
  ];
  for (const [k, f, py] of T) {
    FN[k] = f;
    cases[k] = py;
  }
  // putmask of 4096 elements or more (a masked copy in the engine): one value, values of a's
  // size in another dtype (cast unsafely), a mask of another shape, values in a's own memory
  const pm = np.greater(p3, 200);
  inputs.tpm = pm;
  const pv = np.reshape(np.multiply(np.arange(20 * 30 * 8, { dtype: 'float64' }), 1.7), [240, 20]);
  inputs.tpv = pv;
  const U: [string, () => unknown, string][] = [
    ['pm-one', () => { const c = np.copy(p3); np.putmask(c, pm, 7); return c; }, '(lambda c: (np.putmask(c, tpm, 7), c)[1])(tp3.copy())'],
    ['pm-all', () => { const c = np.copy(p3); np.putmask(c, np.reshape(pm, [240, 20]), pv); return c; },
      '(lambda c: (np.putmask(c, tpm.reshape(240, 20), tpv), c)[1])(tp3.copy())'],
    ['pm-view', () => { const c = np.copy(p3); np.putmask(np.index(c, '::-1'), pm, np.index(c, '::-1')); return c; },
      '(lambda c: (np.putmask(c[::-1], tpm, c[::-1]), c)[1])(tp3.copy())'],
    ['pm-own', () => { const c = np.copy(p3); const f = np.ravel(c); np.putmask(np.index(f, '8:'), np.index(np.ravel(pm), '8:'), np.index(f, ':-8')); return c; },
      '(lambda c: (np.putmask(c.ravel()[8:], tpm.ravel()[8:], c.ravel()[:-8]), c)[1])(tp3.copy())'],
  ];
  // values in the array's own memory (put and putmask read them all first, place does not) and
  // numpy's conversions of values: arrays cast 'unsafe' by put, 'safe' by putmask and place,
  // plain numbers as np.array(values, dtype) (300 into uint8 is an OverflowError)
  const ar = () => np.arange(12, { dtype: 'uint8' });
  U.push(
    ['own-putmask', () => { const b = ar(); np.putmask(np.index(b, '2:'), np.ones([10], 'bool'), np.index(b, ':-2')); return b; },
      '(lambda b: (np.putmask(b[2:], np.ones(10, bool), b[:-2]), b)[1])(np.arange(12, dtype=np.uint8))'],
    ['own-put', () => { const b = ar(); np.put(np.index(b, '2:'), np.arange(10), np.index(b, ':-2')); return b; },
      '(lambda b: (np.put(b[2:], np.arange(10), b[:-2]), b)[1])(np.arange(12, dtype=np.uint8))'],
    ['own-place', () => { const b = ar(); np.place(np.index(b, '2:'), np.ones([10], 'bool'), np.index(b, ':-2')); return b; },
      '(lambda b: (np.place(b[2:], np.ones(10, bool), b[:-2]), b)[1])(np.arange(12, dtype=np.uint8))'],
    ['cast-put', () => { const b = ar(); np.put(b, [0, 1], np.array([1.5, 300.7])); return b; },
      '(lambda b: (np.put(b, [0, 1], np.array([1.5, 300.7])), b)[1])(np.arange(12, dtype=np.uint8))'],
    ['cast-putmask', () => { const b = ar(); np.putmask(b, np.greater(b, 5), np.array([1.5, 2.5])); return b; },
      '(lambda b: (np.putmask(b, b > 5, np.array([1.5, 2.5])), b)[1])(np.arange(12, dtype=np.uint8))'],
    ['cast-place', () => { const b = ar(); np.place(b, np.greater(b, 5), np.array([1, 2], 'int8')); return b; },
      '(lambda b: (np.place(b, b > 5, np.array([1, 2], np.int8)), b)[1])(np.arange(12, dtype=np.uint8))'],
    ['cast-place-bool', () => { const b = ar(); np.place(b, np.greater(b, 5), np.array([true, false])); return b; },
      '(lambda b: (np.place(b, b > 5, np.array([True, False])), b)[1])(np.arange(12, dtype=np.uint8))'],
    ['py-putmask', () => { const b = ar(); np.putmask(b, np.greater(b, 5), 300); return b; },
      '(lambda b: (np.putmask(b, b > 5, 300), b)[1])(np.arange(12, dtype=np.uint8))'],
    ['py-place', () => { const b = ar(); np.place(b, np.greater(b, 5), [1.5, 2.5]); return b; },
      '(lambda b: (np.place(b, b > 5, [1.5, 2.5]), b)[1])(np.arange(12, dtype=np.uint8))'],
    ['big-putmask-cast', () => { const c = np.copy(p3); np.putmask(c, pm, np.multiply(np.ones([20, 30, 8], 'int16'), 9)); return c; },
      '(lambda c: (np.putmask(c, tpm, np.ones((20, 30, 8), np.int16) * 9), c)[1])(tp3.copy())'],
  );
  // take of a few indices along the last axis, 4096 elements or more (one strided copy each)
  const q3 = np.reshape(np.astype(np.remainder(np.multiply(np.arange(40 * 40 * 8), 29), 253), 'uint8'), [40, 40, 8]);
  inputs.tq3 = q3;
  U.push(
    ['tk-neg', () => np.take(q3, [7, -1, 0, -8], { axis: 2 }), 'np.take(tq3, [7, -1, 0, -8], axis=2)'],
    ['tk-view', () => np.take(np.index(q3, '::-1, ::2'), [2, 1, 0], { axis: -1 }), 'np.take(tq3[::-1, ::2], [2, 1, 0], axis=-1)'],
    ['tk-wrap', () => np.take(q3, [9, -9, 17], { axis: 2, mode: 'wrap' }), "np.take(tq3, [9, -9, 17], axis=2, mode='wrap')"],
    ['tk-clip', () => np.take(q3, [9, -9, 3], { axis: 2, mode: 'clip' }), "np.take(tq3, [9, -9, 3], axis=2, mode='clip')"],
    ['tk-raise', () => np.take(q3, [1, -9, 3], { axis: 2 }), 'np.take(tq3, [1, -9, 3], axis=2)'],
    ['tk-2d', () => np.take(q3, [[0, 1], [7, 0]], { axis: 2 }), 'np.take(tq3, [[0, 1], [7, 0]], axis=2)'],
    ['tk-out', () => { const o = np.zeros([40, 40, 3], 'uint8'); np.take(q3, [5, 4, 3], { axis: 2, out: o }); return o; },
      '(lambda o: (np.take(tq3, [5, 4, 3], axis=2, out=o), o)[1])(np.zeros((40, 40, 3), np.uint8))'],
  );
  for (const [k, f, py] of U) {
    FN[k] = f;
    cases[k] = py;
  }
  // select's Python-scalar choices and default: value-based in numpy 1.24, weak in NumPy 2
  for (const k of ['sel', 'sel-u8', 'nz0', 'cho-w']) numpy2Only.add(k);
  const m = np.array([[1, 0, 2], [0, 0, 3]], 'float32');
  inputs.wm = m;
  const more: [string, () => unknown, string][] = [
    ['where1', () => np.where(m), 'np.where(wm)'],
    ['nzb', () => np.nonzero(np.not_equal(m, 0)), 'np.nonzero(wm != 0)'],
    ['cmpb', () => np.compress(np.greater(np.index(m, '0'), 0), m, { axis: 1 }), 'np.compress(wm[0] > 0, wm, axis=1)'],
    ['selb', () => np.select([np.greater(m, 1), np.equal(m, 0)], [m, -1], 7), 'np.select([wm > 1, wm == 0], [wm, -1], 7)'],
    ['sel-nb', () => np.select([m], [m]), 'np.select([wm], [wm])'],
    ['take-b', () => np.take(np.greater(m, 0), 1), 'np.take(wm > 0, 1)'],
    ['pm-b', () => { const c = copyOf(m); np.putmask(c, np.greater(m, 0), [7, 8]); return c; }, '(lambda c: (np.putmask(c, wm > 0, [7, 8]), c)[1])(wm.copy())'],
    ['ext-b', () => np.extract(np.less(m, 2), m), 'np.extract(wm < 2, wm)'],
    ['aw-b', () => np.argwhere(np.greater(m, 0)), 'np.argwhere(wm > 0)'],
    // extract of 4096 elements or more by the addon's mask compress: a channel view by a threshold,
    // float32 values by a float condition (NaN and -0: numpy's nonzero), int64 values, every mask
    // set, none set, and a condition shorter than the values (numpy's take of its indices)
    ...(() => {
      const px = () => np.astype(np.remainder(np.multiply(np.arange(9000), 37), 256), 'uint8');
      const pxPy = '(np.arange(9000) * 37 % 256).astype(np.uint8)';
      const fc = () => { const f = np.astype(np.subtract(np.remainder(np.arange(6000), 7), 3), 'float32'); np.copyto(np.index(f, '::100'), NaN); np.copyto(np.index(f, '50::100'), -0); return f; };
      const fcPy = '(lambda f: (f.__setitem__(slice(None, None, 100), np.nan), f.__setitem__(slice(50, None, 100), -0.0), f)[2])(((np.arange(6000) % 7) - 3).astype(np.float32))';
      return [
        ['ext-ch', () => { const p = np.reshape(px(), [3000, 3]); return np.extract(np.greater(np.index(p, ':, 1'), 128), np.index(p, ':, 1')); },
          `(lambda p: np.extract(p[:, 1] > 128, p[:, 1]))(${pxPy}.reshape(3000, 3))`],
        ['ext-f', () => np.extract(fc(), np.multiply(fc(), 1.5)), `np.extract(${fcPy}, ${fcPy} * 1.5)`],
        ['ext-i64', () => np.extract(np.less(px(), 40), np.multiply(np.arange(9000, { dtype: 'int64' }), 1000000000007n)),
          `np.extract(${pxPy} < 40, np.arange(9000, dtype=np.int64) * 1000000000007)`],
        ['ext-all', () => np.extract(np.greater_equal(px(), 0), px()), `np.extract(${pxPy} >= 0, ${pxPy})`],
        ['ext-none', () => np.extract(np.greater(px(), 255), px()), `np.extract(${pxPy} > 255, ${pxPy})`],
        ['ext-short', () => np.extract(np.greater(np.index(px(), ':5000'), 100), px()), `np.extract(${pxPy}[:5000] > 100, ${pxPy})`],
      ] as [string, () => unknown, string][];
    })(),
    // the addon's take: lookup tables indexed by pixels (every index dtype, every element size),
    // indices needing resolution (negative, wrapped, clipped; uint64 2**64-1 is -1 as numpy's
    // cast), runs of several elements, an out overlapping the source, float arrays refused
    ...(['uint8', 'int8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64'] as const).flatMap((it, j) => {
      const tab = (['uint8', 'float32', 'int64', 'int16'] as const)[j % 4];
      const ix = `np.arange(5000, dtype=np.${it}).reshape(50, 100) % ${it.endsWith('8') ? 100 : 251}`;
      const ours = () => np.remainder(np.reshape(np.arange(5000, { dtype: it }), [50, 100]), it.endsWith('8') ? 100 : 251);
      const lut = () => np.astype(np.subtract(300, np.multiply(np.arange(256), 7)), tab);
      const lutPy = `(300 - np.arange(256) * 7).astype(np.${tab})`;
      return [
        [`take-lut-${it}`, () => np.take(lut(), ours()), `np.take(${lutPy}, ${ix})`],
        [`take-neg-${it}`, () => np.take(lut(), np.subtract(ours(), it.startsWith('u') ? 0 : 120), { mode: 'wrap' }),
          `np.take(${lutPy}, ${ix} - ${it.startsWith('u') ? 0 : 120}, mode='wrap')`],
      ] as [string, () => unknown, string][];
    }),
    ['take-clip', () => np.take(np.arange(10, { dtype: 'uint8' }), [-20, -1, 3, 9, 10, 400], { mode: 'clip' }),
      "np.take(np.arange(10, dtype=np.uint8), [-20, -1, 3, 9, 10, 400], mode='clip')"],
    ['take-raise', () => np.take(np.arange(10), np.array([3, -10, 10, 2], 'int16')), 'np.take(np.arange(10), np.array([3, -10, 10, 2], np.int16))'],
    ['take-u64', () => np.take(np.arange(10), np.array([2n ** 64n - 1n, 3n], 'uint64')), 'np.take(np.arange(10), np.array([2**64 - 1, 3], np.uint64))'],
    ['take-rows', () => np.take(np.reshape(np.arange(60, { dtype: 'float32' }), [3, 4, 5]), np.array([2, 0, -1, 1], 'int8'), 1),
      'np.take(np.arange(60, dtype=np.float32).reshape(3, 4, 5), np.array([2, 0, -1, 1], np.int8), 1)'],
    ['take-outlap', () => { const c = np.arange(12, { dtype: 'int32' }); np.take(c, [5, 4, 3, 2, 1, 0], { out: np.index(c, '2:8') }); return c; },
      '(lambda c: (np.take(c, [5, 4, 3, 2, 1, 0], out=c[2:8]), c)[1])(np.arange(12, dtype=np.int32))'],
    ['take-float', () => np.take(np.arange(5), np.array([1.5])), 'np.take(np.arange(5), np.array([1.5]))'],
    ['take-nan', () => np.take(np.arange(5), [NaN]), "np.take(np.arange(5), [float('nan')])"],
    // long masks (the addon's scan skips zero bytes eight at a time): sparse and dense
    // stretches, rows whose ones start mid-word, a transposed view, NaN and -0
    ['nz-long', () => np.nonzero(np.reshape(np.greater(np.remainder(np.arange(7 * 33 * 45, { dtype: 'int32' }), 23), 20), [7, 33, 45])),
      'np.nonzero((np.arange(7 * 33 * 45, dtype=np.int32) % 23 > 20).reshape(7, 33, 45))'],
    ['nz-longT', () => np.nonzero(np.transpose(np.reshape(np.remainder(np.arange(40 * 30, { dtype: 'int16' }), 7), [40, 30]), [1, 0])),
      'np.nonzero((np.arange(40 * 30, dtype=np.int16) % 7).reshape(40, 30).T)'],
    ['aw-long', () => np.argwhere(np.less(np.remainder(np.arange(3000, { dtype: 'uint16' }), 100), 3)),
      'np.argwhere(np.arange(3000, dtype=np.uint16) % 100 < 3)'],
    ['nz-nan', () => np.nonzero(np.array(Array.from({ length: 80 }, (_, i) => [NaN, -0, 0, 1.5][i % 4]), 'float64')),
      'np.nonzero(np.array([np.nan, -0.0, 0.0, 1.5] * 20))'],
  ];
  for (const [k, f, py] of more) {
    FN[k] = f;
    cases[k] = py;
  }
  numpy2Only.add('selb');
  // numpy 1.x casts take's indices to intp by the 'safe' rule (uint64, and on 32-bit int64/uint32, are a
  // TypeError); numpy 2 by 'same_kind' (uint64 2**64-1 is -1)
  for (const it of ['uint32', 'int64', 'uint64']) numpy2Only.add(`take-lut-${it}`).add(`take-neg-${it}`);
  numpy2Only.add('take-u64');
}
const want = numpy(inputs, cases);

function check(got: () => np.NdArray, w: Want, base: np.NdArray): string | undefined {
  let v: np.NdArray;
  try {
    v = got();
  } catch (e) {
    return differsInError(e, w);
  }
  if (w.kind !== 'list') return differs(v, w);
  const why = differs(v, w.items[0]);
  if (why) return why;
  if (v.data !== base.data) return 'not a view of the base';
  if (v.size === 0) return undefined;
  const strides = w.items[1];
  const ns = new BigInt64Array(new Uint8Array(strides.kind === 'array' ? strides.data : []).buffer);
  for (let d = 0; d < v.shape.length; d++) {
    if (v.shape[d] > 1 && BigInt(v.stride[d]) !== ns[d]) return `stride ${d}: ${v.stride[d]}, numpy ${ns[d]}`;
  }
  const off = w.items[2];
  const no = off.kind === 'array' ? new BigInt64Array(new Uint8Array(off.data).buffer)[0] : 0n;
  if (BigInt(v.offset - base.offset) !== no) return `offset ${v.offset - base.offset}, numpy ${no}`;
  return undefined;
}

test('np.index (string form) gives the view Python subscripts give', () => {
  const bad: string[] = [];
  list.forEach((c, k) => {
    const b = inputs[c.input];
    const why = check(() => np.index(BASES[c.base][1](b), c.text), want[`v${k}`], b);
    if (why) bad.push(`${BASES[c.base][0]}[${c.text}] shape (${b.shape}): ${why}`);
  });
  assert.equal(bad.slice(0, 8), []);
});

test('np.index (argument form) gives the same', () => {
  const bad: string[] = [];
  list.forEach((c, k) => {
    const b = inputs[c.input];
    const why = check(() => np.index(BASES[c.base][1](b), ...asArgs(c.text)), want[`v${k}`], b);
    if (why) bad.push(`${BASES[c.base][0]}[${c.text}] shape (${b.shape}): ${why}`);
  });
  assert.equal(bad.slice(0, 8), []);
});

test('writes through np.index reach the base', () => {
  const b = np.zeros([3, 4], 'uint8');
  const v = np.index(b, '1:, ::-2');
  v.set(0, 0, 7);
  v.set(-1, -1, 9);
  assert.is(b.get(1, 3), 7);
  assert.is(b.get(2, 1), 9);
  const z = np.index(b, '-1, 0');
  assert.equal(z.shape, []);
  z.set(5);
  assert.is(b.get(2, 0), 5);
});

test('get/set/lo/hi/step/pick/T follow Python rules', () => {
  const bad: string[] = [];
  ACCESS.forEach(([name, f], i) => {
    const w = want[`acc${i}`];
    let got: unknown;
    try {
      got = f();
    } catch (e) {
      const why = differsInError(e, w);
      if (why) bad.push(`${name}: ${why}`);
      return;
    }
    const why = differs(got, w);
    if (why) bad.push(`${name}: ${why}`);
  });
  assert.equal(bad, []);
  assert.throws(() => acc.set(0, 0, 4, 1), /index 4 is out of bounds for axis 2 with size 4/);
  assert.throws(() => acc.get(0, 1), /2 indices for a 3-dimensional array/);
  assert.throws(() => acc.get(0.5, 0, 0), /not an integer/);
  assert.throws(() => np.index(acc, '0, x'), /not a basic index/);
  assert.is(np.index(acc, ...[1n, -1n, 0]).get(), 20);
});

test('take, take_along_axis, put, putmask, place, compress, extract, nonzero, argwhere, choose, select match numpy', () => {
  const bad: string[] = [];
  const v = want.version;
  const numpy2 = v.kind === 'value' && Number(v.value) >= 2;
  for (const [k, f] of Object.entries(FN)) {
    if (!numpy2 && numpy2Only.has(k)) continue;
    let got: unknown;
    try {
      got = f();
    } catch (e) {
      const why = differsInError(e, want[k]);
      if (why) bad.push(`${cases[k]}: ${why}`);
      continue;
    }
    const why = differs(got, want[k]);
    if (why) bad.push(`${cases[k]}: ${why}`);
  }
  assert.equal(bad.slice(0, 10), []);
});

test('bool arrays give booleans, as numpy\'s bool scalars', () => {
  const b = np.greater(np.arange(4), 1);
  assert.is(b.get(0), false);
  assert.is(b.get(-1), true);
  assert.is(np.index(b, '2').get(), true);
  assert.is(np.index(b, '::-1').get(0), true);
  assert.is(np.take(b, 0), false);
  b.set(0, true);
  assert.is(b.get(0), true);
  const u = np.zeros(2, 'uint8');
  assert.is(u.get(0), 0);
});

test('read-only views refuse writes', () => {
  const b = np.broadcast_to(np.arange(3), [2, 3]);
  assert.throws(() => b.set(0, 0, 1n), /read-only/);
  assert.throws(() => np.index(b, '0').set(0, 1n), /read-only/);
  assert.is(np.isWriteable(b.T), false);
  assert.is(np.isWriteable(np.arange(3)), true);
});

test.run();
