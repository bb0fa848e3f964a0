// np.index against Python's subscripts, and the checked get/set/lo/hi/step/
// pick of every np array: random shapes up to 4-d (views with negative
// steps and transposes as the base), random index strings (negative ints,
// out-of-range bounds, negative steps, ..., None, too many indices), the
// same index in the argument form; shape, values, strides and offset (a
// view of the same data) and the errors must match numpy's.
import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { np } from 'u-dma-buf';

import { type Want, differs, differsInError, numpy } from './oracle.js';

/** Deterministic random numbers (xorshift32) so a failure can be replayed. */
function rng(seed: number): (n: number) => number {
  let x = seed >>> 0 || 1;
  return (n) => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x % n;
  };
}

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
const cases: Record<string, string> = {};
const list: Case[] = [];
for (let k = 0; k < 300; k++) {
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

test('read-only views refuse writes', () => {
  const b = np.broadcast_to(np.arange(3), [2, 3]);
  assert.throws(() => b.set(0, 0, 1n), /read-only/);
  assert.throws(() => np.index(b, '0').set(0, 1n), /read-only/);
  assert.is(np.isWriteable(b.T), false);
  assert.is(np.isWriteable(np.arange(3)), true);
});

test.run();
