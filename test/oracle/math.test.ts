// The math ufuncs (lib/np/math.ts, native/csrc/engine/loops_math.c) against
// numpy: every ufunc on every loop type numpy lists, special values (NaN,
// +-inf, +-0, INT_MIN, -1, domain errors), mixed dtypes and weak Python
// scalars, broadcasting, views with negative steps and transposes, 0-d and
// empty arrays, `out`, round/clip/nan_to_num, and numpy's errors. One numpy
// run for the whole file.
import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { np } from 'u-dma-buf';

import { setSmallLimit } from '../../lib/np/ufunc/index.js';

import { type Want, differs, differsInError, numpy, numpyMajor } from './oracle.js';

type Arr = np.NdArray;

/** Deterministic numbers in [0, 1) (xorshift32), so a failure replays. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 2 ** 32;
  };
}

const SHAPE = [4, 5, 6];
const N = 120;
const FLOATS = ['float32', 'float64'] as const;
const INTS = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64'] as const;
const CHAR: Record<string, string> = {
  bool: '?', int8: 'b', uint8: 'B', int16: 'h', uint16: 'H', int32: 'i', uint32: 'I', int64: 'q', uint64: 'Q',
  float32: 'f', float64: 'd',
};

/** Floats of several magnitudes with the special values mixed in. */
function floats(name: 'float32' | 'float64', seed: number): Arr {
  const r = rng(seed);
  const a = np.zeros(SHAPE, name);
  const d = a.data as Float64Array;
  for (let i = 0; i < N; i++) {
    const k = i % 4;
    d[i] = k === 0 ? r() * 2 - 1 : k === 1 ? (r() - 0.5) * 20 : k === 2 ? (r() - 0.5) * 2000 : Math.round((r() - 0.5) * 16) / 2;
  }
  // no subnormals: 32-bit ARM's NEON flushes them to zero
  const special = [NaN, Infinity, -Infinity, 0, -0, 1, -1, 0.5, -0.5, 1.5, 2.5, -2.5, 1e30, -1e30, 3, 100, 1e-30];
  special.forEach((v, i) => (d[(i * 7 + seed) % N] = v));
  return a;
}

/** Integers: the type's extremes, -1, 0, small values and random ones. */
function ints(name: (typeof INTS)[number], seed: number, small = false): Arr {
  const r = rng(seed);
  const a = np.zeros(SHAPE, name);
  const t = np.dtype(name);
  const bits = BigInt(t.itemsize * 8);
  const lo = t.kind === 'u' ? 0n : -(2n ** (bits - 1n));
  const hi = t.kind === 'u' ? 2n ** bits - 1n : 2n ** (bits - 1n) - 1n;
  const vals: bigint[] = [];
  for (let i = 0; i < N; i++) {
    const span = small || i % 2 === 0 ? 21n : hi - lo + 1n;
    const off = small || i % 2 === 0 ? (t.kind === 'u' ? 0n : -10n) : lo;
    vals.push(off + (BigInt(Math.floor(r() * 2 ** 26)) * BigInt(Math.floor(r() * 2 ** 26)) * 7919n) % span);
  }
  if (!small) [lo, hi, 0n, t.kind === 'u' ? hi : -1n, 1n, 2n].forEach((v, i) => (vals[(i * 11 + seed) % N] = v));
  const d = a.data as unknown as (number | bigint)[];
  vals.forEach((v, i) => (d[i] = t.isBigInt ? v : Number(v)));
  return a;
}

/** Exponents for integer power: 0 .. bits + 2, never negative. */
function exponents(name: (typeof INTS)[number], seed: number): Arr {
  const r = rng(seed);
  const a = np.zeros(SHAPE, name);
  const t = np.dtype(name);
  const d = a.data as unknown as (number | bigint)[];
  for (let i = 0; i < N; i++) {
    const e = Math.floor(r() * (t.itemsize * 8 + 3));
    d[i] = t.isBigInt ? BigInt(e) : e;
  }
  return a;
}

const inputs: Record<string, Arr> = {};
for (const [k, t] of FLOATS.entries()) {
  inputs[`x${CHAR[t]}`] = floats(t, 11 + k);
  inputs[`y${CHAR[t]}`] = floats(t, 23 + k);
}
for (const [k, t] of INTS.entries()) {
  inputs[`x${CHAR[t]}`] = ints(t, 31 + k);
  inputs[`y${CHAR[t]}`] = ints(t, 47 + k, true);
  inputs[`e${CHAR[t]}`] = exponents(t, 61 + k);
}
const xbool = np.zeros(SHAPE, 'bool');
(xbool.data as Uint8Array).forEach((_, i, d) => (d[i] = i % 3 === 0 ? 1 : 0));
inputs.xbool = xbool;
inputs.x0 = np.full([], 2.25, 'float64');
inputs.empty = np.zeros([0, 3], 'float64');

/** One comparison: our expression, numpy's, and the float tolerance. */
interface Case { name: string; ours: () => unknown; py: string; ulp?: number; group: string }
const cases: Case[] = [];
const add = (group: string, name: string, ours: () => unknown, py: string, ulp = 0) =>
  cases.push({ group, name, ours, py, ulp });

type Fn = (...args: unknown[]) => unknown;
const fn = (name: string) => (np as unknown as Record<string, Fn>)[name];

// Largest ulp distance from numpy measured over 10^5 random arguments per
// function (and here), per float32/float64; the rest are bit-equal. Ours is
// glibc's libm (or libmvec) except tanh and float64 sinh (hyp_vec.c);
// numpy's own SIMD routines differ by CPU and version, so the bounds go by
// where the oracle runs:
// - x64, numpy 2.4 on an AVX-512 CPU (its SVML routines). exp2 float32:
//   numpy is 1 ulp off at subnormal results. tanh and sinh float64 over 2
//   x 2^21 arguments (the kinds of floats() below plus 2^-50..2^10 and
//   +-25): 1 ulp (tanh on ~20% of them, sinh ~1%); ours are within 0.75
//   (tanh float32, every float), 0.75 (tanh) and 0.76 (sinh) ulp of the
//   exact result, numpy's 1 ulp routines account for the rest.
// - x64, numpy 1.24 (Debian's, /usr/bin/python3): float64 sin/cos from
//   SVML (3 ulp; numpy 2.4 is bit-equal with glibc there), log and power
//   float64 2 ulp.
// - the ARM boards (Debian's numpy 1.24 under QEMU, measured on both):
//   numpy's NEON float32 sin/cos (1 ulp) and float32/float64 tanh (3/2
//   ulp); on armhf also float32 sqrt (2 ulp) and reciprocal (1 ulp): ARMv7
//   NEON has neither a square root nor a division, numpy refines its
//   reciprocal(-square-root) estimates, and ours are correctly rounded.
type UlpTable = Record<string, [number, number]>;
const ULP_X64: UlpTable = {
  cbrt: [0, 2], exp: [4, 3], exp2: [1, 1], expm1: [0, 2], log: [2, 1], log2: [0, 1], log10: [0, 1],
  log1p: [0, 2], sin: [2, 0], cos: [2, 0], tan: [0, 3], arcsin: [0, 3], arccos: [0, 2], arctan: [0, 1],
  sinh: [0, 1], cosh: [0, 2], tanh: [1, 1], arcsinh: [0, 1], arccosh: [0, 1], arctanh: [1, 1],
  arctan2: [0, 2], power: [1, 1],
};
const ULP_X64_NUMPY1: UlpTable = { ...ULP_X64, sin: [2, 3], cos: [2, 3], log: [2, 2], power: [1, 2] };
const ULP_ARM64: UlpTable = { sin: [1, 0], cos: [1, 0], tanh: [3, 2] };
const ULP_ARM: UlpTable = { ...ULP_ARM64, sqrt: [2, 0], reciprocal: [1, 0] };
const ULP = process.arch === 'arm64' ? ULP_ARM64 : process.arch === 'arm' ? ULP_ARM : numpyMajor() < 2 ? ULP_X64_NUMPY1 : ULP_X64;
const ulpOf = (u: string, t: string) => (ULP[u] ? ULP[u][t === 'float32' ? 0 : 1] : 0);

// Answers that changed in NumPy 2 (the boards' numpy is 1.24, run with NEP
// 50 promotion): these cases are checked only against numpy >= 2.
const numpy2Only = new Set<string>();

const FLOAT_UNARY = [
  'sqrt', 'cbrt', 'exp', 'exp2', 'expm1', 'log', 'log2', 'log10', 'log1p', 'sin', 'cos', 'tan',
  'arcsin', 'arccos', 'arctan', 'sinh', 'cosh', 'tanh', 'arcsinh', 'arccosh', 'arctanh',
  'deg2rad', 'rad2deg', 'degrees', 'radians', 'rint', 'floor', 'ceil', 'trunc', 'negative', 'positive',
  'absolute', 'sign', 'reciprocal', 'square', 'isnan', 'isinf', 'isfinite', 'signbit',
];
const INT_UNARY = ['negative', 'positive', 'absolute', 'sign', 'reciprocal', 'square', 'floor', 'ceil', 'trunc', 'isnan', 'isinf', 'isfinite'];
const BOOL_UNARY = ['absolute', 'floor', 'ceil', 'trunc', 'isnan', 'isinf', 'isfinite'];
// floor/ceil/trunc of integers and booleans keep their dtype since NumPy
// 2.1 (numpy 1.24 returns floats)
const ROUNDING = ['floor', 'ceil', 'trunc'];
const FLOAT_BINARY = ['floor_divide', 'remainder', 'power', 'arctan2', 'hypot', 'copysign', 'heaviside'];
const INT_BINARY = ['floor_divide', 'remainder'];

for (const t of FLOATS) {
  const c = CHAR[t];
  for (const u of FLOAT_UNARY) add(u, `${u} ${t}`, () => fn(u)(inputs[`x${c}`]), `np.${u}(x${c})`, ulpOf(u, t));
  for (const u of FLOAT_BINARY) {
    add(u, `${u} ${t}`, () => fn(u)(inputs[`x${c}`], inputs[`y${c}`]), `np.${u}(x${c}, y${c})`, ulpOf(u, t));
  }
}
for (const t of INTS) {
  const c = CHAR[t];
  for (const u of INT_UNARY) {
    // 1 // 0 converts an infinity to an integer: numpy's answer is the
    // CPU's, so it is compared only where numpy's CPU is ours
    if (u === 'reciprocal' && process.arch !== 'x64') continue;
    add(u, `${u} ${t}`, () => fn(u)(inputs[`x${c}`]), `np.${u}(x${c})`);
    if (ROUNDING.includes(u)) numpy2Only.add(`${u} ${t}`);
  }
  for (const u of INT_BINARY) {
    add(u, `${u} ${t}`, () => fn(u)(inputs[`x${c}`], inputs[`y${c}`]), `np.${u}(x${c}, y${c})`);
    add(u, `${u} ${t} (large divisors)`, () => fn(u)(inputs[`y${c}`], inputs[`x${c}`]), `np.${u}(y${c}, x${c})`);
  }
  add('power', `power ${t}`, () => np.power(inputs[`x${c}`], inputs[`e${c}`]), `np.power(x${c}, e${c})`);
  add('power', `power ${t} small bases`, () => np.power(inputs[`y${c}`], inputs[`e${c}`]), `np.power(y${c}, e${c})`);
}
for (const u of BOOL_UNARY) {
  add(u, `${u} bool`, () => fn(u)(xbool), `np.${u}(xbool)`);
  if (ROUNDING.includes(u)) numpy2Only.add(`${u} bool`);
}

// aliases, promotions and weak Python scalars (NEP 50)
add('mod', 'mod is remainder', () => np.mod(inputs.xi, inputs.yi), 'np.mod(xi, yi)');
add('abs', 'abs is absolute', () => np.abs(inputs.xd), 'np.abs(xd)');
add('promotion', 'power int32 ** 2', () => np.power(inputs.xi, 2), 'np.power(xi, 2)');
add('promotion', 'power float32 ** 0.5', () => np.power(inputs.xf, 0.5), 'np.power(xf, 0.5)', 1);
// NumPy 2's power loop takes ** 0.5 as a square root: (-inf) ** 0.5 is nan
// there, +inf in 1.24 (C's pow)
numpy2Only.add('power float32 ** 0.5');
add('promotion', 'power 2 ** float64', () => np.power(2, inputs.yd), 'np.power(2, yd)', 1);
add('promotion', 'remainder uint8 % 7', () => np.remainder(inputs.xB, 7), 'np.remainder(xB, 7)');
add('promotion', 'floor_divide -7 // int8', () => np.floor_divide(-7, inputs.yb), 'np.floor_divide(-7, yb)');
add('promotion', 'floor_divide float32 // int32', () => np.floor_divide(inputs.xf, inputs.yi), 'np.floor_divide(xf, yi)');
add('promotion', 'remainder uint64 % int64', () => np.remainder(inputs.xQ, inputs.yq), 'np.remainder(xQ, yq)');
add('promotion', 'power uint8 ** int8 exponents', () => np.power(inputs.yB, inputs.eb), 'np.power(yB, eb)');
add('promotion', 'arctan2 int16, float32', () => np.arctan2(inputs.yh, inputs.xf), 'np.arctan2(yh, xf)', 2);
add('promotion', 'hypot float32, 2.5', () => np.hypot(inputs.xf, 2.5), 'np.hypot(xf, 2.5)');
add('promotion', 'sqrt int16 is float32', () => np.sqrt(inputs.yh), 'np.sqrt(yh)', ulpOf('sqrt', 'float32'));
add('promotion', 'sqrt int32 is float64', () => np.sqrt(inputs.xi), 'np.sqrt(xi)');
add('promotion', 'log uint64 is float64', () => np.log(inputs.xQ), 'np.log(xQ)', 1);
add('promotion', 'copysign float64, -0.0', () => np.copysign(inputs.xd, -0), 'np.copysign(xd, -0.0)');
add('promotion', 'heaviside float32, 0.5', () => np.heaviside(inputs.xf, 0.5), 'np.heaviside(xf, 0.5)');
add('promotion', 'isnan int64', () => np.isnan(inputs.xq), 'np.isnan(xq)');
add('promotion', 'signbit int8', () => np.signbit(inputs.xb), 'np.signbit(xb)');
add('promotion', 'floor int32 stays int32', () => np.floor(inputs.xi), 'np.floor(xi)');
numpy2Only.add('floor int32 stays int32');
add('promotion', 'power of two numbers', () => np.power(2, 10), 'np.power(2, 10)');
add('promotion', 'sqrt of a number', () => np.sqrt(2), 'np.sqrt(2)');
add('promotion', 'exp of a number', () => np.exp(1), 'np.exp(1)', 3);
add('promotion', 'floor_divide of numbers', () => np.floor_divide(-7.5, 2), 'np.floor_divide(-7.5, 2)');

// layouts: negative steps, transposes, broadcasting, 0-d, empty
const xd = inputs.xd;
const yd = inputs.yd;
add('views', 'sqrt of x[::-1, ::2]', () => np.sqrt(xd.step(-1, 2)), 'np.sqrt(xd[::-1, ::2])');
add('views', 'exp of a transpose', () => np.exp(xd.transpose(2, 0, 1)), 'np.exp(xd.transpose(2, 0, 1))', 3);
add('views', 'remainder of two reversed views', () => np.remainder(xd.step(1, -1, -1), yd.transpose(0, 2, 1).transpose(0, 2, 1)),
  'np.remainder(xd[:, ::-1, ::-1], yd)');
add('views', 'arctan2 broadcast (4,5,6) with (5,6)', () => np.arctan2(xd, yd.pick(1)), 'np.arctan2(xd, yd[1])', 2);
add('views', 'power broadcast (4,1,6)-like view', () => np.power(inputs.yd.hi(4, 1, 6), inputs.xd.step(1, 1, -1)),
  'np.power(yd[:, :1, :], xd[:, :, ::-1])', 1);
add('views', 'floor_divide int16 strided', () => np.floor_divide(inputs.xh.step(2, -1), inputs.yh.step(-2, 1)),
  'np.floor_divide(xh[::2, ::-1], yh[::-2, ::1])');
add('views', 'sqrt of a 0-d array', () => np.sqrt(inputs.x0), 'np.sqrt(x0)');
add('views', 'hypot of an empty array', () => np.hypot(inputs.empty, 1), 'np.hypot(empty, 1)');
add('views', 'clip of an empty array', () => np.clip(inputs.empty, 0, 1), 'np.clip(empty, 0, 1)');

// out
const outCase = (name: string, run: (o: Arr) => unknown, py: string, shape: number[], dt: np.DTypeName, ulp = 0) => {
  add('out', name, () => {
    const o = np.zeros(shape, dt);
    const r = run(o);
    if (r !== o) throw new Error('the result is not `out`');
    return o;
  }, py, ulp);
};
// (a float32 square root written as float64: one float32 ulp is 2^29 of float64's)
outCase('sqrt float32 into float64 out', (o) => np.sqrt(inputs.xf, { out: o }), 'np.sqrt(xf, out=np.zeros((4,5,6)))', SHAPE, 'float64',
  ulpOf('sqrt', 'float32') * 2 ** 29);
outCase('remainder into a positional out', (o) => np.remainder(inputs.xi, inputs.yi, o), 'np.remainder(xi, yi, np.zeros((4,5,6), "int64"))', SHAPE, 'int64');
outCase('negative into int16 out', (o) => np.negative(inputs.xb, { out: o }), 'np.negative(xb, out=np.zeros((4,5,6), "int16"))', SHAPE, 'int16');
add('out', 'exp into a transposed out', () => {
  const o = np.zeros([5, 6, 4], 'float32');
  const view = o.transpose(2, 0, 1);
  if (np.exp(inputs.xf, { out: view }) !== view) throw new Error('the result is not `out`');
  return o;
}, 'np.exp(xf, out=np.zeros((5,6,4), "float32").transpose(2,0,1)).transpose(1,2,0)', 4);

// dtype=, where=, and engine's in-place operators on these ufuncs
add('options', 'power int32 ** negative int32 with dtype=float64', () => np.power(inputs.xi, inputs.yi, { dtype: 'float64' }),
  'np.power(xi, yi, dtype="float64")', 1);
add('options', 'sqrt where= a mask', () => {
  const o = np.zeros(SHAPE, 'float64');
  np.sqrt(xd, { out: o, where: np.greater(yd, 0) });
  return o;
}, 'np.sqrt(xd, out=np.zeros((4,5,6)), where=yd > 0)');
add('options', 'ifloordiv int16 (a //= b)', () => {
  const a = np.astype(inputs.xh, 'int16');
  np.ifloordiv(a, inputs.yh);
  return a;
}, 'np.floor_divide(xh, yh)');
add('options', 'imod float32 by a scalar (a %= 2.5)', () => {
  const a = np.astype(inputs.xf, 'float32');
  np.imod(a, 2.5);
  return a;
}, 'np.remainder(xf, np.float32(2.5))');
add('options', 'ipow int64 by a negative scalar', () => np.ipow(np.astype(inputs.xq, 'int64'), -2), 'np.power(xq, -2)');
add('options', 'ipow uint8 by exponents', () => {
  const a = np.astype(inputs.yB, 'uint8');
  np.ipow(a, inputs.eB);
  return a;
}, 'np.power(yB, eB)');

// round / around: half to even, decimals of both signs, integers
for (const t of FLOATS) {
  const c = CHAR[t];
  for (const dec of [0, 1, 2, -1, -2]) {
    add('round', `round ${t} decimals=${dec}`, () => np.round(inputs[`x${c}`], dec), `np.round(x${c}, ${dec})`);
  }
}
for (const t of INTS) {
  const c = CHAR[t];
  for (const dec of [0, 2, -1, -2]) {
    add('round', `round ${t} decimals=${dec}`, () => np.round(inputs[`y${c}`], dec), `np.round(y${c}, ${dec})`);
  }
}
add('round', 'around is round', () => np.around(inputs.xd, 1), 'np.around(xd, 1)');
add('round', 'round with { decimals }', () => np.round(inputs.xf, { decimals: 2 }), 'np.round(xf, decimals=2)');
add('round', 'round of a number', () => np.round(2.675, 2), 'np.round(2.675, 2)');
add('round', 'round of a 0-d array', () => np.round(inputs.x0, 1), 'np.round(x0, 1)');
add('round', 'round into out', () => {
  const o = np.zeros(SHAPE, 'float64');
  np.round(inputs.xf, 1, { out: o });
  return o;
}, 'np.round(xf, 1, out=np.zeros((4,5,6)))');
// (decimals=0 on bool gives float16 in numpy, a dtype np does not have: refused)
add('round', 'round of a bool array', () => np.round(xbool, 1), 'np.round(xbool, 1)');

// clip: scalar and array bounds, None, out-of-range Python ints, NaN
for (const t of [...INTS, ...FLOATS]) {
  const c = CHAR[t];
  add('clip', `clip ${t} scalars`, () => np.clip(inputs[`x${c}`], 1, 100), `np.clip(x${c}, 1, 100)`);
  add('clip', `clip ${t} array bounds`, () => np.clip(inputs[`x${c}`], inputs[`y${c}`], inputs[`y${c}`].pick(0)),
    `np.clip(x${c}, y${c}, y${c}[0])`);
}
// clip's bounds as NumPy 2.1 takes them: Python ints past the dtype's range
// (1.24 raises OverflowError), NaN bounds propagate (1.24 ignores a NaN
// min), both optional and spelt min=/max= (1.24 requires a_min and a_max)
add('clip', 'clip uint8 with bounds past its range', () => np.clip(inputs.xB, -5, 300), 'np.clip(xB, -5, 300)');
numpy2Only.add('clip uint8 with bounds past its range');
add('clip', 'clip uint16 with no lower bound', () => np.clip(inputs.xH, null, 7), 'np.clip(xH, None, 7)');
add('clip', 'clip int32 with no upper bound', () => np.clip(inputs.xi, -7, null), 'np.clip(xi, -7, None)');
add('clip', 'clip with min > max', () => np.clip(inputs.xd, 5, 1), 'np.clip(xd, 5, 1)');
add('clip', 'clip float64 with a NaN bound', () => np.clip(inputs.xd, NaN, 1), 'np.clip(xd, np.nan, 1)');
numpy2Only.add('clip float64 with a NaN bound');
add('clip', 'clip bool', () => np.clip(xbool, false, true), 'np.clip(xbool, False, True)');
add('clip', 'clip int16 with a float bound', () => np.clip(inputs.xh, 0.5, 3), 'np.clip(xh, 0.5, 3)');
add('clip', 'clip with no bounds is a copy', () => np.clip(inputs.xi), 'np.clip(xi)');
numpy2Only.add('clip with no bounds is a copy');
add('clip', 'clip with min=/max= options', () => np.clip(xd, null, null, { min: -1, max: 1 }), 'np.clip(xd, min=-1, max=1)');
numpy2Only.add('clip with min=/max= options');
add('clip', 'clip of a number', () => np.clip(7.5, 0, 5), 'np.clip(7.5, 0, 5)');
add('clip', 'clip into out', () => {
  const o = np.zeros(SHAPE, 'float64');
  np.clip(inputs.xf, -1, 1, { out: o });
  return o;
}, 'np.clip(xf, -1, 1, out=np.zeros((4,5,6)))');

// nan_to_num
add('nan_to_num', 'nan_to_num float32', () => np.nan_to_num(inputs.xf), 'np.nan_to_num(xf)');
add('nan_to_num', 'nan_to_num float64 with values', () => np.nan_to_num(inputs.xd, { nan: -1, posinf: 9, neginf: -9 }),
  'np.nan_to_num(xd, nan=-1, posinf=9, neginf=-9)');
add('nan_to_num', 'nan_to_num int16 is a copy', () => np.nan_to_num(inputs.xh), 'np.nan_to_num(xh)');
add('nan_to_num', 'nan_to_num of a view', () => np.nan_to_num(xd.step(-1, 1, -2)), 'np.nan_to_num(xd[::-1, :, ::-2])');
add('nan_to_num', 'nan_to_num in place', () => {
  const c = np.zeros(SHAPE, 'float64');
  (c.data as Float64Array).set(xd.data as Float64Array);
  const r = np.nan_to_num(c, { copy: false });
  if (r !== c) throw new Error('copy=false must return the array itself');
  return c;
}, 'np.nan_to_num(xd.copy(), copy=False)');
add('nan_to_num', 'nan_to_num of a number', () => np.nan_to_num(NaN), 'np.nan_to_num(np.nan)');

// errors numpy raises
add('errors', 'integer power with a negative exponent', () => np.power(inputs.yi, inputs.yi), 'np.power(yi, yi)');
add('errors', 'integer power with a negative scalar exponent', () => np.power(inputs.xi, -1), 'np.power(xi, -1)');
add('errors', 'negative of bool', () => np.negative(xbool), 'np.negative(xbool)');
add('errors', 'positive of bool', () => np.positive(xbool), 'np.positive(xbool)');
add('errors', 'sign of bool', () => np.sign(xbool), 'np.sign(xbool)');
add('errors', 'sqrt into an int32 out', () => np.sqrt(inputs.xd, { out: np.zeros(SHAPE, 'int32') }),
  'np.sqrt(xd, out=np.zeros((4,5,6), "int32"))');
add('errors', 'hypot of shapes that do not broadcast', () => np.hypot(xd, yd.hi(2)), 'np.hypot(xd, yd[:2])');
add('errors', 'remainder of uint8 by 300', () => np.remainder(inputs.xB, 300), 'np.remainder(xB, 300)');

const want: Record<string, Want> = numpy(inputs, Object.fromEntries(cases.map((c) => [c.name, c.py])));

const groups = [...new Set(cases.map((c) => c.group))];
// every group twice: through the native loops, and with engine's
// small-array JavaScript loops taking every contiguous call they can (the
// libm ufuncs stay native there: jsSmall false)
for (const [path, limit] of [['native', 0], ['small-array JS loops', 1 << 30]] as const) {
  for (const g of groups) {
    test(`${g} (${path})`, () => {
      const old = setSmallLimit(limit);
      const problems: string[] = [];
      try {
        for (const c of cases.filter((k) => k.group === g)) {
          if (numpy2Only.has(c.name) && numpyMajor() < 2) continue;
          const w = want[c.name];
          let why: string | undefined;
          try {
            const got = c.ours();
            why = differs(got, w, { ulp: c.ulp });
          } catch (e) {
            why = w.kind === 'error' ? differsInError(e, w) : `threw ${String(e)}`;
          }
          if (why) problems.push(`${c.name} [${c.py}]: ${why}`);
        }
      } finally {
        setSmallLimit(old);
      }
      assert.is(problems.join('\n'), '');
    });
  }
}

test.run();
