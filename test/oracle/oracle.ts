// numpy as the oracle, shared by the suites in test/oracle/: arrays go to
// python3 + numpy as raw C-ordered bytes, each case is a Python expression
// evaluated there, and each result (array, numpy scalar, tuple of arrays,
// or the exception numpy raised) comes back for `expectSame` to compare
// byte for byte with ours. One request to python3 per call (python.ts):
// batch the cases.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { np } from 'u-dma-buf';

import { runPython } from './python.js';

/** What numpy gave for one case. */
export type Want =
  | { kind: 'array'; dtype: string; shape: number[]; data: Buffer }
  | { kind: 'list'; items: Want[] }
  | { kind: 'value'; value: unknown }
  | { kind: 'error'; error: string; message: string };

const PYTHON = `
import json, sys, warnings
import numpy as np
warnings.simplefilter('ignore')
if int(np.__version__.split('.')[0]) < 2:
    # the boards' Debian numpy is 1.24: give it NumPy 2's promotion (NEP 50)
    np._set_promotion_state('weak')
d = sys.argv[1]
spec = json.load(open(d + '/spec.json'))
env = {'np': np}
for name, m in spec['inputs'].items():
    env[name] = np.fromfile(d + '/in-' + name + '.bin', dtype=m['dtype']).reshape(m['shape'])
exec(spec.get('setup', ''), env)
results = {}
count = [0]
def save(r):
    if isinstance(r, (tuple, list)) and not (len(r) and isinstance(r[0], (int, float, bool))):
        return {'kind': 'list', 'items': [save(x) for x in r]}
    if isinstance(r, (np.ndarray, np.generic)):
        a = np.asarray(r)
        a = np.ascontiguousarray(a) if a.ndim else a
        count[0] += 1
        f = d + '/out-%d.bin' % count[0]
        open(f, 'wb').write(a.tobytes())
        return {'kind': 'array', 'dtype': a.dtype.name, 'shape': list(a.shape), 'file': f}
    return {'kind': 'value', 'value': r}
for name, expr in spec['cases'].items():
    try:
        with np.errstate(all='ignore'):
            results[name] = save(eval(expr, env))
    except Exception as e:
        results[name] = {'kind': 'error', 'error': type(e).__name__, 'message': str(e)}
json.dump(results, open(d + '/results.json', 'w'))
`;

/**
 * How many of a suite's random cases run: all on the host, a tenth inside
 * the emulated boards (vm/test sets ORACLE_SCALE=0.1), where JavaScript runs
 * some 30x slower and the point is the platform (32-bit long, NEON, ARM's
 * float conversions), not more random shapes. The fixed edge cases always run.
 */
export function scaled(n: number): number {
  const scale = Number(process.env.ORACLE_SCALE ?? '1');
  return Math.max(1, Math.ceil(n * (scale > 0 && scale <= 1 ? scale : 1)));
}

/**
 * `scaled(xs.length)` of `xs`, spread evenly over it (all of `xs` on the
 * host): for a suite whose fixed grid of combinations (dtype, shape, view,
 * axis) is too long for the boards. `turn` shifts which ones, so that
 * neighbouring grids (one per dtype, say) keep different combinations.
 */
export function someOf<T>(xs: readonly T[], turn = 0): T[] {
  const k = scaled(xs.length);
  if (k >= xs.length) return [...xs];
  const shift = (turn * 0.6180339887) % 1;
  return Array.from({ length: k }, (_, i) => xs[Math.floor(((i + shift) * xs.length) / k)]);
}

let major: number | undefined;

/**
 * The major version of the oracle's numpy: 2 on the host, 1 (Debian's
 * 1.24, run with NEP 50 promotion) inside the boards. A case whose answer
 * changed in NumPy 2 (not promotion, which 1.24 is switched to) is checked
 * only where `numpyMajor() >= 2`.
 */
export function numpyMajor(): number {
  major ??= Number(execFileSync('python3', ['-c', 'import numpy; print(numpy.__version__.split(".")[0])'], { encoding: 'utf8' }).trim());
  return major;
}

/**
 * The elements of any view of `a`, as C-ordered bytes: one copy of the run
 * when the view is C-contiguous, else a walk with the last axis innermost
 * (plain JavaScript, not the engine under test; it was one index sum per
 * element, the largest cost of the boards' oracle start-up).
 */
export function cBytes(a: np.NdArray): Buffer {
  const t = np.dtype(a.data.constructor as Uint8ArrayConstructor);
  const out = new t.ArrayType(a.size) as unknown as (number | bigint)[];
  const data = a.data as unknown as (number | bigint)[];
  const nd = a.shape.length;
  let contiguous = true;
  for (let d = nd - 1, s = 1; d >= 0; s *= a.shape[d], d--) if (a.shape[d] !== 1 && a.stride[d] !== s) contiguous = false;
  if (contiguous && ArrayBuffer.isView(a.data)) {
    const src = a.data as unknown as Uint8Array;
    (out as unknown as Uint8Array).set(src.subarray(a.offset, a.offset + a.size));
  } else if (a.size > 0) {
    const last = nd ? a.shape[nd - 1] : 1, step = nd ? a.stride[nd - 1] : 0;
    const idx = new Array<number>(Math.max(nd - 1, 0)).fill(0);
    for (let i = 0; i < a.size; i += last) {
      let p = a.offset;
      for (let d = 0; d < nd - 1; d++) p += idx[d] * a.stride[d];
      for (let j = 0; j < last; j++, p += step) out[i + j] = data[p];
      for (let d = nd - 2; d >= 0; d--) {
        if (++idx[d] < a.shape[d]) break;
        idx[d] = 0;
      }
    }
  }
  const v = out as unknown as Uint8Array;
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

/**
 * Evaluate each Python expression of `cases` with numpy, the `inputs` bound
 * to their names (and `np`). `setup` is Python run once before the cases.
 */
export function numpy(
  inputs: Record<string, np.NdArray>, cases: Record<string, string>, setup = '',
): Record<string, Want> {
  const dir = mkdtempSync(join(tmpdir(), 'np-oracle-'));
  try {
    const meta: Record<string, { dtype: string; shape: number[] }> = {};
    for (const [name, a] of Object.entries(inputs)) {
      meta[name] = { dtype: np.dtype(a.data.constructor as Uint8ArrayConstructor).name, shape: [...a.shape] };
      writeFileSync(join(dir, `in-${name}.bin`), cBytes(a));
    }
    writeFileSync(join(dir, 'spec.json'), JSON.stringify({ inputs: meta, cases, setup }));
    runPython(PYTHON, [dir]);
    const raw = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Record<string, unknown>;
    const load = (r: Record<string, unknown>): Want => {
      if (r.kind === 'array') {
        return { kind: 'array', dtype: r.dtype as string, shape: r.shape as number[], data: readFileSync(r.file as string) };
      }
      if (r.kind === 'list') return { kind: 'list', items: (r.items as Record<string, unknown>[]).map(load) };
      return r as Want;
    };
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, load(v as Record<string, unknown>)]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Options of {@link expectSame}. */
export interface SameOptions {
  /** Largest difference allowed for floats, in units in the last place (default 0: bit-equal). */
  ulp?: number;
}

function ulpDistance(x: number, y: number, f32: boolean): number {
  if (Object.is(x, y) || (Number.isNaN(x) && Number.isNaN(y))) return 0;
  if (Number.isNaN(x) || Number.isNaN(y) || Math.sign(x) !== Math.sign(y)) return Infinity;
  // the bit patterns of |x| and |y| count the floats between them; float64's
  // are subtracted as bigints (as numbers they would round to 2^10 steps)
  const buf = new DataView(new ArrayBuffer(8));
  const ord = (v: number): bigint => {
    if (f32) {
      buf.setFloat32(0, Math.abs(v), true);
      return BigInt(buf.getUint32(0, true));
    }
    buf.setFloat64(0, Math.abs(v), true);
    return buf.getBigUint64(0, true);
  };
  const d = ord(x) - ord(y);
  return Number(d < 0n ? -d : d);
}

/**
 * Why `got` differs from numpy's `want`, or undefined when it does not:
 * the dtype, the shape and every element must agree (NaN equals NaN, -0 is
 * not 0; floats within `ulp`). A plain number/bigint/boolean result is
 * compared with a numpy scalar or 0-d array by value and kind.
 */
export function differs(got: unknown, want: Want, opts: SameOptions = {}): string | undefined {
  if (want.kind === 'error') return `numpy raised ${want.error}: ${want.message}; ours gave a result`;
  if (want.kind === 'list') {
    if (!Array.isArray(got) || got.length !== want.items.length) return `numpy gave ${want.items.length} results`;
    for (let i = 0; i < got.length; i++) {
      const why = differs(got[i], want.items[i], opts);
      if (why) return `[${i}] ${why}`;
    }
    return undefined;
  }
  if (want.kind === 'value') {
    return JSON.stringify(got) === JSON.stringify(want.value) ? undefined : `${String(got)} != ${JSON.stringify(want.value)}`;
  }
  if (typeof got === 'number' || typeof got === 'bigint' || typeof got === 'boolean') {
    if (want.shape.length !== 0) return `ours is a scalar, numpy's shape is (${want.shape.join(', ')})`;
    const t = np.dtype((want.dtype === 'bool' ? 'uint8' : want.dtype) as np.DTypeName);
    const w = new t.ArrayType(new Uint8Array(want.data).buffer as ArrayBuffer)[0] as number | bigint;
    if (typeof got === 'boolean') return want.dtype === 'bool' && Number(got) === Number(w) ? undefined : `${got} != ${w} (${want.dtype})`;
    if (typeof w === 'bigint' !== (typeof got === 'bigint')) return `${String(got)} is a ${typeof got}, numpy's ${want.dtype}`;
    const d = typeof w === 'number' ? ulpDistance(got as number, w, want.dtype === 'float32') : got === w ? 0 : Infinity;
    return d <= (opts.ulp ?? 0) ? undefined : `${String(got)} != ${String(w)} (${want.dtype})`;
  }
  const a = got as np.NdArray;
  if (!a || typeof a !== 'object' || !('shape' in a)) return `ours is not an array: ${String(got)}`;
  const dt = np.dtype(a.data.constructor as Uint8ArrayConstructor).name;
  if (dt !== want.dtype) return `dtype ${dt}, numpy ${want.dtype}`;
  if (a.shape.join(',') !== want.shape.join(',')) return `shape (${a.shape.join(', ')}), numpy (${want.shape.join(', ')})`;
  const mine = cBytes(a);
  if (mine.equals(want.data)) return undefined;
  if (dt === 'float32' || dt === 'float64') {
    const f32 = dt === 'float32';
    const view = (b: Buffer) => (f32 ? new Float32Array(b.buffer, b.byteOffset, b.length / 4) : new Float64Array(b.buffer, b.byteOffset, b.length / 8));
    const x = view(Buffer.from(mine));
    const y = view(Buffer.from(want.data));
    for (let i = 0; i < x.length; i++) {
      if (ulpDistance(x[i], y[i], f32) > (opts.ulp ?? 0)) return `element ${i}: ${x[i]}, numpy ${y[i]}`;
    }
    return undefined;
  }
  for (let i = 0; i < mine.length; i++) if (mine[i] !== want.data[i]) return `byte ${i} differs (of ${mine.length})`;
  return undefined;
}

/**
 * Why our thrown error does not match numpy's, or undefined: numpy must
 * have raised `pythonName` too, and ours must be the matching class.
 */
export function differsInError(thrown: unknown, want: Want): string | undefined {
  if (want.kind !== 'error') return `numpy gave a result, ours threw ${String(thrown)}`;
  const ERRORS: Record<string, string[]> = {
    IndexError: ['IndexError'], ValueError: ['ValueError', 'ShapeError', 'AxisError'], AxisError: ['AxisError'],
    TypeError: ['DTypeError'], UFuncTypeError: ['DTypeError'], OverflowError: ['OverflowError'],
  };
  const name = (thrown as Error)?.name;
  const ok = ERRORS[want.error] ?? [want.error];
  return ok.includes(name) ? undefined : `numpy raised ${want.error} (${want.message}), ours ${name}: ${(thrown as Error)?.message}`;
}

/** One comparison with numpy: our call and numpy's expression. */
export interface OracleCase {
  py: string;
  ours: () => unknown;
}

/** "name: why" for each case whose result (or error) differs from numpy's. */
export function mismatches(cases: Record<string, OracleCase>, want: Record<string, Want>): string[] {
  const failures: string[] = [];
  for (const [name, c] of Object.entries(cases)) {
    let why: string | undefined;
    try {
      why = differs(c.ours(), want[name]);
    } catch (e) {
      why = differsInError(e, want[name]);
    }
    if (why) failures.push(`${name}: ${c.py}: ${why}`);
  }
  return failures;
}
