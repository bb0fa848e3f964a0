// Printing against numpy: repr, str and array2string of hundreds of random
// arrays (every dtype, 0-d to 4-d, views, empty, summarised, NaN/inf/-0,
// wide and tiny floats, float32's own digits) must equal numpy's text
// exactly, with default and non-default print options.
import { inspect } from 'node:util';

import ndarray from 'ndarray';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { np } from 'u-dma-buf';

import { type Want, numpy, scaled } from './oracle.js';

/** Deterministic random numbers (xorshift32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
}

const DTYPES: np.DTypeString[] = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64'];
const hasBool = (() => {
  try {
    np.dtype('bool');
    return true;
  } catch {
    return false;
  }
})();
if (hasBool) DTYPES.push('bool');

const FLOAT_STYLES = ['small', 'wide', 'ints', 'special', 'long', 'tiny', 'huge', 'halves'] as const;

function floatValue(style: (typeof FLOAT_STYLES)[number], r: () => number): number {
  const u = r();
  switch (style) {
    case 'small': return Math.round((u - 0.5) * 2000) / 8;
    case 'wide': return (r() < 0.5 ? -1 : 1) * Math.round(r() * 1000) / 100 * 10 ** Math.floor(r() * 24 - 12);
    case 'ints': return Math.round((u - 0.5) * 200);
    case 'special': return [NaN, Infinity, -Infinity, -0, 0, 1.5, -2.25, 1e-300][Math.floor(u * 8)];
    case 'long': return u * 10 - 3;
    case 'tiny': return (u - 0.5) * 1e-6;
    case 'huge': return (u - 0.5) * 3e12;
    case 'halves': return Math.floor(u * 16) / 512;
  }
}

function intValue(dt: np.DType, r: () => number, small: boolean): number | bigint {
  const bits = dt.itemsize * 8;
  const signed = dt.kind === 'i';
  if (small) {
    const v = Math.floor(r() * 200) - (signed ? 100 : 0);
    return dt.isBigInt ? BigInt(v) : v;
  }
  let big = 0n;
  for (let i = 0; i < bits; i += 16) big = (big << 16n) | BigInt(Math.floor(r() * 65536));
  big = signed ? BigInt.asIntN(bits, big) : BigInt.asUintN(bits, big);
  // mostly shorter numbers, some full width
  if (r() < 0.6) big >>= BigInt(Math.floor(r() * bits));
  return dt.isBigInt ? big : Number(big);
}

function randomShape(r: () => number): number[] {
  const nd = Math.floor(r() * 5);
  const shape: number[] = [];
  for (let d = 0; d < nd; d++) shape.push(Math.floor(r() * (nd <= 1 ? 40 : nd === 2 ? 9 : 4)) + (r() < 0.05 ? 0 : 1));
  return shape;
}

function randomArray(dtName: np.DTypeString, shape: number[], r: () => number): np.NdArray {
  const dt = np.dtype(dtName);
  const size = shape.reduce((a, b) => a * b, 1);
  const style = FLOAT_STYLES[Math.floor(r() * FLOAT_STYLES.length)];
  const small = r() < 0.5;
  const values: (number | bigint | boolean)[] = [];
  for (let i = 0; i < size; i++) {
    if (dt.char === '?') values.push(r() < 0.5);
    else if (dt.kind === 'f') values.push(floatValue(style, r));
    else values.push(intValue(dt, r, small));
  }
  const flat = np.array(values as number[], dt);
  return ndarray(flat.data as unknown as Float64Array, shape) as unknown as np.NdArray;
}

/** A random view: reversed axes, a transpose, a step. */
function randomView(a: np.NdArray, r: () => number): np.NdArray {
  if (a.shape.length === 0) return a;
  const pick = r();
  if (pick < 0.3) return a.step(...a.shape.map(() => (r() < 0.5 ? -1 : 1)));
  if (pick < 0.6) return a.transpose(...a.shape.map((_, i) => a.shape.length - 1 - i));
  return a;
}

const r = rng(Number(process.env.NP_SEED ?? 20261125));
const inputs: Record<string, np.NdArray> = {};
const ours: Record<string, () => string> = {};
const cases: Record<string, string> = { version: 'np.__version__' };
/** The numpy release that first prints a case as NumPy 2.4 does (the boards run Debian's older numpy). */
const since: Record<string, string> = {};
let n = 0;

function add(a: np.NdArray, expr: string, mine: (a: np.NdArray) => string, from?: string): void {
  const name = `a${n}`;
  const key = `${name}_${Object.keys(cases).length}`;
  inputs[name] = a;
  cases[key] = expr.replaceAll('A', name);
  ours[key] = () => mine(a);
  if (from) since[key] = from;
}

/** Whether numpy release `v` is at least `min` (major.minor). */
function atLeast(v: string, min: string): boolean {
  const [a, b] = v.split('.').map(Number);
  const [c, d] = min.split('.').map(Number);
  return a > c || (a === c && b >= d);
}

// NumPy 2.0: float32 scalars switch to scientific from 1e6 (1.x: 1e16), and
// the sign option applies to integers; 2.2: summarised arrays show shape=.
const float32Scalar = (a: np.NdArray): string | undefined => (a.shape.length === 0 && np.dtype(a).name === 'float32' ? '2.0' : undefined);

// default options: repr and str of random arrays of every dtype and shape
for (let i = 0; i < scaled(260); i++) {
  const dtName = DTYPES[i % DTYPES.length];
  const a = randomView(randomArray(dtName, randomShape(r), r), r);
  add(a, 'repr(A)', (x) => np.array_repr(x));
  add(a, 'str(A)', (x) => np.array_str(x), float32Scalar(a));
  n++;
}

// summarised arrays (over the threshold), wrapped lines
for (let i = 0; i < 22; i++) {
  const dtName = DTYPES[i % DTYPES.length];
  const shape = [[1001], [40, 30], [3, 400], [2, 3, 200], [11, 10, 10]][i % 5];
  const a = randomView(randomArray(dtName, shape, r), r);
  add(a, 'repr(A)', (x) => np.array_repr(x), '2.2');
  add(a, 'str(A)', (x) => np.array_str(x));
  n++;
}

// empty and 0-d arrays of every dtype
for (const dtName of DTYPES) {
  for (const shape of [[0], [2, 0], [0, 3, 1], []]) {
    const a = randomArray(dtName, shape, r);
    add(a, 'repr(A)', (x) => np.array_repr(x));
    add(a, 'str(A)', (x) => np.array_str(x), float32Scalar(a));
    n++;
  }
}

// print options through array2string
const FLOAT_MODES = ['fixed', 'unique', 'maxprec', 'maxprec_equal'] as const;
const SIGNS = ['-', '+', ' '] as const;
for (let i = 0; i < scaled(120); i++) {
  const dtName = i % 3 === 0 ? DTYPES[i % DTYPES.length] : i % 2 ? 'float64' : 'float32';
  const a = randomView(randomArray(dtName, randomShape(r), r), r);
  const o = {
    precision: Math.floor(r() * 10),
    floatmode: FLOAT_MODES[Math.floor(r() * 4)],
    sign: SIGNS[Math.floor(r() * 3)],
    suppress_small: r() < 0.3,
    max_line_width: 20 + Math.floor(r() * 80),
    threshold: r() < 0.3 ? 10 : 1000,
    edgeitems: 1 + Math.floor(r() * 3),
    separator: r() < 0.5 ? ', ' : ' ',
  };
  const py = `np.array2string(A, precision=${o.precision}, floatmode='${o.floatmode}', sign='${o.sign}', ` +
    `suppress_small=${o.suppress_small ? 'True' : 'False'}, max_line_width=${o.max_line_width}, ` +
    `threshold=${o.threshold}, edgeitems=${o.edgeitems}, separator='${o.separator}', prefix='xy(')`;
  add(a, py, (x) => np.array2string(x, { ...o, prefix: 'xy(' }), o.sign !== '-' && np.dtype(a).kind !== 'f' ? '2.0' : undefined);
  n++;
}

// set_printoptions then repr
for (let i = 0; i < 20; i++) {
  const a = randomArray(i % 2 ? 'float64' : 'int16', randomShape(r), r);
  const lw = 30 + Math.floor(r() * 40);
  const p = Math.floor(r() * 6);
  add(a, `(np.set_printoptions(linewidth=${lw}, precision=${p}), repr(A), np.set_printoptions(linewidth=75, precision=8))[1]`,
    (x) => np.printoptions({ linewidth: lw, precision: p }, () => np.array_repr(x)));
  n++;
}

// formatter: element printers by kind, used as is
{
  const fl = randomArray('float64', [3, 4], r);
  const it = randomArray('int16', [2, 5], r);
  const bo = randomArray(hasBool ? 'bool' : 'uint8', [4], r);
  add(fl, "np.array2string(A, formatter={'float': lambda x: 'f%d' % int(x)})", (x) => np.array2string(x, { formatter: { float: (v) => `f${Math.trunc(v)}` } }));
  n++;
  add(it, "np.array2string(A, formatter={'int_kind': lambda x: '<%d>' % x}, separator=', ')", (x) => np.array2string(x, { formatter: { int_kind: (v) => `<${v}>` }, separator: ', ' }));
  n++;
  add(it, "np.array2string(A, formatter={'all': lambda x: 'a', 'int': lambda x: 'i'})", (x) => np.array2string(x, { formatter: { all: () => 'a', int: () => 'i' } }));
  n++;
  add(fl, "np.array2string(A, formatter={'all': lambda x: 'a', 'int': lambda x: 'i'})", (x) => np.array2string(x, { formatter: { all: () => 'a', int: () => 'i' } }));
  n++;
  add(bo, "np.array2string(A, formatter={'bool': lambda x: 'yes' if x else 'no'})", (x) => np.array2string(x, { formatter: { bool: (v) => (v ? 'yes' : 'no') } }));
  n++;
  add(fl, "(np.set_printoptions(formatter={'float': lambda x: 'F'}), repr(A), np.set_printoptions(formatter=None))[1]",
    (x) => {
      np.set_printoptions({ formatter: { float: () => 'F' } });
      const out = np.array_repr(x);
      np.set_printoptions({ formatter: null });
      return out;
    });
}

let want: Record<string, Want> = {};
test.before(() => {
  want = numpy(inputs, cases);
});

test('repr, str and array2string equal numpy text', () => {
  const failures: string[] = [];
  const version = String((want.version as { value: unknown }).value);
  for (const key of Object.keys(cases)) {
    if (key === 'version' || (since[key] && !atLeast(version, since[key]))) continue;
    const w = want[key];
    let got: string;
    try {
      got = ours[key]();
    } catch (e) {
      failures.push(`${cases[key]}: threw ${String(e)}`);
      continue;
    }
    if (w.kind !== 'value' || w.value !== got) {
      failures.push(`${cases[key]} [${inputs[key.split('_')[0]].shape}]\n--- numpy\n${w.kind === 'value' ? String(w.value) : JSON.stringify(w)}\n--- ours\n${got}`);
    }
  }
  assert.is(failures.length, 0, `${failures.length} of ${Object.keys(cases).length} differ:\n${failures.slice(0, 6).join('\n\n')}`);
});

test('print options are checked as numpy checks them', () => {
  assert.throws(() => np.set_printoptions({ floatmode: 'exact' as 'fixed' }), (e: Error) => e.name === 'ValueError' && /floatmode/.test(e.message));
  assert.throws(() => np.set_printoptions({ sign: 'x' as '-' }), (e: Error) => e.name === 'ValueError' && /sign option/.test(e.message));
  assert.throws(() => np.set_printoptions({ threshold: NaN }), (e: Error) => e.name === 'ValueError' && /threshold/.test(e.message));
  assert.is(np.get_printoptions().precision, 8);
});

test('console.log goes through inspectArray as repr', () => {
  assert.is(np.inspectArray(np.array([1, 2], 'uint8'), 2, {}), 'array([1, 2], dtype=uint8)');
  assert.is(inspect(np.arange(3)), 'array([0, 1, 2])');
  assert.is(inspect(np.zeros([2, 2], 'float32')), 'array([[0., 0.],\n       [0., 0.]], dtype=float32)');
});

test('an array whose memory is gone is refused, and console.log says so', () => {
  const buffer = new ArrayBuffer(3);
  const a = np.frombuffer(buffer, { dtype: 'uint8' });
  structuredClone(buffer, { transfer: [buffer] }); // detach: the data reads as zero length now, as a closed mapping
  assert.throws(() => np.array_repr(a), (e: Error) => e.name === 'ValueError' && /memory is gone/.test(e.message));
  assert.match(inspect(a), /^array\(<the array's memory is gone .*>, shape=\(3,\)\)$/);
});

test.run();
