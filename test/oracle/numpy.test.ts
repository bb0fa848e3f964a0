// np against numpy as the oracle: for every dtype, random arrays with the
// edge values (overflow, NaN, inf, -0, empty, odd lengths, offsets that are
// not page-aligned) go through each element-wise function and reduction
// here and in python3 + numpy on the same files; the bytes must match.
// Runs on the host and inside the arm64/armhf boards (their own numpy).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { np } from 'u-dma-buf';

import { runPython } from './python.js';

const dir = mkdtempSync(join(tmpdir(), 'np-oracle-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const BINARY = ['add', 'subtract', 'multiply', 'divide', 'minimum', 'maximum', 'bitwise_and', 'bitwise_or', 'bitwise_xor', 'right_shift', 'left_shift'] as const;
const INTEGER_ONLY = ['bitwise_and', 'bitwise_or', 'bitwise_xor', 'right_shift', 'left_shift', 'scalar_right_shift', 'astype_uint8', 'astype_int16'];
type BinaryName = (typeof BINARY)[number];
// 1003: odd, past the native threshold; 37: the JavaScript loops
const LENGTHS = [1003, 37, 0];
// bytes before the data in each file: not a page boundary
const OFFSET = 24;

/** Deterministic bytes (xorshift), so a failure can be replayed. */
function randomBytes(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    b[i] = x & 0xff;
  }
  return b;
}

/** Random values with edge cases at the front. */
function values(dt: np.DType, n: number, seed: number): Buffer {
  const buf = randomBytes(n * dt.itemsize, seed);
  const arr = new dt.ArrayType(buf.buffer as ArrayBuffer, buf.byteOffset, n);
  if (dt.kind === 'f') {
    // random bit patterns are mostly huge or tiny: make most values moderate
    for (let i = 0; i < n; i++) if (i % 3 !== 0) (arr as Float64Array)[i] = ((buf[i * dt.itemsize] - 128) * 1.37) / (1 + (i % 7));
    // no subnormals: numpy's NEON loops on 32-bit ARM flush them to zero
    // (ARMv7 NEON has no subnormals), where IEEE arithmetic keeps them
    const f = arr as Float64Array;
    for (let i = 0; i < n; i++) if (f[i] !== 0 && Math.abs(f[i]) < 1.2e-38) f[i] = 1.5;
    const edges = [NaN, Infinity, -Infinity, -0, 0, 1e38, -1e38, 3.5, -2.25];
    edges.forEach((v, i) => i < n && ((arr as Float64Array)[(i * 7 + seed) % n] = v));
  } else if (n > 4) {
    const lo = dt.isBigInt ? (dt.kind === 'u' ? 0n : -(2n ** 63n)) : dt.kind === 'u' ? 0 : -(2 ** (8 * dt.itemsize - 1));
    const hi = dt.isBigInt ? (dt.kind === 'u' ? 2n ** 64n - 1n : 2n ** 63n - 1n) : dt.kind === 'u' ? 2 ** (8 * dt.itemsize) - 1 : 2 ** (8 * dt.itemsize - 1) - 1;
    (arr as unknown as (number | bigint)[])[seed % n] = lo;
    (arr as unknown as (number | bigint)[])[(seed + 1) % n] = hi;
    (arr as unknown as (number | bigint)[])[(seed + 2) % n] = dt.isBigInt ? 0n : 0;
  }
  return buf;
}

const PYTHON = `
import json, sys, warnings
import numpy as np
warnings.simplefilter('ignore')
d, cases = sys.argv[1], json.loads(sys.argv[2])
off = ${OFFSET}
for c in cases:
    t, n, op = c['dtype'], c['n'], c['op']
    a = np.memmap(f"{d}/{t}-{n}-a.bin", dtype=t, mode='r', offset=off, shape=(n,)) if n else np.zeros(0, t)
    b = np.memmap(f"{d}/{t}-{n}-b.bin", dtype=t, mode='r', offset=off, shape=(n,)) if n else np.zeros(0, t)
    with np.errstate(all='ignore'):
        if op == 'scalar_add': r = np.add(a, 7)
        elif op == 'scalar_mul': r = np.multiply(a, 3)
        elif op == 'scalar_maximum': r = np.maximum(a, 5)
        elif op == 'scalar_right_shift': r = np.right_shift(a, 3)
        elif op.startswith('astype_'): r = a.astype(op[7:])
        elif op.endswith('_shift') and a.dtype.itemsize == 8: r = getattr(np, op)(a, b & 255)
        elif op in ('sum', 'min', 'max'):
            r = np.array([getattr(np, op)(a)]) if (n or op == 'sum') else np.zeros(0, t)
        else: r = getattr(np, op)(a, b)
    open(f"{d}/{t}-{n}-{op}.out", 'wb').write(np.ascontiguousarray(r).tobytes())
    open(f"{d}/{t}-{n}-{op}.dtype", 'w').write(r.dtype.name)
`;

function same(x: Buffer, y: Buffer, dt: string): boolean {
  if (x.equals(y)) return true;
  if (dt !== 'float32' && dt !== 'float64' || x.length !== y.length) return false;
  const A = dt === 'float32' ? new Float32Array(x.buffer, x.byteOffset, x.length / 4) : new Float64Array(x.buffer, x.byteOffset, x.length / 8);
  const B = dt === 'float32' ? new Float32Array(y.buffer, y.byteOffset, y.length / 4) : new Float64Array(y.buffer, y.byteOffset, y.length / 8);
  return A.every((v, i) => Object.is(v, B[i]) || (Number.isNaN(v) && Number.isNaN(B[i])));
}

function ours(op: string, a: np.NdArray, b: np.NdArray): np.NdArray {
  switch (op) {
    case 'scalar_add': return np.add(a, a.data instanceof BigInt64Array || a.data instanceof BigUint64Array ? 7n : 7);
    case 'scalar_mul': return np.multiply(a, 3);
    case 'scalar_maximum': return np.maximum(a, 5);
    case 'scalar_right_shift': return np.right_shift(a, 3);
    case 'astype_float64': case 'astype_float32': case 'astype_uint8': case 'astype_int16':
      return np.astype(a, op.slice(7) as np.DTypeName);
    case 'sum': case 'min': case 'max': {
      const t = op === 'sum' ? sumType(np.dtype(a.data.constructor as Uint8ArrayConstructor)) : np.dtype(a.data.constructor as Uint8ArrayConstructor);
      if (a.size === 0 && op !== 'sum') return np.zeros(0, t);
      return np.full(1, (np[op] as (x: np.NdArray) => np.Scalar)(a), t);
    }
    // numpy on 32-bit ARM compares a 64-bit shift count as a 32-bit size_t
    // (a count of 2^32 + 3 shifts by 3): keep 64-bit counts within 0-255
    case 'right_shift': case 'left_shift':
      if (a.data instanceof BigInt64Array || a.data instanceof BigUint64Array) return np[op](a, np.bitwise_and(b, 255n));
      return np[op](a, b);
    default: return np[op as BinaryName](a, b);
  }
}

/** numpy's sum dtype: integers widen to the platform's int, floats keep theirs. */
function sumType(t: np.DType): np.DType {
  return np.sumDType(t);
}

test('every function and dtype matches numpy byte for byte', () => {
  const cases: { dtype: string; n: number; op: string }[] = [];
  // bool is covered by ufunc.test.ts (numpy refuses bool subtract)
  for (const dt of np.allDTypes().filter((t) => t.kind !== 'b')) {
    for (const n of LENGTHS) {
      const seed = dt.itemsize * 1000 + n;
      for (const [ab, s] of [['a', seed], ['b', seed + 17]] as const) {
        writeFileSync(join(dir, `${dt.name}-${n}-${ab}.bin`), Buffer.concat([Buffer.alloc(OFFSET, 0xee), values(dt, n, s)]));
      }
      const ops = [...BINARY, 'scalar_add', 'scalar_mul', 'scalar_maximum', 'scalar_right_shift', 'sum', 'min', 'max',
        'astype_float64', 'astype_float32', 'astype_uint8', 'astype_int16'].filter((o) => dt.kind !== 'f' || !INTEGER_ONLY.includes(o));
      for (const op of ops) cases.push({ dtype: dt.name, n, op });
    }
  }
  runPython(PYTHON, [dir, JSON.stringify(cases)]);

  const failures: string[] = [];
  for (const c of cases) {
    const dt = np.dtype(c.dtype as np.DTypeName);
    const a = c.n ? np.memmap(join(dir, `${c.dtype}-${c.n}-a.bin`), { dtype: dt, mode: 'r', offset: OFFSET, shape: c.n }) : np.zeros(0, dt);
    const b = c.n ? np.memmap(join(dir, `${c.dtype}-${c.n}-b.bin`), { dtype: dt, mode: 'r', offset: OFFSET, shape: c.n }) : np.zeros(0, dt);
    const r = ours(c.op, a, b);
    const rdt = np.dtype(r.data.constructor as Uint8ArrayConstructor).name;
    const want = readFileSync(join(dir, `${c.dtype}-${c.n}-${c.op}.out`));
    const wantType = readFileSync(join(dir, `${c.dtype}-${c.n}-${c.op}.dtype`), 'utf8');
    const got = Buffer.from((r.data as Uint8Array).buffer, (r.data as Uint8Array).byteOffset, r.size * np.dtype(rdt).itemsize);
    if (rdt !== wantType) failures.push(`${c.op}(${c.dtype}[${c.n}]): dtype ${rdt}, numpy ${wantType}`);
    else if (!same(got, want, rdt)) {
      const view = (x: Buffer) => Array.from(new (np.dtype(rdt).ArrayType)(x.buffer.slice(x.byteOffset, x.byteOffset + x.length) as ArrayBuffer) as ArrayLike<number>).slice(0, 6).join(',');
      failures.push(`${c.op}(${c.dtype}[${c.n}]): ${view(got)}… numpy ${view(want)}…`);
    }
  }
  assert.equal(failures, [], `${failures.length} of ${cases.length} cases differ:\n${failures.slice(0, 20).join('\n')}`);
});

test.run();
