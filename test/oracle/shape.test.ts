// The shape and joining functions against numpy: reshape (views where the
// strides allow, copies elsewhere), ravel, squeeze, expand_dims, transpose,
// swapaxes, moveaxis, broadcast_to/arrays, flip, rot90, concatenate and the
// stacks (dtype promotion), split, pad (every mode, every pad_width form,
// widths past the axis length), roll, tile, repeat, on random shapes up to
// 4-d, views (negative steps, transposes), empty and 0-d arrays, NaN/inf/-0,
// and numpy's errors. Whether a result is a view must match too.
import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { np } from 'u-dma-buf';

import { differs, differsInError, numpy, numpyMajor, scaled } from './oracle.js';
import { rngInt as rng } from './gen.js';

const r = rng(7741);
const pick = <T>(xs: readonly T[]): T => xs[r(xs.length)];

const DTYPES = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64'] as const;

/** A random array of `shape` and dtype, with edge values for floats. */
function randomArray(shape: number[], dt: (typeof DTYPES)[number]): np.NdArray {
  const size = shape.reduce((p, n) => p * n, 1);
  const a = np.zeros(shape, dt);
  const data = a.data as unknown as (number | bigint)[];
  const edges = [NaN, Infinity, -Infinity, -0, 0.5];
  for (let i = 0; i < size; i++) {
    const v = r(200) - 100;
    data[i] = dt.endsWith('64') && dt.includes('int') ? BigInt(dt === 'uint64' ? v + 100 : v) : dt.startsWith('float') && r(6) === 0 ? edges[r(5)] : dt.startsWith('u') ? v + 100 : v;
  }
  return a;
}

const inputs: Record<string, np.NdArray> = {};
const cases: Record<string, string> = {};
const ours: Record<string, () => unknown> = {};
/** For each case with a base: whether ours is a view of that input. */
const viewOf: Record<string, string> = {};
let count = 0;

function input(shape: number[], dt: (typeof DTYPES)[number] = pick(DTYPES)): string {
  const name = `x${Object.keys(inputs).length}`;
  inputs[name] = randomArray(shape, dt);
  return name;
}

/** A view of input `name` on both sides: [python expression, ours]. */
function viewed(name: string): [string, () => np.NdArray] {
  const x = inputs[name];
  const nd = x.shape.length;
  switch (nd === 0 ? 0 : r(4)) {
    case 1:
      return [`${name}[::-1]`, () => np.index(x, '::-1')];
    case 2:
      return [`${name}.T`, () => np.transpose(x)];
    case 3:
      return [`${name}[..., ::2]`, () => np.index(x, '..., ::2')];
    default:
      return [name, () => x];
  }
}

// answers that changed in NumPy 2 (the boards' numpy is 1.24): checked only against numpy >= 2
const numpy2Only = new Set<string>();

function add(py: string, f: () => unknown, base?: string): void {
  const k = `c${count++}`;
  if (base) {
    cases[k] = `(lambda r: (np.asarray(r), bool(np.shares_memory(r, ${base}))))(${py})`;
    viewOf[k] = base;
  } else cases[k] = py;
  ours[k] = f;
}

function randomShape(maxNd = 4): number[] {
  return Array.from({ length: r(maxNd + 1) }, () => (r(9) === 0 ? 0 : 1 + r(4)));
}

const tuple = (xs: readonly number[]) => (xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(', ')})`);

// reshape, ravel and the views
for (let k = 0; k < scaled(40); k++) {
  const name = input(randomShape());
  const [py, f] = viewed(name);
  const shape = f().shape;
  const size = shape.reduce((p, n) => p * n, 1);
  // a target shape: a random factorisation of the size, maybe with -1
  const target: number[] = [];
  let rest = size;
  for (let d = r(4); d > 0 && rest > 1; d--) {
    const divs = [...Array(rest).keys()].map((i) => i + 1).filter((i) => rest % i === 0);
    const q = pick(divs);
    target.push(q);
    rest /= q;
  }
  target.push(rest);
  if (r(3) === 0) target[r(target.length)] = -1;
  if (r(8) === 0) target.push(r(3) + 2); // a wrong size
  add(`np.reshape(${py}, ${tuple(target)})`, () => np.reshape(f(), target), name);
  add(`np.ravel(${py})`, () => np.ravel(f()), name);
  const nd = shape.length;
  if (nd > 0) {
    const ax = r(2 * nd + 1) - nd;
    add(`np.squeeze(${py}, axis=${ax})`, () => np.squeeze(f(), { axis: ax }), name);
    add(`np.flip(${py}, ${ax})`, () => np.flip(f(), ax), name);
    const a2 = r(2 * nd) - nd;
    add(`np.swapaxes(${py}, ${ax}, ${a2})`, () => np.swapaxes(f(), ax, a2), name);
    add(`np.moveaxis(${py}, ${ax}, ${a2})`, () => np.moveaxis(f(), ax, a2), name);
    const perm = [...Array(nd).keys()].sort(() => r(3) - 1).map((p) => (r(2) ? p - nd : p));
    add(`np.transpose(${py}, ${tuple(perm)})`, () => np.transpose(f(), perm), name);
    const kk = r(9) - 4;
    const r1 = nd > 1 && r(4) ? ((ax + nd + 1 + r(nd - 1)) % nd) - (r(2) ? nd : 0) : a2;
    add(`np.rot90(${py}, ${kk}, axes=(${ax}, ${r1}))`, () => np.rot90(f(), kk, [ax, r1]), name);
  }
  add(`np.squeeze(${py})`, () => np.squeeze(f()), name);
  add(`np.flip(${py})`, () => np.flip(f()), name);
  add(`np.transpose(${py})`, () => np.transpose(f()), name);
  const e = r(2 * nd + 3) - nd - 1;
  add(`np.expand_dims(${py}, ${e})`, () => np.expand_dims(f(), e), name);
  const bshape = [r(3) + 1, ...shape.map((n) => (r(4) === 0 ? n + 1 : n))];
  add(`np.broadcast_to(${py}, ${tuple(bshape)})`, () => np.broadcast_to(f(), bshape), name);
}
// targeted cases
{
  const a = input([2, 3, 4], 'int16');
  const f = input([2, 3], 'float64');
  const z = input([0, 3], 'float32');
  const s = input([], 'uint16');
  add(`np.reshape(${a}, (4, -1, -1))`, () => np.reshape(inputs[a], [4, -1, -1]));
  add(`np.reshape(${a}[:, ::2], (2, 6))`, () => np.reshape(np.index(inputs[a], ':, ::2'), [2, 6]), a);
  add(`np.reshape(${a}[:, :, ::2], (6, 2))`, () => np.reshape(np.index(inputs[a], ':, :, ::2'), [6, 2]), a);
  add(`np.reshape(${a}.transpose(1, 0, 2), (3, 8))`, () => np.reshape(np.transpose(inputs[a], [1, 0, 2]), [3, 8]), a);
  add(`np.reshape(${a}.transpose(0, 2, 1), (8, 3))`, () => np.reshape(np.transpose(inputs[a], [0, 2, 1]), [8, 3]), a);
  add(`np.reshape(${z}, (3, -1))`, () => np.reshape(inputs[z], [3, -1]));
  add(`np.reshape(${z}, (-1, 0))`, () => np.reshape(inputs[z], [-1, 0]));
  add(`np.reshape(${s}, (1, 1))`, () => np.reshape(inputs[s], [1, 1]), s);
  add(`np.reshape(${s}, -1)`, () => np.reshape(inputs[s], -1), s);
  add(`np.ravel(${s})`, () => np.ravel(inputs[s]), s);
  add(`np.squeeze(${f}, axis=0)`, () => np.squeeze(inputs[f], { axis: 0 }));
  add(`np.squeeze(${s})`, () => np.squeeze(inputs[s]), s);
  add(`np.expand_dims(${f}, (0, 0))`, () => np.expand_dims(inputs[f], [0, 0]));
  add(`np.expand_dims(${f}, (0, 3, -1))`, () => np.expand_dims(inputs[f], [0, 3, -1]), f);
  add(`np.expand_dims(${f}, 4)`, () => np.expand_dims(inputs[f], 4));
  add(`np.transpose(${f}, (0,))`, () => np.transpose(inputs[f], [0]));
  add(`np.transpose(${f}, (0, 0))`, () => np.transpose(inputs[f], [0, 0]));
  add(`np.transpose(${f}, (0, 2))`, () => np.transpose(inputs[f], [0, 2]));
  add(`np.moveaxis(${a}, (0, 1), (-1,))`, () => np.moveaxis(inputs[a], [0, 1], [-1]));
  add(`np.moveaxis(${a}, (0, 0), (1, 2))`, () => np.moveaxis(inputs[a], [0, 0], [1, 2]));
  add(`np.moveaxis(${a}, (0, 2), (2, 0))`, () => np.moveaxis(inputs[a], [0, 2], [2, 0]), a);
  add(`np.moveaxis(${a}, (2, 0), (0, 1))`, () => np.moveaxis(inputs[a], [2, 0], [0, 1]), a);
  add(`np.broadcast_to(${f}, (-1, 3))`, () => np.broadcast_to(inputs[f], [-1, 3]));
  add(`np.broadcast_to(${f}, (3,))`, () => np.broadcast_to(inputs[f], [3]));
  add(`np.broadcast_to(${s}, (2, 0))`, () => np.broadcast_to(inputs[s], [2, 0]));
  add(`np.broadcast_arrays(${f}, ${a}[:, :1, :3])`, () => np.broadcast_arrays(inputs[f], np.index(inputs[a], ':, :1, :3')));
  add(`np.broadcast_arrays(${f}[:, :, None], ${a})`, () => np.broadcast_arrays(np.index(inputs[f], ':, :, None'), inputs[a] as np.NdArray));
  add(`np.broadcast_arrays(${f}, ${z})`, () => np.broadcast_arrays(inputs[f], inputs[z]));
  add(`np.flip(${a}, (0, 2))`, () => np.flip(inputs[a], [0, 2]), a);
  add(`np.flip(${a}, (0, -3))`, () => np.flip(inputs[a], [0, -3]));
  add(`np.flip(${s})`, () => np.flip(inputs[s]), s);
  add(`np.fliplr(${f})`, () => np.fliplr(inputs[f]), f);
  add(`np.flipud(${f})`, () => np.flipud(inputs[f]), f);
  add(`np.fliplr(${f}[0])`, () => np.fliplr(np.index(inputs[f], '0')));
  add(`np.flipud(${s})`, () => np.flipud(inputs[s]));
  add(`np.rot90(${f}, axes=(0, 0))`, () => np.rot90(inputs[f], 1, [0, 0]));
  add(`np.rot90(${f}, axes=(0, -2))`, () => np.rot90(inputs[f], 1, [0, -2]));
  add(`np.rot90(${f}, axes=(0, 5))`, () => np.rot90(inputs[f], 1, [0, 5]));
  add(`np.rot90(${f}, axes=(0, 1, 2))`, () => np.rot90(inputs[f], 1, [0, 1, 2]));
  add(`np.atleast_3d(${f}[0])`, () => np.atleast_3d(np.index(inputs[f], '0')));
  add(`np.atleast_2d(${s})`, () => np.atleast_2d(inputs[s]));
}

// joining
for (let k = 0; k < scaled(30); k++) {
  const nd = 1 + r(3);
  const shape = randomShape(nd).slice(0, nd);
  while (shape.length < nd) shape.push(1 + r(3));
  const ax = r(nd);
  const names: string[] = [];
  for (let i = 1 + r(3); i > 0; i--) {
    const s = [...shape];
    s[ax] = r(4);
    if (r(12) === 0) s[(ax + 1) % nd] += 1; // a mismatch
    names.push(input(s, k % 3 === 0 ? pick(DTYPES) : 'int32'));
  }
  const pyAx = r(5) === 0 ? 'None' : String(ax - (r(2) ? nd : 0));
  const axis = pyAx === 'None' ? null : Number(pyAx);
  const xs = () => names.map((n) => inputs[n]);
  add(`np.concatenate([${names.join(', ')}], axis=${pyAx})`, () => np.concatenate(xs(), { axis }));
  add(`np.stack([${names.join(', ')}], axis=${ax})`, () => np.stack(xs(), { axis: ax }));
  add(`np.hstack([${names.join(', ')}])`, () => np.hstack(xs()));
  add(`np.vstack([${names.join(', ')}])`, () => np.vstack(xs()));
  add(`np.dstack([${names.join(', ')}])`, () => np.dstack(xs()));
  const x = names[0];
  const n = inputs[x].shape[ax];
  const sections = 1 + r(4);
  add(`np.array_split(${x}, ${sections}, axis=${ax})`, () => np.array_split(inputs[x], sections, { axis: ax }), undefined);
  add(`np.split(${x}, ${sections}, axis=${ax})`, () => np.split(inputs[x], sections, { axis: ax }));
  const idx = [r(n + 3) - 1, r(2 * n + 2) - n, r(n + 3)];
  add(`np.split(${x}, [${idx}], axis=${ax})`, () => np.split(inputs[x], idx, { axis: ax }));
}
{
  const a = input([2, 3], 'uint8');
  const b = input([2, 3], 'int8');
  const c = input([2, 3], 'float32');
  const d = input([2, 3], 'uint64');
  const e = input([2, 3], 'int64');
  const s = input([], 'int16');
  add(`np.concatenate([${a}, ${b}])`, () => np.concatenate([inputs[a], inputs[b]]));
  add(`np.concatenate([${a}, ${c}], axis=1)`, () => np.concatenate([inputs[a], inputs[c]], { axis: 1 }));
  const u16 = input([2, 3], 'uint16');
  add(`np.concatenate([${u16}, ${b}, ${c}])`, () => np.concatenate([inputs[u16], inputs[b], inputs[c]]));
  add(`np.stack([${a}, ${b}, ${c}])`, () => np.stack([inputs[a], inputs[b], inputs[c]]));
  add(`np.concatenate([${d}, ${e}], axis=-1)`, () => np.concatenate([inputs[d], inputs[e]], { axis: -1 }));
  add(`np.concatenate([${a}, ${b}], dtype='uint8')`, () => np.concatenate([inputs[a], inputs[b]], { dtype: 'uint8' }));
  add(`np.concatenate([${c}, ${b}], dtype='int16')`, () => np.concatenate([inputs[c], inputs[b]], { dtype: 'int16' }));
  add(`np.concatenate([${c}, ${b}], dtype='int16', casting='unsafe')`, () => np.concatenate([inputs[c], inputs[b]], { dtype: 'int16', casting: 'unsafe' }));
  add(`np.concatenate([${a}, ${a}], axis=2)`, () => np.concatenate([inputs[a], inputs[a]], { axis: 2 }));
  add(`np.concatenate([${s}, ${s}])`, () => np.concatenate([inputs[s], inputs[s]]));
  add(`np.concatenate([${s}, ${a}], axis=None)`, () => np.concatenate([inputs[s], inputs[a]], { axis: null }));
  add(`np.concatenate([])`, () => np.concatenate([]));
  add(`np.concatenate([${a}, ${a}[0]])`, () => np.concatenate([inputs[a], np.index(inputs[a], '0')]));
  add(`np.stack([${a}, ${a}[:, :2]])`, () => np.stack([inputs[a], np.index(inputs[a], ':, :2')]));
  add(`np.stack([${a}, ${b}], axis=-1)`, () => np.stack([inputs[a], inputs[b]], { axis: -1 }));
  add(`np.stack([${s}, ${s}])`, () => np.stack([inputs[s], inputs[s]]));
  add(`np.stack([])`, () => np.stack([]));
  add(`np.stack([${a}, ${a}], axis=3)`, () => np.stack([inputs[a], inputs[a]], { axis: 3 }));
  add(`np.hstack([${s}, ${s}])`, () => np.hstack([inputs[s], inputs[s]]));
  add(`np.vstack([${s}, ${s}])`, () => np.vstack([inputs[s], inputs[s]]));
  add(`np.dstack([${a}[0], ${b}[1]])`, () => np.dstack([np.index(inputs[a], '0'), np.index(inputs[b], '1')]));
  add(`np.array_split(${a}, 0)`, () => np.array_split(inputs[a], 0));
  add(`np.split(${a}, 4, axis=1)`, () => np.split(inputs[a], 4, { axis: 1 }));
  add(`np.array_split(${a}, 5, axis=1)`, () => np.array_split(inputs[a], 5, { axis: 1 }));
  add(`np.split(${a}, [], axis=1)`, () => np.split(inputs[a], [], { axis: 1 }));
  add(`np.split(${a}, [2, 1])`, () => np.split(inputs[a], [2, 1]));
}
{
  // channels of one image stacked back (each piece scattered into every 3rd byte of the result, scatter_vec.c):
  // in any order, the same view twice, with a dtype, slices one thick
  const img = input([3, 4, 3], 'uint8');
  const ch = (k: number) => np.index(inputs[img], `:, :, ${k}`);
  add(`np.stack([${img}[:, :, 2], ${img}[:, :, 1], ${img}[:, :, 0]], -1)`, () => np.stack([ch(2), ch(1), ch(0)], -1));
  add(`np.stack([${img}[:, :, 0], ${img}[:, :, 1], ${img}[:, :, 2]], 0)`, () => np.stack([ch(0), ch(1), ch(2)], 0));
  add(`np.stack([${img}[:, :, 0], ${img}[:, :, 2]], 1)`, () => np.stack([ch(0), ch(2)], 1));
  add(`np.stack([${img}[:, :, 1], ${img}[:, :, 1], ${img}[:, :, 1]], -1)`, () => np.stack([ch(1), ch(1), ch(1)], -1));
  add(`np.stack([${img}[:, :, 0], ${img}[:, :, 2], ${img}[:, :, 1]], -1)`, () => np.stack([ch(0), ch(2), ch(1)], -1));
  add(`np.stack([${img}[::-1, :, 2], ${img}[::-1, :, 0]], -1, dtype='float32')`,
    () => np.stack([np.index(inputs[img], '::-1, :, 2'), np.index(inputs[img], '::-1, :, 0')], -1, { dtype: 'float32' }));
  add(`np.concatenate([${img}[2:3], ${img}[1:2], ${img}[0:1]])`,
    () => np.concatenate([np.index(inputs[img], '2:3'), np.index(inputs[img], '1:2'), np.index(inputs[img], '0:1')]));
  add(`np.concatenate([${img}[:, 3:4], ${img}[:, 1:2]], 1)`, () => np.concatenate([np.index(inputs[img], ':, 3:4'), np.index(inputs[img], ':, 1:2')], 1));
}

// pad
const MODES = ['constant', 'edge', 'reflect', 'symmetric', 'wrap'] as const;
for (let k = 0; k < scaled(40); k++) {
  const name = input(randomShape(3));
  const [py, f] = viewed(name);
  const nd = f().shape.length;
  const mode = pick(MODES);
  const w = () => r(10) === 0 ? 7 + r(5) : r(4);
  const forms: [string, np.PadWidth][] = [];
  const n = w();
  forms.push([String(n), n]);
  const pair = [w(), w()];
  forms.push([`(${pair})`, pair]);
  const per = Array.from({ length: nd }, () => [w(), w()]);
  forms.push([`(${per.map((p) => `(${p})`).join(', ')}${nd === 1 ? ',' : ''})`, per]);
  const one = [w()];
  forms.push([`[${one}]`, one]);
  const [pw, width] = pick(forms);
  if (mode === 'constant' && r(2)) {
    const cv: [string, np.PadValues][] = [['7', 7], ['(1.5, -2)', [1.5, -2]], ['300', 300], ['-1', -1]];
    const [pc, vals] = pick(cv);
    add(`np.pad(${py}, ${pw}, mode='constant', constant_values=${pc})`, () => np.pad(f(), width, { mode, constant_values: vals }));
  } else {
    add(`np.pad(${py}, ${pw}, mode='${mode}')`, () => np.pad(f(), width, { mode }));
  }
}
{
  const a = input([2, 3], 'int16');
  const z = input([0, 3], 'float64');
  const s = input([], 'float32');
  add(`np.pad(${a}, ((1, 2), (2, 1)), constant_values=((1, 2), (3, 4)))`, () => np.pad(inputs[a], [[1, 2], [2, 1]], { constant_values: [[1, 2], [3, 4]] }));
  add(`np.pad(${a}, -1)`, () => np.pad(inputs[a], -1));
  add(`np.pad(${a}, ((1, 2), (1, 2), (1, 2)))`, () => np.pad(inputs[a], [[1, 2], [1, 2], [1, 2]]));
  add(`np.pad(${a}, 1, mode='edge', constant_values=3)`, () => np.pad(inputs[a], 1, { mode: 'edge', constant_values: 3 }));
  add(`np.pad(${z}, 1, mode='edge')`, () => np.pad(inputs[z], 1, { mode: 'edge' }));
  add(`np.pad(${z}, ((0, 0), (2, 1)), mode='reflect')`, () => np.pad(inputs[z], [[0, 0], [2, 1]], { mode: 'reflect' }));
  add(`np.pad(${z}, 2, constant_values=5)`, () => np.pad(inputs[z], 2, { constant_values: 5 }));
  add(`np.pad(${s}, 3)`, () => np.pad(inputs[s], 3));
  add(`np.pad(${a}, 9, mode='reflect')`, () => np.pad(inputs[a], 9, { mode: 'reflect' }));
  add(`np.pad(${a}, (7, 8), mode='symmetric')`, () => np.pad(inputs[a], [7, 8], { mode: 'symmetric' }));
  add(`np.pad(${a}, ((4, 5), (8, 1)), mode='wrap')`, () => np.pad(inputs[a], [[4, 5], [8, 1]], { mode: 'wrap' }));
  // wrap padding wider than the axis: numpy 1.24 repeats the padded part, NumPy 2 the original
  numpy2Only.add(`c${count - 1}`);
}

// roll, tile, repeat
for (let k = 0; k < scaled(30); k++) {
  const name = input(randomShape(3));
  const [py, f] = viewed(name);
  const nd = f().shape.length;
  const sh = r(21) - 10;
  add(`np.roll(${py}, ${sh})`, () => np.roll(f(), sh));
  if (nd > 0) {
    const ax = r(2 * nd) - nd;
    add(`np.roll(${py}, ${sh}, axis=${ax})`, () => np.roll(f(), sh, { axis: ax }));
    const axes = [r(nd), r(nd)];
    const shs = [r(9) - 4, r(9) - 4];
    add(`np.roll(${py}, (${shs}), axis=(${axes}))`, () => np.roll(f(), shs, { axis: axes }));
    const rep = r(4);
    add(`np.repeat(${py}, ${rep}, axis=${ax})`, () => np.repeat(f(), rep, { axis: ax }));
    const n = f().shape[(ax + nd) % nd];
    const counts = Array.from({ length: n }, () => r(3));
    add(`np.repeat(${py}, [${counts}], axis=${ax})`, () => np.repeat(f(), counts, { axis: ax }));
  }
  const reps = Array.from({ length: r(4) }, () => r(3));
  add(`np.tile(${py}, (${reps}${reps.length === 1 ? ',' : ''}))`, () => np.tile(f(), reps));
  const rep = r(3);
  add(`np.repeat(${py}, ${rep})`, () => np.repeat(f(), rep));
  const counts = Array.from({ length: f().size }, () => r(3));
  add(`np.repeat(${py}, [${counts}])`, () => np.repeat(f(), counts));
}
// pixels: a short innermost axis (3 channels) under longer ones, which the
// engine walks row-wise (repeat along rows and columns, a channel-reversed view)
{
  const px = input([20, 33, 3], 'uint8');
  const x = inputs[px];
  add(`np.repeat(${px}, 2, axis=1)`, () => np.repeat(x, 2, { axis: 1 }));
  add(`np.repeat(${px}[:, ::-1], 3, axis=0)`, () => np.repeat(np.index(x, ':, ::-1'), 3, { axis: 0 }));
  add(`np.repeat(${px}[::2, :, ::-1], 2, axis=2)`, () => np.repeat(np.index(x, '::2, :, ::-1'), 2, { axis: 2 }));
  add(`np.tile(${px}[:, 1:], (2, 3, 1))`, () => np.tile(np.index(x, ':, 1:'), [2, 3, 1]));
}
{
  const a = input([2, 3], 'uint16');
  add(`np.roll(${a}, (1, 2), axis=(0, 1, 1))`, () => np.roll(inputs[a], [1, 2], { axis: [0, 1, 1] }));
  add(`np.roll(${a}, (1, 2), axis=(1, 1))`, () => np.roll(inputs[a], [1, 2], { axis: [1, 1] }));
  add(`np.roll(${a}, 1, axis=2)`, () => np.roll(inputs[a], 1, { axis: 2 }));
  add(`np.tile(${a}, -1)`, () => np.tile(inputs[a], -1));
  add(`np.tile(${a}, (2, 1, 3))`, () => np.tile(inputs[a], [2, 1, 3]));
  add(`np.repeat(${a}, -1)`, () => np.repeat(inputs[a], -1));
  add(`np.repeat(${a}, [1, 2], axis=1)`, () => np.repeat(inputs[a], [1, 2], { axis: 1 }));
  add(`np.repeat(${a}, [1, 2, 0], axis=1)`, () => np.repeat(inputs[a], [1, 2, 0], { axis: 1 }));
  add(`np.repeat(${a}, 2, axis=2)`, () => np.repeat(inputs[a], 2, { axis: 2 }));
}

const want = numpy(inputs, cases);

test('shape and joining functions give numpy\'s results, views and errors', () => {
  const bad: string[] = [];
  for (const [k, f] of Object.entries(ours)) {
    if (numpy2Only.has(k) && numpyMajor() < 2) continue;
    const w = want[k];
    let got: unknown;
    try {
      got = f();
    } catch (e) {
      const why = differsInError(e, w);
      if (why) bad.push(`${cases[k]}: ${why}`);
      continue;
    }
    if (viewOf[k] && w.kind === 'list' && w.items.length === 2 && w.items[1].kind === 'value') {
      const a = got as np.NdArray;
      const why = differs(a, w.items[0]);
      if (why) bad.push(`${cases[k]}: ${why}`);
      else if (a.size > 0 && a.shape.length > 0 && (a.data === inputs[viewOf[k]].data) !== w.items[1].value) {
        bad.push(`${cases[k]}: ours is ${a.data === inputs[viewOf[k]].data ? '' : 'not '}a view, numpy's is${w.items[1].value ? '' : ' not'}`);
      }
      continue;
    }
    const why = differs(got, w);
    if (why) bad.push(`${cases[k]}: ${why}`);
  }
  assert.equal(bad.slice(0, 10), []);
  assert.ok(count > scaled(400));
});

test('broadcast views are read-only; reshape copy: false refuses a copy', () => {
  const b = np.broadcast_to(np.arange(3), [2, 3]);
  assert.is(np.isWriteable(b), false);
  assert.throws(() => np.concatenate([np.arange(3)], { out: b }), /read-only/);
  const [p, q] = np.broadcast_arrays(np.zeros([2, 3]), np.zeros(3));
  assert.is(np.isWriteable(p), true);
  assert.is(np.isWriteable(q), false);
  assert.throws(() => np.reshape(np.transpose(np.zeros([2, 3])), [6], { copy: false }), /copy/);
  const out = np.zeros([5], 'float32');
  assert.is(np.concatenate([np.arange(2), np.arange(3)], { out, casting: 'unsafe' }), out);
  assert.equal(Array.from(out.data), [0, 1, 0, 1, 2]);
  assert.throws(() => np.concatenate([np.arange(2)], { out, dtype: 'int8' }), /both were provided/);
});

test.run();
