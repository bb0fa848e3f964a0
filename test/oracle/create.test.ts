// Array creation and machine limits against numpy: array/asarray dtype
// discovery from nested lists (and its errors), zeros/ones/full and the
// _like forms, arange and linspace bit for bit (random arguments, every
// dtype), eye/identity, iinfo/finfo fields.
import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { np } from 'u-dma-buf';

import { type Want, differs, differsInError, numpy, scaled } from './oracle.js';

type Nested = number | bigint | boolean | Nested[];

/** The Python literal of a JavaScript value, as create.ts reads it. */
function py(v: Nested): string {
  if (Array.isArray(v)) return `[${v.map(py).join(', ')}]`;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'bigint') return String(v);
  if (Number.isNaN(v)) return "float('nan')";
  if (v === Infinity) return "float('inf')";
  if (v === -Infinity) return "float('-inf')";
  if (Object.is(v, -0)) return '-0.0';
  if (Number.isInteger(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER) return String(v);
  return repr(v);
}
const repr = (v: number): string => {
  const s = String(v);
  return /[.e]/.test(s) ? s : `${s}.0`;
};

function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
}
const r = rng(Number(process.env.NP_SEED ?? 77));

const DTYPES: np.DTypeString[] = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64'];
let hasBool = true;
try {
  np.dtype('bool');
  DTYPES.push('bool');
} catch {
  hasBool = false;
}

const cases: Record<string, string> = { version: 'np.__version__' };
const ours: Record<string, () => unknown> = {};
let n = 0;
function add(expr: string, mine: () => unknown): void {
  const key = `c${n++}`;
  cases[key] = expr;
  ours[key] = mine;
}

// np.array: dtype discovery, explicit dtypes, nesting, errors
const LISTS: Nested[] = [
  [1, 2, 3], [1.5, 2], [[1, 2], [3, 4]], [[[1], [2]], [[3], [4]]], [], [[], []], 5, 2.5, -0,
  [1, -0], [NaN, Infinity, -Infinity], [2n ** 63n], [2n ** 63n - 1n, -1], [-1, 2n ** 63n], [2n ** 62n, 1],
  [3000000000, 1], [-3000000000], [[1, 2], [3]], [1, [2]], [[1, 2], 3], [[[1, 2]], [[3, 4]]],
  [0.1, 0.2, 0.30000000000000004], [1e300, -1e-300], [255, 0], [300], [-1], [65536], [2n ** 64n - 1n],
  ...(hasBool ? [[true, false], [true, 2], [true, 2.5], true, [[true], [false]]] as Nested[] : []),
];
for (const v of LISTS) {
  add(`np.array(${py(v)})`, () => np.array(v as np.ArrayInput));
  for (const dt of ['uint8', 'int16', 'float32', 'int64', 'uint64']) {
    add(`np.array(${py(v)}, dtype='${dt}')`, () => np.array(v as np.ArrayInput, dt as 'uint8'));
  }
}
add('np.array([1, 2], ndmin=3)', () => np.array([1, 2], { ndmin: 3 }));
add('np.array([[1, 2], [3, 4]], copy=False)', () => np.array([[1, 2], [3, 4]], { copy: false }));
add('np.asarray([[1, 2], [3, 4]], dtype=np.float32)', () => np.asarray([[1, 2], [3, 4]], 'float32'));
add('np.array(np.arange(6, dtype=np.int16).reshape(2, 3), dtype=np.float64)', () => np.array(np.array([[0, 1, 2], [3, 4, 5]], 'int16'), 'float64'));
add('np.array([np.arange(3, dtype=np.uint8), [300, 1, 2]])', () => np.array([np.arange(3, { dtype: 'uint8' }), [300, 1, 2]]));
add('np.array([np.arange(3, dtype=np.uint8), np.arange(3, dtype=np.int8)])', () => np.array([np.arange(3, { dtype: 'uint8' }), np.arange(3, { dtype: 'int8' })]));

// zeros/ones/empty/full and the _like forms
for (const shape of [[], [0], [3], [2, 3], [2, 0, 2]]) {
  const s = `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
  for (const dt of DTYPES) {
    add(`np.zeros(${s}, dtype='${dt}')`, () => np.zeros(shape, dt as 'uint8'));
    add(`np.ones(${s}, dtype='${dt}')`, () => np.ones(shape, dt as 'uint8'));
    add(`np.empty(${s}, dtype='${dt}').shape`, () => np.empty(shape, dt as 'uint8').shape);
    add(`np.full(${s}, 7, dtype='${dt}')`, () => np.full(shape, 7, dt as 'uint8'));
  }
  add(`np.zeros(${s})`, () => np.zeros(shape));
  add(`np.ones(${s})`, () => np.ones(shape));
}
for (const v of [7, 2.5, -3, 2n ** 63n, 300, NaN, ...(hasBool ? [true] : [])]) {
  add(`np.full((2, 2), ${py(v)})`, () => np.full([2, 2], v));
  add(`np.full(3, ${py(v)}, dtype='uint8')`, () => np.full(3, v, 'uint8'));
  add(`np.full_like(np.zeros((2, 3), np.int16), ${py(v)})`, () => np.full_like(np.zeros([2, 3], 'int16'), v));
}
add('np.zeros(-1)', () => np.zeros(-1));
add('np.ones((2, -3))', () => np.ones([2, -3]));
add('np.zeros_like(np.ones((2, 3), np.uint16))', () => np.zeros_like(np.ones([2, 3], 'uint16')));
add('np.ones_like(np.ones((2, 3), np.uint16), dtype=np.float32)', () => np.ones_like(np.ones([2, 3], 'uint16'), 'float32'));
add('np.ones_like(np.ones((2, 3), np.uint16), shape=(4,))', () => np.ones_like(np.ones([2, 3], 'uint16'), { shape: [4] }));
add('np.empty_like(np.ones((2, 3), np.int8)).shape', () => np.empty_like(np.ones([2, 3], 'int8')).shape);
add('np.zeros_like([[1, 2], [3, 4]])', () => np.zeros_like([[1, 2], [3, 4]]));
add('np.ones_like([1.5, 2])', () => np.ones_like([1.5, 2]));

// arange: random arguments and every dtype, bit for bit
const ARANGE: [Nested, Nested | undefined, Nested | undefined][] = [
  [5, undefined, undefined], [0, undefined, undefined], [-3, undefined, undefined], [2, 10, 3], [10, 2, -3], [0, 1, 0.1],
  [0.5, 3, undefined], [1, 2, 0.3], [-1.5, 1.5, 0.25], [0, -1, 0.1], [1e10, 1e10 + 5, 1.5], [0, 5.5, 1], [3, 3, 1],
];
for (let i = 0; i < scaled(30); i++) {
  const a = Math.round((r() - 0.5) * 40) / (r() < 0.5 ? 1 : 7);
  const b = Math.round((r() - 0.5) * 80) / (r() < 0.5 ? 1 : 3);
  const c = (r() < 0.5 ? 1 : -1) * (r() < 0.5 ? Math.ceil(r() * 5) : Math.round(r() * 500) / 100 + 0.01);
  ARANGE.push([a, b, c]);
}
for (const [a, b, c] of ARANGE) {
  const args = [a, b, c].filter((x) => x !== undefined).map((x) => py(x as Nested)).join(', ');
  const call = (dt?: string) => () => np.arange(a as number, b as number | undefined, c as number | undefined, dt === undefined ? undefined : { dtype: dt as 'uint8' });
  add(`np.arange(${args})`, call());
  for (const dt of ['float32', 'int16', 'uint8', 'int64', 'float64']) add(`np.arange(${args}, dtype='${dt}')`, call(dt));
}
// 64-bit aranges longer than one row of 65536 (the engine adds the rows after the first):
// whole rows and a tail, a negative step, a start past 2**32, uint64
add('np.arange(200003)', () => np.arange(200003));
add('np.arange(7, -300000, -3)', () => np.arange(7, -300000, -3));
add('np.arange(2**33, 2**33 + 131072 * 3)', () => np.arange(2 ** 33, 2 ** 33 + 131072 * 3));
add("np.arange(5, 140000, 2, dtype='uint64')", () => np.arange(5, 140000, 2, { dtype: 'uint64' }));
// float aranges of 64 values or more (the addon's fill, first + i * delta in the dtype's precision:
// a product and a sum, each rounded). Debian's numpy 1.24 on arm64 was compiled in GNU C mode, where
// GCC fuses that into one multiply-add (one rounding); NumPy 2 builds as C11, which does not, and
// x86_64's baseline has no FMA: the FUSED cases are left out against a numpy 1 on arm64.
const FUSED = new Set<string>();
const addFused = (expr: string, mine: () => unknown): void => {
  FUSED.add(`c${n}`);
  add(expr, mine);
};
add("np.arange(0, 1920, dtype='float32')", () => np.arange(0, 1920, { dtype: 'float32' }));
addFused('np.arange(-3.3, 50, 0.07)', () => np.arange(-3.3, 50, 0.07));
addFused("np.arange(-3.3, 50, 0.07, dtype='float32')", () => np.arange(-3.3, 50, 0.07, { dtype: 'float32' }));
addFused("np.arange(1e7, 1e7 + 3000, 0.37, dtype='float32')", () => np.arange(1e7, 1e7 + 3000, 0.37, { dtype: 'float32' }));
addFused('np.arange(5, -20, -0.013)', () => np.arange(5, -20, -0.013));
add('np.arange(0, 10, 0)', () => np.arange(0, 10, 0));
add("np.arange(float('nan'))", () => np.arange(NaN));
add("np.arange(float('inf'))", () => np.arange(Infinity));
add('np.arange(250, 260, dtype=np.uint8)', () => np.arange(250, 260, { dtype: 'uint8' }));
if (hasBool) add("np.arange(3, dtype='bool')", () => np.arange(3, { dtype: 'bool' as 'uint8' }));

// linspace: random ranges, num, endpoint, dtype; retstep
for (let i = 0; i < scaled(60); i++) {
  const start = Math.round((r() - 0.5) * 2000) / (r() < 0.5 ? 1 : 13);
  const stop = r() < 0.1 ? start : Math.round((r() - 0.5) * 2000) / (r() < 0.5 ? 1 : 7);
  const num = [0, 1, 2, 3, 5, 7, 10, 50, 101][Math.floor(r() * 9)];
  const endpoint = r() < 0.7;
  const dt = (['float64', 'float32', 'int32', 'uint8', 'int64'] as const)[Math.floor(r() * 5)];
  const useDt = r() < 0.4;
  add(`np.linspace(${py(start)}, ${py(stop)}, ${num}, endpoint=${endpoint ? 'True' : 'False'}${useDt ? `, dtype='${dt}'` : ''})`,
    () => np.linspace(start, stop, num, { endpoint, dtype: useDt ? dt : undefined }));
}
add('np.linspace(-7.3, 1234.5, 1001)', () => np.linspace(-7.3, 1234.5, 1001));
add('np.linspace(0, 1, 100000, endpoint=False)', () => np.linspace(0, 1, 100000, { endpoint: false }));
add("np.linspace(1e7, -3.7, 777, dtype='float32')", () => np.linspace(1e7, -3.7, 777, { dtype: 'float32' }));
add('np.linspace(2, 3, 5, retstep=True)', () => np.linspace(2, 3, 5, { retstep: true }));
add('np.linspace(2, 3, 1, retstep=True)[0]', () => np.linspace(2, 3, 1, { retstep: true })[0]);
add('np.linspace(0, 1, -1)', () => np.linspace(0, 1, -1));
add('np.linspace(0, 1)', () => np.linspace(0, 1));
add('np.linspace(1e-300, 1e300, 4)', () => np.linspace(1e-300, 1e300, 4));
add('np.linspace(5, 5.000000000000001, 9)', () => np.linspace(5, 5.000000000000001, 9));

// eye, identity, copy
for (const [N, M, k] of [[3, undefined, 0], [3, 5, 1], [4, 2, -1], [3, 3, 5], [3, 3, -5], [0, 0, 0], [1, 4, 3], [5, 3, -2]] as const) {
  add(`np.eye(${N}, ${M ?? 'None'}, k=${k})`, () => np.eye(N, M ?? null, { k }));
  add(`np.eye(${N}, ${M ?? 'None'}, k=${k}, dtype=np.uint16)`, () => np.eye(N, M ?? null, { k, dtype: 'uint16' }));
}
add('np.identity(3)', () => np.identity(3));
add('np.identity(2, dtype=np.int8)', () => np.identity(2, 'int8'));
add('np.copy(np.arange(12).reshape(3, 4)[::-1, 1::2])', () => np.copy(np.array([[9, 11], [5, 7], [1, 3]])));

// iinfo / finfo
for (const dt of DTYPES.filter((d) => d !== 'bool')) {
  if (dt.startsWith('float')) {
    for (const f of ['bits', 'eps', 'epsneg', 'max', 'min', 'tiny', 'smallest_normal', 'smallest_subnormal', 'resolution', 'precision', 'iexp', 'nexp', 'nmant', 'machep', 'negep', 'minexp', 'maxexp']) {
      add(`float(np.finfo('${dt}').${f})`, () => (np.finfo(dt) as unknown as Record<string, number>)[f]);
    }
    add(`np.iinfo('${dt}')`, () => np.iinfo(dt));
  } else {
    for (const f of ['bits', 'min', 'max', 'kind']) add(`str(np.iinfo('${dt}').${f})`, () => String((np.iinfo(dt) as unknown as Record<string, unknown>)[f]));
    add(`np.finfo('${dt}')`, () => np.finfo(dt));
  }
}
if (hasBool) add("np.iinfo('bool')", () => np.iinfo('bool'));

let want: Record<string, Want> = {};
test.before(() => {
  want = numpy({}, cases);
});

test('creation functions and limits agree with numpy (values, dtypes, errors)', () => {
  const failures: string[] = [];
  // Debian's numpy in the boards is 1.x: Python ints out of a dtype's range
  // wrapped there (NEP 50 made them an OverflowError), and copy=False never
  // raised; ours follows NumPy 2, so those differences are expected there.
  const numpy1 = String((want.version as { value: unknown }).value).startsWith('1.');
  for (const key of Object.keys(cases)) {
    if (key === 'version' || (numpy1 && process.arch === 'arm64' && FUSED.has(key))) continue;
    const w = want[key];
    let why: string | undefined;
    try {
      const got = ours[key]();
      if (Array.isArray(got) && w.kind === 'list') why = differs(got, w);
      else if (w.kind === 'value' && Array.isArray(w.value)) why = JSON.stringify(got) === JSON.stringify(w.value) ? undefined : `${JSON.stringify(got)} != ${JSON.stringify(w.value)}`;
      else why = differs(got, w);
    } catch (e) {
      why = differsInError(e, w);
      const name = (e as Error).name;
      if (numpy1 && w.kind !== 'error' && (name === 'OverflowError' || (name === 'ValueError' && /copy=False/.test(cases[key])))) why = undefined;
    }
    if (why) failures.push(`${cases[key]}: ${why}`);
  }
  assert.is(failures.length, 0, `${failures.length} of ${Object.keys(cases).length} differ:\n${failures.slice(0, 15).join('\n')}`);
});

test('asarray does not copy an array or a typed array of the dtype', () => {
  const a = np.arange(3);
  assert.ok(np.asarray(a) === a);
  const t = new Uint16Array([1, 2]);
  const v = np.asarray(t);
  v.set(0, 9);
  assert.is(t[0], 9);
  assert.ok(np.array(a) !== a);
});

test.run();
