/**
 * The cases of `make bench-np`, table by table: for each, our code (public
 * `np` functions by their SPEC §4 names) and the statement a numpy user would
 * write, on the same data (files under build/bench/ that both sides map).
 *
 * Our side reaches `np` through {@link N}, which looks functions up when the
 * case runs: a function another helper has not landed yet makes the case
 * "missing: np.<name>" instead of a compile error or a crash.
 */
import { np } from 'u-dma-buf';

/** An np function looked up by name at call time. */
type NpFunction = (...args: unknown[]) => unknown;

/** Thrown by {@link N} for a function `np` does not have (yet). */
export class MissingFunction extends Error {
  constructor(readonly fn: string) {
    super(`missing: np.${fn}`);
  }
}

/** `np`, with every function looked up when called: `N.pad(...)`. */
export const N: Record<string, NpFunction> = new Proxy({} as Record<string, NpFunction>, {
  get(_target, name: string): NpFunction {
    const f = (np as unknown as Record<string, unknown>)[name];
    if (typeof f !== 'function') throw new MissingFunction(name);
    return f as NpFunction;
  },
});

/** Sizes of the data: the real ones, or small ones for `--quick`. */
export interface Sizes {
  /** Bytes per operand of the contiguous table and of the cast sources. */
  bytes: number;
  /** Image height and width (×3 channels, uint8). */
  H: number;
  W: number;
  /** The 2-d float32 array of the axis table. */
  rows: number;
  cols: number;
  /** Where the data files go (both sides map the same files). */
  dir: string;
}

export const FULL: Sizes = { bytes: 8 << 20, H: 1080, W: 1920, rows: 1024, cols: 2048, dir: 'build/bench' };
export const QUICK: Sizes = { bytes: 8 << 10, H: 36, W: 64, rows: 32, cols: 64, dir: 'build/bench/quick' };

/** The data files of a run. */
let files = dataPaths(FULL.dir);

function dataPaths(dir: string) {
  return {
    operands: `${dir}/np-operands.bin`,
    image: `${dir}/np-image.bin`,
    plane: `${dir}/np-plane-f4.bin`,
    cast: (dtype: string) => `${dir}/np-cast-${dtype}.bin`,
    tiny: `${dir}/np-tiny.bin`,
  };
}

/** Named arrays of one case's setup (ours). */
export type Env = Record<string, np.NdArray>;

/** One row: our code and numpy's statement. */
export interface Case {
  /** The row's label. */
  name: string;
  /** Our side, as shown in the table. */
  ours: string;
  /** numpy's statement (Python; the last line's value is the result). */
  numpy: string;
  /** The setup both sides run before the case (fresh data each case). */
  setup: Setup;
  /** Our side: from the setup's arrays, the function to time. */
  run: (e: Env) => () => unknown;
  /** The setup array that holds the result (statements like `a += 3` give none). */
  result?: string;
  /**
   * How many units in the last place a float result may be from numpy's and
   * still count as numpy's (default 4): more for products, whose float32
   * sums numpy's BLAS rounds in float32 and ours in double.
   */
  ulp?: number;
}

/** A setup: our arrays and the Python that makes the same ones. */
export interface Setup {
  ours: () => Env;
  python: string;
}

/** One table of the report and its SPEC §5 target. */
export interface Table {
  id: 'contiguous' | 'image' | 'programs' | 'axis' | 'casts' | 'tiny';
  title: string;
  /** Each case's ratio ours/numpy must be at or under this. */
  target: number;
  /** Cases between target and `tolerance` are "near" rather than "over". */
  tolerance?: number;
  /** The geometric mean's own target, where SPEC §5 names one. */
  geomeanTarget?: number;
  cases: Case[];
}

// ---- data -------------------------------------------------------------

/** numpy's spelling of a dtype in a Python statement. */
const py = (dtype: string): string => `np.${dtype === 'bool' ? 'bool' : dtype}`;

/** A JavaScript value of `dtype` for the number `v` (bigint for 64-bit, boolean for bool). */
function value(dtype: string, v: number): number | bigint | boolean {
  if (dtype === 'bool') return v !== 0;
  if (dtype === 'int64' || dtype === 'uint64') return BigInt(v);
  return v;
}

/** A memory-mapped view of `file` (the same on numpy's side, through np.asarray(np.memmap)). */
function mapped(file: string, dtype: string, shape: number[], offset = 0, mode = 'r+'): np.NdArray {
  return N.memmap(file, { dtype, shape: shape.length === 1 ? shape[0] : shape, offset, mode }) as np.NdArray;
}

const pyMapped = (file: string, dtype: string, shape: number[], offset = 0, mode = 'r+'): string =>
  `np.asarray(np.memmap(${JSON.stringify(file)}, dtype=${py(dtype)}, mode='${mode}', offset=${offset}, shape=(${shape.join(', ')},)))`;

/** Starting values of the contiguous operands: a, b (c is the output). */
function startValues(dtype: string): [number, number] {
  if (dtype === 'bool') return [1, 0];
  return dtype.startsWith('float') ? [0.75, 0.5] : [3, 2];
}

function pyValue(dtype: string, v: number): string {
  return dtype === 'bool' ? (v ? 'True' : 'False') : String(v);
}

/** a, b, c: three operands of `bytes` each in one file; a and b filled, c zeroed. */
function operands(dtype: string, bytes: number): Setup {
  const item = itemsize(dtype);
  const n = bytes / item;
  const [va, vb] = startValues(dtype);
  return {
    ours: () => {
      const [a, b, c] = [0, 1, 2].map((i) => mapped(files.operands, dtype, [n], i * bytes));
      N.fill(a, value(dtype, va));
      N.fill(b, value(dtype, vb));
      N.fill(c, value(dtype, 0));
      return { a, b, c };
    },
    python: [0, 1, 2].map((i) => `${'abc'[i]} = ${pyMapped(files.operands, dtype, [n], i * bytes)}`).join('\n') +
      `\na[...] = ${pyValue(dtype, va)}\nb[...] = ${pyValue(dtype, vb)}\nc[...] = 0\n`,
  };
}

const ITEMSIZE: Record<string, number> = {
  bool: 1, int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, int64: 8, uint64: 8, float32: 4, float64: 8,
};
const itemsize = (dtype: string): number => ITEMSIZE[dtype];

/** The dtypes of the contiguous table, in numpy's order. */
export const DTYPES = ['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64'];

/** The bytes of the data files, deterministic (both sides read them). */
export function dataFiles(s: Sizes): Record<string, Uint8Array> {
  files = dataPaths(s.dir);
  const out: Record<string, Uint8Array> = {};
  out[files.operands] = new Uint8Array(3 * s.bytes);
  // the image: a 32-bit LCG's high bytes, the same on every run
  const img = new Uint8Array(s.H * s.W * 3);
  let x = 12345;
  for (let i = 0; i < img.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    img[i] = x >>> 24;
  }
  out[files.image] = img;
  const plane = new Float32Array(s.rows * s.cols);
  for (let i = 0; i < plane.length; i++) plane[i] = ((i * 7919) % 1000) / 8;
  out[files.plane] = new Uint8Array(plane.buffer);
  for (const t of CAST_DTYPES) {
    const Ctor = { uint8: Uint8Array, int16: Int16Array, int32: Int32Array, float32: Float32Array, float64: Float64Array }[t];
    const n = s.bytes / itemsize(t);
    const v = new Ctor(n);
    for (let i = 0; i < n; i++) v[i] = (i * 7) % 100 + (t.startsWith('float') ? 0.25 : 0);
    out[files.cast(t)] = new Uint8Array(v.buffer);
  }
  const tiny = new Float64Array(48);
  for (let i = 0; i < 48; i++) tiny[i] = i * 0.5;
  out[files.tiny] = new Uint8Array(tiny.buffer);
  return out;
}

// ---- the contiguous table ---------------------------------------------

const INT = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64'];
const FLOAT = ['float32', 'float64'];
const ALL = ['bool', ...INT, ...FLOAT];
const NUM = [...INT, ...FLOAT];
const INT_BOOL = ['bool', ...INT];

/** [ufunc, dtypes it runs on] */
const BINARY_OUT: [string, string[]][] = [
  ['add', ALL], ['subtract', NUM], ['multiply', ALL], ['divide', FLOAT], ['floor_divide', NUM],
  ['remainder', NUM], ['power', NUM], ['minimum', ALL], ['maximum', ALL], ['fmin', FLOAT], ['fmax', FLOAT],
  ['bitwise_and', INT_BOOL], ['bitwise_or', INT_BOOL], ['bitwise_xor', INT_BOOL],
  ['left_shift', INT], ['right_shift', INT], ['arctan2', FLOAT], ['hypot', FLOAT],
];
/** Binary functions whose result is bool: into a new array. */
const BINARY_BOOL: [string, string[]][] = [
  ['equal', ALL], ['not_equal', ALL], ['less', ALL], ['less_equal', ALL], ['greater', ALL], ['greater_equal', ALL],
  ['logical_and', ALL], ['logical_or', ALL], ['logical_xor', ALL],
];
const UNARY_OUT: [string, string[]][] = [
  ['negative', NUM], ['positive', NUM], ['absolute', NUM], ['sign', NUM], ['square', NUM], ['reciprocal', FLOAT],
  ['invert', INT_BOOL],
  ...['sqrt', 'cbrt', 'exp', 'exp2', 'expm1', 'log', 'log2', 'log10', 'log1p', 'sin', 'cos', 'tan', 'arcsin', 'arccos',
    'arctan', 'sinh', 'cosh', 'tanh', 'arcsinh', 'arccosh', 'arctanh', 'floor', 'ceil', 'trunc', 'rint']
    .map((f): [string, string[]] => [f, FLOAT]),
];
const UNARY_BOOL: [string, string[]][] = [['isnan', FLOAT], ['isinf', FLOAT], ['isfinite', FLOAT], ['logical_not', ALL]];
const REDUCTIONS: [string, string[]][] = [
  ['sum', ALL], ['prod', NUM], ['mean', NUM], ['std', NUM], ['var', NUM], ['min', ALL], ['max', ALL], ['ptp', NUM],
  ['argmin', ALL], ['argmax', ALL], ['any', ALL], ['all', ALL], ['count_nonzero', ALL], ['cumsum', NUM],
  ['cumprod', NUM], ['median', NUM], ['nansum', FLOAT], ['nanmean', FLOAT], ['nanmin', FLOAT], ['nanmax', FLOAT],
];

function contiguous(s: Sizes): Case[] {
  const list: Case[] = [];
  for (const dt of DTYPES) {
    const setup = operands(dt, s.bytes);
    const add = (name: string, ours: string, numpy: string, run: Case['run'], result?: string) => {
      list.push({ name: `${name} ${dt}`, ours, numpy, setup, run, ...(result ? { result } : {}) });
    };
    for (const [f, dts] of BINARY_OUT) {
      if (dts.includes(dt)) add(f, `np.${f}(a, b, { out: c })`, `np.${f}(a, b, out=c)`, (e) => () => N[f](e.a, e.b, { out: e.c }));
    }
    for (const [f, dts] of UNARY_OUT) {
      if (dts.includes(dt)) add(f, `np.${f}(a, { out: c })`, `np.${f}(a, out=c)`, (e) => () => N[f](e.a, { out: e.c }));
    }
    if (dt.startsWith('float')) {
      add('round', 'np.round(a, 1, { out: c })', 'np.round(a, 1, out=c)', (e) => () => N.round(e.a, 1, { out: e.c }));
    }
    if (dt !== 'bool') {
      const [lo, hi] = dt.startsWith('float') ? ['0.6', '0.7'] : ['1', '2'];
      add('clip', `np.clip(a, ${lo}, ${hi}, { out: c })`, `np.clip(a, ${lo}, ${hi}, out=c)`,
        (e) => () => N.clip(e.a, value(dt, Number(lo)), value(dt, Number(hi)), { out: e.c }));
    }
    for (const [f, dts] of BINARY_BOOL) {
      if (dts.includes(dt)) add(f, `np.${f}(a, b)`, `np.${f}(a, b)`, (e) => () => N[f](e.a, e.b));
    }
    for (const [f, dts] of UNARY_BOOL) {
      if (dts.includes(dt)) add(f, `np.${f}(a)`, `np.${f}(a)`, (e) => () => N[f](e.a));
    }
    if (dt !== 'bool') {
      add('iadd scalar', 'np.iadd(a, 3)', 'a += 3', (e) => () => N.iadd(e.a, value(dt, 3)), 'a');
      add('imul scalar', 'np.imul(a, 1)', 'a *= 1', (e) => () => N.imul(e.a, value(dt, 1)), 'a');
    }
    add('add, new array', 'np.add(a, b)', 'a + b', (e) => () => N.add(e.a, e.b));
    add('fill', 'np.fill(a, 1)', 'a.fill(1)', (e) => () => N.fill(e.a, value(dt, 1)), 'a');
    add('copyto', 'np.copyto(a, b)', 'np.copyto(a, b)', (e) => () => N.copyto(e.a, e.b), 'a');
    for (const [f, dts] of REDUCTIONS) {
      if (dts.includes(dt)) add(f, `np.${f}(a)`, `np.${f}(a)`, (e) => () => N[f](e.a));
    }
  }
  return list;
}

// ---- image layouts ----------------------------------------------------

function imageSetup(s: Sizes): Setup {
  return {
    ours: () => ({ img: mapped(files.image, 'uint8', [s.H, s.W, 3], 0, 'c') }),
    python: `img = ${pyMapped(files.image, 'uint8', [s.H, s.W, 3], 0, 'c')}\nH, W = ${s.H}, ${s.W}\nf32 = img.astype(np.float32) / np.float32(255)\n`,
  };
}

function image(s: Sizes): Case[] {
  const setup = imageSetup(s);
  const { H, W } = s;
  const shifted = (dy: number, dx: number, h: number, w: number) => `${dy}:${dy + h}, ${dx}:${dx + w}`;
  return [
    {
      name: 'astype uint16 (contiguous)', setup,
      ours: "np.astype(img, 'uint16')",
      numpy: 'img.astype(np.uint16)',
      run: (e) => () => N.astype(e.img, 'uint16'),
    },
    {
      name: 'img[:,:,0] + img[:,:,1]', setup,
      ours: "np.add(np.index(img, ':, :, 0'), np.index(img, ':, :, 1'))",
      numpy: 'img[:, :, 0] + img[:, :, 1]',
      run: (e) => () => N.add(N.index(e.img, ':, :, 0'), N.index(e.img, ':, :, 1')),
    },
    {
      name: 'grayscale via uint16 (channel views, scalar multiplies)', setup,
      ours: "r, g, b = np.astype(np.index(img, ':, :, k'), 'uint16'); np.astype(np.right_shift(np.add(np.add(np.multiply(r, 77), np.multiply(g, 150)), np.multiply(b, 29)), 8), 'uint8')",
      numpy: '((img[:, :, 0].astype(np.uint16) * 77 + img[:, :, 1].astype(np.uint16) * 150\n  + img[:, :, 2].astype(np.uint16) * 29) >> 8).astype(np.uint8)',
      run: (e) => () => {
        const r = N.astype(N.index(e.img, ':, :, 0'), 'uint16');
        const g = N.astype(N.index(e.img, ':, :, 1'), 'uint16');
        const b = N.astype(N.index(e.img, ':, :, 2'), 'uint16');
        return N.astype(N.right_shift(N.add(N.add(N.multiply(r, 77), N.multiply(g, 150)), N.multiply(b, 29)), 8), 'uint8');
      },
    },
    {
      name: '3×3 box sum of 9 shifted views into uint16', setup,
      ours: "s = np.zeros([H-2, W-2, 3], 'uint16'); 9× np.iadd(s, np.index(img, 'dy:dy+H-2, dx:dx+W-2'))",
      numpy: 's = np.zeros((H - 2, W - 2, 3), np.uint16)\nfor dy in range(3):\n    for dx in range(3):\n        s += img[dy:dy + H - 2, dx:dx + W - 2]\ns',
      run: (e) => {
        const views = [0, 1, 2].flatMap((dy) => [0, 1, 2].map((dx) => shifted(dy, dx, H - 2, W - 2)));
        return () => {
          const sum = N.zeros([H - 2, W - 2, 3], 'uint16');
          for (const v of views) N.iadd(sum, N.index(e.img, v));
          return sum;
        };
      },
    },
    {
      name: 'transpose(1, 0, 2) copy', setup,
      ours: 'np.copy(np.transpose(img, [1, 0, 2]))',
      numpy: 'img.transpose(1, 0, 2).copy()',
      run: (e) => () => N.copy(N.transpose(e.img, [1, 0, 2])),
    },
    {
      name: 'img[::2, ::2] copy', setup,
      ours: "np.copy(np.index(img, '::2, ::2'))",
      numpy: 'img[::2, ::2].copy()',
      run: (e) => () => N.copy(N.index(e.img, '::2, ::2')),
    },
    {
      name: 'blur program: pad edge, 9 shifted adds, /9, astype uint8', setup,
      ours: "p = np.pad(img, [[1, 1], [1, 1], [0, 0]], { mode: 'edge' }); s = np.zeros(img.shape, 'uint16'); 9× np.iadd(s, np.index(p, 'dy:dy+H, dx:dx+W')); np.astype(np.divide(s, 9), 'uint8')",
      numpy: "p = np.pad(img, ((1, 1), (1, 1), (0, 0)), mode='edge')\ns = np.zeros(img.shape, np.uint16)\nfor dy in range(3):\n    for dx in range(3):\n        s += p[dy:dy + H, dx:dx + W]\n(s / 9).astype(np.uint8)",
      run: (e) => {
        const views = [0, 1, 2].flatMap((dy) => [0, 1, 2].map((dx) => shifted(dy, dx, H, W)));
        return () => {
          const p = N.pad(e.img, [[1, 1], [1, 1], [0, 0]], { mode: 'edge' });
          const sum = N.zeros([H, W, 3], 'uint16');
          for (const v of views) N.iadd(sum, N.index(p, v));
          return N.astype(N.divide(sum, 9), 'uint8');
        };
      },
    },
  ];
}

// ---- more image programs -----------------------------------------------

/** One program: its name, our code (run and shown), numpy's statement. */
type Program = [name: string, ours: string, numpy: string, run: (img: np.NdArray) => () => unknown, ulp?: number];

/**
 * Other things image code does to a frame, each as a numpy user writes it
 * (new arrays for every step, no `out=`): thresholds, normalisation,
 * channel order, flips, crops, clipping, blending, edges, histograms.
 */
const PROGRAMS: Program[] = [
  ['threshold a channel: where(g > 128, 255, 0) as uint8',
    "np.astype(np.where(np.greater(np.index(img, ':, :, 1'), 128), 255, 0), 'uint8')",
    'np.where(img[:, :, 1] > 128, 255, 0).astype(np.uint8)',
    (img) => () => N.astype(N.where(N.greater(N.index(img, ':, :, 1'), 128), 255, 0), 'uint8')],
  ['normalise: float32 / 255, minus mean, over std (per channel)',
    "np.divide(np.subtract(np.divide(np.astype(img, 'float32'), 255), mean), std)",
    '(img.astype(np.float32) / 255 - np.array([0.485, 0.456, 0.406], np.float32)) / np.array([0.229, 0.224, 0.225], np.float32)',
    (img) => {
      const mean = N.array([0.485, 0.456, 0.406], 'float32');
      const std = N.array([0.229, 0.224, 0.225], 'float32');
      return () => N.divide(N.subtract(N.divide(N.astype(img, 'float32'), 255), mean), std);
    }],
  ['RGB to BGR: img[:, :, ::-1] copy', "np.copy(np.index(img, ':, :, ::-1'))", 'img[:, :, ::-1].copy()',
    (img) => () => N.copy(N.index(img, ':, :, ::-1'))],
  ['flip up-down: img[::-1] copy', "np.copy(np.index(img, '::-1'))", 'img[::-1].copy()',
    (img) => () => N.copy(N.index(img, '::-1'))],
  ['mirror: img[:, ::-1] copy', "np.copy(np.index(img, ':, ::-1'))", 'img[:, ::-1].copy()',
    (img) => () => N.copy(N.index(img, ':, ::-1'))],
  ['brightness: minimum(uint16 + 50, 255) as uint8',
    "np.astype(np.minimum(np.add(np.astype(img, 'uint16'), 50), 255), 'uint8')",
    'np.minimum(img.astype(np.uint16) + 50, 255).astype(np.uint8)',
    (img) => () => N.astype(N.minimum(N.add(N.astype(img, 'uint16'), 50), 255), 'uint8')],
  ['contrast: clip(int16 * 2 - 100, 0, 255) as uint8',
    "np.astype(np.clip(np.subtract(np.multiply(np.astype(img, 'int16'), 2), 100), 0, 255), 'uint8')",
    'np.clip(img.astype(np.int16) * 2 - 100, 0, 255).astype(np.uint8)',
    (img) => () => N.astype(N.clip(N.subtract(N.multiply(N.astype(img, 'int16'), 2), 100), 0, 255), 'uint8')],
  ['blend with the flipped frame: (img * 0.3 + flip * 0.7) as uint8',
    "np.astype(np.add(np.multiply(img, 0.3), np.multiply(np.index(img, '::-1'), 0.7)), 'uint8')",
    '(img * 0.3 + img[::-1] * 0.7).astype(np.uint8)',
    (img) => () => N.astype(N.add(N.multiply(img, 0.3), N.multiply(N.index(img, '::-1'), 0.7)), 'uint8')],
  ['stack three channels back: stack([b, g, r], -1)',
    "np.stack([np.index(img, ':, :, 2'), np.index(img, ':, :, 1'), np.index(img, ':, :, 0')], -1)",
    'np.stack([img[:, :, 2], img[:, :, 1], img[:, :, 0]], -1)',
    (img) => () => N.stack([N.index(img, ':, :, 2'), N.index(img, ':, :, 1'), N.index(img, ':, :, 0')], -1)],
  ['gradient magnitude: |dx| + |dy| of int16 shifted views',
    "f = np.astype(img, 'int16'); np.add(np.abs(np.subtract(f[1:-1, 2:], f[1:-1, :-2])), np.abs(np.subtract(f[2:, 1:-1], f[:-2, 1:-1])))",
    'f = img.astype(np.int16)\nnp.abs(f[1:-1, 2:] - f[1:-1, :-2]) + np.abs(f[2:, 1:-1] - f[:-2, 1:-1])',
    (img) => () => {
      const f = N.astype(img, 'int16');
      return N.add(N.abs(N.subtract(N.index(f, '1:-1, 2:'), N.index(f, '1:-1, :-2'))),
        N.abs(N.subtract(N.index(f, '2:, 1:-1'), N.index(f, ':-2, 1:-1'))));
    }],
  ['histogram of a channel: bincount(ravel(r), minlength=256)',
    "np.bincount(np.ravel(np.index(img, ':, :, 0')), { minlength: 256 })",
    'np.bincount(img[:, :, 0].ravel(), minlength=256)',
    (img) => () => N.bincount(N.ravel(N.index(img, ':, :, 0')), { minlength: 256 })],
  ['crop and halve: img[100:900:2, 200:1800:2] copy', "np.copy(np.index(img, '100:900:2, 200:1800:2'))",
    'img[100:900:2, 200:1800:2].copy()',
    (img) => () => N.copy(N.index(img, '100:900:2, 200:1800:2'))],
  ['difference from the flipped frame: |int16 - flip| as uint8',
    "np.astype(np.abs(np.subtract(np.astype(img, 'int16'), np.index(img, '::-1'))), 'uint8')",
    'np.abs(img.astype(np.int16) - img[::-1]).astype(np.uint8)',
    (img) => () => N.astype(N.abs(N.subtract(N.astype(img, 'int16'), N.index(img, '::-1'))), 'uint8')],
  ['rotate 90°: rot90 copy', 'np.copy(np.rot90(img))', 'np.rot90(img).copy()', (img) => () => N.copy(N.rot90(img))],
  ['luma in float32: matmul(float32 pixels, weights)',
    "np.matmul(np.astype(img, 'float32'), np.array([0.299, 0.587, 0.114], 'float32'))",
    'img.astype(np.float32) @ np.array([0.299, 0.587, 0.114], np.float32)',
    (img) => {
      const w = N.array([0.299, 0.587, 0.114], 'float32');
      return () => N.matmul(N.astype(img, 'float32'), w);
    }],
  ['brightest channel per pixel: max(axis=2)', 'np.max(img, { axis: 2 })', 'img.max(axis=2)', (img) => () => N.max(img, { axis: 2 })],
  ['bright pixels: count_nonzero(img > 200)', 'np.count_nonzero(np.greater(img, 200))', 'np.count_nonzero(img > 200)',
    (img) => () => N.count_nonzero(N.greater(img, 200))],
  ['channels first for a network: transpose(2, 0, 1) copy', 'np.copy(np.transpose(img, [2, 0, 1]))',
    'img.transpose(2, 0, 1).copy()', (img) => () => N.copy(N.transpose(img, [2, 0, 1]))],
  ['upscale 2x (nearest): repeat along rows, then columns', 'np.repeat(np.repeat(img, 2, 0), 2, 1)',
    'img.repeat(2, 0).repeat(2, 1)', (img) => () => N.repeat(N.repeat(img, 2, 0), 2, 1)],
  ['border of 8 black pixels: pad constant', 'np.pad(img, [[8, 8], [8, 8], [0, 0]])',
    'np.pad(img, ((8, 8), (8, 8), (0, 0)))', (img) => () => N.pad(img, [[8, 8], [8, 8], [0, 0]])],
  ['side by side: concatenate([img, img], 1)', 'np.concatenate([img, img], 1)',
    'np.concatenate([img, img], 1)', (img) => () => N.concatenate([img, img], 1)],
  ['mask out dark pixels: where(g > 100 [..., None], img, 0)',
    "np.where(np.expand_dims(np.greater(np.index(img, ':, :, 1'), 100), 2), img, 0)",
    'np.where((img[:, :, 1] > 100)[:, :, None], img, 0)',
    (img) => () => N.where(N.expand_dims(N.greater(N.index(img, ':, :, 1'), 100), 2), img, 0)],
  ['channel means: mean(axis=(0, 1))', 'np.mean(img, { axis: [0, 1] })', 'img.mean(axis=(0, 1))', (img) => () => N.mean(img, { axis: [0, 1] })],
  ['lookup table: lut[img] (take)', 'np.take(lut, img)', 'lut = (255 - np.arange(256)).astype(np.uint8)\nlut[img]', (img) => {
    const lut = N.astype(N.subtract(255, N.arange(256)), 'uint8');
    return () => N.take(lut, img);
  }],
  // (float64 result: numpy's BLAS sums in another order, so a cast to uint8 would differ by 1 at a few pixels)
  ['sepia: clip(pixels @ M.T, 0, 255)', 'np.clip(np.matmul(np.reshape(img, [-1, 3]), M.T), 0, 255)',
    'M = np.array([[0.393, 0.769, 0.189], [0.349, 0.686, 0.168], [0.272, 0.534, 0.131]])\nnp.clip(img.reshape(-1, 3) @ M.T, 0, 255)', (img) => {
      const mt = N.transpose(N.array([[0.393, 0.769, 0.189], [0.349, 0.686, 0.168], [0.272, 0.534, 0.131]]));
      return () => N.clip(N.matmul(N.reshape(img, [-1, 3]), mt), 0, 255);
    }],
  ['3x3 median filter of a channel: median(stack of 9 views, axis=0)',
    "g = img[:, :, 1]; np.median(np.stack([g[dy:dy+H-2, dx:dx+W-2] for dy, dx]), 0)",
    'g = img[:, :, 1]\nnp.median(np.stack([g[dy:dy + H - 2, dx:dx + W - 2] for dy in range(3) for dx in range(3)]), axis=0)',
    (img) => {
      const g = N.index(img, ':, :, 1') as np.NdArray;
      const [h, w] = [img.shape[0], img.shape[1]];
      const views: np.NdArray[] = [];
      for (let dy = 0; dy < 3; dy++) for (let dx = 0; dx < 3; dx++) views.push(N.index(g, `${dy}:${dy + h - 2}, ${dx}:${dx + w - 2}`) as np.NdArray);
      return () => N.median(N.stack(views), 0);
    }],
  ['gamma in float32: (img / 255) ** 2.2 * 255 as uint8',
    "np.astype(np.multiply(np.power(np.divide(np.astype(img, 'float32'), 255), 2.2), 255), 'uint8')",
    '(np.power(img.astype(np.float32) / 255, np.float32(2.2)) * 255).astype(np.uint8)',
    (img) => () => N.astype(N.multiply(N.power(N.divide(N.astype(img, 'float32'), 255), 2.2), 255), 'uint8')],
  ["sort each pixel's channels: sort(img, axis=2)", 'np.sort(img, { axis: 2 })', 'np.sort(img, axis=2)',
    (img) => () => N.sort(img, { axis: 2 })],
  ['downscale 2x by binning: reshape, mean(axis=(1, 3))', 'np.mean(np.reshape(img, [H/2, 2, W/2, 2, 3]), { axis: [1, 3] })',
    'img.reshape(H // 2, 2, W // 2, 2, 3).mean(axis=(1, 3))',
    (img) => () => N.mean(N.reshape(img, [img.shape[0] / 2, 2, img.shape[1] / 2, 2, 3]), { axis: [1, 3] })],
  ['frames equal within 2: isclose(img, flip, atol=2).all()', "np.all(np.isclose(img, np.index(img, '::-1'), { atol: 2 }))",
    'np.isclose(img, img[::-1], atol=2).all()', (img) => () => N.all(N.isclose(img, N.index(img, '::-1'), { atol: 2 }))],
  // session 19's battery: paths that ran a JavaScript loop per element or a slow engine path
  ['three levels of a channel: select([g < 50, g < 150], [0, 128], 255)',
    "np.select([np.less(g, 50), np.less(g, 150)], [0, 128], 255)  (g = np.index(img, ':, :, 1'))",
    'np.select([img[:, :, 1] < 50, img[:, :, 1] < 150], [0, 128], 255)',
    (img) => {
      const g = N.index(img, ':, :, 1');
      return () => N.select([N.less(g, 50), N.less(g, 150)], [0, 128], 255);
    }],
  ['every other column: take(img, arange(0, W, 2), axis=1)', "np.take(img, np.arange(0, W, 2), { axis: 1 })",
    'np.take(img, np.arange(0, W, 2), axis=1)', (img) => () => N.take(img, N.arange(0, img.shape[1], 2), { axis: 1 })],
  ['nearest-neighbour resize to 2/3: two takes of i * 3 // 2',
    'np.take(np.take(img, rows, { axis: 0 }), cols, { axis: 1 })  (rows = np.floor_divide(np.multiply(np.arange(H * 2 / 3), 3), 2), cols likewise)',
    'img[np.arange(H * 2 // 3) * 3 // 2][:, np.arange(W * 2 // 3) * 3 // 2]',
    (img) => () => {
      const [h, w] = img.shape;
      const at = (n: number) => N.floor_divide(N.multiply(N.arange(Math.floor((n * 2) / 3)), 3), 2);
      return N.take(N.take(img, at(h), { axis: 0 }), at(w), { axis: 1 });
    }],
  ['float histogram: histogram(img / 255 in float32, 32) counts', "np.histogram(f, 32)[0]  (f = np.divide(np.astype(img, 'float32'), 255))",
    'np.histogram(f32, 32)[0]', (img) => {
      const f = N.divide(N.astype(img, 'float32'), 255);
      return () => (N.histogram(f, 32) as np.NdArray[])[0];
    }],
  ['float histogram of a channel with a range: histogram(f[:, :, 0], 64, range=(0, 1))',
    "np.histogram(np.index(f, ':, :, 0'), 64, { range: [0, 1] })[0]", 'np.histogram(f32[:, :, 0], 64, range=(0, 1))[0]',
    (img) => {
      const f = N.divide(N.astype(img, 'float32'), 255);
      return () => (N.histogram(N.index(f, ':, :, 0'), 64, { range: [0, 1] }) as np.NdArray[])[0];
    }],
  ['bright values of a channel: extract(g > 128, g)', "np.extract(np.greater(g, 128), g)  (g = np.index(img, ':, :, 1'))",
    'np.extract(img[:, :, 1] > 128, img[:, :, 1])', (img) => {
      const g = N.index(img, ':, :, 1');
      return () => N.extract(N.greater(g, 128), g);
    }],
  ['green per red level: bincount(r, weights=g, minlength=256)',
    "np.bincount(np.ravel(r), { weights: np.ravel(g), minlength: 256 })  (r, g = channels)",
    'np.bincount(img[:, :, 0].ravel(), weights=img[:, :, 1].ravel(), minlength=256)',
    (img) => () => N.bincount(N.ravel(N.index(img, ':, :, 0')), { weights: N.ravel(N.index(img, ':, :, 1')), minlength: 256 })],
  ['brightest green pixel: argmax(img[:, :, 1])', "np.argmax(np.index(img, ':, :, 1'))", 'img[:, :, 1].argmax()',
    (img) => () => N.argmax(N.index(img, ':, :, 1'))],
  ['darkest red in float: f[:, :, 0].min()', "np.min(np.index(f, ':, :, 0'))", 'f32[:, :, 0].min()', (img) => {
    const f = N.divide(N.astype(img, 'float32'), 255);
    return () => N.min(N.index(f, ':, :, 0'));
  }],
  ['median of each pixel\'s channels: median(img, axis=2)', 'np.median(img, { axis: 2 })', 'np.median(img, axis=2)',
    (img) => () => N.median(img, { axis: 2 })],
  // session 20: float products of strided planes (gemm.c); numpy's BLAS sums
  // float32 in float32, ours in double: up to 17 ulp apart on these
  ['product of two float channel planes: f[:n, :n, 0] @ f[:n, :n, 1], n = 256',
    "np.matmul(np.index(f, ':n, :n, 0'), np.index(f, ':n, :n, 1'))",
    '(lambda n: f32[:n, :n, 0] @ f32[:n, :n, 1])(min(H, W, 256))', (img) => {
      const f = N.divide(N.astype(img, 'float32'), 255);
      const n = Math.min(img.shape[0], img.shape[1], 256);
      return () => N.matmul(N.index(f, `:${n}, :${n}, 0`), N.index(f, `:${n}, :${n}, 1`));
    }, 64],
  ['a 256-column matrix on every row of a float channel: f[:, :n, 0] @ f[:n, :n, 1]',
    "np.matmul(np.index(f, ':, :n, 0'), np.index(f, ':n, :n, 1'))",
    '(lambda n: f32[:, :n, 0] @ f32[:n, :n, 1])(min(H, W, 256))', (img) => {
      const f = N.divide(N.astype(img, 'float32'), 255);
      const n = Math.min(img.shape[0], img.shape[1], 256);
      return () => N.matmul(N.index(f, `:, :${n}, 0`), N.index(f, `:${n}, :${n}, 1`));
    }, 64],
];

function programs(s: Sizes): Case[] {
  const setup = imageSetup(s);
  return PROGRAMS.map(([name, ours, numpy, run, ulp]) => ({ name, setup, ours, numpy, run: (e) => run(e.img), ulp }));
}

// ---- axis reductions --------------------------------------------------

function axis(s: Sizes): Case[] {
  const list: Case[] = [];
  const img = imageSetup(s);
  for (const f of ['sum', 'mean', 'max']) {
    for (const ax of [0, 1, 2, [0, 1]]) {
      const pyAxis = Array.isArray(ax) ? `(${ax.join(', ')})` : String(ax);
      const tsAxis = Array.isArray(ax) ? `[${ax.join(', ')}]` : String(ax);
      list.push({
        name: `${f} image axis=${pyAxis}`, setup: img,
        ours: `np.${f}(img, { axis: ${tsAxis} })`,
        numpy: `img.${f}(axis=${pyAxis})`,
        run: (e) => () => N[f](e.img, { axis: ax }),
      });
    }
  }
  const plane: Setup = {
    ours: () => ({ x: mapped(files.plane, 'float32', [s.rows, s.cols], 0, 'c') }),
    python: `x = ${pyMapped(files.plane, 'float32', [s.rows, s.cols], 0, 'c')}\n`,
  };
  for (const f of ['sum', 'mean', 'max', 'argmax', 'std', 'cumsum', 'median', 'count_nonzero', 'nanmean']) {
    for (const ax of [0, 1]) {
      list.push({
        name: `${f} float32 ${s.rows}×${s.cols} axis=${ax}`, setup: plane,
        ours: `np.${f}(x, { axis: ${ax} })`,
        numpy: `np.${f}(x, axis=${ax})`,
        run: (e) => () => N[f](e.x, { axis: ax }),
      });
    }
  }
  return list;
}

// ---- casts ------------------------------------------------------------

const CAST_DTYPES = ['uint8', 'int16', 'int32', 'float32', 'float64'] as const;

function casts(s: Sizes): Case[] {
  const list: Case[] = [];
  for (const from of CAST_DTYPES) {
    const n = s.bytes / itemsize(from);
    const setup: Setup = {
      ours: () => ({ a: mapped(files.cast(from), from, [n], 0, 'c') }),
      python: `a = ${pyMapped(files.cast(from), from, [n], 0, 'c')}\n`,
    };
    for (const to of CAST_DTYPES) {
      if (to === from) continue;
      list.push({
        name: `${from} → ${to}`, setup,
        ours: `np.astype(a, '${to}')`,
        numpy: `a.astype(${py(to)})`,
        run: (e) => () => N.astype(e.a, to),
      });
    }
  }
  return list;
}

// ---- tiny arrays: per-call overhead ------------------------------------

function tiny(): Case[] {
  const setup: Setup = {
    ours: () => {
      const [a, b, c] = [0, 1, 2].map((i) => mapped(files.tiny, 'float64', [16], i * 128));
      return { a, b, c };
    },
    // plain ndarrays (np.array copies): numpy's memmap subclass would add its own per-call cost
    python: [0, 1, 2].map((i) => `${'abc'[i]} = np.array(np.memmap(${JSON.stringify(files.tiny)}, dtype=np.float64, mode='r', offset=${i * 128}, shape=(16,)))`).join('\n') +
      '\nv = a.reshape(4, 4)[::-1]\n',
  };
  return [
    { name: 'add, out given', setup, ours: 'np.add(a, b, { out: c })', numpy: 'np.add(a, b, out=c)', run: (e) => () => N.add(e.a, e.b, { out: e.c }) },
    { name: 'add, new array', setup, ours: 'np.add(a, b)', numpy: 'a + b', run: (e) => () => N.add(e.a, e.b) },
    { name: 'sum', setup, ours: 'np.sum(a)', numpy: 'a.sum()', run: (e) => () => N.sum(e.a) },
    { name: 'astype float32', setup, ours: "np.astype(a, 'float32')", numpy: 'a.astype(np.float32)', run: (e) => () => N.astype(e.a, 'float32') },
    {
      name: 'index of a view', setup,
      ours: "np.index(v, '1:3, 1:')  (v = np.index(np.reshape(a, [4, 4]), '::-1'))",
      numpy: 'v[1:3, 1:]',
      run: (e) => {
        const v = N.index(N.reshape(e.a, [4, 4]), '::-1');
        return () => N.index(v, '1:3, 1:');
      },
    },
  ];
}

/** Every table, in report order. */
export function tables(s: Sizes): Table[] {
  return [
    { id: 'contiguous', title: `Contiguous: every ufunc and reduction, every dtype, ${s.bytes >> 10} KiB operands`, target: 1.0, tolerance: 1.1, geomeanTarget: 0.95, cases: contiguous(s) },
    { id: 'image', title: `Image layouts on ${s.H}×${s.W}×3 uint8`, target: 1.0, cases: image(s) },
    { id: 'programs', title: `More image programs on ${s.H}×${s.W}×3 uint8 (new arrays at every step)`, target: 1.0, cases: programs(s) },
    { id: 'axis', title: 'Axis reductions', target: 1.0, cases: axis(s) },
    { id: 'casts', title: `Casts, ${s.bytes >> 10} KiB sources`, target: 1.0, cases: casts(s) },
    { id: 'tiny', title: 'Tiny arrays (16 float64 elements): per-call overhead', target: 2.0, cases: tiny() },
  ];
}
