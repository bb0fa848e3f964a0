// Random test arrays for the sortlin oracle suites (sort, linalg): seeded,
// so a failure replays; values with ties and numpy's edge values.
import { np } from 'u-dma-buf';

import { type Want, differs, differsInError, numpy, numpyMajor } from './oracle.js';

/** A seeded generator (xorshift32): uniform in [0, 1). */
export function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
}

export const INT_LIMITS: Record<string, [bigint, bigint]> = {
  int8: [-128n, 127n], uint8: [0n, 255n], int16: [-32768n, 32767n], uint16: [0n, 65535n],
  int32: [-(2n ** 31n), 2n ** 31n - 1n], uint32: [0n, 2n ** 32n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n], uint64: [0n, 2n ** 64n - 1n],
};

/**
 * A new C-ordered array of `shape`: values drawn from a small set (ties),
 * with the dtype's extremes and, for floats, NaN, ±inf and ±0 mixed in
 * when `edges` is set.
 */
export function randomArray(dtype: np.DTypeName, shape: number[], seed: number, opts: { edges?: boolean; range?: number } = {}): np.NdArray {
  const a = np.zeros(shape, dtype);
  const t = np.dtype(dtype);
  const r = rng(seed);
  const d = a.data as unknown as (number | bigint)[];
  const span = opts.range ?? 12;
  const n = a.size;
  for (let i = 0; i < n; i++) {
    if (t.kind === 'b') {
      d[i] = r() < 0.5 ? 1 : 0;
    } else if (t.kind === 'f') {
      d[i] = Math.round((r() - 0.3) * span * 4) / 4;
    } else {
      const [lo, hi] = INT_LIMITS[t.name];
      let v = BigInt(Math.floor(r() * span)) + (t.kind === 'i' ? -BigInt(Math.floor(span / 3)) : 0n);
      if (v < lo) v = lo;
      if (v > hi) v = hi;
      d[i] = t.isBigInt ? v : Number(v);
    }
  }
  if (opts.edges && n > 0 && t.kind !== 'b') {
    const specials: (number | bigint)[] = t.kind === 'f'
      ? [NaN, Infinity, -Infinity, -0, 0, -0, NaN, 1e30, -1e30]
      : t.isBigInt ? [INT_LIMITS[t.name][0], INT_LIMITS[t.name][1], INT_LIMITS[t.name][1] - 1n]
        : [Number(INT_LIMITS[t.name][0]), Number(INT_LIMITS[t.name][1])];
    for (let k = 0; k < specials.length && k < n; k++) d[Math.floor(r() * n)] = specials[k];
  }
  return a;
}

/** Views of `a` that are not C-contiguous: reversed axes, a negative step. */
export function views(a: np.NdArray): [string, np.NdArray][] {
  const out: [string, np.NdArray][] = [['c', a]];
  if (a.shape.length >= 2) out.push(['T', a.transpose(...a.shape.map((_, i) => a.shape.length - 1 - i))]);
  if (a.shape.length >= 1 && a.shape[0] > 1) out.push(['rev', a.step(-1)]);
  return out;
}

export const ALL_DTYPES: np.DTypeName[] = ['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64'];

/** A seeded generator of whole numbers in [0, n) (xorshift32, the same steps as {@link rng}). */
export function rngInt(seed: number): (n: number) => number {
  let x = seed >>> 0 || 1;
  return (n) => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x % n;
  };
}

/** One oracle case: the Python expression, our computation, a float tolerance. */
export interface Case { py: string; ours: () => unknown; ulp?: number }

/**
 * The cases of a suite and the arrays they share, asked of numpy in one
 * run; `failures` compares ours with numpy's answers (results or errors).
 */
export class CaseBook {
  readonly inputs: Record<string, np.NdArray> = {};
  readonly cases: Record<string, Case> = {};
  /** Cases whose answer changed in NumPy 2: checked only against numpy >= 2. */
  readonly numpy2Only = new Set<string>();
  /** The cases some call of `failures` selected. */
  private readonly selected = new Set<string>();

  /** Share `a` with numpy; returns its Python name. */
  input(a: np.NdArray): string {
    const name = `x${Object.keys(this.inputs).length}`;
    this.inputs[name] = a;
    return name;
  }

  add(name: string, py: string, ours: () => unknown, ulp?: number): void {
    this.cases[name] = { py, ours, ulp };
  }

  /** numpy's answer to every case (one python3 run). */
  ask(): Record<string, Want> {
    return numpy(this.inputs, Object.fromEntries(Object.entries(this.cases).map(([k, c]) => [k, c.py])));
  }

  /** The cases whose name `select` accepts (against numpy 1, less the numpy2Only ones), and why each of them differs from numpy's `want`. */
  failures(want: Record<string, Want>, select: (name: string) => boolean): { count: number; failures: string[] } {
    const failures: string[] = [];
    let count = 0;
    for (const [name, c] of Object.entries(this.cases)) {
      if (!select(name)) continue;
      this.selected.add(name);
      if (this.numpy2Only.has(name) && numpyMajor() < 2) continue;
      count++;
      let got: unknown;
      let thrown: unknown;
      let threw = false;
      try {
        got = c.ours();
      } catch (e) {
        thrown = e;
        threw = true;
      }
      const why = threw ? differsInError(thrown, want[name]) : differs(got, want[name], { ulp: c.ulp });
      if (why) failures.push(`${name}: ${why}`);
    }
    return { count, failures };
  }

  /**
   * The cases no call of `failures` selected so far: added, asked of numpy,
   * and never compared (a name outside every test's selection). A suite's
   * last test expects none.
   */
  unchecked(): string[] {
    return Object.keys(this.cases).filter((name) => !this.selected.has(name));
  }
}
